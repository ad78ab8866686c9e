// The per-day groups a report adds up, from either of two sources that give
// the same rows:
// - 'stored': the day totals kept by triggers (migrations figures-days and
//   figures-days-money), one index range of day rows whatever the number of
//   tickets in the period;
// - 'live': the same groups computed from the tickets and their events at
//   read time (the reference the stored rows are tested and timed against).
import type { ReadTx } from '../../storage/transactions';
import type { MoneyMovement, Period } from '../../rules/money-booking';
import { DIAGNOSIS_FEE_CODE } from '../collection';
import { localDayStart, periodMovements } from './period-money';
import { periodCalls, type CallFigures } from './satisfaction-summary';
import {
  selectCallTotals,
  selectCollectedTotals,
  selectFinishedDays,
  selectIntakeDays,
  selectPartTotals,
  selectPaymentDays,
  selectResponseTotals,
  selectTechnicianScoreTotals,
  type DayCollectedRow,
  type FinishedGroup,
  type IntakeGroup,
  type PartTotal,
  type ResponseGroup,
  type ScoreGroup,
} from './queries/figures-days';
import { selectIntakeGroups, selectResponseGroups } from './queries/tickets';
import { selectFinishedGroups } from './queries/ticket-events';
import { selectScoresByTechnician } from './queries/follow-up-calls';
import { countCollections, selectChargedByKind, sumRepairedDiscounts, sumUnrepairedDiagnosisFees } from './queries/collections';
import { selectFittedParts } from './queries/stock-moves';

export type ReportSource = 'stored' | 'live';

/** The tickets collected in the period and what was charged for them. */
export interface CollectedTotals {
  collected: number;
  labourMinor: number;
  partsMinor: number;
  /** Diagnosis fees: of the repaired devices' accepted quotes, and the fee an unrepaired device pays. */
  diagnosisMinor: number;
  discountsMinor: number;
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

async function storedGroups(tx: ReadTx, from: string, to: string, withParts: boolean): Promise<ReportGroups> {
  const intake = await selectIntakeDays(tx, from, to);
  const responses = await selectResponseTotals(tx, from, to);
  const finished = await selectFinishedDays(tx, from, to);
  // Day groups of payments taken in the period, and of earlier ones voided in it; each stands at the start of its local day.
  const payments = await selectPaymentDays(tx, from, to);
  const money = payments.map((p) => ({
    kind: p.kind,
    method: p.method,
    count: p.count,
    amountMinor: p.amountMinor,
    at: localDayStart(p.day),
    voidedAt: p.voidDay === '' ? null : localDayStart(p.voidDay),
  }));
  const collected = await selectCollectedTotals(tx, from, to);
  const parts = withParts ? await selectPartTotals(tx, from, to) : null;
  const c = await selectCallTotals(tx, from, to);
  const scores = await selectTechnicianScoreTotals(tx, from, to);
  const average = (total: number | null, count: number | null) => (count ? total! / count : null);
  return {
    intake,
    responses,
    finished,
    money,
    collected: zeroFor(collected),
    parts,
    calls: { calls: c.calls ?? 0, reached: c.reached ?? 0, quality: average(c.qualitySum, c.qualityCount), attitude: average(c.attitudeSum, c.attitudeCount) },
    scores,
  };
}

/** Sums over no rows are NULL in SQL: none collected is zero of everything. */
function zeroFor(row: DayCollectedRow): CollectedTotals {
  return {
    collected: row.collected ?? 0,
    labourMinor: row.labourMinor ?? 0,
    partsMinor: row.partsMinor ?? 0,
    diagnosisMinor: row.diagnosisMinor ?? 0,
    discountsMinor: row.discountsMinor ?? 0,
  };
}

async function liveGroups(tx: ReadTx, period: Period, local: string, withParts: boolean): Promise<ReportGroups> {
  const intake = await selectIntakeGroups(tx, period, local);
  const responses = await selectResponseGroups(tx, period);
  const finished = await selectFinishedGroups(tx, period, local);
  return {
    intake,
    responses,
    finished,
    money: await periodMovements(tx, period),
    collected: await liveCollected(tx, period),
    parts: withParts ? await selectFittedParts(tx, period) : null,
    calls: await periodCalls(tx, { fromUtc: period.from, toUtc: period.to }),
    scores: await selectScoresByTechnician(tx, period),
  };
}

/** What was charged for the tickets collected in the period, from the collections and their quotes. */
async function liveCollected(tx: ReadTx, period: Period): Promise<CollectedTotals> {
  const collected = await countCollections(tx, period);
  const charged = await selectChargedByKind(tx, DIAGNOSIS_FEE_CODE, period);
  // A device returned unrepaired pays only the diagnosis fee of its last quote (as collection charges it).
  const unrepaired = await sumUnrepairedDiagnosisFees(tx, DIAGNOSIS_FEE_CODE, period);
  const discounts = await sumRepairedDiscounts(tx, period);
  const sum = (pick: (c: (typeof charged)[number]) => boolean) => charged.filter(pick).reduce((total, c) => total + c.amount, 0);
  return {
    collected,
    labourMinor: sum((c) => c.kind === 'labour' && !c.diagnosis),
    partsMinor: sum((c) => c.kind !== 'labour'),
    diagnosisMinor: sum((c) => c.kind === 'labour' && Boolean(c.diagnosis)) + (unrepaired ?? 0),
    discountsMinor: discounts ?? 0,
  };
}
