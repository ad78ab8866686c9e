// Money taken and counted: payments (deposits, balances, refunds, voids), the
// collection of a device, and the cash drawer's day close.
import { EntitySchema } from 'typeorm';
import { id, text, nullableText, integer, nullableInteger, flag } from './columns';
import type { PaymentKind } from '../../../../shared/collection-contract';
import type { PaymentMethod } from '../../../../shared/domain';

export interface PaymentRow {
  id: number;
  ticketId: number;
  kind: PaymentKind;
  method: PaymentMethod;
  amountMinor: number;
  tenderedMinor: number | null;
  changeMinor: number;
  reference: string;
  reason: string;
  staffId: number | null;
  approvedBy: number | null;
  at: string;
  voidedAt: string | null;
  voidedBy: number | null;
  voidApprovedBy: number | null;
  voidReason: string | null;
}

export const PaymentEntity = new EntitySchema<PaymentRow>({
  name: 'Payment',
  tableName: 'payment',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    kind: text,
    method: text,
    amountMinor: { ...integer, name: 'amount_minor' },
    tenderedMinor: { ...nullableInteger, name: 'tendered_minor' },
    changeMinor: { ...integer, name: 'change_minor' },
    reference: text,
    reason: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    at: text,
    voidedAt: { ...nullableText, name: 'voided_at' },
    voidedBy: { ...nullableInteger, name: 'voided_by' },
    voidApprovedBy: { ...nullableInteger, name: 'void_approved_by' },
    voidReason: { ...nullableText, name: 'void_reason' },
  },
});

export interface CollectionRow {
  id: number;
  ticketId: number;
  identity: string;
  identityNote: string;
  signaturePng: string;
  accessoriesReturned: string;
  repaired: boolean;
  totalMinor: number;
  loanerOverrideReason: string | null;
  staffId: number | null;
  approvedBy: number | null;
  at: string;
}

export const CollectionEntity = new EntitySchema<CollectionRow>({
  name: 'Collection',
  tableName: 'collection',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    identity: text,
    identityNote: { ...text, name: 'identity_note' },
    signaturePng: { ...text, name: 'signature_png' },
    accessoriesReturned: { ...text, name: 'accessories_returned' },
    repaired: flag,
    totalMinor: { ...integer, name: 'total_minor' },
    loanerOverrideReason: { ...nullableText, name: 'loaner_override_reason' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    at: text,
  },
});

export interface DayCloseRow {
  id: number;
  number: number;
  businessDate: string;
  periodFrom: string;
  periodTo: string;
  currency: string;
  openingFloatMinor: number;
  cashInMinor: number;
  cashOutMinor: number;
  expectedCashMinor: number;
  countedCashMinor: number;
  differenceMinor: number;
  denominations: string | null;
  takingsMinor: number;
  figures: string;
  note: string;
  closedBy: number;
  recordedBy: number;
  closedAt: string;
}

export const DayCloseEntity = new EntitySchema<DayCloseRow>({
  name: 'DayClose',
  tableName: 'day_close',
  columns: {
    id,
    number: integer,
    businessDate: { ...text, name: 'business_date' },
    periodFrom: { ...text, name: 'period_from' },
    periodTo: { ...text, name: 'period_to' },
    currency: text,
    openingFloatMinor: { ...integer, name: 'opening_float_minor' },
    cashInMinor: { ...integer, name: 'cash_in_minor' },
    cashOutMinor: { ...integer, name: 'cash_out_minor' },
    expectedCashMinor: { ...integer, name: 'expected_cash_minor' },
    countedCashMinor: { ...integer, name: 'counted_cash_minor' },
    differenceMinor: { ...integer, name: 'difference_minor' },
    denominations: nullableText,
    takingsMinor: { ...integer, name: 'takings_minor' },
    figures: text,
    note: text,
    closedBy: { ...integer, name: 'closed_by' },
    recordedBy: { ...integer, name: 'recorded_by' },
    closedAt: { ...text, name: 'closed_at' },
  },
});
