// Which money movements belong to a period (a calendar day, a day close's
// span, a report's range), as pure functions.
//
// A payment or refund is booked when it was taken. A void is booked when it
// was made: a mistake voided within the same period leaves no trace in that
// period's takings, while a void of an earlier period's row is a correction
// booked now, so a day already closed is never rewritten. Deposits taken at
// intake count as payments under their method.
import type { PaymentKind, PaymentMethod } from '../../../shared/collection-contract';
import { PAYMENT_METHODS } from '../../../shared/collection-contract';

export interface MoneyMovement {
  kind: PaymentKind;
  method: PaymentMethod;
  amountMinor: number;
  at: string;
  voidedAt: string | null;
  /** How many rows of the same kind, method, day and void day this movement adds up (a day total); 1 when absent. */
  count?: number;
}

export interface Period {
  /** Inclusive UTC instant. */
  from: string;
  /** Exclusive UTC instant. */
  to: string;
}

export interface MethodBooking {
  method: PaymentMethod;
  /** Payments (deposits included) booked in the period; refunds are not payments. */
  count: number;
  refundCount: number;
  /** Payments − refunds − voids of earlier payments + voids of earlier refunds. */
  amountMinor: number;
}

export interface Booking {
  byMethod: MethodBooking[];
  totalMinor: number;
  paymentsMinor: number;
  refunds: { count: number; amountMinor: number };
  /** Voids made in the period, whatever day the voided row was taken; amount is what the voided rows were worth. */
  voids: { count: number; amountMinor: number };
  cash: { inMinor: number; outMinor: number };
}

const within = (at: string | null, period: Period): boolean => at !== null && at >= period.from && at < period.to;

/** The signed bookings of one movement in the period: none, the row itself, its void, or (both inside) nothing. */
function entries(row: MoneyMovement, period: Period): { signed: number; kind: 'payment' | 'refund' | 'void' }[] {
  if (!Number.isSafeInteger(row.amountMinor)) throw new RangeError(`amount must be whole minor units, got ${row.amountMinor}`);
  const sign = row.kind === 'refund' ? -1 : 1;
  const taken = within(row.at, period);
  const voided = within(row.voidedAt, period);
  if (taken && voided) return [];
  if (taken) return [{ signed: sign * row.amountMinor, kind: row.kind }];
  if (voided) return [{ signed: -sign * row.amountMinor, kind: 'void' }];
  return [];
}

export function bookPeriod(rows: readonly MoneyMovement[], period: Period): Booking {
  const byMethod = new Map<PaymentMethod, MethodBooking>(PAYMENT_METHODS.map((method) => [method, { method, count: 0, refundCount: 0, amountMinor: 0 }]));
  let paymentsMinor = 0;
  const refunds = { count: 0, amountMinor: 0 };
  const voids = { count: 0, amountMinor: 0 };
  const cash = { inMinor: 0, outMinor: 0 };
  for (const row of rows) {
    const rowCount = row.count ?? 1;
    if (within(row.voidedAt, period)) {
      voids.count += rowCount;
      voids.amountMinor += row.amountMinor;
    }
    for (const entry of entries(row, period)) {
      const method = byMethod.get(row.method)!;
      method.amountMinor += entry.signed;
      if (entry.kind === 'payment') {
        method.count += rowCount;
        paymentsMinor += entry.signed;
      } else if (entry.kind === 'refund') {
        method.refundCount += rowCount;
        refunds.count += rowCount;
        refunds.amountMinor -= entry.signed;
      }
      if (row.method === 'cash') {
        if (entry.signed > 0) cash.inMinor += entry.signed;
        else cash.outMinor -= entry.signed;
      }
    }
  }
  const list = [...byMethod.values()];
  return { byMethod: list, totalMinor: list.reduce((sum, m) => sum + m.amountMinor, 0), paymentsMinor, refunds, voids, cash };
}

/** Deposits taken at the intakes of a period, grouped by their method. */
export interface DepositGroup {
  method: PaymentMethod;
  count: number;
  amountMinor: number;
}

/** A booking with the period's deposits added: each one a payment under its method, taken in the period. */
export function bookDeposits(booking: Booking, deposits: readonly DepositGroup[]): Booking {
  const byMethod = booking.byMethod.map((m) => ({ ...m }));
  let paymentsMinor = booking.paymentsMinor;
  const cash = { ...booking.cash };
  for (const d of deposits) {
    if (!Number.isSafeInteger(d.amountMinor)) throw new RangeError(`amount must be whole minor units, got ${d.amountMinor}`);
    const method = byMethod.find((m) => m.method === d.method)!;
    method.count += d.count;
    method.amountMinor += d.amountMinor;
    paymentsMinor += d.amountMinor;
    if (d.method === 'cash') cash.inMinor += d.amountMinor;
  }
  return { ...booking, byMethod, totalMinor: byMethod.reduce((sum, m) => sum + m.amountMinor, 0), paymentsMinor, cash };
}
