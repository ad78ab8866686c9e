// Input schemas and output types of the collection channels (取机): finding the
// ticket at the counter, the charges, payments (cash / card / WeChat Pay /
// Alipay, split, refunds and voids), the hand-over with the customer's
// signature, unclaimed devices and the cash drawer. The channels themselves are
// listed in contract.ts, the one contract.
//
// Money is integer minor units (fen). Nothing paid is ever deleted: a mistaken
// payment is voided (manager + reason) and a refund is its own row.
import { z } from 'zod';
import { LIMITS, PAYMENT_METHODS, type DeviceType, type PaymentMethod, type TicketStatus } from './domain';
import { calendarDate, code, money, optionalText, plainText, requiredText } from './schema-helpers';
import { WORKFLOW_LIMITS, type NotificationMethod, type NotificationOutcome, type PricingReason, type QuoteLineKind } from './workflow';
import { managerApprovalSchema, sessionSchema } from './staff-contract';

export { PAYMENT_METHODS, type PaymentMethod };

/** A payment takes money in; a refund gives it back (manager + reason). */
export const PAYMENT_KINDS = ['payment', 'refund'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** How the customer proved the device is theirs: the claim ticket, or (ticket lost) phone number and name. */
export const COLLECTION_IDENTITIES = ['claim_ticket', 'phone_and_name'] as const;
export type CollectionIdentity = (typeof COLLECTION_IDENTITIES)[number];

/** Why a ticket cannot be handed over now; null when it can. */
export const COLLECTION_REFUSALS = ['not_ready', 'already_collected', 'cancelled'] as const;
export type CollectionRefusal = (typeof COLLECTION_REFUSALS)[number];

/**
 * Kinds of ticket_event rows written by collection (translated under workflow.eventKind.*).
 * amount_minor is the change to what the shop holds: + payment, − refund, − a voided
 * payment, + a voided refund; 'collected' carries the total charged for the work.
 */
export const COLLECTION_EVENT_KINDS = ['payment_taken', 'payment_refunded', 'payment_voided', 'refund_voided', 'collected', 'loaner_override'] as const;

/** Statuses a device is handed back from: repaired (ready), or returned unrepaired. */
export const COLLECTABLE_STATUSES = ['ready', 'declined', 'unrepairable'] as const satisfies readonly TicketStatus[];

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));
const positiveMoney = money.refine((v) => v > 0, code('invalid'));
const reference = optionalText(LIMITS.shortTextMax);
const reason = requiredText(LIMITS.notesMax);

export const collectionFindInput = z.object({
  /** A ticket number (with or without prefix, as a scanner types it), a phone (full or last digits) or a name. */
  query: plainText(WORKFLOW_LIMITS.searchQueryMax),
});

export const collectionGetInput = z.object({ ticketId: id });

export const collectionPayInput = z.object({
  session: sessionSchema,
  ticketId: id,
  method: z.enum(PAYMENT_METHODS, code('required')),
  /** What this payment settles: more than 0, at most the balance due. */
  amountMinor: positiveMoney,
  /** Cash only: what the customer handed over (at least the amount); null for other methods. */
  tenderedMinor: money.nullable().default(null),
  /** E.g. the last digits of a card, or a WeChat Pay / Alipay transaction number. */
  reference,
});

export const collectionRefundInput = z.object({
  session: sessionSchema,
  ticketId: id,
  method: z.enum(PAYMENT_METHODS, code('required')),
  /** At most what was received (deposit + live payments − refunds). */
  amountMinor: positiveMoney,
  reason,
  reference,
  managerApproval: managerApprovalSchema,
});

export const collectionVoidInput = z.object({
  session: sessionSchema,
  paymentId: id,
  reason,
  managerApproval: managerApprovalSchema,
});

export const collectionCompleteInput = z.object({
  session: sessionSchema,
  ticketId: id,
  identity: z.enum(COLLECTION_IDENTITIES, code('required')),
  /** With phone_and_name: what the clerk checked (required then); optional with the claim ticket. */
  identityNote: optionalText(LIMITS.notesMax),
  /** The customer's on-screen signature as a PNG data URL. */
  signaturePng: z.string(code('required')).min(1, code('required')).max(WORKFLOW_LIMITS.signatureMaxChars, code('too_long')),
  /** What was handed back with the device (intake accessory ids or free text). */
  accessoriesReturned: z.array(requiredText(LIMITS.shortTextMax)).max(30, code('too_many')).default([]),
  /** Only when a manager lets the device go while a loaner is still out. */
  loanerOverrideReason: z.string().trim().max(LIMITS.notesMax, code('too_long')).nullable().default(null),
  managerApproval: managerApprovalSchema,
});

export const collectionUnclaimedInput = z.object({});

export const collectionDrawerInput = z.object({
  /** The shop's local day; today when absent. */
  date: calendarDate.nullable().default(null),
});

// ---- outputs ----------------------------------------------------------------

export interface CollectionMatch {
  ticketId: number;
  number: number;
  displayNumber: string;
  status: TicketStatus;
  customerName: string;
  /** Only the last 4 digits, e.g. "•••• 5678": the list is on a counter screen. */
  customerPhoneMasked: string;
  deviceType: DeviceType;
  brand: string;
  model: string;
  /** When it became ready (or declined / unrepairable); null while not collectable. */
  readyAt: string | null;
  createdAt: string;
  collectable: boolean;
  refusal: CollectionRefusal | null;
}

export interface CollectionLine {
  kind: QuoteLineKind;
  /** As written on the quote (in the shop's language when it was saved). */
  description: string;
  qty: number;
  unitMinor: number;
  /** What the customer pays for this line (after what the warranty covers). */
  totalMinor: number;
  free: boolean;
  /** Why it is free or charged (translated under workflow.pricingReason.*). */
  reason: PricingReason;
}

export interface PaymentView {
  id: number;
  kind: PaymentKind;
  method: PaymentMethod;
  /** Always positive; a refund takes it away. */
  amountMinor: number;
  /** Cash payments only. */
  tenderedMinor: number | null;
  /** tendered − amount; 0 for other methods. */
  changeMinor: number;
  reference: string;
  /** The refund's reason; '' for a payment. */
  reason: string;
  staffName: string | null;
  approvedByName: string | null;
  at: string;
  voided: boolean;
  voidedAt: string | null;
  voidReason: string | null;
  voidedByName: string | null;
}

export interface OpenLoanView {
  loanId: number;
  loanerName: string;
  loanerSerial: string;
  lentAt: string;
}

export interface CollectionRecordView {
  identity: CollectionIdentity;
  identityNote: string;
  signaturePng: string;
  accessoriesReturned: string[];
  loanerOverrideReason: string | null;
  staffName: string | null;
  approvedByName: string | null;
  at: string;
}

export interface CollectionView {
  ticketId: number;
  number: number;
  displayNumber: string;
  /** What the barcode encodes (10 digits). */
  barcode: string;
  status: TicketStatus;
  collectable: boolean;
  refusal: CollectionRefusal | null;
  /** Status ready: the device was repaired. False: returned unrepaired (declined / unrepairable). */
  repaired: boolean;
  customer: { name: string; phone: string };
  device: { type: DeviceType; brand: string; model: string; serial: string };
  /** Accessory ids left at intake (translated under accessory.*), plus the free-text "other". */
  accessories: string[];
  accessoriesOther: string;
  /** The diagnosis: what was found and what was done. */
  workDone: { cause: string; solution: string } | null;
  /** The accepted quote's lines; for an unrepaired device only the diagnosis fee line(s). */
  lines: CollectionLine[];
  discountMinor: number;
  discountReason: string;
  /** What the customer owes for the work (after warranty and discount). */
  totalMinor: number;
  depositMinor: number;
  /** Newest last; voided ones included (marked). */
  payments: PaymentView[];
  /** Live payments − live refunds (deposit not included). */
  paymentsNetMinor: number;
  /** Everything received: deposit + live payments − live refunds. */
  paidMinor: number;
  /** totalMinor − paidMinor (= total − deposit − payments net). Negative: a refund is due. */
  balanceMinor: number;
  openLoans: OpenLoanView[];
  repairWarrantyDays: number;
  /** Set once collected. */
  repairWarrantyUntil: string | null;
  collectedAt: string | null;
  /** The hand-over record, once collected. */
  collection: CollectionRecordView | null;
  /** Replaced parts handed back to the customer (旧件退还客户), on the receipt. */
  oldPartsReturned: { name: string; specification: string; qty: number }[];
  currency: string;
}

export interface CollectionResult {
  ticketId: number;
  number: number;
  displayNumber: string;
  status: 'collected';
  /** Null when returned unrepaired (no repair warranty). */
  repairWarrantyUntil: string | null;
  /** Print it with printing.printTicket { number: displayNumber, documents: ['receipt'] } (or preview it). */
  receipt: { document: 'receipt'; number: string };
  view: CollectionView;
}

export interface UnclaimedTicket {
  ticketId: number;
  number: number;
  displayNumber: string;
  status: TicketStatus;
  customerName: string;
  customerPhone: string;
  deviceType: DeviceType;
  brand: string;
  model: string;
  readyAt: string;
  /** Whole days since it became ready. */
  daysWaiting: number;
  lastNotification: { at: string; method: NotificationMethod; outcome: NotificationOutcome } | null;
}

export interface DrawerMethodTotal {
  method: PaymentMethod;
  /** Payments taken with this method (intake deposits included); refunds are not payments. */
  count: number;
  /** Refunds given back with this method. */
  refundCount: number;
  /** Payments minus refunds (a void of an earlier day's row is booked on the day of the void). */
  amountMinor: number;
}

export interface CashDrawer {
  date: string;
  /** Every method, in PAYMENT_METHODS order (zeros included). */
  byMethod: DrawerMethodTotal[];
  totalMinor: number;
  /** Net cash taken in (cash deposits and payments − cash refunds): what the drawer should hold beyond its float. */
  cashInMinor: number;
  /** Refunds given back that day, every method. */
  refunds: { count: number; amountMinor: number };
  /** Of the above, the deposits taken at intake that day (already counted under their method). */
  intakeDeposits: { count: number; amountMinor: number };
  /** Deposits of tickets checked in before the method was asked: in totalMinor, under no method. */
  depositsWithoutMethodMinor: number;
  currency: string;
}
