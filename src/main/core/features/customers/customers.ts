import type { ReadTx } from '../../storage/transactions';
import type { CustomerDetail, CustomerSummary } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { listTicketsOfCustomer } from '../../record/tickets';
import { selectCustomersByName, selectCustomersByPhone, selectCustomerSummaryById, type CustomerSummaryRow } from './queries/customers';

export function phoneDigits(phone: string): string {
  return phone.normalize('NFKC').replace(/\D/g, '');
}

function toSummary(r: CustomerSummaryRow): CustomerSummary {
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

/**
 * As-you-type lookup in the archive. Digits search phones (anywhere in the
 * number, exact and prefix matches first); anything else searches names.
 */
export async function searchCustomers(tx: ReadTx, query: string, limit: number): Promise<CustomerSummary[]> {
  const text = query.normalize('NFKC').trim();
  if (text === '') return [];
  const digits = phoneDigits(text);
  const looksLikePhone = /^[\d\s()+-]+$/.test(text);
  if (looksLikePhone) {
    if (digits.length < 3) return [];
    return (await selectCustomersByPhone(tx, digits, limit)).map(toSummary);
  }
  return (await selectCustomersByName(tx, text, limit)).map(toSummary);
}

export async function getCustomer(tx: ReadTx, id: number, ticketPrefix: string): Promise<CustomerDetail> {
  const row = await selectCustomerSummaryById(tx, id);
  if (!row) throw new DeskError('not_found');
  return { ...toSummary(row), tickets: await listTicketsOfCustomer(tx, id, ticketPrefix) };
}
