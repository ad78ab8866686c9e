// The per-day groups a report adds up, from either of two sources that give
// the same rows:
// - 'stored': the day totals kept by triggers (migration figures-days), one
//   index range of day rows whatever the number of tickets in the period;
// - 'live': the same groups computed from the tickets and their events at
//   read time (the reference the stored rows are tested and timed against).
import type { ReadTx } from '../../storage/transactions';
import type { PaymentMethod } from '../../../../shared/collection-contract';
import type { RepairClass } from '../../../../shared/figures-contract';
import type { SeverityLevel } from '../../../../shared/workflow';
import type { Period } from '../../rules/money-booking';

export type ReportSource = 'stored' | 'live';

/** Tickets checked in on a local day, and their deposits, by deposit method. */
export interface IntakeGroup {
  day: string;
  method: PaymentMethod | null;
  tickets: number;
  deposits: number;
  depositMinor: number;
}

/** Tickets checked in during the period by fault level, with their first response. */
export interface ResponseGroup {
  severity: SeverityLevel | null;
  tickets: number;
  responded: number;
  within10: number;
  within30: number;
  /** Sum of the responded tickets' response times, whole milliseconds. */
  responseMs: number;
}

/** Tickets first ready on day_out, by check-in day, technician and repair class. */
export interface FinishedGroup {
  dayIn: string;
  dayOut: string;
  technicianId: number | null;
  repairClass: RepairClass | null;
  finished: number;
  within24Hours: number;
  labourMinor: number;
  partsMinor: number;
}

export interface ReportGroups {
  intake: IntakeGroup[];
  responses: ResponseGroup[];
  finished: FinishedGroup[];
}

/** A ticket's first ready event (ties broken by id): it is finished once, on that day. The unary plus keeps SQLite on the ticket's own events. */
const FIRST_READY = `NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND +p.to_status = 'ready'
    AND (+p.at < e.at OR (+p.at = e.at AND p.id < e.id)))`;
const charged = (kind: 'labour' | 'part') => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = '${kind}')`;

/** `from` and `to` are local days (inclusive); `period` their UTC instants; `local` the SQLite modifier to local time. */
export async function reportGroups(tx: ReadTx, source: ReportSource, from: string, to: string, period: Period, local: string): Promise<ReportGroups> {
  return source === 'stored' ? storedGroups(tx, from, to) : liveGroups(tx, period, local);
}

async function storedGroups(tx: ReadTx, from: string, to: string): Promise<ReportGroups> {
  const days = [from, to];
  const intake: IntakeGroup[] = await tx.query(
    `SELECT day, NULLIF(deposit_method, '') AS method, tickets, deposits, deposit_minor AS depositMinor
     FROM figures_day_intake WHERE day >= ? AND day <= ?`,
    days,
  );
  const responses: ResponseGroup[] = await tx.query(
    `SELECT NULLIF(severity, 0) AS severity, SUM(tickets) AS tickets, SUM(responded) AS responded, SUM(within_10) AS within10,
       SUM(within_30) AS within30, SUM(response_ms) AS responseMs
     FROM figures_day_response WHERE day >= ? AND day <= ? GROUP BY severity`,
    days,
  );
  const finished: FinishedGroup[] = await tx.query(
    `SELECT day_in AS dayIn, day_out AS dayOut, NULLIF(technician_id, 0) AS technicianId, NULLIF(repair_class, '') AS repairClass,
       finished, within_24h AS within24Hours, labour_minor AS labourMinor, parts_minor AS partsMinor
     FROM figures_day_finished WHERE day_out >= ? AND day_out <= ?`,
    days,
  );
  return { intake, responses, finished };
}

async function liveGroups(tx: ReadTx, period: Period, local: string): Promise<ReportGroups> {
  const range = [period.from, period.to];
  const intake: IntakeGroup[] = await tx.query(
    `SELECT date(created_at, '${local}') AS day, deposit_method AS method, COUNT(*) AS tickets, SUM(deposit_minor > 0) AS deposits,
       SUM(deposit_minor) AS depositMinor
     FROM ticket WHERE created_at >= ? AND created_at < ? GROUP BY day, deposit_method`,
    range,
  );
  // First response = the first status change after check-in (in practice "Start
  // diagnosis", or a cancellation): the moment staff first acted on the device.
  const responses: ResponseGroup[] = await tx.query(
    `SELECT severity, COUNT(*) AS tickets, COUNT(ms) AS responded, COALESCE(SUM(ms <= 600000), 0) AS within10,
       COALESCE(SUM(ms <= 1800000), 0) AS within30, COALESCE(SUM(ms), 0) AS responseMs
     FROM (SELECT t.severity, (SELECT CAST(round((julianday(MIN(e.at)) - julianday(t.created_at)) * 86400000) AS INTEGER)
             FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed') AS ms
           FROM ticket t WHERE t.created_at >= ? AND t.created_at < ?)
     GROUP BY severity`,
    range,
  );
  const finished: FinishedGroup[] = await tx.query(
    `SELECT date(t.created_at, '${local}') AS dayIn, date(e.at, '${local}') AS dayOut, t.technician_id AS technicianId, d.repair_class AS repairClass,
       COUNT(*) AS finished, SUM(julianday(e.at) - julianday(t.created_at) <= 1.0) AS within24Hours,
       SUM(${charged('labour')}) AS labourMinor, SUM(${charged('part')}) AS partsMinor
     FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
     WHERE e.to_status = 'ready' AND e.at >= ? AND e.at < ? AND ${FIRST_READY}
     GROUP BY dayIn, dayOut, technicianId, repairClass`,
    range,
  );
  return { intake, responses, finished };
}
