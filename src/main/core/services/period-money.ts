// The money of a period as stored: payments, refunds and voids booked by
// rules/money-booking (a void on the day it was made), plus the deposits
// taken at the intakes of the period under their method. The cash drawer, the
// day close and the reports all read their takings here.
import type { ReadTx } from '../storage/transactions';
import type { PaymentKind, PaymentMethod } from '../../../shared/collection-contract';
import { bookPeriod, type Booking, type MoneyMovement, type Period } from '../rules/money-booking';

export interface PeriodMoney extends Booking {
  deposits: { count: number; amountMinor: number };
  /** Deposits from before the method was asked: in totalMinor, under no method. */
  depositsWithoutMethodMinor: number;
}

/** The UTC instant a local calendar day starts. */
export function localDayStart(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

export async function periodMoney(tx: ReadTx, period: Period): Promise<PeriodMoney> {
  // Two index ranges (payment_at, payment_voided_at), never the whole table.
  const rows: { kind: PaymentKind; method: PaymentMethod; amount_minor: number; at: string; voided_at: string | null }[] = await tx.query(
    `SELECT kind, method, amount_minor, at, voided_at FROM payment WHERE at >= ? AND at < ?
     UNION ALL
     SELECT kind, method, amount_minor, at, voided_at FROM payment WHERE voided_at >= ? AND voided_at < ? AND at < ?`,
    [period.from, period.to, period.from, period.to, period.from],
  );
  const deposits: { method: PaymentMethod | null; amount_minor: number; at: string }[] = await tx.query(
    `SELECT deposit_method AS method, deposit_minor AS amount_minor, created_at AS at FROM ticket WHERE created_at >= ? AND created_at < ? AND deposit_minor > 0`,
    [period.from, period.to],
  );
  const movements: MoneyMovement[] = rows.map((r) => ({ kind: r.kind, method: r.method, amountMinor: r.amount_minor, at: r.at, voidedAt: r.voided_at }));
  for (const d of deposits) {
    if (d.method !== null) movements.push({ kind: 'payment', method: d.method, amountMinor: d.amount_minor, at: d.at, voidedAt: null });
  }
  const booking = bookPeriod(movements, period);
  const depositsWithoutMethodMinor = deposits.filter((d) => d.method === null).reduce((sum, d) => sum + d.amount_minor, 0);
  return {
    ...booking,
    totalMinor: booking.totalMinor + depositsWithoutMethodMinor,
    deposits: { count: deposits.length, amountMinor: deposits.reduce((sum, d) => sum + d.amount_minor, 0) },
    depositsWithoutMethodMinor,
  };
}
