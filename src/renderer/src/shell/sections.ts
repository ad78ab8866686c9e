export const SECTIONS = ['intake', 'tickets', 'collection', 'customers', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
