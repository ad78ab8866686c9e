// The day totals kept by triggers (tables figures_day_*, migrations figures-days and figures-days-money), read
// over a range of local days; and the group rows a report adds up, which the live queries answer in the same shape.
import type { ReadTx } from '../../../storage/transactions';
import type { PaymentMethod } from '../../../../../shared/collection-contract';
import type { RepairClass } from '../../../../../shared/figures-contract';
import type { SeverityLevel } from '../../../../../shared/workflow';
import type { MoneyMovement } from '../../../rules/money-booking';
import { onlyRow } from '../../../storage/rows';

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
  /** Parts bought in for these repairs (quote lines of kind 'bought_part'): how many, what the shop paid, what was charged. */
  boughtQty: number;
  boughtCostMinor: number;
  boughtChargedMinor: number;
}

/** Parts fitted on repairs in the period (less those put back on the shelf), by part. */
export interface PartTotal {
  part_id: number;
  name: string;
  qty: number;
  cost: number;
  charged: number;
}

/** The quality scores given on the follow-up calls of a period, by the technician of the repair called about. */
export interface ScoreGroup {
  technicianId: number | null;
  qualitySum: number;
  qualityCount: number;
}

/** A day group of payments (voidDay '' when not voided). */
export interface DayPaymentRow {
  kind: MoneyMovement['kind'];
  method: MoneyMovement['method'];
  count: number;
  amountMinor: number;
  day: string;
  voidDay: string;
}

/** Sums over the collected days; NULL when no day row is in the range. */
export interface DayCollectedRow {
  collected: number | null;
  labourMinor: number | null;
  partsMinor: number | null;
  diagnosisMinor: number | null;
  discountsMinor: number | null;
}

/** Sums over the follow-up call days; NULL when no day row is in the range. */
export interface DayCallsRow {
  calls: number | null;
  reached: number | null;
  qualitySum: number | null;
  qualityCount: number | null;
  attitudeSum: number | null;
  attitudeCount: number | null;
}

// `from` and `to` are local days, inclusive. Sums are cast to BIGINT (PostgreSQL sums bigint columns as numeric,
// which its driver returns as text) and camel-case names are quoted (PostgreSQL folds bare names to lower case).

export async function selectIntakeDays(tx: ReadTx, from: string, to: string): Promise<IntakeGroup[]> {
  return tx.query<IntakeGroup[]>(
    `SELECT day, NULLIF(deposit_method, '') AS method, tickets, deposits, deposit_minor AS "depositMinor"
     FROM figures_day_intake WHERE day >= ? AND day <= ?`,
    [from, to],
  );
}

export async function selectResponseTotals(tx: ReadTx, from: string, to: string): Promise<ResponseGroup[]> {
  return tx.query<ResponseGroup[]>(
    `SELECT NULLIF(severity, 0) AS severity, CAST(SUM(tickets) AS BIGINT) AS tickets, CAST(SUM(responded) AS BIGINT) AS responded, CAST(SUM(within_10) AS BIGINT) AS within10,
       CAST(SUM(within_30) AS BIGINT) AS within30, CAST(SUM(response_ms) AS BIGINT) AS "responseMs"
     FROM figures_day_response WHERE day >= ? AND day <= ? GROUP BY severity`,
    [from, to],
  );
}

export async function selectFinishedDays(tx: ReadTx, from: string, to: string): Promise<FinishedGroup[]> {
  return tx.query<FinishedGroup[]>(
    `SELECT day_in AS "dayIn", day_out AS "dayOut", NULLIF(technician_id, 0) AS "technicianId", NULLIF(repair_class, '') AS "repairClass",
       finished, within_24h AS "within24Hours", labour_minor AS "labourMinor", parts_minor AS "partsMinor",
       bought_qty AS "boughtQty", bought_cost_minor AS "boughtCostMinor", bought_charged_minor AS "boughtChargedMinor"
     FROM figures_day_finished WHERE day_out >= ? AND day_out <= ?`,
    [from, to],
  );
}

/** Day groups of payments taken in the range, and of earlier ones voided in it. */
export async function selectPaymentDays(tx: ReadTx, from: string, to: string): Promise<DayPaymentRow[]> {
  return tx.query<DayPaymentRow[]>(
    `SELECT kind, method, count, amount_minor AS "amountMinor", day, void_day AS "voidDay" FROM figures_day_payment WHERE day >= ? AND day <= ?
       UNION ALL
       SELECT kind, method, count, amount_minor AS "amountMinor", day, void_day AS "voidDay" FROM figures_day_payment
       WHERE void_day <> '' AND void_day >= ? AND void_day <= ? AND day < ?`,
    [from, to, from, to, from],
  );
}

export async function selectCollectedTotals(tx: ReadTx, from: string, to: string): Promise<DayCollectedRow> {
  const rows = await tx.query<DayCollectedRow[]>(
    `SELECT CAST(SUM(collected) AS BIGINT) AS collected, CAST(SUM(labour_minor) AS BIGINT) AS "labourMinor", CAST(SUM(parts_minor) AS BIGINT) AS "partsMinor", CAST(SUM(diagnosis_minor) AS BIGINT) AS "diagnosisMinor",
       CAST(SUM(discount_minor) AS BIGINT) AS "discountsMinor"
     FROM figures_day_collected WHERE day >= ? AND day <= ?`,
    [from, to],
  );
  return onlyRow(rows);
}

export async function selectPartTotals(tx: ReadTx, from: string, to: string): Promise<PartTotal[]> {
  return tx.query<PartTotal[]>(
    `SELECT m.part_id, p.name, CAST(SUM(m.qty) AS BIGINT) AS qty, CAST(SUM(m.cost_minor) AS BIGINT) AS cost, CAST(SUM(m.charged_minor) AS BIGINT) AS charged
         FROM figures_day_parts m JOIN part p ON p.id = m.part_id
         WHERE m.day >= ? AND m.day <= ? GROUP BY m.part_id, p.name HAVING SUM(m.qty) <> 0 ORDER BY cost DESC, p.name`,
    [from, to],
  );
}

export async function selectCallTotals(tx: ReadTx, from: string, to: string): Promise<DayCallsRow> {
  const rows = await tx.query<DayCallsRow[]>(
    `SELECT CAST(SUM(calls) AS BIGINT) AS calls, CAST(SUM(reached) AS BIGINT) AS reached, CAST(SUM(quality_sum) AS BIGINT) AS "qualitySum", CAST(SUM(quality_count) AS BIGINT) AS "qualityCount",
         CAST(SUM(attitude_sum) AS BIGINT) AS "attitudeSum", CAST(SUM(attitude_count) AS BIGINT) AS "attitudeCount"
       FROM figures_day_calls WHERE day >= ? AND day <= ?`,
    [from, to],
  );
  return onlyRow(rows);
}

export async function selectTechnicianScoreTotals(tx: ReadTx, from: string, to: string): Promise<ScoreGroup[]> {
  return tx.query<ScoreGroup[]>(
    `SELECT NULLIF(technician_id, 0) AS "technicianId", CAST(SUM(quality_sum) AS BIGINT) AS "qualitySum", CAST(SUM(quality_count) AS BIGINT) AS "qualityCount"
     FROM figures_day_technician_scores WHERE day >= ? AND day <= ? GROUP BY technician_id`,
    [from, to],
  );
}
