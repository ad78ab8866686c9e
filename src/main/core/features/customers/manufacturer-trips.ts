// 返厂: a device sent to the manufacturer (RMA number, where it went, when it
// is expected back) moves the ticket to at_manufacturer in the same step; its
// return moves it to back_from_manufacturer. The list of devices away shows
// the overdue ones first.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { Language } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { ManufacturerTripView } from '../../../../shared/customer-care-contract';
import { localIsoDate } from '../../../../shared/calendar';
import type { Actor } from '../staff';
import { loadTicket } from '../../record/ticket-record';
import { workflowMove } from '../repair';
import { onlyRow } from '../../storage/rows';
import { countOpenTrips, insertTrip, markTripBack, selectTripsAway, selectTripsOfTicket, type TripRow } from './queries/manufacturer-trips';

function toView(r: TripRow, prefix: string, today: string): ManufacturerTripView {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    number: r.number,
    displayNumber: displayTicketNumber(r.number, prefix),
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    device: `${r.brand} ${r.model}`,
    rmaNumber: r.rma_number,
    manufacturer: r.manufacturer,
    expectedBack: r.expected_back,
    note: r.note,
    sentAt: r.sent_at,
    sentByName: r.sent_by_name,
    backAt: r.back_at,
    overdue: r.back_at === null && r.expected_back < today,
  };
}

/** Devices at manufacturers now (index manufacturer_trip_open), the longest overdue first. */
export async function tripsAway(tx: ReadTx, prefix: string, now: Date): Promise<ManufacturerTripView[]> {
  const rows = await selectTripsAway(tx);
  return rows.map((r) => toView(r, prefix, localIsoDate(now)));
}

export async function tripsOfTicket(tx: ReadTx, ticketId: number, prefix: string, now: Date): Promise<ManufacturerTripView[]> {
  const rows = await selectTripsOfTicket(tx, ticketId);
  return rows.map((r) => toView(r, prefix, localIsoDate(now)));
}

export async function sendToManufacturer(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; rmaNumber: string; manufacturer: string; expectedBack: string; note: string },
  language: Language,
  now: Date,
): Promise<void> {
  const nowIso = now.toISOString();
  if (input.expectedBack < localIsoDate(now)) throw DeskError.field('expectedBack', 'date_in_past');
  const ticket = await loadTicket(tx, input.ticketId);
  if ((await countOpenTrips(tx, ticket.id)) > 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'duplicate' }]);
  const what = `${input.manufacturer} · RMA ${input.rmaNumber}`;
  await workflowMove(tx, actor, null, { session: '', ticketId: ticket.id, toStatus: 'at_manufacturer', note: what, managerApproval: null }, language, nowIso);
  await insertTrip(tx, {
    ticketId: ticket.id,
    rmaNumber: input.rmaNumber,
    manufacturer: input.manufacturer,
    expectedBack: input.expectedBack,
    note: input.note,
    sentBy: actor.id,
    sentAt: nowIso,
  });
}

export async function backFromManufacturer(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; note: string },
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  const updated = await markTripBack(tx, nowIso, actor.id, ticket.id);
  if (updated.length === 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'already_returned' }]);
  const note = [`RMA ${onlyRow(updated).rma_number}`, input.note].filter(Boolean).join(' · ');
  await workflowMove(tx, actor, null, { session: '', ticketId: ticket.id, toStatus: 'back_from_manufacturer', note, managerApproval: null }, language, nowIso);
}
