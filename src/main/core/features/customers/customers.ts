import type { ReadTx } from '../../storage/transactions';
import type { CustomerDetail, CustomerSummary } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { listTicketsOfCustomer } from '../../record/tickets';
import { onlyRow } from '../../storage/rows';
import { engineOf } from '../../storage/engine';

export function phoneDigits(phone: string): string {
  return phone.normalize('NFKC').replace(/\D/g, '');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

interface CustomerSummaryRecord {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  owner_technician_id: number | null;
  ticket_count: number;
  last_visit_at: string | null;
}

const SUMMARY_COLUMNS = `c.id, c.name, c.phone, c.address, c.notes, c.owner_technician_id,
  (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
  (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at`;

function toSummary(r: CustomerSummaryRecord): CustomerSummary {
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
    const rows: CustomerSummaryRecord[] = await tx.query(
      `SELECT ${SUMMARY_COLUMNS} FROM customer c
       WHERE c.phone_digits LIKE ? ESCAPE '\\' AND c.merged_into_id IS NULL
       ORDER BY (c.phone_digits = ?) DESC, (c.phone_digits LIKE ? ESCAPE '\\') DESC, last_visit_at DESC, c.id DESC
       LIMIT ?`,
      [`%${escapeLike(digits)}%`, digits, `${escapeLike(digits)}%`, limit],
    );
    return rows.map(toSummary);
  }
  // Names match ignoring the case of ASCII letters on both engines (SQLite's LIKE does; PostgreSQL's does not).
  const nameLike = engineOf(tx).likeNoCase('c.name');
  const rows: CustomerSummaryRecord[] = await tx.query(
    `SELECT ${SUMMARY_COLUMNS} FROM customer c
     WHERE ${nameLike} AND c.merged_into_id IS NULL
     ORDER BY (c.name = ?) DESC, (${nameLike}) DESC, last_visit_at DESC, c.id DESC
     LIMIT ?`,
    [`%${escapeLike(text)}%`, text, `${escapeLike(text)}%`, limit],
  );
  return rows.map(toSummary);
}

export async function getCustomer(tx: ReadTx, id: number, ticketPrefix: string): Promise<CustomerDetail> {
  const rows: CustomerSummaryRecord[] = await tx.query(`SELECT ${SUMMARY_COLUMNS} FROM customer c WHERE c.id = ?`, [id]);
  if (rows.length === 0) throw new DeskError('not_found');
  return { ...toSummary(onlyRow(rows)), tickets: await listTicketsOfCustomer(tx, id, ticketPrefix) };
}
