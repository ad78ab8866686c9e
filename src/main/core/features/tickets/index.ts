// What the tickets feature offers the other features; they import only from here.
export { foldAscii, normaliseQuery, searchTickets } from './search';
