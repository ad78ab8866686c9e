// The manufacturer_trip rows: devices sent to their manufacturer (RMA number,
// where, when expected back) and their return.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface TripRow {
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

export interface ReturnedTripRow {
  id: number;
  rma_number: string;
}

const SELECT = `SELECT m.id, m.ticket_id, t.number, c.name AS customer_name, c.phone AS customer_phone, d.brand, d.model, m.rma_number,
    m.manufacturer, m.expected_back, m.note, m.sent_at, s.name AS sent_by_name, m.back_at
  FROM manufacturer_trip m JOIN ticket t ON t.id = m.ticket_id JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
  LEFT JOIN staff s ON s.id = m.sent_by`;

/** Trips not back yet (index manufacturer_trip_open), the earliest expected first. */
export async function selectTripsAway(tx: ReadTx): Promise<TripRow[]> {
  return tx.query<TripRow[]>(`${SELECT} WHERE m.back_at IS NULL ORDER BY m.expected_back, m.id`);
}

export async function selectTripsOfTicket(tx: ReadTx, ticketId: number): Promise<TripRow[]> {
  return tx.query<TripRow[]>(`${SELECT} WHERE m.ticket_id = ? ORDER BY m.id DESC`, [ticketId]);
}

export async function countOpenTrips(tx: ReadTx, ticketId: number): Promise<number> {
  const rows = await tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM manufacturer_trip WHERE ticket_id = ? AND back_at IS NULL`, [ticketId]);
  return onlyRow(rows).n;
}

export async function insertTrip(
  tx: WriteTx,
  trip: { ticketId: number; rmaNumber: string; manufacturer: string; expectedBack: string; note: string; sentBy: number; sentAt: string },
): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO manufacturer_trip (ticket_id, rma_number, manufacturer, expected_back, note, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [trip.ticketId, trip.rmaNumber, trip.manufacturer, trip.expectedBack, trip.note, trip.sentBy, trip.sentAt],
  );
}

/** Marks the ticket's open trip back; answers it, or nothing when none was open. */
export async function markTripBack(tx: WriteTx, backAt: string, backBy: number, ticketId: number): Promise<ReturnedTripRow[]> {
  return tx.query<ReturnedTripRow[]>(`UPDATE manufacturer_trip SET back_at = ?, back_by = ? WHERE ticket_id = ? AND back_at IS NULL RETURNING id, rma_number`, [
    backAt,
    backBy,
    ticketId,
  ]);
}
