import type { ReadTx } from '../../storage/transactions';
import type { CustomerDetail, CustomerSummary } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { listTicketsOfCustomer } from '../../record/tickets';
import { selectCustomerSummaryById, type CustomerSummaryRow } from './queries/customers';

export function phoneDigits(phone: string): string {
  return phone.normalize('NFKC').replace(/\D/g, '');
}

export function toSummary(r: CustomerSummaryRow): CustomerSummary {
  return {
    id: r.id,
    name: r.name,
    phone: r.phone,
    address: r.address,
    notes: r.notes,
    ownerTechnicianId: r.owner_technician_id,
    ticketCount: r.ticket_count,
    lastVisitAt: r.last_visit_at,
  };
}

export async function getCustomer(tx: ReadTx, id: number, ticketPrefix: string): Promise<CustomerDetail> {
  const row = await selectCustomerSummaryById(tx, id);
  if (!row) throw new DeskError('not_found');
  return { ...toSummary(row), tickets: await listTicketsOfCustomer(tx, id, ticketPrefix) };
}
