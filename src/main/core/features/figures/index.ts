// What the figures feature offers the other features; they import only from here.
export { localDayStart, periodMoney } from './period-money';
export { satisfactionSummary } from './satisfaction-summary';
