// The payment table's statements for collection: a ticket's payments and refunds
// with the staff who took, approved and voided them; taking, refunding and voiding.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { PaymentKind, PaymentMethod } from '../../../../../shared/collection-contract';

export interface PaymentRecord {
  id: number;
  ticket_id: number;
  kind: PaymentKind;
  method: PaymentMethod;
  amount_minor: number;
  tendered_minor: number | null;
  change_minor: number;
  reference: string;
  reason: string;
  staff_name: string | null;
  approved_by_name: string | null;
  at: string;
  voided_at: string | null;
  void_reason: string | null;
  voided_by_name: string | null;
}

export interface VoidedPaymentRecord {
  id: number;
}

const PAYMENT_SELECT = `SELECT p.id, p.ticket_id, p.kind, p.method, p.amount_minor, p.tendered_minor, p.change_minor, p.reference, p.reason,
    s.name AS staff_name, a.name AS approved_by_name, p.at, p.voided_at, p.void_reason, v.name AS voided_by_name
  FROM payment p LEFT JOIN staff s ON s.id = p.staff_id LEFT JOIN staff a ON a.id = p.approved_by LEFT JOIN staff v ON v.id = p.voided_by`;

export function selectPaymentsOfTicket(tx: ReadTx, ticketId: number): Promise<PaymentRecord[]> {
  return tx.query<PaymentRecord[]>(`${PAYMENT_SELECT} WHERE p.ticket_id = ? ORDER BY p.id`, [ticketId]);
}

export async function selectPaymentById(tx: ReadTx, paymentId: number): Promise<PaymentRecord | undefined> {
  const rows = await tx.query<PaymentRecord[]>(`${PAYMENT_SELECT} WHERE p.id = ?`, [paymentId]);
  return rows[0];
}

export async function insertPayment(
  tx: WriteTx,
  payment: {
    ticketId: number;
    method: PaymentMethod;
    amountMinor: number;
    tenderedMinor: number | null;
    changeMinor: number;
    reference: string;
    staffId: number;
    at: string;
  },
): Promise<void> {
  await tx.query<unknown[]>(
    `INSERT INTO payment (ticket_id, kind, method, amount_minor, tendered_minor, change_minor, reference, staff_id, at)
     VALUES (?, 'payment', ?, ?, ?, ?, ?, ?, ?)`,
    [payment.ticketId, payment.method, payment.amountMinor, payment.tenderedMinor, payment.changeMinor, payment.reference, payment.staffId, payment.at],
  );
}

export async function insertRefund(
  tx: WriteTx,
  refund: { ticketId: number; method: PaymentMethod; amountMinor: number; reference: string; reason: string; staffId: number; approvedBy: number; at: string },
): Promise<void> {
  await tx.query<unknown[]>(
    `INSERT INTO payment (ticket_id, kind, method, amount_minor, tendered_minor, change_minor, reference, reason, staff_id, approved_by, at)
     VALUES (?, 'refund', ?, ?, NULL, 0, ?, ?, ?, ?, ?)`,
    [refund.ticketId, refund.method, refund.amountMinor, refund.reference, refund.reason, refund.staffId, refund.approvedBy, refund.at],
  );
}

/** Marks a payment voided unless it already is; answers the row it marked (none when a void came first). */
export function markPaymentVoided(
  tx: WriteTx,
  paymentId: number,
  voided: { at: string; by: number; approvedBy: number; reason: string },
): Promise<VoidedPaymentRecord[]> {
  return tx.query<VoidedPaymentRecord[]>(
    `UPDATE payment SET voided_at = ?, voided_by = ?, void_approved_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL RETURNING id`,
    [voided.at, voided.by, voided.approvedBy, voided.reason, paymentId],
  );
}
