// The archive page as the intake's returning-customer summary, to prefill a new intake.
import type { CustomerSummary } from '../../../../shared/contract';
import type { CustomerArchive } from '../../../../shared/customer-care-contract';

export function summaryOf(customer: CustomerArchive): CustomerSummary {
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    address: customer.address,
    notes: customer.notes,
    ownerTechnicianId: null,
    ticketCount: customer.tickets.length,
    lastVisitAt: customer.tickets[0]?.createdAt ?? null,
  };
}
