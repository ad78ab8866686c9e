// The repair itself: diagnosis, quotes and their lines, the customer's approval,
// bench tests, and loaner units lent out.
import { EntitySchema } from 'typeorm';
import { id, text, nullableText, integer, nullableInteger, flag } from './columns';
import type { ApprovalDecision, ApprovalMethod, FaultCategory, PricingReason, QuoteLineKind, QuoteStatus } from '../../../../shared/workflow';

export interface DiagnosisRow {
  ticketId: number;
  category: FaultCategory;
  cause: string;
  solution: string;
  severity: number;
  userCaused: boolean;
  internalNotes: string;
  staffId: number | null;
  createdAt: string;
  updatedAt: string;
  repairClass: string | null;
}

export const DiagnosisEntity = new EntitySchema<DiagnosisRow>({
  name: 'Diagnosis',
  tableName: 'diagnosis',
  columns: {
    ticketId: { type: 'integer', primary: true, name: 'ticket_id' },
    category: text,
    cause: text,
    solution: text,
    severity: integer,
    userCaused: { ...flag, name: 'user_caused' },
    internalNotes: { ...text, name: 'internal_notes' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    createdAt: { ...text, name: 'created_at' },
    updatedAt: { ...text, name: 'updated_at' },
    repairClass: { ...nullableText, name: 'repair_class' },
  },
});

export interface QuoteRow {
  id: number;
  ticketId: number;
  version: number;
  status: QuoteStatus;
  subtotalMinor: number;
  coveredMinor: number;
  discountMinor: number;
  totalMinor: number;
  discountKind: string | null;
  discountValue: number | null;
  discountReason: string;
  discountApprovedBy: number | null;
  note: string;
  staffId: number | null;
  createdAt: string;
  decidedAt: string | null;
}

export const QuoteEntity = new EntitySchema<QuoteRow>({
  name: 'Quote',
  tableName: 'quote',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    version: integer,
    status: text,
    subtotalMinor: { ...integer, name: 'subtotal_minor' },
    coveredMinor: { ...integer, name: 'covered_minor' },
    discountMinor: { ...integer, name: 'discount_minor' },
    totalMinor: { ...integer, name: 'total_minor' },
    discountKind: { ...nullableText, name: 'discount_kind' },
    discountValue: { ...nullableInteger, name: 'discount_value' },
    discountReason: { ...text, name: 'discount_reason' },
    discountApprovedBy: { ...nullableInteger, name: 'discount_approved_by' },
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    createdAt: { ...text, name: 'created_at' },
    decidedAt: { ...nullableText, name: 'decided_at' },
  },
});

export interface QuoteLineRow {
  id: number;
  quoteId: number;
  position: number;
  kind: QuoteLineKind;
  feeItemId: number | null;
  partId: number | null;
  description: string;
  qty: number;
  unitPriceMinor: number;
  coveredUnitPriceMinor: number | null;
  lineTotalMinor: number;
  coveredMinor: number;
  chargedMinor: number;
  free: boolean;
  reason: PricingReason;
  nameEn: string | null;
  nameZh: string | null;
  unitCostMinor: number | null;
  supplier: string;
}

export const QuoteLineEntity = new EntitySchema<QuoteLineRow>({
  name: 'QuoteLine',
  tableName: 'quote_line',
  columns: {
    id,
    quoteId: { ...integer, name: 'quote_id' },
    position: integer,
    kind: text,
    feeItemId: { ...nullableInteger, name: 'fee_item_id' },
    partId: { ...nullableInteger, name: 'part_id' },
    description: text,
    qty: integer,
    unitPriceMinor: { ...integer, name: 'unit_price_minor' },
    coveredUnitPriceMinor: { ...nullableInteger, name: 'covered_unit_price_minor' },
    lineTotalMinor: { ...integer, name: 'line_total_minor' },
    coveredMinor: { ...integer, name: 'covered_minor' },
    chargedMinor: { ...integer, name: 'charged_minor' },
    free: flag,
    reason: text,
    nameEn: { ...nullableText, name: 'name_en' },
    nameZh: { ...nullableText, name: 'name_zh' },
    unitCostMinor: { ...nullableInteger, name: 'unit_cost_minor' },
    supplier: text,
  },
});

export interface RepairTestRow {
  id: number;
  ticketId: number;
  tested: string;
  passed: boolean;
  note: string;
  staffId: number | null;
  at: string;
}

export const RepairTestEntity = new EntitySchema<RepairTestRow>({
  name: 'RepairTest',
  tableName: 'repair_test',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    tested: text,
    passed: flag,
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface ApprovalRow {
  id: number;
  ticketId: number;
  quoteId: number;
  decision: ApprovalDecision;
  method: ApprovalMethod;
  signaturePng: string | null;
  contactName: string;
  contactedAt: string | null;
  note: string;
  staffId: number | null;
  at: string;
}

export const ApprovalEntity = new EntitySchema<ApprovalRow>({
  name: 'Approval',
  tableName: 'approval',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    quoteId: { ...integer, name: 'quote_id' },
    decision: text,
    method: text,
    signaturePng: { ...nullableText, name: 'signature_png' },
    contactName: { ...text, name: 'contact_name' },
    contactedAt: { ...nullableText, name: 'contacted_at' },
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface LoanerRow {
  id: number;
  name: string;
  serial: string;
  notes: string;
  active: boolean;
  createdAt: string;
}

export const LoanerEntity = new EntitySchema<LoanerRow>({
  name: 'Loaner',
  tableName: 'loaner',
  columns: {
    id,
    name: text,
    serial: text,
    notes: text,
    active: flag,
    createdAt: { ...text, name: 'created_at' },
  },
});

export interface LoanRow {
  id: number;
  ticketId: number;
  loanerId: number;
  lentAt: string;
  lentBy: number | null;
  lendNote: string;
  returnedAt: string | null;
  returnedBy: number | null;
  returnNote: string;
}

export const LoanEntity = new EntitySchema<LoanRow>({
  name: 'Loan',
  tableName: 'loan',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    loanerId: { ...integer, name: 'loaner_id' },
    lentAt: { ...text, name: 'lent_at' },
    lentBy: { ...nullableInteger, name: 'lent_by' },
    lendNote: { ...text, name: 'lend_note' },
    returnedAt: { ...nullableText, name: 'returned_at' },
    returnedBy: { ...nullableInteger, name: 'returned_by' },
    returnNote: { ...text, name: 'return_note' },
  },
});
