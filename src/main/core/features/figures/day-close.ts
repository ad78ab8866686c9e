// The day close (日结): the manager counts the drawer; the desk shows what it
// should hold (opening float + cash in − cash out), the difference, the
// takings by method, deposits, refunds, voids, discounts and the tickets in,
// collected and cancelled; closing stores it, numbered, never to change.
//
// A close covers the time since the previous close (the first one: since the
// start of its day), so a payment taken after today's close belongs to
// tomorrow's. A void is booked when it is made (see rules/money-booking).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput, Settings } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import type { DayCloseFigures, DayCloseRecord, DayCloseSummary } from '../../../../shared/figures-contract';
import { localIsoDate } from '../../../../shared/calendar';
import type { Period } from '../../rules/money-booking';
import type { Actor } from '../staff';
import { localDayStart, periodMoney } from './period-money';
import { insertDayClose, selectDayCloseByNumber, selectHighestDayCloseNumber, selectLastDayClose, selectLatestDayCloses } from './queries/day-closes';
import { countCollections, selectDiscountsGiven } from './queries/collections';
import { countTicketsCheckedIn } from './queries/tickets';
import { countTicketsCancelled } from './queries/ticket-events';

/**
 * Tickets checked in, collected and cancelled in a period; discounts given on
 * those collected. `ticketsIn` when the caller has already counted them.
 */
export async function ticketFigures(tx: ReadTx, period: Period, ticketsIn?: number) {
  const discounts = await selectDiscountsGiven(tx, period);
  return {
    tickets: {
      in: ticketsIn ?? (await countTicketsCheckedIn(tx, period)),
      collected: await countCollections(tx, period),
      cancelled: await countTicketsCancelled(tx, period),
    },
    discounts: { count: discounts.n, amountMinor: discounts.amount ?? 0 },
  };
}

/** The figures of the period still open at `now`. */
export async function openDayFigures(tx: ReadTx, settings: Settings, now: Date, openingFloatMinor: number | null): Promise<DayCloseFigures> {
  const last = (await selectLastDayClose(tx)) ?? null;
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
  const number = (await selectHighestDayCloseNumber(tx)) + 1;
  const denominations = input.denominations?.filter((d) => d.count > 0) ?? null;
  await insertDayClose(tx, {
    number,
    businessDate: figures.businessDate,
    periodFrom: figures.periodFrom,
    periodTo: figures.periodTo,
    currency: figures.currency,
    openingFloatMinor: figures.cash.openingFloatMinor,
    cashInMinor: figures.cash.inMinor,
    cashOutMinor: figures.cash.outMinor,
    expectedCashMinor: figures.cash.expectedMinor,
    countedCashMinor: input.countedCashMinor,
    differenceMinor: input.countedCashMinor - figures.cash.expectedMinor,
    denominations: denominations === null ? null : JSON.stringify(denominations),
    takingsMinor: figures.takingsMinor,
    figures: JSON.stringify({ ...figures, closedToday: null }),
    note: input.note,
    closedBy: manager.id,
    recordedBy: recordedBy.id,
    closedAt: figures.periodTo,
  });
  return getDayClose(tx, number);
}

export async function getDayClose(tx: ReadTx, number: number): Promise<DayCloseRecord> {
  const row = await selectDayCloseByNumber(tx, number);
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
  const rows = await selectLatestDayCloses(tx, limit);
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
