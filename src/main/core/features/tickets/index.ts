// What the tickets feature offers the other features; they import only from here.
export { NAME, normaliseQuery, PHONE_DIGITS, prefixEnd, searchTickets, searchTicketsIn, SERIAL } from './search';
