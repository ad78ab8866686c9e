// Every contact with the customer about a ticket, newest first: the "customer
// notified" calls, the follow-up calls (回访) and the messages copied for them.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ContactEntry, MessageTemplate } from '../../../../shared/customer-care-contract';
import type { Language } from '../../../../shared/domain';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { Actor } from '../staff';
import { loadTicket, recordEvent } from '../../record/ticket-record';

interface ContactRecord {
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

const MAX_CONTACTS = 200;

/** The contacts of some tickets (a ticket page: one; a customer page: theirs). */
export async function contactsOfTickets(tx: ReadTx, ticketIds: number[], prefix: string): Promise<ContactEntry[]> {
  if (ticketIds.length === 0) return [];
  const inList = ticketIds.map(() => '?').join(',');
  const rows: ContactRecord[] = await tx.query(
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
     ) AS contact ORDER BY at DESC LIMIT ?`,
    [...ticketIds, ...ticketIds, ...ticketIds, MAX_CONTACTS],
  );
  return rows.map((r) => ({
    kind: r.kind,
    ticketId: r.ticket_id,
    displayNumber: displayTicketNumber(r.number, prefix),
    at: r.at,
    staffName: r.staff_name,
    detail: r.detail,
    text: r.text,
    quality: r.quality,
    attitude: r.attitude,
    working: r.working === null ? null : Boolean(r.working),
  }));
}

/** A message the clerk copied to send (the desk is offline; it is sent from their phone). */
export async function logMessage(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; template: MessageTemplate; language: Language; text: string },
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  await tx.query(`INSERT INTO contact_message (ticket_id, template, language, text, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    ticket.id,
    input.template,
    input.language,
    input.text,
    actor.id,
    nowIso,
  ]);
  await recordEvent(tx, { ticketId: ticket.id, kind: 'message_copied', note: input.text, staffId: actor.id, at: nowIso });
}
