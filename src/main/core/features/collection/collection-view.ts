// What the counter sees when a device is collected: the ticket, what was done,
// the charges (from the accepted quote; for a device returned unrepaired only
// the diagnosis fee), the deposit, every payment (voided ones marked), open
// loans and, once collected, the hand-over record. The receipt prints it.
import type { ReadTx } from '../../storage/transactions';
import {
  COLLECTABLE_STATUSES,
  type CollectionLine,
  type CollectionRecordView,
  type CollectionRefusal,
  type CollectionView,
  type OpenLoanView,
  type PaymentView,
} from '../../../../shared/collection-contract';
import type { Settings } from '../../../../shared/contract';
import type { Language, TicketStatus } from '../../../../shared/domain';
import { barcodeText, displayTicketNumber } from '../../../../shared/ticket-number';
import type { QuoteView } from '../../../../shared/repair-contract';
import { settle } from '../../rules/payments';
import { getDiagnosis } from '../repair';
import { listTicketLoans } from '../repair';
import { listQuotes } from '../repair';
import { listOldPartsHandedBack } from '../stock';
import { loadTicket } from '../../record/ticket-record';
import { selectPaymentsOfTicket, type PaymentRecord } from './queries/payments';
import { selectFeeItemIdsByCode } from './queries/fee-items';
import { selectCollectionOfTicket, selectCollectionRepaired } from './queries/collections';
import { selectTicketParty } from './queries/tickets';

/** The fee-standard item charged for looking at a device that goes back unrepaired. */
export const DIAGNOSIS_FEE_CODE = 'diagnosis';

export function isCollectable(status: TicketStatus): boolean {
  return (COLLECTABLE_STATUSES as readonly TicketStatus[]).includes(status);
}

/** Why a ticket in this status cannot be handed over, or null when it can. */
export function refusalOf(status: TicketStatus): CollectionRefusal | null {
  if (isCollectable(status)) return null;
  if (status === 'collected') return 'already_collected';
  if (status === 'cancelled') return 'cancelled';
  return 'not_ready';
}

export function toPaymentView(r: PaymentRecord): PaymentView {
  return {
    id: r.id,
    kind: r.kind,
    method: r.method,
    amountMinor: r.amount_minor,
    tenderedMinor: r.tendered_minor,
    changeMinor: r.change_minor,
    reference: r.reference,
    reason: r.reason,
    staffName: r.staff_name,
    approvedByName: r.approved_by_name,
    at: r.at,
    voided: r.voided_at !== null,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    voidedByName: r.voided_by_name,
  };
}

export async function listPayments(tx: ReadTx, ticketId: number): Promise<PaymentView[]> {
  return (await selectPaymentsOfTicket(tx, ticketId)).map(toPaymentView);
}

interface Charges {
  lines: CollectionLine[];
  discountMinor: number;
  discountReason: string;
  totalMinor: number;
}

const NO_CHARGES: Charges = { lines: [], discountMinor: 0, discountReason: '', totalMinor: 0 };

function toLine(line: QuoteView['lines'][number]): CollectionLine {
  return {
    kind: line.kind,
    description: line.description,
    qty: line.qty,
    unitMinor: line.unitPriceMinor,
    totalMinor: line.chargedMinor,
    free: line.free,
    reason: line.reason,
  };
}

/**
 * What the customer owes for the work. Repaired: the accepted quote, as the
 * customer agreed it. Unrepaired: only the diagnosis fee line(s) of the last
 * quote (the repair itself was not done, so no discount of it applies either).
 */
async function chargesOf(tx: ReadTx, ticketId: number, repaired: boolean, language: Language): Promise<Charges> {
  const quotes = await listQuotes(tx, ticketId, language);
  if (repaired) {
    const accepted = quotes.find((q) => q.status === 'accepted');
    if (!accepted) return NO_CHARGES; // e.g. a rework under the repair warranty, never quoted
    return {
      lines: accepted.lines.map(toLine),
      discountMinor: accepted.discountMinor,
      discountReason: accepted.discount?.reason ?? '',
      totalMinor: accepted.totalMinor,
    };
  }
  const last = quotes.find((q) => q.status !== 'superseded');
  if (!last) return NO_CHARGES;
  const feeRows = await selectFeeItemIdsByCode(tx, DIAGNOSIS_FEE_CODE);
  const feeIds = new Set(feeRows.map((r) => r.id));
  const lines = last.lines.filter((l) => l.kind === 'labour' && l.feeItemId !== null && feeIds.has(l.feeItemId)).map(toLine);
  return { lines, discountMinor: 0, discountReason: '', totalMinor: lines.reduce((sum, l) => sum + l.totalMinor, 0) };
}

/** A collected ticket was repaired when it was collected from ready (its collection record says so). */
async function wasRepaired(tx: ReadTx, ticketId: number): Promise<boolean> {
  const row = await selectCollectionRepaired(tx, ticketId);
  return row ? Boolean(row.repaired) : false;
}

async function openLoansOf(tx: ReadTx, ticketId: number): Promise<OpenLoanView[]> {
  return (await listTicketLoans(tx, ticketId))
    .filter((l) => l.returnedAt === null)
    .map((l) => ({ loanId: l.id, loanerName: l.loanerName, loanerSerial: l.loanerSerial, lentAt: l.lentAt }));
}

async function collectionRecord(tx: ReadTx, ticketId: number): Promise<CollectionRecordView | null> {
  const r = await selectCollectionOfTicket(tx, ticketId);
  if (!r) return null;
  return {
    identity: r.identity,
    identityNote: r.identity_note,
    signaturePng: r.signature_png,
    accessoriesReturned: JSON.parse(r.accessories_returned) as string[],
    loanerOverrideReason: r.loaner_override_reason,
    staffName: r.staff_name,
    approvedByName: r.approved_by_name,
    at: r.at,
  };
}

export async function getCollectionView(tx: ReadTx, ticketId: number, settings: Settings): Promise<CollectionView> {
  const ticket = await loadTicket(tx, ticketId);
  const r = await selectTicketParty(tx, ticket.id);
  // Once collected, "repaired" is what the hand-over recorded.
  const repaired = ticket.status === 'collected' ? await wasRepaired(tx, ticket.id) : ticket.status === 'ready';
  const charges = await chargesOf(tx, ticket.id, repaired, settings.language);
  const payments = await listPayments(tx, ticket.id);
  const money = settle(
    charges.totalMinor,
    ticket.depositMinor,
    payments.map((p) => ({ kind: p.kind, method: p.method, amountMinor: p.amountMinor, voided: p.voided })),
  );
  const diagnosis = await getDiagnosis(tx, ticket.id);
  const record = await collectionRecord(tx, ticket.id);
  return {
    ticketId: ticket.id,
    number: ticket.number,
    displayNumber: displayTicketNumber(ticket.number, settings.ticketPrefix),
    barcode: barcodeText(ticket.number),
    status: ticket.status,
    collectable: isCollectable(ticket.status),
    refusal: refusalOf(ticket.status),
    repaired,
    customer: { name: r.name, phone: r.phone },
    device: { type: r.type, brand: r.brand, model: r.model, serial: r.serial },
    accessories: JSON.parse(r.accessories) as string[],
    accessoriesOther: r.accessories_other,
    workDone: diagnosis ? { cause: diagnosis.cause, solution: diagnosis.solution } : null,
    ...charges,
    depositMinor: ticket.depositMinor,
    payments,
    ...money,
    openLoans: await openLoansOf(tx, ticket.id),
    repairWarrantyDays: settings.repairWarrantyDays,
    repairWarrantyUntil: ticket.repairWarrantyUntil,
    collectedAt: r.collected_at,
    collection: record,
    oldPartsReturned: (await listOldPartsHandedBack(tx, ticket.id)).map((p) => ({ name: p.partName, specification: p.specification, qty: p.qty })),
    currency: ticket.currency,
  };
}
