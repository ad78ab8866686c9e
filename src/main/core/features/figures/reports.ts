// The shop's report for a range of local days (日报 / 月报): tickets, revenue,
// work by technician, parts, turnaround, first response, repair classes and
// the open tickets. Tickets in, deposits, first response, finished work,
// collections and what they were charged, payments, parts and follow-up calls
// come from the day totals (report-days: day rows, not every ticket); the
// rest reads small index ranges (cancellations by status and time, reworks
// and open tickets from partial indexes, complaints by time) and aggregates
// in SQL; only small grouped rows come back. Nothing scans the whole history.
import type { ReadTx } from '../../storage/transactions';
import type { Settings } from '../../../../shared/contract';
import { TICKET_STATUSES, type TicketStatus } from '../../../../shared/domain';
import type { FirstResponseFigures, RepairClass, Report, ReportDay, TechnicianFigures } from '../../../../shared/figures-contract';
import { REPAIR_CLASSES, SATISFACTION_TARGET } from '../../../../shared/figures-contract';
import { FIRST_RESPONSE_MINUTES, SEVERITY_LEVELS } from '../../../../shared/workflow';
import { addDays, daysBetween, localIsoDate } from '../../../../shared/calendar';
import type { MoneyMovement, Period } from '../../rules/money-booking';
import { OPEN_STATUSES } from '../../rules/status-machine';
import { workingDayCounter } from '../../rules/shop-calendar';
import { bookMoney, localDayStart } from './period-money';
import { reportGroups, type ReportSource } from './report-days';
import { satisfactionSummary } from './satisfaction-summary';
import { itemAt } from '../../../../shared/lists';
import type { IntakeGroup, ScoreGroup } from './queries/figures-days';
import { countReworksByTechnician, selectOpenTickets } from './queries/tickets';
import { countTicketsCancelled } from './queries/ticket-events';
import { selectStaffNames } from './queries/staff';

const DISTRIBUTION_MAX = 7;
const AGEING = [
  { bucket: '0-2', max: 2 },
  { bucket: '3-7', max: 7 },
  { bucket: '8-14', max: 14 },
  { bucket: '15-30', max: 30 },
  { bucket: '31+', max: Infinity },
] as const;

const round1 = (value: number) => Math.round(value * 10) / 10;

export interface ReportOptions {
  /** Part costs and margins: managers only. */
  withParts: boolean;
  now: Date;
  /** Day totals as stored (the default) or computed from the tickets now (the reference). */
  source?: ReportSource;
}

/** The rows counted "within target" for a first-response target in minutes (the stored totals keep 10 and 30). */
function withinTarget(target: number, row: { within10: number; within30: number }): number {
  if (target === 10) return row.within10;
  if (target === 30) return row.within30;
  throw new RangeError(`no day totals kept for a first-response target of ${target} minutes`);
}

/**
 * The SQLite modifier that turns a stored UTC instant into the shop's local
 * day. A fixed offset when the range has one (always in China: no summer
 * time), which is several times cheaper per row than 'localtime'.
 */
export function localDayModifier(period: Period): string {
  const offsetAt = (iso: string) => -new Date(iso).getTimezoneOffset();
  const start = offsetAt(period.from);
  return start === offsetAt(period.to) ? `${start >= 0 ? '+' : ''}${start} minutes` : 'localtime';
}

export async function buildReport(tx: ReadTx, from: string, to: string, settings: Settings, options: ReportOptions): Promise<Report> {
  const period: Period = { from: localDayStart(from), to: localDayStart(addDays(to, 1)) };
  const local = localDayModifier(period);
  const groups = await reportGroups(tx, options.source ?? 'stored', from, to, period, local, options.withParts);
  const ticketsIn = groups.intake.reduce((total, g) => total + g.tickets, 0);
  // A ticket cancelled, reopened and cancelled again counts once: the cancellations of the period, an index range.
  const cancelled = await countTicketsCancelled(tx, period);

  // ---- finished tickets (first ready in the range): turnaround, technicians, classes ----
  const distribution = new Map<string, number>();
  for (let i = 0; i <= DISTRIBUTION_MAX; i += 1) distribution.set(String(i), 0);
  distribution.set(`${DISTRIBUTION_MAX + 1}+`, 0);
  const classes = new Map<RepairClass | null, number>([...REPAIR_CLASSES.map((c) => [c, 0] as const), [null, 0] as const]);
  const byTechnician = new Map<number | null, { finished: number; days: number; labourMinor: number; partsMinor: number }>();
  const finishedPerDay = new Map<string, number>();
  let finished = 0;
  let workingDaysSum = 0;
  let within7Days = 0;
  let within24Hours = 0;
  const boughtIn = { qty: 0, costMinor: 0, chargedMinor: 0 };
  const workingDaysBetween = workingDayCounter(
    groups.finished.flatMap((g) => [g.dayIn, g.dayOut]),
    settings.shopCalendar,
  );
  for (const g of groups.finished) {
    // A ready event stamped before its check-in (a counter PC's clock set wrong) counts as the same day.
    const days = g.dayOut < g.dayIn ? 0 : workingDaysBetween(g.dayIn, g.dayOut);
    finished += g.finished;
    workingDaysSum += days * g.finished;
    if (days <= 7) within7Days += g.finished;
    within24Hours += g.within24Hours;
    const key = days > DISTRIBUTION_MAX ? `${DISTRIBUTION_MAX + 1}+` : String(days);
    distribution.set(key, distribution.get(key)! + g.finished);
    classes.set(g.repairClass, (classes.get(g.repairClass) ?? 0) + g.finished);
    // The labour and parts value of the work each technician finished (the accepted quotes, as charged).
    const tech = byTechnician.get(g.technicianId) ?? { finished: 0, days: 0, labourMinor: 0, partsMinor: 0 };
    tech.finished += g.finished;
    tech.days += days * g.finished;
    tech.labourMinor += g.labourMinor;
    tech.partsMinor += g.partsMinor;
    byTechnician.set(g.technicianId, tech);
    finishedPerDay.set(g.dayOut, (finishedPerDay.get(g.dayOut) ?? 0) + g.finished);
    boughtIn.qty += g.boughtQty;
    boughtIn.costMinor += g.boughtCostMinor;
    boughtIn.chargedMinor += g.boughtChargedMinor;
  }

  // A rework (返修) counts against the technician of the repair that came back; the reworks of the period, a partial index range.
  const reworks = await countReworksByTechnician(tx, period);
  const staff = await selectStaffNames(tx);
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const technicianIds = new Set<number | null>([...byTechnician.keys(), ...reworks.map((r) => r.technician_id), ...groups.scores.map((s) => s.technicianId)]);
  const technicians: TechnicianFigures[] = [...technicianIds].map((id) => {
    const work = byTechnician.get(id) ?? { finished: 0, days: 0, labourMinor: 0, partsMinor: 0 };
    return {
      staffId: id,
      name: id === null ? null : (nameOf.get(id) ?? null),
      finished: work.finished,
      labourMinor: work.labourMinor,
      partsMinor: work.partsMinor,
      averageWorkingDays: work.finished > 0 ? round1(work.days / work.finished) : null,
      reworks: reworks.find((r) => r.technician_id === id)?.n ?? 0,
      averageSatisfaction: averageScore(groups.scores.find((s) => s.technicianId === id)),
    };
  });
  technicians.sort((a, b) => b.finished - a.finished || (a.name ?? '').localeCompare(b.name ?? ''));

  // ---- revenue: what was charged for the tickets collected in the range -------------
  const { labourMinor, partsMinor, diagnosisMinor, discountsMinor } = groups.collected;
  const money = bookMoney(period, groups.money, depositsByMethod(groups.intake));

  // ---- parts used (managers): cost, what was charged, margin ---------------------------
  // The margin is against the price when fitted. Parts bought in for one repair have no stock moves: they count
  // with the repairs finished in the range, from their accepted quotes.
  let parts: Report['parts'] = null;
  if (groups.parts) {
    const partLines = groups.parts.map((l) => ({
      partId: l.part_id,
      name: l.name,
      qty: l.qty,
      costMinor: l.cost,
      chargedMinor: l.charged,
      marginMinor: l.charged - l.cost,
    }));
    const bought = { ...boughtIn, marginMinor: boughtIn.chargedMinor - boughtIn.costMinor };
    parts = {
      lines: partLines,
      boughtIn: bought,
      costMinor: partLines.reduce((s, l) => s + l.costMinor, bought.costMinor),
      chargedMinor: partLines.reduce((s, l) => s + l.chargedMinor, bought.chargedMinor),
      marginMinor: partLines.reduce((s, l) => s + l.marginMinor, bought.marginMinor),
    };
  }

  // ---- first response ------------------------------------------------------------------
  // Minutes from check-in to the first status change, for the tickets checked in
  // within the range, grouped by the fault level the diagnosis gave (tickets not
  // diagnosed: no level).
  const firstResponse: FirstResponseFigures[] = [...SEVERITY_LEVELS, null].map((severity) => {
    const row = groups.responses.find((r) => r.severity === severity);
    const responded = row?.responded ?? 0;
    return {
      severity,
      targetMinutes: severity === null ? null : FIRST_RESPONSE_MINUTES[severity],
      responded,
      withinTarget: severity === null || !row ? 0 : withinTarget(FIRST_RESPONSE_MINUTES[severity], row),
      averageMinutes: responded === 0 ? null : round1(row!.responseMs / responded / 60_000),
      waiting: row ? row.tickets - row.responded : 0,
    };
  });

  // ---- open tickets, as they stand now ----------------------------------------------------
  // From the partial index of the tickets still in the shop (status, check-in time): never the closed history.
  const open = await selectOpenTickets(tx);
  const today = localIsoDate(options.now);
  const ageing = AGEING.map((a) => ({ bucket: a.bucket, count: 0 }));
  const openByStatus = new Map<TicketStatus, number>();
  for (const t of open) {
    const age = daysBetween(localIsoDate(new Date(t.created_at)), today);
    itemAt(
      ageing,
      AGEING.findIndex((a) => age <= a.max),
    ).count += 1;
    openByStatus.set(t.status, (openByStatus.get(t.status) ?? 0) + 1);
  }
  const byStatus = TICKET_STATUSES.filter((s) => (OPEN_STATUSES as readonly TicketStatus[]).includes(s))
    .map((status) => ({ status, count: openByStatus.get(status) ?? 0 }))
    .filter((s) => s.count > 0);

  return {
    from,
    to,
    currency: settings.currency,
    tickets: { in: ticketsIn, finished, collected: groups.collected.collected, cancelled },
    revenue: {
      labourMinor,
      partsMinor,
      diagnosisMinor,
      discountsMinor,
      chargedMinor: labourMinor + partsMinor + diagnosisMinor - discountsMinor,
      refundsMinor: money.refunds.amountMinor,
      byMethod: money.byMethod,
      depositsWithoutMethodMinor: money.depositsWithoutMethodMinor,
      takingsMinor: money.totalMinor,
    },
    technicians,
    parts,
    turnaround: {
      finished,
      averageWorkingDays: finished > 0 ? round1(workingDaysSum / finished) : null,
      within7Days,
      within24Hours,
      distribution: [...distribution].map(([days, count]) => ({ days, count })),
    },
    firstResponse,
    repairClasses: [...classes].map(([repairClass, count]) => ({ repairClass, count })),
    open: { total: open.length, byStatus, ageing },
    satisfaction: { ...(await satisfactionSummary(tx, { fromUtc: period.from, toUtc: period.to }, groups.calls)), targetScore: SATISFACTION_TARGET },
    days: reportDays(from, to, groups.money, groups.intake, finishedPerDay),
  };
}

/** The period's deposits by method, from its intake groups. */
function depositsByMethod(intake: readonly IntakeGroup[]) {
  const byMethod = new Map<IntakeGroup['method'], { method: IntakeGroup['method']; count: number; amountMinor: number }>();
  for (const g of intake) {
    if (g.deposits === 0) continue;
    const entry = byMethod.get(g.method) ?? { method: g.method, count: 0, amountMinor: 0 };
    entry.count += g.deposits;
    entry.amountMinor += g.depositMinor;
    byMethod.set(g.method, entry);
  }
  return [...byMethod.values()];
}

/** Per local day: takings (a void on the day it was made), tickets in, tickets finished. */
function reportDays(
  from: string,
  to: string,
  money: readonly MoneyMovement[],
  intake: readonly IntakeGroup[],
  finishedPerDay: Map<string, number>,
): ReportDay[] {
  const takings = new Map<string, number>();
  const inByDay = new Map<string, number>();
  for (const g of intake) {
    takings.set(g.day, (takings.get(g.day) ?? 0) + g.depositMinor);
    inByDay.set(g.day, (inByDay.get(g.day) ?? 0) + g.tickets);
  }
  const add = (day: string, amount: number) => {
    if (day >= from && day <= to) takings.set(day, (takings.get(day) ?? 0) + amount);
  };
  for (const row of money) {
    const signed = row.kind === 'refund' ? -row.amountMinor : row.amountMinor;
    const taken = localIsoDate(new Date(row.at));
    const voided = row.voidedAt === null ? null : localIsoDate(new Date(row.voidedAt));
    if (voided === taken) continue;
    add(taken, signed);
    if (voided !== null) add(voided, -signed);
  }
  const days: ReportDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push({ date: day, takingsMinor: takings.get(day) ?? 0, ticketsIn: inByDay.get(day) ?? 0, ticketsFinished: finishedPerDay.get(day) ?? 0 });
  }
  return days;
}

/** Two decimals, as the satisfaction summary gives them; null when no call was scored. */
function averageScore(group: ScoreGroup | undefined): number | null {
  return group && group.qualityCount > 0 ? Math.round((group.qualitySum / group.qualityCount) * 100) / 100 : null;
}
