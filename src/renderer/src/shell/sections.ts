export const SECTIONS = ['intake', 'tickets', 'collection', 'stock', 'customers', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
