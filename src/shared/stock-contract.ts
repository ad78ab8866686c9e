// The fee standard (收费标准) and parts stock: parts, deliveries, stocktakes and
// each part's moves. Input schemas, output types and the channels themselves;
// joined into the one contract in contract.ts.
import { z } from 'zod';
import { LIMITS } from './domain';
import { code, money, optionalText, requiredText } from './schema-helpers';
import { FEE_CATEGORIES, type FeeCategory } from './workflow';
import { type StockMoveView } from './repair-contract';
import { managerApprovalSchema, sessionSchema } from './staff-contract';

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));
const note = optionalText(LIMITS.notesMax);

export const feeItemInput = z.object({
  session: sessionSchema,
  id: id.nullable().default(null),
  code: z
    .string(code('required'))
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, code('invalid')),
  nameEn: requiredText(LIMITS.shortTextMax),
  nameZh: requiredText(LIMITS.shortTextMax),
  category: z.enum(FEE_CATEGORIES, code('required')),
  priceMinor: money,
  active: z.boolean().default(true),
  sortOrder: z.number().int(code('invalid')).min(0, code('invalid')).max(100_000, code('invalid')).default(0),
});

export const partInput = z.object({
  session: sessionSchema,
  id: id.nullable().default(null),
  name: requiredText(LIMITS.shortTextMax),
  specification: optionalText(LIMITS.shortTextMax * 2),
  compatibleModels: optionalText(LIMITS.notesMax),
  costMinor: money,
  priceMinor: money,
  reorderLevel: z.number().int(code('invalid')).min(0, code('invalid')).max(100_000, code('invalid')).default(0),
  active: z.boolean().default(true),
  /** Only for a new part: the quantity on the shelf now, booked as a restock. */
  openingQty: z.number().int(code('invalid')).min(0, code('invalid')).max(100_000, code('invalid')).default(0),
});

export const restockInput = z.object({
  session: sessionSchema,
  partId: id,
  qty: z.number(code('required')).int(code('invalid')).min(1, code('invalid')).max(100_000, code('too_many')),
  /** The unit cost of this delivery; it becomes the part's cost. Null keeps the cost. */
  unitCostMinor: money.nullable().default(null),
  note,
});

export const stockAdjustInput = z.object({
  session: sessionSchema,
  partId: id,
  /** What the stocktake found on the shelf. */
  countedQty: z.number(code('required')).int(code('invalid')).min(0, code('invalid')).max(100_000, code('too_many')),
  note: requiredText(LIMITS.notesMax),
  managerApproval: managerApprovalSchema,
});

// ---- outputs ----------------------------------------------------------------

export interface FeeItem {
  id: number;
  code: string;
  nameEn: string;
  nameZh: string;
  category: FeeCategory;
  priceMinor: number;
  active: boolean;
  sortOrder: number;
}

export interface PartView {
  id: number;
  name: string;
  specification: string;
  compatibleModels: string;
  /** Null unless a manager asked: cost prices are theirs to see. */
  costMinor: number | null;
  priceMinor: number;
  qtyOnHand: number;
  /** Replaced parts of warranty repairs held in the stores (not sellable). */
  qtyReturned: number;
  reorderLevel: number;
  /** On hand at or below the reorder level. */
  lowStock: boolean;
  active: boolean;
}

// ---- the channels -----------------------------------------------------------

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

/** The fee standard and parts stock. */
export const stockChannels = {
  'feeStandard.list': channel<FeeItem[]>()(z.object({ includeInactive: z.boolean().default(false) })),
  'feeStandard.save': channel<FeeItem>()(feeItemInput),
  'parts.list': channel<PartView[]>()(
    z.object({
      query: z.string().max(100).default(''),
      includeInactive: z.boolean().default(false),
      lowStockOnly: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
      /** Cost prices are answered only to a signed-in manager's session. */
      session: sessionSchema.nullable().default(null),
    }),
  ),
  'parts.save': channel<PartView>()(partInput),
  'parts.restock': channel<PartView>()(restockInput),
  'parts.adjust': channel<PartView>()(stockAdjustInput),
  'parts.moves': channel<StockMoveView[]>()(
    z.object({ partId: id, limit: z.number().int().min(1).max(500).default(100), session: sessionSchema.nullable().default(null) }),
  ),
} as const;
