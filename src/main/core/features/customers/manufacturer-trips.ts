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

interface TripRecord {
  id: number;
  ticket_id: number;
  number: number;
  customer_name: string;
  customer_phone: string;
  brand: string;
  model: string;
  rma_number: string;
  manufacturer: string;
  expected_back: string;
  note: string;
  sent_at: string;
  sent_by_name: string | null;
  back_at: string | null;
}

const SELECT = `SELECT m.id, m.ticket_id, t.number, c.name AS customer_name, c.phone AS customer_phone, d.brand, d.model, m.rma_number,
    m.manufacturer, m.expected_back, m.note, m.sent_at, s.name AS sent_by_name, m.back_at
  FROM manufacturer_trip m JOIN ticket t ON t.id = m.ticket_id JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
  LEFT JOIN staff s ON s.id = m.sent_by`;

function toView(r: TripRecord, prefix: string, today: string): ManufacturerTripView {
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
  const rows: TripRecord[] = await tx.query(`${SELECT} WHERE m.back_at IS NULL ORDER BY m.expected_back, m.id`);
  return rows.map((r) => toView(r, prefix, localIsoDate(now)));
}

export async function tripsOfTicket(tx: ReadTx, ticketId: number, prefix: string, now: Date): Promise<ManufacturerTripView[]> {
  const rows: TripRecord[] = await tx.query(`${SELECT} WHERE m.ticket_id = ? ORDER BY m.id DESC`, [ticketId]);
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
  const open: { n: number }[] = await tx.query(`SELECT COUNT(*) AS n FROM manufacturer_trip WHERE ticket_id = ? AND back_at IS NULL`, [ticket.id]);
  if (onlyRow(open).n > 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'duplicate' }]);
  const what = `${input.manufacturer} · RMA ${input.rmaNumber}`;
  await workflowMove(tx, actor, null, { session: '', ticketId: ticket.id, toStatus: 'at_manufacturer', note: what, managerApproval: null }, language, nowIso);
  await tx.query(`INSERT INTO manufacturer_trip (ticket_id, rma_number, manufacturer, expected_back, note, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
    ticket.id,
    input.rmaNumber,
    input.manufacturer,
    input.expectedBack,
    input.note,
    actor.id,
    nowIso,
  ]);
}

export async function backFromManufacturer(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; note: string },
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  const updated: { id: number; rma_number: string }[] = await tx.query(
    `UPDATE manufacturer_trip SET back_at = ?, back_by = ? WHERE ticket_id = ? AND back_at IS NULL RETURNING id, rma_number`,
    [nowIso, actor.id, ticket.id],
  );
  if (updated.length === 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'already_returned' }]);
  const note = [`RMA ${onlyRow(updated).rma_number}`, input.note].filter(Boolean).join(' · ');
  await workflowMove(tx, actor, null, { session: '', ticketId: ticket.id, toStatus: 'back_from_manufacturer', note, managerApproval: null }, language, nowIso);
}
