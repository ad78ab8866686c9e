// The per-day groups a report adds up, from either of two sources that give
// the same rows:
// - 'stored': the day totals kept by triggers (migrations figures-days and
//   figures-days-money), one index range of day rows whatever the number of
//   tickets in the period;
// - 'live': the same groups computed from the tickets and their events at
//   read time (the reference the stored rows are tested and timed against).
import type { ReadTx } from '../../storage/transactions';
import type { PaymentMethod } from '../../../../shared/collection-contract';
import type { RepairClass } from '../../../../shared/figures-contract';
import type { QuoteLineKind, SeverityLevel } from '../../../../shared/workflow';
import type { MoneyMovement, Period } from '../../rules/money-booking';
import { DIAGNOSIS_FEE_CODE } from '../collection';
import { localDayStart, periodMovements } from './period-money';
import { periodCalls, type CallFigures } from './satisfaction-summary';
import { onlyRow } from '../../storage/rows';

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
  /** Parts bought in for these repairs (quote lines of kind 'bought_part'): how many, what the shop paid, what was charged. */
  boughtQty: number;
  boughtCostMinor: number;
  boughtChargedMinor: number;
}

/** The tickets collected in the period and what was charged for them. */
export interface CollectedTotals {
  collected: number;
  labourMinor: number;
  partsMinor: number;
  /** Diagnosis fees: of the repaired devices' accepted quotes, and the fee an unrepaired device pays. */
  diagnosisMinor: number;
  discountsMinor: number;
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

export interface ReportGroups {
  intake: IntakeGroup[];
  responses: ResponseGroup[];
  finished: FinishedGroup[];
  /** Payments, refunds and voids that may book in the period (one per row live, one per day group stored). */
  money: MoneyMovement[];
  collected: CollectedTotals;
  /** Only when asked for (managers). */
  parts: PartTotal[] | null;
  calls: CallFigures;
  scores: ScoreGroup[];
}

/** A ticket's first ready event (ties broken by id): it is finished once, on that day. The unary plus keeps SQLite on the ticket's own events. */
const FIRST_READY = `NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND +p.to_status = 'ready'
    AND (+p.at < e.at OR (+p.at = e.at AND p.id < e.id)))`;
/** What the accepted quotes of ticket `t` charge for labour, or for parts (from stock and bought in). */
const charged = (kind: 'labour' | 'parts') => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ${kind === 'labour' ? `ql.kind = 'labour'` : `ql.kind IN ('part', 'bought_part')`})`;

/** A sum over the bought-in lines of the accepted quotes of ticket `t`. */
const bought = (expression: string) => `(SELECT COALESCE(SUM(${expression}), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = 'bought_part')`;

/** `from` and `to` are local days (inclusive); `period` their UTC instants; `local` the SQLite modifier to local time. */
export async function reportGroups(
  tx: ReadTx,
  source: ReportSource,
  from: string,
  to: string,
  period: Period,
  local: string,
  withParts: boolean,
): Promise<ReportGroups> {
  return source === 'stored' ? storedGroups(tx, from, to, withParts) : liveGroups(tx, period, local, withParts);
}

// Sums are cast to BIGINT (PostgreSQL sums bigint columns as numeric, which its driver returns as text) and
// camel-case names are quoted (PostgreSQL folds bare names to lower case).
async function storedGroups(tx: ReadTx, from: string, to: string, withParts: boolean): Promise<ReportGroups> {
  const days = [from, to];
  const intake: IntakeGroup[] = await tx.query(
    `SELECT day, NULLIF(deposit_method, '') AS method, tickets, deposits, deposit_minor AS "depositMinor"
     FROM figures_day_intake WHERE day >= ? AND day <= ?`,
    days,
  );
  const responses: ResponseGroup[] = await tx.query(
    `SELECT NULLIF(severity, 0) AS severity, CAST(SUM(tickets) AS BIGINT) AS tickets, CAST(SUM(responded) AS BIGINT) AS responded, CAST(SUM(within_10) AS BIGINT) AS within10,
       CAST(SUM(within_30) AS BIGINT) AS within30, CAST(SUM(response_ms) AS BIGINT) AS "responseMs"
     FROM figures_day_response WHERE day >= ? AND day <= ? GROUP BY severity`,
    days,
  );
  const finished: FinishedGroup[] = await tx.query(
    `SELECT day_in AS "dayIn", day_out AS "dayOut", NULLIF(technician_id, 0) AS "technicianId", NULLIF(repair_class, '') AS "repairClass",
       finished, within_24h AS "within24Hours", labour_minor AS "labourMinor", parts_minor AS "partsMinor",
       bought_qty AS "boughtQty", bought_cost_minor AS "boughtCostMinor", bought_charged_minor AS "boughtChargedMinor"
     FROM figures_day_finished WHERE day_out >= ? AND day_out <= ?`,
    days,
  );
  // Day groups of payments taken in the period, and of earlier ones voided in it; each stands at the start of its local day.
  const payments: { kind: MoneyMovement['kind']; method: MoneyMovement['method']; count: number; amountMinor: number; day: string; voidDay: string }[] =
    await tx.query(
      `SELECT kind, method, count, amount_minor AS "amountMinor", day, void_day AS "voidDay" FROM figures_day_payment WHERE day >= ? AND day <= ?
       UNION ALL
       SELECT kind, method, count, amount_minor AS "amountMinor", day, void_day AS "voidDay" FROM figures_day_payment
       WHERE void_day <> '' AND void_day >= ? AND void_day <= ? AND day < ?`,
      [from, to, from, to, from],
    );
  const money = payments.map((p) => ({
    kind: p.kind,
    method: p.method,
    count: p.count,
    amountMinor: p.amountMinor,
    at: localDayStart(p.day),
    voidedAt: p.voidDay === '' ? null : localDayStart(p.voidDay),
  }));
  const collected: Record<keyof CollectedTotals, number | null>[] = await tx.query(
    `SELECT CAST(SUM(collected) AS BIGINT) AS collected, CAST(SUM(labour_minor) AS BIGINT) AS "labourMinor", CAST(SUM(parts_minor) AS BIGINT) AS "partsMinor", CAST(SUM(diagnosis_minor) AS BIGINT) AS "diagnosisMinor",
       CAST(SUM(discount_minor) AS BIGINT) AS "discountsMinor"
     FROM figures_day_collected WHERE day >= ? AND day <= ?`,
    days,
  );
  const parts: PartTotal[] | null = withParts
    ? await tx.query(
        `SELECT m.part_id, p.name, CAST(SUM(m.qty) AS BIGINT) AS qty, CAST(SUM(m.cost_minor) AS BIGINT) AS cost, CAST(SUM(m.charged_minor) AS BIGINT) AS charged
         FROM figures_day_parts m JOIN part p ON p.id = m.part_id
         WHERE m.day >= ? AND m.day <= ? GROUP BY m.part_id, p.name HAVING SUM(m.qty) <> 0 ORDER BY cost DESC, p.name`,
        days,
      )
    : null;
  const calls: {
    calls: number | null;
    reached: number | null;
    qualitySum: number | null;
    qualityCount: number | null;
    attitudeSum: number | null;
    attitudeCount: number | null;
  }[] = await tx.query(
    `SELECT CAST(SUM(calls) AS BIGINT) AS calls, CAST(SUM(reached) AS BIGINT) AS reached, CAST(SUM(quality_sum) AS BIGINT) AS "qualitySum", CAST(SUM(quality_count) AS BIGINT) AS "qualityCount",
         CAST(SUM(attitude_sum) AS BIGINT) AS "attitudeSum", CAST(SUM(attitude_count) AS BIGINT) AS "attitudeCount"
       FROM figures_day_calls WHERE day >= ? AND day <= ?`,
    days,
  );
  const scores: ScoreGroup[] = await tx.query(
    `SELECT NULLIF(technician_id, 0) AS "technicianId", CAST(SUM(quality_sum) AS BIGINT) AS "qualitySum", CAST(SUM(quality_count) AS BIGINT) AS "qualityCount"
     FROM figures_day_technician_scores WHERE day >= ? AND day <= ? GROUP BY technician_id`,
    days,
  );
  const c = onlyRow(calls);
  const average = (total: number | null, count: number | null) => (count ? total! / count : null);
  return {
    intake,
    responses,
    finished,
    money,
    collected: zeroFor(onlyRow(collected)),
    parts,
    calls: { calls: c.calls ?? 0, reached: c.reached ?? 0, quality: average(c.qualitySum, c.qualityCount), attitude: average(c.attitudeSum, c.attitudeCount) },
    scores,
  };
}

/** Sums over no rows are NULL in SQL: none collected is zero of everything. */
function zeroFor(row: Record<keyof CollectedTotals, number | null>): CollectedTotals {
  return {
    collected: row.collected ?? 0,
    labourMinor: row.labourMinor ?? 0,
    partsMinor: row.partsMinor ?? 0,
    diagnosisMinor: row.diagnosisMinor ?? 0,
    discountsMinor: row.discountsMinor ?? 0,
  };
}

async function liveGroups(tx: ReadTx, period: Period, local: string, withParts: boolean): Promise<ReportGroups> {
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
       SUM(${charged('labour')}) AS labourMinor, SUM(${charged('parts')}) AS partsMinor,
       SUM(${bought('ql.qty')}) AS boughtQty, SUM(${bought('ql.qty * ql.unit_cost_minor')}) AS boughtCostMinor, SUM(${bought('ql.charged_minor')}) AS boughtChargedMinor
     FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
     WHERE e.to_status = 'ready' AND e.at >= ? AND e.at < ? AND ${FIRST_READY}
     GROUP BY dayIn, dayOut, technicianId, repairClass`,
    range,
  );
  return {
    intake,
    responses,
    finished,
    money: await periodMovements(tx, period),
    collected: await liveCollected(tx, period),
    parts: withParts ? await liveParts(tx, period) : null,
    calls: await periodCalls(tx, { fromUtc: period.from, toUtc: period.to }),
    scores: await tx.query(
      `SELECT t.technician_id AS technicianId, SUM(f.quality) AS qualitySum, COUNT(f.quality) AS qualityCount
       FROM follow_up_call f JOIN ticket t ON t.id = f.ticket_id WHERE f.at >= ? AND f.at < ? AND f.quality IS NOT NULL GROUP BY t.technician_id`,
      range,
    ),
  };
}

/** What was charged for the tickets collected in the period, from the collections and their quotes. */
async function liveCollected(tx: ReadTx, period: Period): Promise<CollectedTotals> {
  const range = [period.from, period.to];
  const collected: { n: number }[] = await tx.query(`SELECT COUNT(*) AS n FROM collection WHERE at >= ? AND at < ?`, range);
  const charged: { kind: QuoteLineKind; diagnosis: number; amount: number }[] = await tx.query(
    `SELECT ql.kind, COALESCE(fi.code = ?, 0) AS diagnosis, SUM(ql.charged_minor) AS amount
     FROM collection c JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted' JOIN quote_line ql ON ql.quote_id = q.id
       LEFT JOIN fee_item fi ON fi.id = ql.fee_item_id
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1 GROUP BY ql.kind, diagnosis`,
    [DIAGNOSIS_FEE_CODE, ...range],
  );
  // A device returned unrepaired pays only the diagnosis fee of its last quote (as collection charges it).
  const unrepaired: { amount: number | null }[] = await tx.query(
    `SELECT SUM(ql.charged_minor) AS amount FROM collection c
       JOIN quote q ON q.id = (SELECT id FROM quote WHERE ticket_id = c.ticket_id AND status <> 'superseded' ORDER BY version DESC LIMIT 1)
       JOIN quote_line ql ON ql.quote_id = q.id AND ql.kind = 'labour' JOIN fee_item fi ON fi.id = ql.fee_item_id AND fi.code = ?
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 0`,
    [DIAGNOSIS_FEE_CODE, ...range],
  );
  const discounts: { amount: number | null }[] = await tx.query(
    `SELECT SUM(q.discount_minor) AS amount FROM collection c JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted'
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1`,
    range,
  );
  const sum = (pick: (c: (typeof charged)[number]) => boolean) => charged.filter(pick).reduce((total, c) => total + c.amount, 0);
  return {
    collected: onlyRow(collected).n,
    labourMinor: sum((c) => c.kind === 'labour' && !c.diagnosis),
    partsMinor: sum((c) => c.kind !== 'labour'),
    diagnosisMinor: sum((c) => c.kind === 'labour' && Boolean(c.diagnosis)) + (onlyRow(unrepaired).amount ?? 0),
    discountsMinor: onlyRow(discounts).amount ?? 0,
  };
}

/** Fitted parts, less those put back on the shelf when a repair was cancelled; a part under warranty is charged nothing. */
async function liveParts(tx: ReadTx, period: Period): Promise<PartTotal[]> {
  return tx.query(
    `SELECT m.part_id, p.name, SUM(-m.qty_delta) AS qty, SUM(-m.qty_delta * m.unit_cost_minor) AS cost,
       SUM(CASE WHEN m.under_warranty THEN 0 ELSE -m.qty_delta * m.unit_price_minor END) AS charged
     FROM stock_move m JOIN part p ON p.id = m.part_id
     WHERE m.reason IN ('used', 'restock') AND m.at >= ? AND m.at < ? AND m.ticket_id IS NOT NULL
     GROUP BY m.part_id HAVING qty <> 0 ORDER BY cost DESC, p.name`,
    [period.from, period.to],
  );
}
