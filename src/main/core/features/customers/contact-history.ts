// Every contact with the customer about a ticket, newest first: the "customer
// notified" calls, the follow-up calls (回访) and the messages copied for them.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ContactEntry, MessageTemplate } from '../../../../shared/customer-care-contract';
import type { Language } from '../../../../shared/domain';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { Actor } from '../staff';
import { loadTicket, recordEvent } from '../../record/ticket-record';
import { insertContactMessage, selectContactsOfTickets } from './queries/contacts';

const MAX_CONTACTS = 200;

/** The contacts of some tickets (a ticket page: one; a customer page: theirs). */
export async function contactsOfTickets(tx: ReadTx, ticketIds: number[], prefix: string): Promise<ContactEntry[]> {
  if (ticketIds.length === 0) return [];
  const rows = await selectContactsOfTickets(tx, ticketIds, MAX_CONTACTS);
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
  await insertContactMessage(tx, { ticketId: ticket.id, template: input.template, language: input.language, text: input.text, staffId: actor.id, at: nowIso });
  await recordEvent(tx, { ticketId: ticket.id, kind: 'message_copied', note: input.text, staffId: actor.id, at: nowIso });
}
