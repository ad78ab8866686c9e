// The repair at the bench (status moves, diagnosis, quotes, approval, hand-over,
// promised date, notifications, parts used, loaners): input schemas, output types
// and the channels themselves; joined into the one contract in contract.ts.
//
// Privileged calls carry `session` (staff-contract.ts): the token auth.signIn returned. Main knows
// who is acting from it, so the renderer never names the actor itself. Calls
// that may need a manager (a discount over the threshold, a stock override, a
// void) also take `managerApproval`: a manager's id and PIN typed at the counter,
// not needed when the signed-in person is a manager.
import { REPAIR_CLASSES, type RepairClass } from './repair-class';
import { z } from 'zod';
import type { TicketEventView } from './contract';
import { LIMITS, TICKET_STATUSES, type TicketStatus, type WarrantyStatus } from './domain';
import { calendarDate, code, money, optionalText, requiredText } from './schema-helpers';
import { managerApprovalSchema, sessionSchema } from './staff-contract';
import {
  APPROVAL_DECISIONS,
  APPROVAL_METHODS,
  DISCOUNT_KINDS,
  FAULT_CATEGORIES,
  NOTIFICATION_METHODS,
  NOTIFICATION_OUTCOMES,
  WORKFLOW_LIMITS,
  type ApprovalDecision,
  type ApprovalMethod,
  type DiscountKind,
  type FaultCategory,
  type MoveVia,
  type NotificationMethod,
  type NotificationOutcome,
  type PricingReason,
  type QuoteLineKind,
  type QuoteStatus,
  type SeverityLevel,
  type StockMoveReason,
  type WorkflowAction,
} from './workflow';

// The pieces both contracts use (error codes, text, money, dates) are in schema-helpers.ts.
const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));
const instant = z.string(code('date_invalid')).refine((value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)), code('date_invalid'));
const quantity = z.number(code('required')).int(code('invalid')).min(1, code('invalid')).max(WORKFLOW_LIMITS.lineQtyMax, code('too_many'));

const note = optionalText(LIMITS.notesMax);

export const moveInput = z.object({
  session: sessionSchema,
  ticketId: id,
  toStatus: z.enum(TICKET_STATUSES, code('invalid')),
  note,
  managerApproval: managerApprovalSchema,
});

export const reopenInput = z.object({
  session: sessionSchema,
  ticketId: id,
  /** What came back wrong, in the customer's words. */
  fault: requiredText(LIMITS.faultMax),
  note,
});

export const diagnosisInput = z.object({
  session: sessionSchema,
  ticketId: id,
  category: z.enum(FAULT_CATEGORIES, code('required')),
  cause: requiredText(LIMITS.notesMax),
  solution: optionalText(LIMITS.notesMax),
  severity: z.union([z.literal(1), z.literal(2), z.literal(3)], code('required')),
  /** 人为损坏: the warranty does not cover it. */
  userCaused: z.boolean().default(false),
  /** Never printed. */
  internalNotes: optionalText(LIMITS.notesMax),
  /** 大中小修及保养, for the reports; null when not said. */
  repairClass: z.enum(REPAIR_CLASSES, code('invalid')).nullable().default(null),
});

export const quoteLineInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('labour'),
      /** An item of the fee standard; null for labour not listed there (description and price required). */
      feeItemId: id.nullable().default(null),
      description: optionalText(LIMITS.shortTextMax * 2),
      unitPriceMinor: money.nullable().default(null),
      qty: quantity.default(1),
    }),
    z.object({
      kind: z.literal('part'),
      partId: id,
      qty: quantity.default(1),
      /** An upgrade under warranty: the unit price of the like-for-like part the warranty covers. */
      coveredUnitPriceMinor: money.nullable().default(null),
    }),
    z.object({
      /** A part bought in for this one repair (never in stock): what the customer pays and what the shop paid. */
      kind: z.literal('bought_part'),
      description: requiredText(LIMITS.shortTextMax * 2),
      qty: quantity.default(1),
      unitPriceMinor: money,
      /** Null: the cost already on this ticket's quote for the same part (a revision carries the line over). */
      unitCostMinor: money.nullable(),
      supplier: optionalText(LIMITS.shortTextMax),
    }),
  ],
  code('invalid'),
);

export const discountInput = z
  .object({
    kind: z.enum(DISCOUNT_KINDS, code('required')),
    /** Whole percent (1-100) or an amount in minor units. */
    value: z.number(code('required')).int(code('invalid')).min(1, code('invalid')).max(LIMITS.moneyMaxMinor, code('money_too_large')),
    reason: requiredText(LIMITS.shortTextMax * 2),
  })
  .refine((d) => d.kind !== 'percent' || d.value <= 100, { ...code('invalid'), path: ['value'] });

export const quoteDraftInput = z.object({
  ticketId: id,
  lines: z.array(quoteLineInput).min(1, code('required')).max(WORKFLOW_LIMITS.quoteLines, code('too_many')),
  discount: discountInput.nullable().default(null),
});

export const quoteSaveInput = quoteDraftInput.extend({
  session: sessionSchema,
  note,
  managerApproval: managerApprovalSchema,
});

export const approvalInput = z.object({
  session: sessionSchema,
  ticketId: id,
  quoteId: id,
  decision: z.enum(APPROVAL_DECISIONS, code('required')),
  method: z.enum(APPROVAL_METHODS, code('required')),
  /** In person: the on-screen signature as a PNG data URL. */
  signaturePng: z.string().max(WORKFLOW_LIMITS.signatureMaxChars, code('too_long')).nullable().default(null),
  /** By phone: who answered, and when. */
  contactName: optionalText(LIMITS.nameMax),
  contactedAt: instant.nullable().default(null),
  note,
});

export const handOverInput = z.object({
  session: sessionSchema,
  ticketId: id,
  toTechnicianId: id,
  /** The fault and the progress so far, for the next technician. */
  note: requiredText(LIMITS.notesMax),
});

export const promisedDateInput = z.object({
  session: sessionSchema,
  ticketId: id,
  promisedDate: calendarDate.nullable(),
  reason: requiredText(LIMITS.notesMax),
});

export const notificationInput = z.object({
  session: sessionSchema,
  ticketId: id,
  method: z.enum(NOTIFICATION_METHODS, code('required')).default('phone'),
  outcome: z.enum(NOTIFICATION_OUTCOMES, code('required')),
  note,
});

export const loanerInput = z.object({
  session: sessionSchema,
  id: id.nullable().default(null),
  name: requiredText(LIMITS.nameMax),
  serial: optionalText(LIMITS.shortTextMax),
  notes: optionalText(LIMITS.notesMax),
  active: z.boolean().default(true),
});

export const lendInput = z.object({ session: sessionSchema, ticketId: id, loanerId: id, note });
export const loanReturnInput = z.object({ session: sessionSchema, loanId: id, note });

export const partUseInput = z.object({
  session: sessionSchema,
  ticketId: id,
  partId: id,
  qty: quantity,
  /** The replaced part of a warranty repair goes back to the stores (旧件返还). */
  returnOldPart: z.boolean().default(false),
  note,
  /** Draw although the stock says there is not enough (the shelf count is wrong); needs a manager. */
  overrideStock: z.boolean().default(false),
  managerApproval: managerApprovalSchema,
});

export const returnToStoresInput = z.object({ session: sessionSchema, ticketId: id, partId: id, qty: quantity, note });

/** A replaced part handed back to the customer (旧件退还客户). */
export interface OldPartHandedBack {
  partId: number;
  partName: string;
  specification: string;
  qty: number;
  staffName: string | null;
  at: string;
}

// ---- outputs ----------------------------------------------------------------

export interface DiagnosisView {
  category: FaultCategory;
  cause: string;
  solution: string;
  severity: SeverityLevel;
  userCaused: boolean;
  internalNotes: string;
  repairClass: RepairClass | null;
  staffName: string | null;
  updatedAt: string;
}

export interface QuoteLineView {
  position: number;
  kind: QuoteLineKind;
  feeItemId: number | null;
  partId: number | null;
  description: string;
  qty: number;
  unitPriceMinor: number;
  coveredUnitPriceMinor: number | null;
  /** A bought-in part's unit cost: null for other lines, and unless a manager asked (cost prices are theirs to see). */
  unitCostMinor: number | null;
  /** A bought-in part's supplier ('' when not said or not a bought-in part). */
  supplier: string;
  lineTotalMinor: number;
  coveredMinor: number;
  chargedMinor: number;
  free: boolean;
  reason: PricingReason;
}

export interface QuoteTotalsView {
  subtotalMinor: number;
  /** What the warranty (or the repair warranty) covers. */
  coveredMinor: number;
  chargeableMinor: number;
  discountMinor: number;
  /** What the customer pays for this quote; the deposit is settled at collection. */
  totalMinor: number;
}

export interface QuoteView extends QuoteTotalsView {
  id: number;
  ticketId: number;
  version: number;
  status: QuoteStatus;
  discount: { kind: DiscountKind; value: number; reason: string } | null;
  discountApprovedByName: string | null;
  note: string;
  staffName: string | null;
  createdAt: string;
  decidedAt: string | null;
  lines: QuoteLineView[];
}

export interface QuotePreview extends QuoteTotalsView {
  lines: QuoteLineView[];
  /** Why the warranty covers this ticket or not. */
  basis: PricingReason;
  discountNeedsManager: boolean;
  discountExceedsCharge: boolean;
}

export interface ApprovalView {
  id: number;
  quoteId: number;
  quoteVersion: number;
  decision: ApprovalDecision;
  method: ApprovalMethod;
  /** The signature as a PNG data URL (in person), for the ticket page and printouts. */
  signaturePng: string | null;
  contactName: string;
  contactedAt: string | null;
  note: string;
  staffName: string | null;
  at: string;
}

export interface StockMoveView {
  id: number;
  partId: number;
  partName: string;
  specification: string;
  ticketId: number | null;
  ticketDisplayNumber: string | null;
  reason: StockMoveReason;
  qtyDelta: number;
  /** Null unless a manager asked: cost prices are theirs to see. */
  unitCostMinor: number | null;
  unitPriceMinor: number;
  underWarranty: boolean;
  staffName: string | null;
  approvedByName: string | null;
  note: string;
  at: string;
}

export interface LoanView {
  id: number;
  ticketId: number;
  loanerId: number;
  loanerName: string;
  loanerSerial: string;
  lentAt: string;
  lentByName: string | null;
  lendNote: string;
  returnedAt: string | null;
  returnedByName: string | null;
  returnNote: string;
}

export interface NotificationView {
  id: number;
  method: NotificationMethod;
  outcome: NotificationOutcome;
  note: string;
  staffName: string | null;
  at: string;
}

export interface NextMove {
  to: TicketStatus;
  via: MoveVia;
  requiresNote: boolean;
  requiresManager: boolean;
}

/** An event of the ticket's history (as in TicketDetail.events), with the manager who approved it. */
export interface TimelineEvent extends TicketEventView {
  /** The manager who approved it (a void, an override, a large discount). */
  approvedByName: string | null;
}

export interface TicketRef {
  ticketId: number;
  number: number;
  displayNumber: string;
}

/** Everything the ticket page needs beyond the intake record (tickets.get). */
export interface TicketWorkflow {
  ticketId: number;
  number: number;
  displayNumber: string;
  status: TicketStatus;
  technicianId: number | null;
  technicianName: string | null;
  promisedDate: string | null;
  overdue: boolean;
  severity: SeverityLevel | null;
  warrantyStatus: WarrantyStatus;
  currency: string;
  depositMinor: number;
  /** Last day a returned repair is reworked free; set at collection. */
  repairWarrantyUntil: string | null;
  withinRepairWarranty: boolean;
  reworkOf: TicketRef | null;
  reworks: TicketRef[];
  /** Why the warranty covers this repair or not; null until diagnosed. */
  pricingBasis: PricingReason | null;
  diagnosis: DiagnosisView | null;
  /** Newest version first. */
  quotes: QuoteView[];
  approvals: ApprovalView[];
  partsUsed: StockMoveView[];
  /** Replaced parts the customer took back. */
  oldPartsHandedBack: OldPartHandedBack[];
  loans: LoanView[];
  notifications: NotificationView[];
  nextMoves: NextMove[];
  actions: WorkflowAction[];
  timeline: TimelineEvent[];
}

export interface ReopenResult extends TicketRef {
  barcode: string;
  reworkOfTicketId: number;
}

export interface LoanerView {
  id: number;
  name: string;
  serial: string;
  notes: string;
  active: boolean;
  available: boolean;
  currentLoan: (TicketRef & { loanId: number; customerName: string; lentAt: string }) | null;
}

// ---- the channels -----------------------------------------------------------

/** As these two lookups always took it: without the field error codes the forms' ids carry. */
const plainId = z.number().int().positive();

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

/** The repair at the bench: moves, diagnosis, quotes, approvals, parts used, loaners. Ticket actions answer with the ticket's fresh workflow view. */
export const repairChannels = {
  'tickets.getWorkflow': channel<TicketWorkflow>()(z.object({ ticketId: plainId })),
  'workflow.move': channel<TicketWorkflow>()(moveInput),
  'workflow.reopen': channel<ReopenResult>()(reopenInput),
  'diagnosis.save': channel<TicketWorkflow>()(diagnosisInput),
  'quotes.preview': channel<QuotePreview>()(quoteDraftInput),
  'quotes.save': channel<TicketWorkflow>()(quoteSaveInput),
  'quotes.get': channel<QuoteView>()(z.object({ quoteId: plainId })),
  'approvals.record': channel<TicketWorkflow>()(approvalInput),
  'tickets.handOver': channel<TicketWorkflow>()(handOverInput),
  'tickets.changePromisedDate': channel<TicketWorkflow>()(promisedDateInput),
  'notifications.log': channel<TicketWorkflow>()(notificationInput),
  'loaners.list': channel<LoanerView[]>()(z.object({ includeInactive: z.boolean().default(false) })),
  'loaners.save': channel<LoanerView>()(loanerInput),
  'loans.lend': channel<TicketWorkflow>()(lendInput),
  'loans.return': channel<TicketWorkflow>()(loanReturnInput),
  'parts.use': channel<TicketWorkflow>()(partUseInput),
  'parts.returnToStores': channel<TicketWorkflow>()(returnToStoresInput),
  'parts.returnToCustomer': channel<TicketWorkflow>()(returnToStoresInput),
} as const;
