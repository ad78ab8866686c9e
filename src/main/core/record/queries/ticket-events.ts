// Reading a ticket's history (table ticket_event, with the staff who did each step).
// Its one writer is recordEvent, through the ORM's insert.
import type { TicketStatus } from '../../../../shared/domain';
import type { TicketEventKind } from '../../../../shared/ticket-events';
import type { ReadTx } from '../../storage/transactions';

export interface TicketEventRecord {
  id: number;
  kind: TicketEventKind;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  amount_minor: number | null;
  note: string;
  note_data: string | null;
  at: string;
  staff_name: string | null;
}

/** A ticket's events, oldest first. */
export function selectTicketEvents(tx: ReadTx, ticketId: number): Promise<TicketEventRecord[]> {
  return tx.query<TicketEventRecord[]>(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.amount_minor, e.note, e.note_data, e.at, s.name AS staff_name
     FROM ticket_event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ? ORDER BY e.id`,
    [ticketId],
  );
}
