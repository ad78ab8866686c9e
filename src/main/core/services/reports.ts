// The shop's report for a range of local days (日报 / 月报): tickets, revenue,
// work by technician, parts, turnaround, first response, repair classes and
// the open tickets. Every query reads an index range of its period (ticket
// created_at, ready events by to_status and time, collections and payments by
// time, stock moves by reason and time) and aggregates in SQL; only small
// grouped rows come back. Nothing scans the whole history.
import type { ReadTx } from '../storage/transactions';
import type { Settings } from '../../../shared/contract';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/domain';
import type { FirstResponseFigures, RepairClass, Report, ReportDay, TechnicianFigures } from '../../../shared/figures-contract';
import { REPAIR_CLASSES } from '../../../shared/figures-contract';
import { FIRST_RESPONSE_MINUTES, SEVERITY_LEVELS, type SeverityLevel } from '../../../shared/workflow';
import { addDays, daysBetween, localIsoDate } from '../rules/calendar';
import type { Period } from '../rules/money-booking';
import { OPEN_STATUSES } from '../rules/status-machine';
import { workingDaysBetween } from '../rules/shop-calendar';
import { ticketFigures } from './day-close';
import { DIAGNOSIS_FEE_CODE } from './collection-view';
import { localDayStart, periodMoney } from './period-money';

const DISTRIBUTION_MAX = 7;
const AGEING = [
  { bucket: '0-2', max: 2 },
  { bucket: '3-7', max: 7 },
  { bucket: '8-14', max: 14 },
  { bucket: '15-30', max: 30 },
  { bucket: '31+', max: Infinity },
] as const;

/** Finished = became ready for collection in the range (first time it did). */
const FINISHED = `SELECT ticket_id, MIN(at) AS ready_at FROM ticket_event WHERE to_status = 'ready' AND at >= ? AND at < ? GROUP BY ticket_id`;

interface FinishedGroup {
  day_in: string;
  day_out: string;
  technician_id: number | null;
  repair_class: RepairClass | null;
  n: number;
  within24: number;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

export interface ReportOptions {
  /** Part costs and margins: managers only. */
  withParts: boolean;
  now: Date;
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
  const { tickets: counted } = await ticketFigures(tx, period);

  // ---- finished tickets: turnaround, technicians, classes --------------------------
  const groups: FinishedGroup[] = await tx.query(
    `SELECT date(t.created_at, '${local}') AS day_in, date(f.ready_at, '${local}') AS day_out, t.technician_id, d.repair_class,
       COUNT(*) AS n, SUM(julianday(f.ready_at) - julianday(t.created_at) <= 1.0) AS within24
     FROM (${FINISHED}) f JOIN ticket t ON t.id = f.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
     GROUP BY day_in, day_out, t.technician_id, d.repair_class`,
    range,
  );
  const distribution = new Map<string, number>();
  for (let i = 0; i <= DISTRIBUTION_MAX; i += 1) distribution.set(String(i), 0);
  distribution.set(`${DISTRIBUTION_MAX + 1}+`, 0);
  const classes = new Map<RepairClass | null, number>([...REPAIR_CLASSES.map((c) => [c, 0] as const), [null, 0] as const]);
  const byTechnician = new Map<number | null, { finished: number; days: number }>();
  const finishedPerDay = new Map<string, number>();
  let finished = 0;
  let workingDaysSum = 0;
  let within7Days = 0;
  let within24Hours = 0;
  for (const g of groups) {
    // A ready event stamped before its check-in (a counter PC's clock set wrong) counts as the same day.
    const days = g.day_out < g.day_in ? 0 : workingDaysBetween(g.day_in, g.day_out, settings.shopCalendar);
    finished += g.n;
    workingDaysSum += days * g.n;
    if (days <= 7) within7Days += g.n;
    within24Hours += g.within24;
    const key = days > DISTRIBUTION_MAX ? `${DISTRIBUTION_MAX + 1}+` : String(days);
    distribution.set(key, distribution.get(key)! + g.n);
    classes.set(g.repair_class, (classes.get(g.repair_class) ?? 0) + g.n);
    const tech = byTechnician.get(g.technician_id) ?? { finished: 0, days: 0 };
    tech.finished += g.n;
    tech.days += days * g.n;
    byTechnician.set(g.technician_id, tech);
    finishedPerDay.set(g.day_out, (finishedPerDay.get(g.day_out) ?? 0) + g.n);
  }

  // Labour and parts value of the work each technician finished (the accepted quote, as charged).
  const values: { technician_id: number | null; kind: 'labour' | 'part'; amount: number }[] = await tx.query(
    `SELECT t.technician_id, ql.kind, SUM(ql.charged_minor) AS amount
     FROM (${FINISHED}) f JOIN ticket t ON t.id = f.ticket_id
       JOIN quote q ON q.ticket_id = t.id AND q.status = 'accepted' JOIN quote_line ql ON ql.quote_id = q.id
     GROUP BY t.technician_id, ql.kind`,
    range,
  );
  // A rework (返修) counts against the technician of the repair that came back.
  const reworks: { technician_id: number | null; n: number }[] = await tx.query(
    `SELECT o.technician_id, COUNT(*) AS n FROM ticket r JOIN ticket o ON o.id = r.rework_of_ticket_id
     WHERE r.created_at >= ? AND r.created_at < ? AND r.rework_of_ticket_id IS NOT NULL GROUP BY o.technician_id`,
    range,
  );
  const staff: { id: number; name: string }[] = await tx.query(`SELECT id, name FROM staff`);
  const nameOf = new Map(staff.map((s) => [s.id, s.name]));
  const technicianIds = new Set<number | null>([...byTechnician.keys(), ...values.map((v) => v.technician_id), ...reworks.map((r) => r.technician_id)]);
  const technicians: TechnicianFigures[] = [...technicianIds].map((id) => {
    const work = byTechnician.get(id) ?? { finished: 0, days: 0 };
    const value = (kind: 'labour' | 'part') => values.find((v) => v.technician_id === id && v.kind === kind)?.amount ?? 0;
    return {
      staffId: id,
      name: id === null ? null : (nameOf.get(id) ?? null),
      finished: work.finished,
      labourMinor: value('labour'),
      partsMinor: value('part'),
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
  const diagnosisMinor = sum((c) => c.kind === 'labour' && Boolean(c.diagnosis)) + (unrepaired[0].amount ?? 0);
  const discountsMinor = discounts[0].amount ?? 0;
  const money = await periodMoney(tx, period);

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
  // First response = the first status change after check-in (in practice "Start
  // diagnosis", or a cancellation): the moment staff first acted on the device.
  // Measured in minutes from check-in, for the tickets checked in within the range,
  // grouped by the fault level the diagnosis gave (tickets not diagnosed: no level).
  const responses: { severity: SeverityLevel | null; responded: number; waiting: number; within: number | null; average: number | null }[] = await tx.query(
    `SELECT severity, COUNT(first_at) AS responded, SUM(first_at IS NULL) AS waiting,
       SUM(CASE WHEN first_at IS NULL THEN 0 WHEN (julianday(first_at) - julianday(created_at)) * 1440 <= (CASE severity WHEN 3 THEN ? ELSE ? END) THEN 1 ELSE 0 END) AS within,
       AVG((julianday(first_at) - julianday(created_at)) * 1440) AS average
     FROM (SELECT t.severity, t.created_at,
             (SELECT MIN(e.at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed') AS first_at
           FROM ticket t WHERE t.created_at >= ? AND t.created_at < ?)
     GROUP BY severity`,
    [FIRST_RESPONSE_MINUTES[3], FIRST_RESPONSE_MINUTES[1], ...range],
  );
  const firstResponse: FirstResponseFigures[] = [...SEVERITY_LEVELS, null].map((severity) => {
    const row = responses.find((r) => r.severity === severity);
    return {
      severity,
      targetMinutes: severity === null ? null : FIRST_RESPONSE_MINUTES[severity],
      responded: row?.responded ?? 0,
      withinTarget: severity === null ? 0 : (row?.within ?? 0),
      averageMinutes: row?.average == null ? null : round1(row.average),
      waiting: row?.waiting ?? 0,
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
    ageing[AGEING.findIndex((a) => age <= a.max)].count += 1;
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
    days: await reportDays(tx, from, to, period, local, finishedPerDay),
  };
}

/** Per local day: takings (a void on the day it was made), tickets in, tickets finished. */
async function reportDays(tx: ReadTx, from: string, to: string, period: Period, local: string, finishedPerDay: Map<string, number>): Promise<ReportDay[]> {
  const range = [period.from, period.to];
  const rows: { kind: 'payment' | 'refund'; amount_minor: number; at: string; voided_at: string | null }[] = await tx.query(
    `SELECT kind, amount_minor, at, voided_at FROM payment WHERE at >= ? AND at < ?
     UNION ALL SELECT kind, amount_minor, at, voided_at FROM payment WHERE voided_at >= ? AND voided_at < ? AND at < ?`,
    [...range, ...range, period.from],
  );
  const deposits: { day: string; amount: number }[] = await tx.query(
    `SELECT date(created_at, '${local}') AS day, SUM(deposit_minor) AS amount FROM ticket
     WHERE created_at >= ? AND created_at < ? AND deposit_minor > 0 GROUP BY day`,
    range,
  );
  const ticketsIn: { day: string; n: number }[] = await tx.query(
    `SELECT date(created_at, '${local}') AS day, COUNT(*) AS n FROM ticket WHERE created_at >= ? AND created_at < ? GROUP BY day`,
    range,
  );
  const takings = new Map<string, number>(deposits.map((d) => [d.day, d.amount]));
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
  const inByDay = new Map(ticketsIn.map((t) => [t.day, t.n]));
  const days: ReportDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    days.push({ date: day, takingsMinor: takings.get(day) ?? 0, ticketsIn: inByDay.get(day) ?? 0, ticketsFinished: finishedPerDay.get(day) ?? 0 });
  }
  return days;
}
