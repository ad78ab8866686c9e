// The repair feature's statements on the notification table: who called the customer,
// when and what came of it, and the ticket's list of those calls.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { NotificationMethod, NotificationOutcome } from '../../../../../shared/workflow';

export interface NotificationRow {
  id: number;
  method: NotificationMethod;
  outcome: NotificationOutcome;
  note: string;
  staff_name: string | null;
  at: string;
}

export async function insertNotification(
  tx: WriteTx,
  ticketId: number,
  staffId: number,
  method: NotificationMethod,
  outcome: NotificationOutcome,
  note: string,
  at: string,
): Promise<void> {
  await tx.query<unknown>(`INSERT INTO notification (ticket_id, staff_id, method, outcome, note, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    ticketId,
    staffId,
    method,
    outcome,
    note,
    at,
  ]);
}

export function selectTicketNotifications(tx: ReadTx, ticketId: number): Promise<NotificationRow[]> {
  return tx.query<NotificationRow[]>(
    `SELECT n.id, n.method, n.outcome, n.note, s.name AS staff_name, n.at
       FROM notification n LEFT JOIN staff s ON s.id = n.staff_id WHERE n.ticket_id = ? ORDER BY n.id`,
    [ticketId],
  );
}
