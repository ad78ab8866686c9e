// Reading a ticket's history (table ticket_event, with the staff who did each
// step and the manager who approved it): the ticket page's timeline and the
// ticket's detail both read it here. Its one writer is recordEvent.
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
  approved_by_name: string | null;
}

/** A ticket's events in the order written. */
export function selectTicketEvents(tx: ReadTx, ticketId: number): Promise<TicketEventRecord[]> {
  return tx.query<TicketEventRecord[]>(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.amount_minor, e.note, e.note_data, s.name AS staff_name, a.name AS approved_by_name, e.at
     FROM ticket_event e LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN staff a ON a.id = e.approved_by
     WHERE e.ticket_id = ? ORDER BY e.id`,
    [ticketId],
  );
}
