export const SECTIONS = ['intake', 'tickets', 'collection', 'stock', 'figures', 'customers', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];
