// The money of a period as stored: payments, refunds and voids booked by
// rules/money-booking (a void on the day it was made), plus the deposits
// taken at the intakes of the period under their method. The cash drawer, the
// day close and the reports all read their takings here.
import type { ReadTx } from '../../storage/transactions';
import { bookDeposits, bookPeriod, type Booking, type MoneyMovement, type Period } from '../../rules/money-booking';
import { selectDepositsByMethod, type DepositByMethodRow } from './queries/tickets';
import { selectPaymentsBookingIn } from './queries/payments';

export interface PeriodMoney extends Booking {
  deposits: { count: number; amountMinor: number };
  /** Deposits from before the method was asked: in totalMinor, under no method. */
  depositsWithoutMethodMinor: number;
}

/** The deposits of a period by method (null: taken before the method was asked). */
export type PeriodDeposit = DepositByMethodRow;

/** The UTC instant a local calendar day starts. */
export function localDayStart(day: string): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

/** The payments, refunds and voids that may book in a period: two index ranges (payment_at, payment_voided_at), never the whole table. */
export async function periodMovements(tx: ReadTx, period: Period): Promise<MoneyMovement[]> {
  const rows = await selectPaymentsBookingIn(tx, period);
  return rows.map((r) => ({ kind: r.kind, method: r.method, amountMinor: r.amount_minor, at: r.at, voidedAt: r.voided_at }));
}

/** The period's money; `deposits` when the caller already has them (a report reads them from the day totals). */
export async function periodMoney(tx: ReadTx, period: Period, deposits?: readonly PeriodDeposit[]): Promise<PeriodMoney> {
  const movements = await periodMovements(tx, period);
  return bookMoney(period, movements, deposits ?? (await selectDepositsByMethod(tx, period)));
}

/** Books the movements and deposits of a period (movements may be day totals: see MoneyMovement.count). */
export function bookMoney(period: Period, movements: readonly MoneyMovement[], taken: readonly PeriodDeposit[]): PeriodMoney {
  const booking = bookDeposits(
    bookPeriod(movements, period),
    taken.flatMap((d) => (d.method === null ? [] : [{ method: d.method, count: d.count, amountMinor: d.amountMinor }])),
  );
  const depositsWithoutMethodMinor = taken.filter((d) => d.method === null).reduce((sum, d) => sum + d.amountMinor, 0);
  return {
    ...booking,
    totalMinor: booking.totalMinor + depositsWithoutMethodMinor,
    deposits: { count: taken.reduce((sum, d) => sum + d.count, 0), amountMinor: taken.reduce((sum, d) => sum + d.amountMinor, 0) },
    depositsWithoutMethodMinor,
  };
}
