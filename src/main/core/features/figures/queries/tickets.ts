// The figures' statements on the tickets (table ticket): check-ins and their deposits over a period, first
// responses, reworks and the tickets still open.
import type { ReadTx } from '../../../storage/transactions';
import type { PaymentMethod } from '../../../../../shared/collection-contract';
import type { TicketStatus } from '../../../../../shared/domain';
import type { Period } from '../../../rules/money-booking';
import { OPEN_TICKET } from '../../../storage/migrations/0016-figures-days-money';
import type { IntakeGroup, ResponseGroup } from './figures-days';

interface CountRow {
  n: number;
}

/** Tickets checked in during the period. */
export async function countTicketsCheckedIn(tx: ReadTx, period: Period): Promise<number> {
  const rows = await tx.query<CountRow[]>(`SELECT COUNT(*) AS n FROM ticket WHERE created_at >= ? AND created_at < ?`, [period.from, period.to]);
  return rows[0]?.n ?? 0;
}

/** The deposits of a period by method (null: taken before the method was asked). */
export interface DepositByMethodRow {
  method: PaymentMethod | null;
  count: number;
  amountMinor: number;
}

/** The deposits taken at the intakes of a period, by method (an index range). */
export async function selectDepositsByMethod(tx: ReadTx, period: Period): Promise<DepositByMethodRow[]> {
  return tx.query<DepositByMethodRow[]>(
    `SELECT deposit_method AS method, COUNT(*) AS count, SUM(deposit_minor) AS "amountMinor" FROM ticket
     WHERE created_at >= ? AND created_at < ? AND deposit_minor > 0 GROUP BY deposit_method`,
    [period.from, period.to],
  );
}

/** Check-ins and deposits of the period by local day and deposit method; `local` is the SQLite modifier to local time. */
export async function selectIntakeGroups(tx: ReadTx, period: Period, local: string): Promise<IntakeGroup[]> {
  return tx.query<IntakeGroup[]>(
    `SELECT date(created_at, '${local}') AS day, deposit_method AS method, COUNT(*) AS tickets, SUM(deposit_minor > 0) AS deposits,
       SUM(deposit_minor) AS depositMinor
     FROM ticket WHERE created_at >= ? AND created_at < ? GROUP BY day, deposit_method`,
    [period.from, period.to],
  );
}

/**
 * The first responses of the tickets checked in during the period, by fault level. First response = the first
 * status change after check-in (in practice "Start diagnosis", or a cancellation): the moment staff first acted on the device.
 */
export async function selectResponseGroups(tx: ReadTx, period: Period): Promise<ResponseGroup[]> {
  return tx.query<ResponseGroup[]>(
    `SELECT severity, COUNT(*) AS tickets, COUNT(ms) AS responded, COALESCE(SUM(ms <= 600000), 0) AS within10,
       COALESCE(SUM(ms <= 1800000), 0) AS within30, COALESCE(SUM(ms), 0) AS responseMs
     FROM (SELECT t.severity, (SELECT CAST(round((julianday(MIN(e.at)) - julianday(t.created_at)) * 86400000) AS INTEGER)
             FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed') AS ms
           FROM ticket t WHERE t.created_at >= ? AND t.created_at < ?)
     GROUP BY severity`,
    [period.from, period.to],
  );
}

export interface ReworkCountRow {
  technician_id: number | null;
  n: number;
}

/** The reworks checked in during the period, by the technician of the repair that came back (a partial index range). */
export async function countReworksByTechnician(tx: ReadTx, period: Period): Promise<ReworkCountRow[]> {
  return tx.query<ReworkCountRow[]>(
    `SELECT o.technician_id, COUNT(*) AS n FROM (SELECT rework_of_ticket_id FROM ticket
       WHERE created_at >= ? AND created_at < ? AND rework_of_ticket_id IS NOT NULL ORDER BY created_at) r
     JOIN ticket o ON o.id = r.rework_of_ticket_id GROUP BY o.technician_id`,
    [period.from, period.to],
  );
}

export interface OpenTicketRow {
  status: TicketStatus;
  created_at: string;
}

/** The tickets still in the shop, from their partial index (status, check-in time): never the closed history. */
export async function selectOpenTickets(tx: ReadTx): Promise<OpenTicketRow[]> {
  return tx.query<OpenTicketRow[]>(`SELECT status, created_at FROM ticket WHERE ${OPEN_TICKET}`);
}
