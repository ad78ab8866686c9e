// Payment arithmetic at collection, as pure functions of integer minor units:
// what has been received, what is still due (or due back), whether a payment,
// a refund or a void may be taken. The takings of a day, the drawer and the
// day close's expected cash are booked by rules/money-booking.
// No storage, no clock; the collection service stores what these decide.
import type { PaymentKind, PaymentMethod } from '../../../shared/collection-contract';

export interface MoneyRow {
  kind: PaymentKind;
  method: PaymentMethod;
  amountMinor: number;
  voided: boolean;
}

export interface Settlement {
  /** Live payments − live refunds (the deposit is not a payment row). */
  paymentsNetMinor: number;
  /** deposit + paymentsNet: everything the shop holds for this ticket. */
  paidMinor: number;
  /** total − paid; negative means the shop owes the customer (a refund is due). */
  balanceMinor: number;
}

function assertMinor(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be whole minor units, got ${value}`);
}

/** Signed effect of one row on what the shop holds: + for a payment, − for a refund, 0 once voided. */
export function signedAmount(row: MoneyRow): number {
  assertMinor(row.amountMinor, 'amount');
  if (row.voided) return 0;
  return row.kind === 'refund' ? -row.amountMinor : row.amountMinor;
}

export function settle(totalMinor: number, depositMinor: number, rows: readonly MoneyRow[]): Settlement {
  assertMinor(totalMinor, 'total');
  assertMinor(depositMinor, 'deposit');
  const paymentsNetMinor = rows.reduce((sum, row) => sum + signedAmount(row), 0);
  const paidMinor = depositMinor + paymentsNetMinor;
  return { paymentsNetMinor, paidMinor, balanceMinor: totalMinor - paidMinor };
}

export type PaymentRefusal = 'invalid' | 'amount_over_balance' | 'tendered_short' | 'tendered_not_cash' | 'required';

export interface PaymentRequest {
  balanceMinor: number;
  method: PaymentMethod;
  amountMinor: number;
  /** Cash only. */
  tenderedMinor: number | null;
}

export type PaymentDecision =
  { ok: true; tenderedMinor: number | null; changeMinor: number } | { ok: false; field: 'amountMinor' | 'tenderedMinor'; reason: PaymentRefusal };

/**
 * A payment settles part or all of the balance due, never more (a split
 * payment is several payments). Cash records what was tendered and the change.
 */
export function decidePayment(request: PaymentRequest): PaymentDecision {
  const { balanceMinor, method, amountMinor, tenderedMinor } = request;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return { ok: false, field: 'amountMinor', reason: 'invalid' };
  if (amountMinor > balanceMinor) return { ok: false, field: 'amountMinor', reason: 'amount_over_balance' };
  if (method !== 'cash') {
    if (tenderedMinor !== null) return { ok: false, field: 'tenderedMinor', reason: 'tendered_not_cash' };
    return { ok: true, tenderedMinor: null, changeMinor: 0 };
  }
  // A clerk who leaves "tendered" empty was handed the exact amount.
  const tendered = tenderedMinor ?? amountMinor;
  if (!Number.isSafeInteger(tendered)) return { ok: false, field: 'tenderedMinor', reason: 'invalid' };
  if (tendered < amountMinor) return { ok: false, field: 'tenderedMinor', reason: 'tendered_short' };
  return { ok: true, tenderedMinor: tendered, changeMinor: tendered - amountMinor };
}

export type RefundDecision = { ok: true } | { ok: false; field: 'amountMinor' | 'reason'; reason: 'invalid' | 'refund_over_paid' | 'required' };

/** A refund gives back at most what the shop holds for the ticket (deposit included), with a reason. */
export function decideRefund(paidMinor: number, amountMinor: number, reason: string): RefundDecision {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) return { ok: false, field: 'amountMinor', reason: 'invalid' };
  if (reason.trim() === '') return { ok: false, field: 'reason', reason: 'required' };
  if (amountMinor > paidMinor) return { ok: false, field: 'amountMinor', reason: 'refund_over_paid' };
  return { ok: true };
}

export type VoidDecision = { ok: true } | { ok: false; reason: 'already_voided' | 'refund_over_paid' | 'required' };

/**
 * A void takes a mistaken row out of every total. Voiding a payment must not
 * leave the shop having refunded more than it then holds.
 */
export function decideVoid(row: MoneyRow, paidMinor: number, reason: string): VoidDecision {
  if (reason.trim() === '') return { ok: false, reason: 'required' };
  if (row.voided) return { ok: false, reason: 'already_voided' };
  if (paidMinor - signedAmount(row) < 0) return { ok: false, reason: 'refund_over_paid' };
  return { ok: true };
}
