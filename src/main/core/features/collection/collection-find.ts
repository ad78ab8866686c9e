// Finding what to hand over, and what nobody came for. A scanned or typed
// ticket number finds that ticket whatever its status (so the counter can say
// "already collected"); a phone or a name finds the customer's tickets, those
// waiting to be collected first. Unclaimed: devices waiting longer than the
// shop's setting, oldest first, with the last time the customer was told.
import type { ReadTx } from '../../storage/transactions';
import type { CollectionMatch, UnclaimedTicket } from '../../../../shared/collection-contract';
import type { Settings } from '../../../../shared/contract';
import { displayTicketNumber, parseTicketNumber } from '../../../../shared/ticket-number';
import { daysBetween, localIsoDate } from '../../../../shared/calendar';
import { isCollectable, refusalOf } from './collection-view';
import { searchTicketsIn } from '../tickets';
import { selectMatchesByIds, selectMatchesByNumber, selectWaitingWithLastNotification, type MatchRecord } from './queries/tickets';

const FIND_LIMIT = 30;

export function maskLast4(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `•••• ${digits.slice(-4)}`;
}

function toMatch(r: MatchRecord, prefix: string): CollectionMatch {
  return {
    ticketId: r.id,
    number: r.number,
    displayNumber: displayTicketNumber(r.number, prefix),
    status: r.status,
    customerName: r.name,
    customerPhoneMasked: maskLast4(r.phone),
    deviceType: r.type,
    brand: r.brand,
    model: r.model,
    readyAt: r.ready_at,
    createdAt: r.created_at,
    collectable: isCollectable(r.status),
    refusal: refusalOf(r.status),
  };
}

export async function findForCollection(tx: ReadTx, query: string, settings: Settings): Promise<CollectionMatch[]> {
  const text = query.normalize('NFKC').trim();
  if (text === '') return [];
  const number = parseTicketNumber(text);
  if (number !== null) {
    const rows = await selectMatchesByNumber(tx, number);
    return rows.map((r) => toMatch(r, settings.ticketPrefix));
  }
  const hits = await searchTicketsIn(tx, text, FIND_LIMIT, { today: null });
  if (hits.length === 0) return [];
  const order = new Map(hits.map((h, index) => [h.ticketId, index]));
  const rows = await selectMatchesByIds(
    tx,
    hits.map((h) => h.ticketId),
  );
  // Waiting to be collected first (oldest wait first); then the rest in the search's order.
  return rows
    .map((r) => toMatch(r, settings.ticketPrefix))
    .sort((a, b) => {
      if (a.collectable !== b.collectable) return a.collectable ? -1 : 1;
      if (a.collectable && a.readyAt !== b.readyAt) return (a.readyAt ?? '').localeCompare(b.readyAt ?? '');
      return order.get(a.ticketId)! - order.get(b.ticketId)!;
    });
}

/** Devices waiting to be collected (repaired, or to go back unrepaired) for at least unclaimedAfterDays. */
export async function unclaimedTickets(tx: ReadTx, settings: Settings, now: Date): Promise<UnclaimedTicket[]> {
  const today = localIsoDate(now);
  const rows = await selectWaitingWithLastNotification(tx);
  const unclaimed: UnclaimedTicket[] = [];
  for (const r of rows) {
    const readyAt = r.ready_at ?? r.created_at;
    const daysWaiting = daysBetween(localIsoDate(new Date(readyAt)), today);
    if (daysWaiting < settings.unclaimedAfterDays) continue;
    unclaimed.push({
      ticketId: r.id,
      number: r.number,
      displayNumber: displayTicketNumber(r.number, settings.ticketPrefix),
      status: r.status,
      customerName: r.name,
      customerPhone: r.phone,
      deviceType: r.type,
      brand: r.brand,
      model: r.model,
      readyAt,
      daysWaiting,
      lastNotification: r.notified_at === null ? null : { at: r.notified_at, method: r.notified_method!, outcome: r.notified_outcome! },
    });
  }
  return unclaimed;
}
