// What the printing feature offers the other features; they import only from here.
export type { PrintDocument } from './spooler';
export { calibrationFor, pdfPageSize, requirePreset } from './ticket-printing';
