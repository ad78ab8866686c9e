// The repair feature's statements on the ticket_event table: the ticket page's timeline,
// with who did each step and who approved it.
import type { ReadTx } from '../../../storage/transactions';
import type { TicketStatus } from '../../../../../shared/domain';

export interface TimelineEventRow {
  id: number;
  kind: string;
  from_status: TicketStatus | null;
  to_status: TicketStatus | null;
  amount_minor: number | null;
  note: string;
  note_data: string | null;
  staff_name: string | null;
  approved_by_name: string | null;
  at: string;
}

/** A ticket's events in the order written. */
export function selectTicketEvents(tx: ReadTx, ticketId: number): Promise<TimelineEventRow[]> {
  return tx.query<TimelineEventRow[]>(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.amount_minor, e.note, e.note_data, s.name AS staff_name, a.name AS approved_by_name, e.at
     FROM ticket_event e LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN staff a ON a.id = e.approved_by
     WHERE e.ticket_id = ? ORDER BY e.id`,
    [ticketId],
  );
}
