// Quotes (报价): labour lines from the fee standard (or a described labour line
// not listed there), part lines from stock, parts bought in for this one repair
// (with what the shop paid; never stock), an optional discount with its
// reason, and what the warranty covers — decided by rules/pricing.ts, never
// typed in. Quotes are versioned: saving again adds a version and supersedes
// the open one; an accepted or declined quote is never changed.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput, Settings } from '../../../../shared/contract';
import type { Language, TicketStatus } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import type { QuoteLineView, QuotePreview, QuoteView } from '../../../../shared/repair-contract';
import type { QuoteStatus } from '../../../../shared/workflow';
import { coverageOf, priceQuote, type PriceLineInput } from '../../rules/pricing';
import { requireManagerApproval, type Actor } from '../staff';
import { getFeeItem } from './fee-standard';
import { quoteNote } from '../../record/history-notes';
import { getPart } from '../stock';
import { loadDiagnosisFacts, loadTicket, pricingFactsOf, recordEvent, requireStatus, touchTicket, type TicketCore } from '../../record/ticket-record';
import {
  insertQuote,
  insertQuoteLine,
  selectLatestQuote,
  selectMaxQuoteVersion,
  selectQuoteLines,
  selectQuotedCost,
  selectQuotesWhere,
  supersedeOpenQuotes,
  type LatestQuoteRow,
  type QuoteLineRow,
  type QuoteWhere,
} from './queries/quotes';
import { itemAt } from '../../../../shared/lists';

/** A quote is written while diagnosing, revised while the customer decides, and re-done for a customer who declined. */
export const QUOTE_STATUSES_EDITABLE: readonly TicketStatus[] = ['diagnosing', 'awaiting_approval', 'declined'];

type DraftInput = ChannelParsedInput<'quotes.preview'>;

interface ResolvedLine extends PriceLineInput {
  feeItemId: number | null;
  partId: number | null;
  description: string;
  /** The fee item's names when the line is named by the fee standard (not typed): shown in the shop's language of the day. */
  names: { en: string; zh: string } | null;
  /** A bought-in part's unit cost and supplier; null and '' for other lines. */
  unitCostMinor: number | null;
  /** Whether the caller typed that cost (a cost kept from the quote is never said back to them). */
  costTyped: boolean;
  supplier: string;
}

/**
 * The cost already on the ticket's quote for the same bought-in part (same
 * description and supplier, newest version first): a revision carries the line
 * over without anyone typing a cost the ticket page never shows again.
 */
async function quotedCost(tx: ReadTx, ticketId: number, description: string, supplier: string): Promise<number | null> {
  const row = await selectQuotedCost(tx, ticketId, description, supplier);
  return row?.unit_cost_minor ?? null;
}

async function resolveLines(tx: ReadTx, ticketId: number, lines: DraftInput['lines'], settings: Settings): Promise<ResolvedLine[]> {
  const resolved: ResolvedLine[] = [];
  for (const [index, line] of lines.entries()) {
    const at = (field: string) => `lines.${index}.${field}`;
    if (line.kind === 'labour') {
      if (line.feeItemId !== null) {
        const item = await getFeeItem(tx, line.feeItemId);
        if (!item || !item.active) throw DeskError.field(at('feeItemId'), 'not_found');
        const name = settings.language === 'zh-CN' ? item.nameZh : item.nameEn;
        resolved.push({
          kind: 'labour',
          feeItemId: item.id,
          partId: null,
          description: line.description || name,
          names: line.description ? null : { en: item.nameEn, zh: item.nameZh },
          qty: line.qty,
          unitPriceMinor: item.priceMinor,
          coveredUnitPriceMinor: null,
          unitCostMinor: null,
          costTyped: false,
          supplier: '',
          // A general item (diagnosis, cleaning) is the kind of work the diagnosis found.
          category: item.category === 'general' ? null : item.category,
        });
      } else {
        if (line.description === '') throw DeskError.field(at('description'), 'required');
        if (line.unitPriceMinor === null) throw DeskError.field(at('unitPriceMinor'), 'required');
        resolved.push({
          kind: 'labour',
          feeItemId: null,
          partId: null,
          description: line.description,
          names: null,
          qty: line.qty,
          unitPriceMinor: line.unitPriceMinor,
          coveredUnitPriceMinor: null,
          unitCostMinor: null,
          costTyped: false,
          supplier: '',
        });
      }
    } else if (line.kind === 'bought_part') {
      const unitCostMinor = line.unitCostMinor ?? (await quotedCost(tx, ticketId, line.description, line.supplier));
      if (unitCostMinor === null) throw DeskError.field(at('unitCostMinor'), 'required');
      resolved.push({
        kind: 'bought_part',
        feeItemId: null,
        partId: null,
        description: line.description,
        names: null,
        qty: line.qty,
        unitPriceMinor: line.unitPriceMinor,
        coveredUnitPriceMinor: null,
        unitCostMinor,
        costTyped: line.unitCostMinor !== null,
        supplier: line.supplier,
      });
    } else {
      const part = await getPart(tx, line.partId, at('partId'));
      if (!part.active) throw DeskError.field(at('partId'), 'not_found');
      resolved.push({
        kind: 'part',
        feeItemId: null,
        partId: part.id,
        description: part.specification ? `${part.name} (${part.specification})` : part.name,
        names: null,
        qty: line.qty,
        unitPriceMinor: part.priceMinor,
        coveredUnitPriceMinor: line.coveredUnitPriceMinor,
        unitCostMinor: null,
        costTyped: false,
        supplier: '',
      });
    }
  }
  return resolved;
}

interface Priced {
  ticket: TicketCore;
  preview: QuotePreview;
  resolved: ResolvedLine[];
}

async function price(tx: ReadTx, input: DraftInput, settings: Settings): Promise<Priced> {
  const ticket = await loadTicket(tx, input.ticketId);
  const facts = pricingFactsOf(ticket, await loadDiagnosisFacts(tx, ticket.id));
  if (facts === null) throw new DeskError('conflict', [{ path: 'ticketId', code: 'diagnosis_required' }]);
  const resolved = await resolveLines(tx, ticket.id, input.lines, settings);
  const priced = priceQuote(facts, resolved, input.discount, settings.discountApprovalPercent);
  const lines: QuoteLineView[] = resolved.map((line, index) => ({
    position: index + 1,
    kind: line.kind,
    feeItemId: line.feeItemId,
    partId: line.partId,
    description: line.description,
    qty: line.qty,
    unitPriceMinor: line.unitPriceMinor,
    coveredUnitPriceMinor: line.coveredUnitPriceMinor,
    // A cost the caller typed may be said back; one kept from the quote stays off the ticket page.
    unitCostMinor: line.costTyped ? line.unitCostMinor : null,
    supplier: line.supplier,
    ...itemAt(priced.lines, index),
  }));
  return {
    ticket,
    resolved,
    preview: {
      ...priced.totals,
      lines,
      basis: coverageOf(facts).reason,
      discountNeedsManager: priced.discountNeedsManager,
      discountExceedsCharge: priced.discountExceedsCharge,
    },
  };
}

/** Prices a quote without saving it, for the quote form's live totals. */
export async function previewQuote(tx: ReadTx, input: DraftInput, settings: Settings): Promise<QuotePreview> {
  return (await price(tx, input, settings)).preview;
}

export async function saveQuote(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'quotes.save'>,
  settings: Settings,
  nowIso: string,
): Promise<number> {
  const { ticket, preview, resolved } = await price(tx, input, settings);
  requireStatus(ticket, QUOTE_STATUSES_EDITABLE);
  if (preview.discountExceedsCharge) throw DeskError.field('discount.value', 'discount_too_large');
  const manager = preview.discountNeedsManager ? await requireManagerApproval(tx, actor, approver) : null;

  const version = ((await selectMaxQuoteVersion(tx, ticket.id)) ?? 0) + 1;
  await supersedeOpenQuotes(tx, ticket.id);
  // While the customer is deciding, the new version is the one in front of them.
  const status: QuoteStatus = ticket.status === 'awaiting_approval' ? 'sent' : 'draft';
  const discount = input.discount;
  const quoteId = await insertQuote(tx, {
    ticketId: ticket.id,
    version,
    status,
    subtotalMinor: preview.subtotalMinor,
    coveredMinor: preview.coveredMinor,
    discountMinor: preview.discountMinor,
    totalMinor: preview.totalMinor,
    discountKind: discount?.kind ?? null,
    discountValue: discount?.value ?? null,
    discountReason: discount?.reason ?? '',
    discountApprovedBy: manager?.id ?? null,
    note: input.note,
    staffId: actor.id,
    createdAt: nowIso,
  });
  for (const [index, line] of preview.lines.entries()) {
    const { names, unitCostMinor } = itemAt(resolved, index);
    // The cost from the resolved line: a kept cost is not in the preview.
    await insertQuoteLine(tx, quoteId, line, names, unitCostMinor);
  }
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'quote_saved',
    amountMinor: preview.totalMinor,
    note: quoteNote(settings, { version, discount: discount ?? null, note: input.note }),
    staffId: actor.id,
    approvedBy: manager?.id ?? null,
    at: nowIso,
  });
  await touchTicket(tx, ticket.id, nowIso);
  return quoteId;
}

/** A line named by the fee standard in the language; a typed line, a part, or a line from before, as written. */
function lineDescription(line: Pick<QuoteLineRow, 'description' | 'name_en' | 'name_zh'>, language: Language): string {
  const name = language === 'zh-CN' ? line.name_zh : line.name_en;
  return name ?? line.description;
}

async function quotesWhere(tx: ReadTx, where: QuoteWhere, param: number, language: Language): Promise<QuoteView[]> {
  const quotes = await selectQuotesWhere(tx, where, param);
  if (quotes.length === 0) return [];
  const lines = await selectQuoteLines(
    tx,
    quotes.map((q) => q.id),
  );
  return quotes.map((q) => ({
    id: q.id,
    ticketId: q.ticket_id,
    version: q.version,
    status: q.status,
    subtotalMinor: q.subtotal_minor,
    coveredMinor: q.covered_minor,
    chargeableMinor: q.subtotal_minor - q.covered_minor,
    discountMinor: q.discount_minor,
    totalMinor: q.total_minor,
    discount: q.discount_kind === null ? null : { kind: q.discount_kind, value: q.discount_value ?? 0, reason: q.discount_reason },
    discountApprovedByName: q.discount_approved_by_name,
    note: q.note,
    staffName: q.staff_name,
    createdAt: q.created_at,
    decidedAt: q.decided_at,
    lines: lines
      .filter((l) => l.quote_id === q.id)
      .map((l) => ({
        position: l.position,
        kind: l.kind,
        feeItemId: l.fee_item_id,
        partId: l.part_id,
        description: lineDescription(l, language),
        qty: l.qty,
        unitPriceMinor: l.unit_price_minor,
        coveredUnitPriceMinor: l.covered_unit_price_minor,
        // The ticket page and collection are open to every role: cost prices stay off them (the figures show them to managers).
        unitCostMinor: null,
        supplier: l.supplier,
        lineTotalMinor: l.line_total_minor,
        coveredMinor: l.covered_minor,
        chargedMinor: l.charged_minor,
        free: Boolean(l.free),
        reason: l.reason,
      })),
  }));
}

/** Every version of a ticket's quote, newest first. */
export function listQuotes(tx: ReadTx, ticketId: number, language: Language): Promise<QuoteView[]> {
  return quotesWhere(tx, 'q.ticket_id = ?', ticketId, language);
}

export async function getQuote(tx: ReadTx, quoteId: number, language: Language): Promise<QuoteView> {
  const [quote] = await quotesWhere(tx, 'q.id = ?', quoteId, language);
  if (!quote) throw DeskError.field('quoteId', 'not_found');
  return quote;
}

/** The newest version of a ticket's quote, if any. */
export async function latestQuote(tx: ReadTx, ticketId: number): Promise<LatestQuoteRow | null> {
  return (await selectLatestQuote(tx, ticketId)) ?? null;
}
