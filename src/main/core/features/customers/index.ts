// What the customers feature offers the other features; they import only from here.
export { updateCustomer } from './customer-update';
export { getCustomer, phoneDigits, searchCustomers } from './customers';
export { startFollowUp } from './follow-ups';
