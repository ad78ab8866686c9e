// The figures' statements on the payments (table payment): the payments, refunds and voids that may book in a period.
import type { ReadTx } from '../../../storage/transactions';
import type { PaymentKind, PaymentMethod } from '../../../../../shared/collection-contract';
import type { Period } from '../../../rules/money-booking';

export interface PaymentMovementRow {
  kind: PaymentKind;
  method: PaymentMethod;
  amount_minor: number;
  at: string;
  voided_at: string | null;
}

/** Payments taken in the period, and earlier ones voided in it: two index ranges (payment_at, payment_voided_at), never the whole table. */
export async function selectPaymentsBookingIn(tx: ReadTx, period: Period): Promise<PaymentMovementRow[]> {
  return tx.query<PaymentMovementRow[]>(
    `SELECT kind, method, amount_minor, at, voided_at FROM payment WHERE at >= ? AND at < ?
     UNION ALL
     SELECT kind, method, amount_minor, at, voided_at FROM payment WHERE voided_at >= ? AND voided_at < ? AND at < ?`,
    [period.from, period.to, period.from, period.to, period.from],
  );
}
