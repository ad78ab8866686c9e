// The stock aggregate: parts, the stock ledger (every change of a quantity is a
// stock_move row), the fee standard, and old parts handed back to customers.
import { EntitySchema } from 'typeorm';
import { id, text, nullableText, integer, nullableInteger, flag } from './columns';
import type { FeeCategory, StockMoveReason } from '../../../../shared/workflow';

export interface PartRow {
  id: number;
  name: string;
  specification: string;
  compatibleModels: string;
  costMinor: number;
  priceMinor: number;
  qtyOnHand: number;
  qtyReturned: number;
  reorderLevel: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const PartEntity = new EntitySchema<PartRow>({
  name: 'Part',
  tableName: 'part',
  columns: {
    id,
    name: text,
    specification: text,
    compatibleModels: { ...text, name: 'compatible_models' },
    costMinor: { ...integer, name: 'cost_minor' },
    priceMinor: { ...integer, name: 'price_minor' },
    qtyOnHand: { ...integer, name: 'qty_on_hand' },
    qtyReturned: { ...integer, name: 'qty_returned' },
    reorderLevel: { ...integer, name: 'reorder_level' },
    active: flag,
    createdAt: { ...text, name: 'created_at' },
    updatedAt: { ...text, name: 'updated_at' },
  },
});

export interface StockMoveRow {
  id: number;
  partId: number;
  ticketId: number | null;
  reason: StockMoveReason;
  qtyDelta: number;
  unitCostMinor: number;
  unitPriceMinor: number;
  underWarranty: boolean;
  staffId: number | null;
  approvedBy: number | null;
  note: string;
  at: string;
  noteData: string | null;
}

export const StockMoveEntity = new EntitySchema<StockMoveRow>({
  name: 'StockMove',
  tableName: 'stock_move',
  columns: {
    id,
    partId: { ...integer, name: 'part_id' },
    ticketId: { ...nullableInteger, name: 'ticket_id' },
    reason: text,
    qtyDelta: { ...integer, name: 'qty_delta' },
    unitCostMinor: { ...integer, name: 'unit_cost_minor' },
    unitPriceMinor: { ...integer, name: 'unit_price_minor' },
    underWarranty: { ...flag, name: 'under_warranty' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    approvedBy: { ...nullableInteger, name: 'approved_by' },
    note: text,
    at: text,
    noteData: { ...nullableText, name: 'note_data' },
  },
});

export interface FeeItemRow {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string;
  category: FeeCategory;
  priceMinor: number;
  active: boolean;
  sortOrder: number;
  updatedAt: string;
}

export const FeeItemEntity = new EntitySchema<FeeItemRow>({
  name: 'FeeItem',
  tableName: 'fee_item',
  columns: {
    id,
    code: text,
    nameEn: { ...text, name: 'name_en' },
    nameZh: { ...text, name: 'name_zh' },
    category: text,
    priceMinor: { ...integer, name: 'price_minor' },
    active: flag,
    sortOrder: { ...integer, name: 'sort_order' },
    updatedAt: { ...text, name: 'updated_at' },
  },
});

export interface OldPartHandbackRow {
  id: number;
  ticketId: number;
  partId: number;
  qty: number;
  note: string;
  staffId: number | null;
  at: string;
}

export const OldPartHandbackEntity = new EntitySchema<OldPartHandbackRow>({
  name: 'OldPartHandback',
  tableName: 'old_part_handback',
  columns: {
    id,
    ticketId: { ...integer, name: 'ticket_id' },
    partId: { ...integer, name: 'part_id' },
    qty: integer,
    note: text,
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});
