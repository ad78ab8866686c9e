// What the customers feature offers the other features; they import only from here.
export { updateCustomer } from './customer-update';
export { getCustomer, phoneDigits } from './customers';
export { searchCustomers, searchCustomersIn } from './customer-lookup';
export { startFollowUp } from './follow-ups';
