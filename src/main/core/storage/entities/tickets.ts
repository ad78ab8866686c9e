// Repair tickets, their history events, the per-day ticket number counter and
// the counter's unsaved intake form.
import { EntitySchema } from 'typeorm';
import type { DataAnswer, PasscodeKind, PaymentMethod, TicketStatus, WarrantyBasis, WarrantyStatus } from '../../../../shared/domain';
import type { TicketEventKind } from '../../../../shared/ticket-events';
import { flag, id, integer, nullableInteger, nullableText, text } from './columns';

export interface TicketRow {
  id: number;
  number: number;
  status: TicketStatus;
  customerId: number;
  deviceId: number;
  /** Tickets checked in together share it (one customer, several devices). */
  intakeBatch: string;
  fault: string;
  customerRequest: string;
  /** JSON array of accessory ids. */
  accessories: string;
  accessoriesOther: string;
  /** JSON array of condition check ids. */
  conditionChecks: string;
  conditionNotes: string;
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  warrantyStatus: WarrantyStatus;
  warrantyBasis: WarrantyBasis;
  feeConsent: boolean;
  dataAnswer: DataAnswer;
  estimateMinor: number;
  depositMinor: number;
  /** How the deposit was paid; null without a deposit (or before this was asked). */
  depositMethod: PaymentMethod | null;
  currency: string;
  promisedDate: string | null;
  technicianId: number | null;
  clerkId: number | null;
  passcodeKind: PasscodeKind | null;
  /** Sealed with the shop's key; never listed, never printed. */
  passcodeSealed: string | null;
  createdAt: string;
  updatedAt: string;
  /** How bad the fault is, 1 to 3, once diagnosed. */
  severity: number | null;
  /** The repair's own warranty, from collection. */
  repairWarrantyUntil: string | null;
  /** The ticket this one re-does (返修). */
  reworkOfTicketId: number | null;
  collectedAt: string | null;
}
export interface TicketEventRow {
  id: number;
  ticketId: number;
  kind: TicketEventKind;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  amountMinor: number | null;
  note: string;
  staffId: number | null;
  at: string;
  /** The manager who approved what the event records, when it needed one. */
  approvedBy: number | null;
  /** A note the desk wrote itself, as data (JSON), worded when read. */
  noteData: string | null;
}
export interface TicketDayCounterRow {
  day: string;
  lastSequence: number;
}

export const TicketEntity = new EntitySchema<TicketRow>({
  name: 'Ticket',
  tableName: 'ticket',
  columns: {
    id,
    number: integer,
    status: text,
    customerId: { ...integer, name: 'customer_id' },
    deviceId: { ...integer, name: 'device_id' },
    intakeBatch: { ...text, name: 'intake_batch' },
    fault: text,
    customerRequest: { ...text, name: 'customer_request' },
    accessories: text,
    accessoriesOther: { ...text, name: 'accessories_other' },
    conditionChecks: { ...text, name: 'condition_checks' },
    conditionNotes: { ...text, name: 'condition_notes' },
    purchaseDate: { ...nullableText, name: 'purchase_date' },
    proofOfPurchase: { ...flag, name: 'proof_of_purchase' },
    warrantyStatus: { ...text, name: 'warranty_status' },
    warrantyBasis: { ...text, name: 'warranty_basis' },
    feeConsent: { ...flag, name: 'fee_consent' },
    dataAnswer: { ...text, name: 'data_answer' },
    estimateMinor: { ...integer, name: 'estimate_minor' },
    depositMinor: { ...integer, name: 'deposit_minor' },
    depositMethod: { ...nullableText, name: 'deposit_method' },
    currency: text,
    promisedDate: { ...nullableText, name: 'promised_date' },
    technicianId: { ...nullableInteger, name: 'technician_id' },
    clerkId: { ...nullableInteger, name: 'clerk_id' },
    passcodeKind: { ...nullableText, name: 'passcode_kind' },
    passcodeSealed: { ...nullableText, name: 'passcode_sealed' },
    createdAt: { ...text, name: 'created_at' },
    updatedAt: { ...text, name: 'updated_at' },
    severity: nullableInteger,
    repairWarrantyUntil: { ...nullableText, name: 'repair_warranty_until' },
    reworkOfTicketId: { ...nullableInteger, name: 'rework_of_ticket_id' },
    collectedAt: { ...nullableText, name: 'collected_at' },
  },
});
export const TicketEventEntity = new EntitySchema<TicketEventRow>({
  name: 'TicketEvent',
  tableName: 'ticket_event',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    kind: text,
    fromStatus: { ...nullableText, name: 'from_status' },
    toStatus: { ...nullableText, name: 'to_status' },
    amountMinor: { ...nullableInteger, name: 'amount_minor' },
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    noteData: { ...nullableText, name: 'note_data' },
  },
});
export const TicketDayCounterEntity = new EntitySchema<TicketDayCounterRow>({
  name: 'TicketDayCounter',
  tableName: 'ticket_day_counter',
  columns: { day: { type: 'text', primary: true }, lastSequence: { ...integer, name: 'last_sequence' } },
});

export interface IntakeDraftRow {
  counterKey: string;
  body: string;
  savedAt: string;
}

export const IntakeDraftEntity = new EntitySchema<IntakeDraftRow>({
  name: 'IntakeDraft',
  tableName: 'intake_draft',
  columns: {
    counterKey: { type: 'text', primary: true, name: 'counter_key' },
    body: text,
    savedAt: { ...text, name: 'saved_at' },
  },
});
