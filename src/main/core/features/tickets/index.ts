// What the tickets feature offers the other features; they import only from here.
export { NAME, normaliseQuery, PHONE_DIGITS, phoneLike, prefixEnd, searchTickets, searchTicketsIn, SERIAL, TRIGRAM } from './search';
export { customerIdsWithPhonePrefix } from './queries/customer-phones';
export { deviceIdsWithSerial } from './queries/devices';
export { startingWith } from './queries/lookup-ids';
