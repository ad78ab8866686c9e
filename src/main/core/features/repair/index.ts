// What the repair feature offers the other features; they import only from here.
export { getDiagnosis } from './diagnosis';
export { listFeeItems, saveFeeItem } from './fee-standard';
export { listTicketLoans } from './loaners';
export { listQuotes } from './quotes';
export { collectTicket, isOverdue, isPngDataUrl, reopenAsRework, workflowMove } from './workflow';
