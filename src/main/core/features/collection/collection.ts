// Collection use cases (取机): taking payment, refunds and voids (a manager and
// a reason; nothing paid is ever deleted), and the hand-over itself — the
// customer's signature, what was handed back, the repair warranty — in one
// transaction. Every money change writes a ticket event with its amount.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { CollectionResult, CollectionView } from '../../../../shared/collection-contract';
import type { ChannelParsedInput, Settings } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { decidePayment, decideRefund, decideVoid } from '../../rules/payments';
import { requireManagerApproval, type Actor } from '../staff';
import { getCollectionView, isCollectable, toPaymentView } from './collection-view';
import { loadTicket, recordEvent, touchTicket } from '../../record/ticket-record';
import { collectedNote, identityNote, paymentNote, refundNote, typedNote, voidNote } from '../../record/history-notes';
import { collectTicket, isPngDataUrl } from '../repair';
import { startFollowUp } from '../customers';
import { insertPayment, insertRefund, markPaymentVoided, selectPaymentById } from './queries/payments';
import { insertCollection } from './queries/collections';

function wrongStatus(path = 'ticketId'): DeskError {
  return new DeskError('conflict', [{ path, code: 'wrong_status' }]);
}

/** The view of a ticket that must still be waiting to be handed over. */
async function collectableView(tx: ReadTx, ticketId: number, settings: Settings): Promise<CollectionView> {
  const view = await getCollectionView(tx, ticketId, settings);
  if (!view.collectable) throw wrongStatus();
  return view;
}

export async function takePayment(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'collection.pay'>, settings: Settings, nowIso: string): Promise<void> {
  const view = await collectableView(tx, input.ticketId, settings);
  const decision = decidePayment({ balanceMinor: view.balanceMinor, method: input.method, amountMinor: input.amountMinor, tenderedMinor: input.tenderedMinor });
  if (!decision.ok) throw DeskError.field(decision.field, decision.reason);
  await insertPayment(tx, {
    ticketId: view.ticketId,
    method: input.method,
    amountMinor: input.amountMinor,
    tenderedMinor: decision.tenderedMinor,
    changeMinor: decision.changeMinor,
    reference: input.reference,
    staffId: actor.id,
    at: nowIso,
  });
  await recordEvent(tx, {
    ticketId: view.ticketId,
    kind: 'payment_taken',
    amountMinor: input.amountMinor,
    note: paymentNote(settings, { method: input.method, tenderedMinor: decision.tenderedMinor, changeMinor: decision.changeMinor, reference: input.reference }),
    staffId: actor.id,
    at: nowIso,
  });
  await touchTicket(tx, view.ticketId, nowIso);
}

/** Gives money back (e.g. a deposit larger than the bill); a manager approves, with a reason. Also after collection. */
export async function refund(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'collection.refund'>,
  settings: Settings,
  nowIso: string,
): Promise<void> {
  const view = await getCollectionView(tx, input.ticketId, settings);
  if (!view.collectable && view.status !== 'collected') throw wrongStatus();
  const manager = await requireManagerApproval(tx, actor, approver);
  const decision = decideRefund(view.paidMinor, input.amountMinor, input.reason);
  if (!decision.ok) throw DeskError.field(decision.field, decision.reason);
  await insertRefund(tx, {
    ticketId: view.ticketId,
    method: input.method,
    amountMinor: input.amountMinor,
    reference: input.reference,
    reason: input.reason,
    staffId: actor.id,
    approvedBy: manager.id,
    at: nowIso,
  });
  await recordEvent(tx, {
    ticketId: view.ticketId,
    kind: 'payment_refunded',
    amountMinor: -input.amountMinor,
    note: refundNote(settings.language, { method: input.method, reason: input.reason }),
    staffId: actor.id,
    approvedBy: manager.id,
    at: nowIso,
  });
  await touchTicket(tx, view.ticketId, nowIso);
}

/**
 * Takes a mistaken payment or refund out of every total; the row stays, marked.
 * Only before the hand-over: after it, money goes back by a refund.
 */
export async function voidPayment(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'collection.voidPayment'>,
  settings: Settings,
  nowIso: string,
): Promise<number> {
  const row = await selectPaymentById(tx, input.paymentId);
  if (!row) throw DeskError.field('paymentId', 'not_found');
  const payment = toPaymentView(row);
  const view = await getCollectionView(tx, row.ticket_id, settings);
  if (!view.collectable) throw wrongStatus('paymentId');
  const manager = await requireManagerApproval(tx, actor, approver);
  const decision = decideVoid(
    { kind: payment.kind, method: payment.method, amountMinor: payment.amountMinor, voided: payment.voided },
    view.paidMinor,
    input.reason,
  );
  if (!decision.ok) throw DeskError.field(decision.reason === 'required' ? 'reason' : 'paymentId', decision.reason);
  // Guarded: a void made meanwhile on another counter wins (and the trigger refuses a second one anyway).
  const updated = await markPaymentVoided(tx, payment.id, { at: nowIso, by: actor.id, approvedBy: manager.id, reason: input.reason });
  if (updated.length === 0) throw DeskError.field('paymentId', 'already_voided');
  await recordEvent(tx, {
    ticketId: view.ticketId,
    kind: payment.kind === 'refund' ? 'refund_voided' : 'payment_voided',
    // The change to what the shop holds: a voided payment takes money out, a voided refund puts it back.
    amountMinor: payment.kind === 'refund' ? payment.amountMinor : -payment.amountMinor,
    note: voidNote(settings.language, { paymentId: payment.id, method: payment.method, reason: input.reason }),
    staffId: actor.id,
    approvedBy: manager.id,
    at: nowIso,
  });
  await touchTicket(tx, view.ticketId, nowIso);
  return view.ticketId;
}

/** The hand-over: settled, identified, signed, loaners back (or a manager's override); then collected. */
export async function completeCollection(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'collection.complete'>,
  settings: Settings,
  now: Date,
): Promise<CollectionResult> {
  const nowIso = now.toISOString();
  const view = await getCollectionView(tx, input.ticketId, settings);
  if (!isCollectable(view.status)) throw wrongStatus();
  if (view.balanceMinor > 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'balance_due' }]);
  if (view.balanceMinor < 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'refund_due' }]);
  if (input.identity === 'phone_and_name' && input.identityNote === '') throw DeskError.field('identityNote', 'required');
  if (!isPngDataUrl(input.signaturePng)) throw DeskError.field('signaturePng', 'signature_invalid');

  const overrideReason = input.loanerOverrideReason?.trim() || null;
  let manager: Actor | null = null;
  if (view.openLoans.length > 0) {
    if (overrideReason === null) throw new DeskError('conflict', [{ path: 'loanerOverrideReason', code: 'still_on_loan' }]);
    manager = await requireManagerApproval(tx, actor, approver);
  }

  await collectTicket(tx, actor, view.ticketId, identityNote(settings.language, input.identity, input.identityNote), settings, now);
  await insertCollection(tx, {
    ticketId: view.ticketId,
    identity: input.identity,
    identityNote: input.identityNote,
    signaturePng: input.signaturePng,
    accessoriesReturned: JSON.stringify(input.accessoriesReturned),
    repaired: view.repaired,
    totalMinor: view.totalMinor,
    loanerOverrideReason: view.openLoans.length > 0 ? overrideReason : null,
    staffId: actor.id,
    approvedBy: manager?.id ?? null,
    at: nowIso,
  });
  // Returned not fully fixed, or a rework: called back the same day.
  await startFollowUp(tx, view.ticketId, now, !view.repaired || (await loadTicket(tx, view.ticketId)).reworkOfTicketId !== null);
  await recordEvent(tx, {
    ticketId: view.ticketId,
    kind: 'collected',
    amountMinor: view.totalMinor,
    note: collectedNote(settings.language, {
      repaired: view.repaired,
      identity: input.identity,
      checked: input.identityNote,
      accessoriesReturned: input.accessoriesReturned,
    }),
    staffId: actor.id,
    at: nowIso,
  });
  if (manager !== null) {
    await recordEvent(tx, {
      ticketId: view.ticketId,
      kind: 'loaner_override',
      note: typedNote(settings.language, view.openLoans.map((l) => l.loanerName).join(', '), overrideReason ?? ''),
      staffId: actor.id,
      approvedBy: manager.id,
      at: nowIso,
    });
  }
  const ticket = await loadTicket(tx, view.ticketId);
  const after = await getCollectionView(tx, view.ticketId, settings);
  return {
    ticketId: ticket.id,
    number: ticket.number,
    displayNumber: after.displayNumber,
    status: 'collected',
    repairWarrantyUntil: ticket.repairWarrantyUntil,
    receipt: { document: 'receipt', number: after.displayNumber },
    view: after,
  };
}
