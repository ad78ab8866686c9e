// The contacts with a customer about their tickets: notification calls, follow-up
// calls and copied messages read as one list, and the contact_message rows written.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { rowLimit } from '../../../storage/row-limit';
import type { ContactEntry, MessageTemplate } from '../../../../../shared/customer-care-contract';
import type { Language } from '../../../../../shared/domain';

export interface ContactRow {
  kind: ContactEntry['kind'];
  ticket_id: number;
  number: number;
  at: string;
  staff_name: string | null;
  detail: string;
  text: string;
  quality: number | null;
  attitude: number | null;
  working: number | null;
}

/** The newest `limit` contacts of some tickets (at least one ticket id). */
export async function selectContactsOfTickets(tx: ReadTx, ticketIds: number[], limit: number): Promise<ContactRow[]> {
  const inList = ticketIds.map(() => '?').join(',');
  return tx.query<ContactRow[]>(
    `SELECT * FROM (
       SELECT 'notification' AS kind, n.ticket_id, t.number, n.at, s.name AS staff_name, n.method || ':' || n.outcome AS detail, n.note AS text,
         NULL AS quality, NULL AS attitude, NULL AS working
       FROM notification n JOIN ticket t ON t.id = n.ticket_id LEFT JOIN staff s ON s.id = n.staff_id WHERE n.ticket_id IN (${inList})
       UNION ALL
       SELECT 'follow_up', f.ticket_id, t.number, f.at, s.name, CASE WHEN f.reached = 1 THEN 'reached' ELSE 'not_reached' END, f.remarks,
         f.quality, f.attitude, f.working
       FROM follow_up_call f JOIN ticket t ON t.id = f.ticket_id LEFT JOIN staff s ON s.id = f.staff_id WHERE f.ticket_id IN (${inList})
       UNION ALL
       SELECT 'message', m.ticket_id, t.number, m.at, s.name, m.template, m.text, NULL, NULL, NULL
       FROM contact_message m JOIN ticket t ON t.id = m.ticket_id LEFT JOIN staff s ON s.id = m.staff_id WHERE m.ticket_id IN (${inList})
     ) AS contact ORDER BY at DESC ${rowLimit(limit)}`,
    [...ticketIds, ...ticketIds, ...ticketIds],
  );
}

export async function insertContactMessage(
  tx: WriteTx,
  message: { ticketId: number; template: MessageTemplate; language: Language; text: string; staffId: number; at: string },
): Promise<void> {
  await tx.query<unknown>(`INSERT INTO contact_message (ticket_id, template, language, text, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    message.ticketId,
    message.template,
    message.language,
    message.text,
    message.staffId,
    message.at,
  ]);
}
