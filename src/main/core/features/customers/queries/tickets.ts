// The ticket rows a customer's page reads (with what was done, paid and lent)
// and the merge that moves a duplicate customer's tickets to the record kept.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { TicketStatus } from '../../../../../shared/domain';

export interface CustomerTicketRow {
  id: number;
  number: number;
  status: TicketStatus;
  device_id: number;
  brand: string;
  model: string;
  fault: string;
  created_at: string;
  collected_at: string | null;
  technician_name: string | null;
  solution: string | null;
  paid_minor: number;
  rework_of_ticket_id: number | null;
}

export interface LoanOutRow {
  ticket_id: number;
  number: number;
  loaner_name: string;
  lent_at: string;
}

export async function selectTicketsOfCustomer(tx: ReadTx, customerId: number): Promise<CustomerTicketRow[]> {
  return tx.query<CustomerTicketRow[]>(
    `SELECT t.id, t.number, t.status, t.device_id, d.brand, d.model, t.fault, t.created_at, t.collected_at, s.name AS technician_name,
       g.solution, t.rework_of_ticket_id,
       t.deposit_minor + COALESCE((SELECT SUM(CASE p.kind WHEN 'payment' THEN p.amount_minor ELSE -p.amount_minor END)
         FROM payment p WHERE p.ticket_id = t.id AND p.voided_at IS NULL), 0) AS paid_minor
     FROM ticket t JOIN device d ON d.id = t.device_id LEFT JOIN staff s ON s.id = t.technician_id LEFT JOIN diagnosis g ON g.ticket_id = t.id
     WHERE t.customer_id = ? ORDER BY t.number DESC`,
    [customerId],
  );
}

/** The loaners a customer's tickets still have out. */
export async function selectLoansOutOfCustomer(tx: ReadTx, customerId: number): Promise<LoanOutRow[]> {
  return tx.query<LoanOutRow[]>(
    `SELECT o.ticket_id, t.number, l.name AS loaner_name, o.lent_at FROM ticket t JOIN loan o ON o.ticket_id = t.id JOIN loaner l ON l.id = o.loaner_id
     WHERE t.customer_id = ? AND o.returned_at IS NULL ORDER BY o.id`,
    [customerId],
  );
}

/** Moves every ticket of one customer to another; answers how many moved. */
export async function moveTicketsToCustomer(tx: WriteTx, toCustomerId: number, fromCustomerId: number): Promise<number> {
  const moved = await tx.query<{ id: number }[]>(`UPDATE ticket SET customer_id = ? WHERE customer_id = ? RETURNING id`, [toCustomerId, fromCustomerId]);
  return moved.length;
}
