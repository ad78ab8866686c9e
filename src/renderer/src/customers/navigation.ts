// Where the customer-care pages may send the clerk: another customer or
// complaint on this screen, a repair on the Tickets screen, a new intake.
import type { IntakePrefill } from '../shell/intake-request';

export interface CareNavigation {
  openCustomer(customerId: number): void;
  openComplaint(complaintId: number): void;
  openTicket(number: number): void;
  newIntake(prefill: IntakePrefill): void;
}
