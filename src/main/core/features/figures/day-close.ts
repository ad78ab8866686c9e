// The day close (日结): the manager counts the drawer; the desk shows what it
// should hold (opening float + cash in − cash out), the difference, the
// takings by method, deposits, refunds, voids, discounts and the tickets in,
// collected and cancelled; closing stores it, numbered, never to change.
//
// A close covers the time since the previous close (the first one: since the
// start of its day), so a payment taken after today's close belongs to
// tomorrow's. A void is booked when it is made (see rules/money-booking).
import type { ReadSql, ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput, Settings } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import type { DayCloseFigures, DayCloseRecord, DayCloseSummary } from '../../../../shared/figures-contract';
import type { StaffRole } from '../../../../shared/domain';
import { localIsoDate } from '../../../../shared/calendar';
import type { Period } from '../../rules/money-booking';
import type { Actor } from '../staff';
import { localDayStart, periodMoney } from './period-money';
import { onlyRow } from '../../storage/rows';

interface LastClose {
  number: number;
  business_date: string;
  period_to: string;
}

async function lastClose(tx: ReadTx): Promise<LastClose | null> {
  const rows: LastClose[] = await tx.query(`SELECT number, business_date, period_to FROM day_close ORDER BY number DESC LIMIT 1`);
  return rows[0] ?? null;
}

async function count(tx: ReadTx, sql: ReadSql, params: unknown[]): Promise<number> {
  const rows: { n: number }[] = await tx.query(sql, params);
  return rows[0]?.n ?? 0;
}

/**
 * Tickets checked in, collected and cancelled in a period; discounts given on
 * those collected. `ticketsIn` when the caller has already counted them.
 */
export async function ticketFigures(tx: ReadTx, period: Period, ticketsIn?: number) {
  const range = [period.from, period.to];
  const discounts: { n: number; amount: number | null }[] = await tx.query(
    `SELECT COUNT(*) AS n, SUM(q.discount_minor) AS amount FROM collection c
       JOIN quote q ON q.ticket_id = c.ticket_id AND q.status = 'accepted'
     WHERE c.at >= ? AND c.at < ? AND c.repaired = 1 AND q.discount_minor > 0`,
    range,
  );
  return {
    tickets: {
      in: ticketsIn ?? (await count(tx, `SELECT COUNT(*) AS n FROM ticket WHERE created_at >= ? AND created_at < ?`, range)),
      collected: await count(tx, `SELECT COUNT(*) AS n FROM collection WHERE at >= ? AND at < ?`, range),
      cancelled: await count(tx, `SELECT COUNT(DISTINCT ticket_id) AS n FROM ticket_event WHERE to_status = 'cancelled' AND at >= ? AND at < ?`, range),
    },
    discounts: { count: onlyRow(discounts).n, amountMinor: onlyRow(discounts).amount ?? 0 },
  };
}

/** The figures of the period still open at `now`. */
export async function openDayFigures(tx: ReadTx, settings: Settings, now: Date, openingFloatMinor: number | null): Promise<DayCloseFigures> {
  const last = await lastClose(tx);
  const today = localIsoDate(now);
  const period: Period = { from: last?.period_to ?? localDayStart(today), to: now.toISOString() };
  const money = await periodMoney(tx, period);
  const { tickets, discounts } = await ticketFigures(tx, period);
  const float = openingFloatMinor ?? settings.cashFloatMinor;
  return {
    businessDate: today,
    periodFrom: period.from,
    periodTo: period.to,
    currency: settings.currency,
    byMethod: money.byMethod,
    depositsWithoutMethodMinor: money.depositsWithoutMethodMinor,
    takingsMinor: money.totalMinor,
    deposits: money.deposits,
    refunds: money.refunds,
    voids: money.voids,
    discounts,
    tickets,
    cash: {
      openingFloatMinor: float,
      inMinor: money.cash.inMinor,
      outMinor: money.cash.outMinor,
      expectedMinor: float + money.cash.inMinor - money.cash.outMinor,
    },
    closedToday: last !== null && last.business_date >= today ? { number: last.number, closedAt: last.period_to } : null,
  };
}

export async function closeDay(
  tx: WriteTx,
  recordedBy: Actor,
  manager: Actor,
  input: ChannelParsedInput<'dayClose.close'>,
  settings: Settings,
  now: Date,
): Promise<DayCloseRecord> {
  const figures = await openDayFigures(tx, settings, now, input.openingFloatMinor);
  if (figures.closedToday) throw new DeskError('conflict', [{ path: 'businessDate', code: 'already_closed' }]);
  const number = (await count(tx, `SELECT COALESCE(MAX(number), 0) AS n FROM day_close`, [])) + 1;
  const denominations = input.denominations?.filter((d) => d.count > 0) ?? null;
  await tx.query(
    `INSERT INTO day_close (number, business_date, period_from, period_to, currency, opening_float_minor, cash_in_minor, cash_out_minor,
       expected_cash_minor, counted_cash_minor, difference_minor, denominations, takings_minor, figures, note, closed_by, recorded_by, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      number,
      figures.businessDate,
      figures.periodFrom,
      figures.periodTo,
      figures.currency,
      figures.cash.openingFloatMinor,
      figures.cash.inMinor,
      figures.cash.outMinor,
      figures.cash.expectedMinor,
      input.countedCashMinor,
      input.countedCashMinor - figures.cash.expectedMinor,
      denominations === null ? null : JSON.stringify(denominations),
      figures.takingsMinor,
      JSON.stringify({ ...figures, closedToday: null }),
      input.note,
      manager.id,
      recordedBy.id,
      figures.periodTo,
    ],
  );
  return getDayClose(tx, number);
}

interface DayCloseDbRow {
  number: number;
  business_date: string;
  counted_cash_minor: number;
  expected_cash_minor: number;
  difference_minor: number;
  takings_minor: number;
  denominations: string | null;
  figures: string;
  note: string;
  currency: string;
  closed_at: string;
  closed_by: number;
  closed_by_name: string;
  closed_by_role: StaffRole;
  recorded_by: number;
  recorded_by_name: string;
  recorded_by_role: StaffRole;
}

const SELECT_CLOSE = `SELECT d.number, d.business_date, d.counted_cash_minor, d.expected_cash_minor, d.difference_minor, d.takings_minor,
    d.denominations, d.figures, d.note, d.currency, d.closed_at,
    d.closed_by, c.name AS closed_by_name, c.role AS closed_by_role, d.recorded_by, r.name AS recorded_by_name, r.role AS recorded_by_role
  FROM day_close d JOIN staff c ON c.id = d.closed_by JOIN staff r ON r.id = d.recorded_by`;

export async function getDayClose(tx: ReadTx, number: number): Promise<DayCloseRecord> {
  const rows: DayCloseDbRow[] = await tx.query(`${SELECT_CLOSE} WHERE d.number = ?`, [number]);
  const row = rows[0];
  if (!row) throw new DeskError('not_found', [{ path: 'number', code: 'not_found' }]);
  return {
    number: row.number,
    figures: JSON.parse(row.figures) as DayCloseFigures,
    countedCashMinor: row.counted_cash_minor,
    denominations: row.denominations === null ? null : (JSON.parse(row.denominations) as { faceMinor: number; count: number }[]),
    differenceMinor: row.difference_minor,
    note: row.note,
    closedBy: { id: row.closed_by, name: row.closed_by_name, role: row.closed_by_role },
    recordedBy: { id: row.recorded_by, name: row.recorded_by_name, role: row.recorded_by_role },
    closedAt: row.closed_at,
  };
}

export async function listDayCloses(tx: ReadTx, limit: number): Promise<DayCloseSummary[]> {
  const rows: DayCloseDbRow[] = await tx.query(`${SELECT_CLOSE} ORDER BY d.number DESC LIMIT ?`, [limit]);
  return rows.map((row) => ({
    number: row.number,
    businessDate: row.business_date,
    takingsMinor: row.takings_minor,
    expectedCashMinor: row.expected_cash_minor,
    countedCashMinor: row.counted_cash_minor,
    differenceMinor: row.difference_minor,
    closedByName: row.closed_by_name,
    closedAt: row.closed_at,
    currency: row.currency,
  }));
}
