// The quote form's draft: lines as typed (quantities are text until checked),
// the discount as typed, and turning them into the contract's quote input.
// Pure, so it is unit-tested.
import type { ChannelInput } from '../../../../../shared/contract';
import type { FieldErrorCode } from '../../../../../shared/errors';
import { minorToInputText, readMoney } from '../../../../../shared/money';
import type { QuoteView } from '../../../../../shared/repair-contract';
import { WORKFLOW_LIMITS, type DiscountKind } from '../../../../../shared/workflow';

export type DraftLine =
  | { kind: 'labour'; feeItemId: number | null; description: string; unitPriceMinor: number | null; qty: string }
  | { kind: 'part'; partId: number; coveredUnitPriceMinor: number | null; qty: string }
  /**
   * A part bought in for this repair; its cost is text until checked. A line carried over from the quote
   * (`costKept`) keeps the cost already recorded while its cost is left empty: the ticket page never shows it.
   */
  | { kind: 'bought_part'; description: string; unitPriceMinor: number; cost: string; costKept: boolean; supplier: string; qty: string };

export interface QuoteDraft {
  lines: DraftLine[];
  discountKind: DiscountKind | 'none';
  discountValue: string;
  discountReason: string;
}

type QuoteLines = ChannelInput<'quotes.preview'>['lines'];
type Discount = NonNullable<ChannelInput<'quotes.preview'>['discount']>;

export const EMPTY_DRAFT: QuoteDraft = { lines: [], discountKind: 'none', discountValue: '', discountReason: '' };

/** The draft of a quote still open (draft or sent), so revising starts from it. */
export function draftFromQuote(quote: QuoteView | undefined): QuoteDraft {
  if (!quote || (quote.status !== 'draft' && quote.status !== 'sent')) return EMPTY_DRAFT;
  const lines: DraftLine[] = quote.lines.map((line): DraftLine =>
    line.kind === 'bought_part'
      ? {
          kind: 'bought_part',
          description: line.description,
          unitPriceMinor: line.unitPriceMinor,
          cost: line.unitCostMinor === null ? '' : minorToInputText(line.unitCostMinor),
          costKept: true,
          supplier: line.supplier,
          qty: String(line.qty),
        }
      : line.kind === 'part' && line.partId !== null
        ? { kind: 'part', partId: line.partId, coveredUnitPriceMinor: line.coveredUnitPriceMinor, qty: String(line.qty) }
        : line.feeItemId !== null
          ? { kind: 'labour', feeItemId: line.feeItemId, description: '', unitPriceMinor: null, qty: String(line.qty) }
          : { kind: 'labour', feeItemId: null, description: line.description, unitPriceMinor: line.unitPriceMinor, qty: String(line.qty) },
  );
  const discount = quote.discount;
  return {
    lines,
    discountKind: discount?.kind ?? 'none',
    discountValue: discount === null ? '' : discount.kind === 'percent' ? String(discount.value) : minorToInputText(discount.value),
    discountReason: discount?.reason ?? '',
  };
}

/** Adds a fee-standard item or a part; picking one already on the quote adds one to its quantity. */
export function addLine(lines: readonly DraftLine[], added: { kind: 'labour'; feeItemId: number } | { kind: 'part'; partId: number }): DraftLine[] {
  const index = lines.findIndex((line) =>
    added.kind === 'labour' ? line.kind === 'labour' && line.feeItemId === added.feeItemId : line.kind === 'part' && line.partId === added.partId,
  );
  if (index === -1) {
    const line: DraftLine =
      added.kind === 'labour'
        ? { kind: 'labour', feeItemId: added.feeItemId, description: '', unitPriceMinor: null, qty: '1' }
        : { kind: 'part', partId: added.partId, coveredUnitPriceMinor: null, qty: '1' };
    return [...lines, line];
  }
  return lines.map((line, i) => (i === index ? { ...line, qty: String((parseQty(line.qty) ?? 0) + 1) } : line));
}

/**
 * A labour line typed at the counter (work the fee standard does not list):
 * its description and price as typed; the errors name the typed fields.
 */
export function addTypedLabour(lines: readonly DraftLine[], typed: { description: string; price: string }): { lines: DraftLine[]; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const description = typed.description.trim();
  if (description === '') errors.typedDescription = 'required';
  const price = readMoney(typed.price, true);
  let unitPriceMinor: number | null = null;
  if (!price.ok) errors.typedPrice = price.code;
  else unitPriceMinor = price.minor;
  if (Object.keys(errors).length > 0 || unitPriceMinor === null) return { lines: [...lines], errors };
  return { lines: [...lines, { kind: 'labour', feeItemId: null, description, unitPriceMinor, qty: '1' }], errors };
}

/**
 * A part bought in for this one repair: its description, the customer's price,
 * the shop's cost and (optionally) the supplier as typed; the errors name the typed fields.
 */
export function addBoughtPart(
  lines: readonly DraftLine[],
  typed: { description: string; price: string; cost: string; supplier: string },
): { lines: DraftLine[]; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const description = typed.description.trim();
  if (description === '') errors.boughtDescription = 'required';
  const price = readMoney(typed.price, true);
  if (!price.ok) errors.boughtPrice = price.code;
  const cost = readMoney(typed.cost, true);
  if (!cost.ok) errors.boughtCost = cost.code;
  if (Object.keys(errors).length > 0 || !price.ok) return { lines: [...lines], errors };
  const line: DraftLine = {
    kind: 'bought_part',
    description,
    unitPriceMinor: price.minor,
    cost: typed.cost.trim(),
    costKept: false,
    supplier: typed.supplier.trim(),
    qty: '1',
  };
  return { lines: [...lines, line], errors };
}

export function parseQty(text: string): number | null {
  const cleaned = text.normalize('NFKC').trim();
  if (!/^\d{1,4}$/.test(cleaned)) return null;
  const qty = Number(cleaned);
  return qty >= 1 && qty <= WORKFLOW_LIMITS.lineQtyMax ? qty : null;
}

export type DraftErrors = Record<string, FieldErrorCode>;

export interface CheckedDraft {
  lines: QuoteLines;
  discount: Discount | null;
  errors: DraftErrors;
}

/**
 * Turns the draft into the quote input, with the errors of what is not typed
 * right (paths as the contract names them, e.g. "lines.1.qty"). `forPreview`
 * prices a discount whose reason is not typed yet, for the live totals; a
 * saved discount always has its reason.
 */
export function checkDraft(draft: QuoteDraft, forPreview = false): CheckedDraft {
  const errors: DraftErrors = {};
  const lines: QuoteLines = [];
  draft.lines.forEach((line, index) => {
    const qty = parseQty(line.qty);
    if (qty === null) errors[`lines.${index}.qty`] = line.qty.trim() === '' ? 'required' : 'invalid';
    if (line.kind === 'bought_part') {
      const kept = line.costKept && line.cost.trim() === '';
      const cost = readMoney(line.cost, true);
      if (!kept && !cost.ok) errors[`lines.${index}.unitCostMinor`] = cost.code;
      lines.push({
        kind: 'bought_part',
        description: line.description,
        unitPriceMinor: line.unitPriceMinor,
        // Null keeps the quoted cost; the preview prices without the cost, and a save with a cost not typed is refused above.
        unitCostMinor: kept ? null : cost.ok ? cost.minor : 0,
        supplier: line.supplier,
        qty: qty ?? 1,
      });
    } else if (line.kind === 'labour') {
      lines.push({ kind: 'labour', feeItemId: line.feeItemId, description: line.description, unitPriceMinor: line.unitPriceMinor, qty: qty ?? 1 });
    } else {
      lines.push({ kind: 'part', partId: line.partId, coveredUnitPriceMinor: line.coveredUnitPriceMinor, qty: qty ?? 1 });
    }
  });
  if (lines.length === 0) errors.lines = 'required';
  return { lines, discount: checkDiscount(draft, forPreview, errors), errors };
}

function checkDiscount(draft: QuoteDraft, forPreview: boolean, errors: DraftErrors): Discount | null {
  if (draft.discountKind === 'none') return null;
  let value: number | null = null;
  if (draft.discountKind === 'percent') {
    const text = draft.discountValue.normalize('NFKC').trim().replace(/%$/, '');
    if (/^\d{1,3}$/.test(text) && Number(text) >= 1 && Number(text) <= 100) value = Number(text);
    else errors['discount.value'] = text === '' ? 'required' : 'invalid';
  } else {
    const amount = readMoney(draft.discountValue, true);
    if (!amount.ok) errors['discount.value'] = amount.code;
    else if (amount.minor === 0) errors['discount.value'] = 'invalid';
    else value = amount.minor;
  }
  const reason = draft.discountReason.trim();
  if (reason === '' && !forPreview) errors['discount.reason'] = 'required';
  if (value === null) return null;
  return { kind: draft.discountKind, value, reason: reason || '—' };
}
