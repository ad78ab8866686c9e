/** 大中小修及保养: the kind of work a repair was, set with the diagnosis; the reports count them. */
export const REPAIR_CLASSES = ['major', 'medium', 'minor', 'maintenance'] as const;
export type RepairClass = (typeof REPAIR_CLASSES)[number];
