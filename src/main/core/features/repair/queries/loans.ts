// The repair feature's statements on the loan table: a loaner lent for a ticket, recorded
// back in the shop, and the ticket's list of loans.
import type { ReadTx, WriteTx } from '../../../storage/transactions';

export interface LoanToReturnRow {
  ticket_id: number;
  returned_at: string | null;
  name: string;
  serial: string;
}

export interface TicketLoanRow {
  id: number;
  ticket_id: number;
  loaner_id: number;
  loaner_name: string;
  loaner_serial: string;
  lent_at: string;
  lent_by_name: string | null;
  lend_note: string;
  returned_at: string | null;
  returned_by_name: string | null;
  return_note: string;
}

export async function insertLoan(tx: WriteTx, ticketId: number, loanerId: number, lentAt: string, lentBy: number, note: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO loan (ticket_id, loaner_id, lent_at, lent_by, lend_note) VALUES (?, ?, ?, ?, ?)`, [
    ticketId,
    loanerId,
    lentAt,
    lentBy,
    note,
  ]);
}

/** A loan with its loaner's name and serial, to record it back. */
export async function selectLoanToReturn(tx: ReadTx, loanId: number): Promise<LoanToReturnRow | undefined> {
  const rows = await tx.query<LoanToReturnRow[]>(
    `SELECT o.ticket_id, o.returned_at, l.name, l.serial FROM loan o JOIN loaner l ON l.id = o.loaner_id WHERE o.id = ?`,
    [loanId],
  );
  return rows[0];
}

export async function markLoanReturned(tx: WriteTx, loanId: number, returnedAt: string, returnedBy: number, note: string): Promise<void> {
  await tx.query<unknown>(`UPDATE loan SET returned_at = ?, returned_by = ?, return_note = ? WHERE id = ?`, [returnedAt, returnedBy, note, loanId]);
}

/** A ticket's loans in the order lent, with the loaner and who lent and took it back. */
export function selectTicketLoans(tx: ReadTx, ticketId: number): Promise<TicketLoanRow[]> {
  return tx.query<TicketLoanRow[]>(
    `SELECT o.id, o.ticket_id, o.loaner_id, l.name AS loaner_name, l.serial AS loaner_serial, o.lent_at, lb.name AS lent_by_name, o.lend_note,
       o.returned_at, rb.name AS returned_by_name, o.return_note
     FROM loan o JOIN loaner l ON l.id = o.loaner_id
     LEFT JOIN staff lb ON lb.id = o.lent_by LEFT JOIN staff rb ON rb.id = o.returned_by
     WHERE o.ticket_id = ? ORDER BY o.id`,
    [ticketId],
  );
}
