// What other features use of Settings: the printing section (the first-run
// setup ends with it).
export { PrintingSettings } from './PrintingSettings';
