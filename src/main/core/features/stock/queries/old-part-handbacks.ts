// The replaced parts handed back to customers (table old_part_handback): booking
// one and listing a ticket's.
import type { ReadTx, WriteTx } from '../../../storage/transactions';

interface NewOldPartHandback {
  ticketId: number;
  partId: number;
  qty: number;
  note: string;
  staffId: number;
  at: string;
}

export async function insertOldPartHandback(tx: WriteTx, handback: NewOldPartHandback): Promise<void> {
  await tx.query<unknown>(`INSERT INTO old_part_handback (ticket_id, part_id, qty, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    handback.ticketId,
    handback.partId,
    handback.qty,
    handback.note,
    handback.staffId,
    handback.at,
  ]);
}

export interface OldPartHandbackRow {
  part_id: number;
  name: string;
  specification: string;
  qty: number;
  staff_name: string | null;
  at: string;
}

/** A ticket's handed-back parts, oldest first. */
export async function selectTicketHandbacks(tx: ReadTx, ticketId: number): Promise<OldPartHandbackRow[]> {
  return tx.query<OldPartHandbackRow[]>(
    `SELECT h.part_id, p.name, p.specification, h.qty, s.name AS staff_name, h.at
     FROM old_part_handback h JOIN part p ON p.id = h.part_id LEFT JOIN staff s ON s.id = h.staff_id WHERE h.ticket_id = ? ORDER BY h.id`,
    [ticketId],
  );
}
