// The shop's report for a range of local days (日报 / 月报): tickets, revenue,
// work by technician, parts, turnaround, first response, repair classes and
// the open tickets. Tickets in, deposits, first response and finished work
// come from the day totals (report-days: day rows, not every ticket); the
// rest reads an index range of its period (collections and payments by time,
// stock moves by reason and time, cancellations by status and time) and
// aggregates in SQL; only small grouped rows come back. Nothing scans the
// whole history.
import type { ReadTx } from '../../storage/transactions';
import type { Settings } from '../../../../shared/contract';
import { TICKET_STATUSES, type TicketStatus } from '../../../../shared/domain';
import type { FirstResponseFigures, RepairClass, Report, ReportDay, TechnicianFigures } from '../../../../shared/figures-contract';
import { REPAIR_CLASSES, SATISFACTION_TARGET } from '../../../../shared/figures-contract';
import { FIRST_RESPONSE_MINUTES, SEVERITY_LEVELS } from '../../../../shared/workflow';
import { addDays, daysBetween, localIsoDate } from '../../rules/calendar';
import type { Period } from '../../rules/money-booking';
import { OPEN_STATUSES } from '../../rules/status-machine';
import { workingDaysBetween } from '../../rules/shop-calendar';
import { ticketFigures } from './day-close';
import { DIAGNOSIS_FEE_CODE } from '../collection';
import { localDayStart, periodMoney } from './period-money';
import { reportGroups, type IntakeGroup, type ReportSource } from './report-days';
import { satisfactionSummary } from './satisfaction-summary';
import { onlyRow } from '../../storage/rows';
import { itemAt } from '../../../../shared/lists';

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
  const range = [period.from, period.to];
  const groups = await reportGroups(tx, options.source ?? 'stored', from, to, period, local);
  const ticketsIn = groups.intake.reduce((total, g) => total + g.tickets, 0);
  const { tickets: counted } = await ticketFigures(tx, period, ticketsIn);

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
  const workingDays = new Map<string, number>();
  for (const g of groups.finished) {
    // A ready event stamped before its check-in (a counter PC's clock set wrong) counts as the same day.
    const span = `${g.dayIn}/${g.dayOut}`;
    let days = workingDays.get(span);
    if (days === undefined) {
      days = g.dayOut < g.dayIn ? 0 : workingDaysBetween(g.dayIn, g.dayOut, settings.shopCalendar);
      workingDays.set(span, days);
    }
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
  }

  // A rework (返修) counts against the technician of the repair that came back.
  const reworks: { technician_id: number | null; n: number }[] = await tx.query(
    `SELECT o.technician_id, COUNT(*) AS n FROM ticket r JOIN ticket o ON o.id = r.rework_of_ticket_id
     WHERE r.created_at >= ? AND r.created_at < ? AND r.rework_of_ticket_id IS NOT NULL GROUP BY o.technician_id`,
    range,
  );
  const staff: { id: number; name: string }[] = await tx.query(`SELECT id, name FROM staff`);
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const technicianIds = new Set<number | null>([...byTechnician.keys(), ...reworks.map((r) => r.technician_id)]);
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
    };
  });
  technicians.sort((a, b) => b.finished - a.finished || (a.name ?? '').localeCompare(b.name ?? ''));

  // ---- revenue: what was charged for the tickets collected in the range -------------
  const charged: { kind: 'labour' | 'part'; diagnosis: number; amount: number }[] = await tx.query(
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
  const labourMinor = sum((c) => c.kind === 'labour' && !c.diagnosis);
  const partsMinor = sum((c) => c.kind === 'part');
  const diagnosisMinor = sum((c) => c.kind === 'labour' && Boolean(c.diagnosis)) + (onlyRow(unrepaired).amount ?? 0);
  const discountsMinor = onlyRow(discounts).amount ?? 0;
  const money = await periodMoney(tx, period, depositsByMethod(groups.intake));

  // ---- parts used (managers): cost, what was charged, margin ---------------------------
  let parts: Report['parts'] = null;
  if (options.withParts) {
    // Fitted parts, less those put back on the shelf when a repair was cancelled; a part
    // under warranty is charged nothing. The margin is against the price when fitted.
    const lines: { part_id: number; name: string; qty: number; cost: number; charged: number }[] = await tx.query(
      `SELECT m.part_id, p.name, SUM(-m.qty_delta) AS qty, SUM(-m.qty_delta * m.unit_cost_minor) AS cost,
         SUM(CASE WHEN m.under_warranty THEN 0 ELSE -m.qty_delta * m.unit_price_minor END) AS charged
       FROM stock_move m JOIN part p ON p.id = m.part_id
       WHERE m.reason IN ('used', 'restock') AND m.at >= ? AND m.at < ? AND m.ticket_id IS NOT NULL
       GROUP BY m.part_id HAVING qty <> 0 ORDER BY cost DESC, p.name`,
      range,
    );
    const partLines = lines.map((l) => ({ partId: l.part_id, name: l.name, qty: l.qty, costMinor: l.cost, chargedMinor: l.charged, marginMinor: l.charged - l.cost }));
    parts = {
      lines: partLines,
      costMinor: partLines.reduce((s, l) => s + l.costMinor, 0),
      chargedMinor: partLines.reduce((s, l) => s + l.chargedMinor, 0),
      marginMinor: partLines.reduce((s, l) => s + l.marginMinor, 0),
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
  const open: { status: TicketStatus; created_at: string }[] = await tx.query(
    `SELECT status, created_at FROM ticket WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')})`,
    [...OPEN_STATUSES],
  );
  const today = localIsoDate(options.now);
  const ageing = AGEING.map((a) => ({ bucket: a.bucket, count: 0 }));
  for (const t of open) {
    const age = daysBetween(localIsoDate(new Date(t.created_at)), today);
    itemAt(ageing, AGEING.findIndex((a) => age <= a.max)).count += 1;
  }
  const byStatus = TICKET_STATUSES.filter((s) => (OPEN_STATUSES as readonly TicketStatus[]).includes(s))
    .map((status) => ({ status, count: open.filter((t) => t.status === status).length }))
    .filter((s) => s.count > 0);

  return {
    from,
    to,
    currency: settings.currency,
    tickets: { in: counted.in, finished, collected: counted.collected, cancelled: counted.cancelled },
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
    satisfaction: { ...(await satisfactionSummary(tx, { fromUtc: period.from, toUtc: period.to })), targetScore: SATISFACTION_TARGET },
    days: await reportDays(tx, from, to, period, groups.intake, finishedPerDay),
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
async function reportDays(
  tx: ReadTx,
  from: string,
  to: string,
  period: Period,
  intake: readonly IntakeGroup[],
  finishedPerDay: Map<string, number>,
): Promise<ReportDay[]> {
  const range = [period.from, period.to];
  const rows: { kind: 'payment' | 'refund'; amount_minor: number; at: string; voided_at: string | null }[] = await tx.query(
    `SELECT kind, amount_minor, at, voided_at FROM payment WHERE at >= ? AND at < ?
     UNION ALL SELECT kind, amount_minor, at, voided_at FROM payment WHERE voided_at >= ? AND voided_at < ? AND at < ?`,
    [...range, ...range, period.from],
  );
  const takings = new Map<string, number>();
  const inByDay = new Map<string, number>();
  for (const g of intake) {
    takings.set(g.day, (takings.get(g.day) ?? 0) + g.depositMinor);
    inByDay.set(g.day, (inByDay.get(g.day) ?? 0) + g.tickets);
  }
  const add = (day: string, amount: number) => {
    if (day >= from && day <= to) takings.set(day, (takings.get(day) ?? 0) + amount);
  };
  for (const row of rows) {
    const signed = row.kind === 'refund' ? -row.amount_minor : row.amount_minor;
    const taken = localIsoDate(new Date(row.at));
    const voided = row.voided_at === null ? null : localIsoDate(new Date(row.voided_at));
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
