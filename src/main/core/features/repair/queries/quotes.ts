// The repair feature's statements on quotes and their lines (quote, quote_line): versions,
// saving a version with its lines, the customer's decision, and reading them back.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { QuoteLineView } from '../../../../../shared/repair-contract';
import type { ApprovalDecision, DiscountKind, PricingReason, QuoteLineKind, QuoteStatus } from '../../../../../shared/workflow';
import { onlyRow } from '../../../storage/rows';
import type { QuoteRow as StoredQuote } from '../../../storage/entities/repair';

export interface QuoteIdRow {
  id: number;
}

export interface QuoteVersionRow {
  version: number;
}

export interface MaxVersionRow {
  version: number | null;
}

export interface QuotedCostRow {
  unit_cost_minor: number | null;
}

export interface LatestQuoteRow {
  id: number;
  status: QuoteStatus;
  total_minor: number;
  version: number;
}

export interface QuoteRow {
  id: number;
  ticket_id: number;
  version: number;
  status: QuoteStatus;
  subtotal_minor: number;
  covered_minor: number;
  discount_minor: number;
  total_minor: number;
  discount_kind: DiscountKind | null;
  discount_value: number | null;
  discount_reason: string;
  discount_approved_by_name: string | null;
  note: string;
  staff_name: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface QuoteLineRow {
  quote_id: number;
  position: number;
  kind: QuoteLineKind;
  fee_item_id: number | null;
  part_id: number | null;
  description: string;
  name_en: string | null;
  name_zh: string | null;
  qty: number;
  unit_price_minor: number;
  covered_unit_price_minor: number | null;
  supplier: string;
  line_total_minor: number;
  covered_minor: number;
  charged_minor: number;
  free: number;
  reason: PricingReason;
}

/** The draft or sent quote is now what the customer decides on. */
export async function markQuoteSent(tx: WriteTx, quoteId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE quote SET status = 'sent' WHERE id = ?`, [quoteId]);
}

export async function markQuoteDecided(tx: WriteTx, quoteId: number, decision: ApprovalDecision, decidedAt: string): Promise<void> {
  await tx.query<unknown>(`UPDATE quote SET status = ?, decided_at = ? WHERE id = ?`, [decision, decidedAt, quoteId]);
}

/** The versions of a ticket's open (draft or sent) quotes, oldest first. */
export function selectOpenQuoteVersions(tx: ReadTx, ticketId: number): Promise<QuoteVersionRow[]> {
  return tx.query<QuoteVersionRow[]>(`SELECT version FROM quote WHERE ticket_id = ? AND status IN ('draft', 'sent') ORDER BY version`, [ticketId]);
}

/** Withdraws a ticket's open (draft or sent) quotes. */
export async function supersedeOpenQuotes(tx: WriteTx, ticketId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE quote SET status = 'superseded' WHERE ticket_id = ? AND status IN ('draft', 'sent')`, [ticketId]);
}

/** The newest cost quoted on the ticket for the same bought-in part (same description and supplier), if any. */
export async function selectQuotedCost(tx: ReadTx, ticketId: number, description: string, supplier: string): Promise<QuotedCostRow | undefined> {
  const rows = await tx.query<QuotedCostRow[]>(
    `SELECT ql.unit_cost_minor FROM quote_line ql JOIN quote q ON q.id = ql.quote_id
     WHERE q.ticket_id = ? AND ql.kind = 'bought_part' AND ql.description = ? AND ql.supplier = ? AND ql.unit_cost_minor IS NOT NULL
     ORDER BY q.version DESC, ql.position LIMIT 1`,
    [ticketId, description, supplier],
  );
  return rows[0];
}

/** The highest version of a ticket's quote; null when it has none. */
export async function selectMaxQuoteVersion(tx: ReadTx, ticketId: number): Promise<number | null> {
  const rows = await tx.query<MaxVersionRow[]>(`SELECT MAX(version) AS version FROM quote WHERE ticket_id = ?`, [ticketId]);
  return onlyRow(rows).version;
}

/** A quote version as stored, before the customer decides (its discount kind one of the shared kinds). */
type NewQuote = Omit<StoredQuote, 'id' | 'discountKind' | 'decidedAt'> & { discountKind: DiscountKind | null };

/** Saves a quote version; answers its id. */
export async function insertQuote(tx: WriteTx, quote: NewQuote): Promise<number> {
  const rows = await tx.query<QuoteIdRow[]>(
    `INSERT INTO quote (ticket_id, version, status, subtotal_minor, covered_minor, discount_minor, total_minor,
       discount_kind, discount_value, discount_reason, discount_approved_by, note, staff_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      quote.ticketId,
      quote.version,
      quote.status,
      quote.subtotalMinor,
      quote.coveredMinor,
      quote.discountMinor,
      quote.totalMinor,
      quote.discountKind,
      quote.discountValue,
      quote.discountReason,
      quote.discountApprovedBy,
      quote.note,
      quote.staffId,
      quote.createdAt,
    ],
  );
  return onlyRow(rows).id;
}

/** Saves one priced line of a quote version, with the fee item's names and the bought-in part's cost of the resolved line. */
export async function insertQuoteLine(
  tx: WriteTx,
  quoteId: number,
  line: QuoteLineView,
  names: { en: string; zh: string } | null,
  unitCostMinor: number | null,
): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO quote_line (quote_id, position, kind, fee_item_id, part_id, description, name_en, name_zh, qty, unit_price_minor,
         covered_unit_price_minor, unit_cost_minor, supplier, line_total_minor, covered_minor, charged_minor, free, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      quoteId,
      line.position,
      line.kind,
      line.feeItemId,
      line.partId,
      line.description,
      names?.en ?? null,
      names?.zh ?? null,
      line.qty,
      line.unitPriceMinor,
      line.coveredUnitPriceMinor,
      unitCostMinor,
      line.supplier,
      line.lineTotalMinor,
      line.coveredMinor,
      line.chargedMinor,
      line.free,
      line.reason,
    ],
  );
}

/** The two ways quotes are read: every version of a ticket's quote, or one quote by id. */
export type QuoteWhere = 'q.ticket_id = ?' | 'q.id = ?';

/** The quotes matching `where`, newest version first, with who saved them and who approved their discount. */
export function selectQuotesWhere(tx: ReadTx, where: QuoteWhere, param: number): Promise<QuoteRow[]> {
  return tx.query<QuoteRow[]>(
    `SELECT q.id, q.ticket_id, q.version, q.status, q.subtotal_minor, q.covered_minor, q.discount_minor, q.total_minor,
       q.discount_kind, q.discount_value, q.discount_reason, a.name AS discount_approved_by_name, q.note, s.name AS staff_name,
       q.created_at, q.decided_at
     FROM quote q LEFT JOIN staff s ON s.id = q.staff_id LEFT JOIN staff a ON a.id = q.discount_approved_by
     WHERE ${where} ORDER BY q.version DESC`,
    [param],
  );
}

/** The lines of the given quotes (at least one), by quote and position. */
export function selectQuoteLines(tx: ReadTx, quoteIds: number[]): Promise<QuoteLineRow[]> {
  return tx.query<QuoteLineRow[]>(
    `SELECT quote_id, position, kind, fee_item_id, part_id, description, name_en, name_zh, qty, unit_price_minor, covered_unit_price_minor,
       supplier, line_total_minor, covered_minor, charged_minor, free, reason
     FROM quote_line WHERE quote_id IN (${quoteIds.map(() => '?').join(',')}) ORDER BY quote_id, position`,
    quoteIds,
  );
}

/** The newest version of a ticket's quote, if any. */
export async function selectLatestQuote(tx: ReadTx, ticketId: number): Promise<LatestQuoteRow | undefined> {
  const rows = await tx.query<LatestQuoteRow[]>(`SELECT id, status, total_minor, version FROM quote WHERE ticket_id = ? ORDER BY version DESC LIMIT 1`, [
    ticketId,
  ]);
  return rows[0];
}
