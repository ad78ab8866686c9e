export { SetupScreen } from './SetupScreen';
export { SetupPrinters } from './SetupPrinters';
export { markPrintersStep, printersStepPending } from './printers-step';
