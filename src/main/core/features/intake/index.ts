// What the intake feature offers the other features; they import only from here.
export { allocateTicketNumber, applyTicketNumberFloor } from './ticket-numbers';
