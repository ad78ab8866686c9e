// Parts and stock. Every change of a quantity is a row in the stock ledger
// (stock_move), written in the same transaction as what caused it; the
// database keeps part.qty_on_hand equal to the ledger and refuses to take it
// below zero unless a manager approved the move (see migration 0002).
//
// - parts.use (配件申领): draws a part for a ticket under repair; with
//   returnOldPart, the replaced part of a warranty repair is booked back to the
//   stores at once (旧件返还) — into the old-parts count, not sellable stock.
// - parts.restock: goods received. parts.adjust: a manager's stocktake correction.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { Language, TicketStatus } from '../../../../shared/domain';
import { recordAudit } from '../../record/audit';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { OldPartHandedBack, StockMoveView } from '../../../../shared/repair-contract';
import type { PartView } from '../../../../shared/stock-contract';
import { coverageOf } from '../../rules/pricing';
import { requireManagerApproval, requireManagerRole, type Actor } from '../staff';
import { partNote } from '../../record/history-notes';
import { renderStockNote, stockNoteText, type StockNoteData } from './stock-notes';
import { loadDiagnosisFacts, loadTicket, pricingFactsOf, recordEvent, requireStatus, touchTicket } from '../../record/ticket-record';
import { insertPart, selectPartById, selectParts, updatePart, updatePartCost, type PartDetails, type PartRow } from './queries/parts';
import {
  insertStockMove,
  selectFittedParts,
  selectPartMoves,
  selectPartUsage,
  selectPartUsageWithHandback,
  selectTicketMoves,
  type StockMoveRow,
} from './queries/stock-moves';
import { insertOldPartHandback, selectTicketHandbacks } from './queries/old-part-handbacks';

/** Parts are drawn for a ticket once the customer approved the repair, until it is tested. */
export const PART_USE_STATUSES: readonly TicketStatus[] = ['approved', 'awaiting_parts', 'in_repair', 'back_from_manufacturer', 'testing'];

/** A part as main works with it: its cost is always known here; views for non-managers drop it (see withoutCosts). */
export type CostedPart = PartView & { costMinor: number };

function toPart(r: PartRow): CostedPart {
  return {
    id: r.id,
    name: r.name,
    specification: r.specification,
    compatibleModels: r.compatible_models,
    costMinor: r.cost_minor,
    priceMinor: r.price_minor,
    qtyOnHand: r.qty_on_hand,
    qtyReturned: r.qty_returned,
    reorderLevel: r.reorder_level,
    lowStock: r.qty_on_hand <= r.reorder_level,
    active: Boolean(r.active),
  };
}

export async function getPart(tx: ReadTx, partId: number, path = 'partId'): Promise<CostedPart> {
  const row = await selectPartById(tx, partId);
  if (row === undefined) throw DeskError.field(path, 'not_found');
  return toPart(row);
}

/** Cost prices only for a manager; everyone else gets the part without them. */
export function withoutCosts<T extends { costMinor?: number | null; unitCostMinor?: number | null }>(view: T, showCosts: boolean): T {
  if (showCosts) return view;
  const stripped = { ...view };
  if ('costMinor' in stripped) stripped.costMinor = null;
  if ('unitCostMinor' in stripped) stripped.unitCostMinor = null;
  return stripped;
}

export async function listParts(tx: ReadTx, input: ChannelParsedInput<'parts.list'>): Promise<PartView[]> {
  const rows = await selectParts(tx, {
    includeInactive: input.includeInactive,
    lowStockOnly: input.lowStockOnly,
    text: input.query.normalize('NFKC').trim(),
    limit: input.limit,
  });
  return rows.map(toPart);
}

/** Creating parts and changing their prices is a manager's job; an opening quantity is booked as a restock. */
export async function savePart(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'parts.save'>, nowIso: string): Promise<PartView> {
  requireManagerRole(actor);
  const details: PartDetails = [input.name, input.specification, input.compatibleModels, input.costMinor, input.priceMinor, input.reorderLevel, input.active];
  if (input.id === null) {
    const partId = await insertPart(tx, details, nowIso);
    if (input.openingQty > 0) {
      await insertStockMove(tx, {
        partId,
        ticketId: null,
        reason: 'restock',
        qtyDelta: input.openingQty,
        unitCostMinor: input.costMinor,
        unitPriceMinor: input.priceMinor,
        underWarranty: false,
        staffId: actor.id,
        approvedBy: null,
        note: 'opening stock',
        at: nowIso,
      });
    }
    return getPart(tx, partId);
  }
  const before = await getPart(tx, input.id, 'id');
  if (before.costMinor !== input.costMinor) {
    await recordAudit(tx, {
      kind: 'part_cost',
      subjectId: before.id,
      oldValue: { costMinor: before.costMinor },
      newValue: { costMinor: input.costMinor },
      staffId: actor.id,
      at: nowIso,
    });
  }
  await updatePart(tx, input.id, details, nowIso);
  return getPart(tx, input.id);
}

export async function restockPart(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'parts.restock'>, nowIso: string): Promise<PartView> {
  if (input.unitCostMinor !== null && actor.role !== 'manager') {
    throw new DeskError('forbidden', [{ path: 'unitCostMinor', code: 'manager_required' }]);
  }
  const part = await getPart(tx, input.partId);
  const unitCost = input.unitCostMinor ?? part.costMinor;
  await insertStockMove(tx, {
    partId: part.id,
    ticketId: null,
    reason: 'restock',
    qtyDelta: input.qty,
    unitCostMinor: unitCost,
    unitPriceMinor: part.priceMinor,
    underWarranty: false,
    staffId: actor.id,
    approvedBy: null,
    note: input.note,
    at: nowIso,
  });
  if (unitCost !== part.costMinor) {
    await updatePartCost(tx, part.id, unitCost, nowIso);
    await recordAudit(tx, {
      kind: 'part_cost',
      subjectId: part.id,
      oldValue: { costMinor: part.costMinor },
      newValue: { costMinor: unitCost },
      staffId: actor.id,
      at: nowIso,
    });
  }
  return getPart(tx, part.id);
}

/** A stocktake: sets the quantity on hand to what was counted, with a manager's approval. */
export async function adjustStock(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'parts.adjust'>,
  nowIso: string,
): Promise<PartView> {
  const manager = await requireManagerApproval(tx, actor, approver);
  const part = await getPart(tx, input.partId);
  const delta = input.countedQty - part.qtyOnHand;
  if (delta === 0) return part;
  await insertStockMove(tx, {
    partId: part.id,
    ticketId: null,
    reason: 'override',
    qtyDelta: delta,
    unitCostMinor: part.costMinor,
    unitPriceMinor: part.priceMinor,
    underWarranty: false,
    staffId: actor.id,
    approvedBy: manager.id,
    note: input.note,
    at: nowIso,
  });
  return getPart(tx, part.id);
}

/**
 * Draws a part for a ticket (配件申领). Refused when the stock is short unless
 * the caller asks for an override explicitly and a manager approves it; then
 * the quantity may go below zero and the manager is recorded on the move and
 * on the ticket event.
 */
export async function useParts(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'parts.use'>,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, PART_USE_STATUSES);
  const part = await getPart(tx, input.partId);
  if (!part.active) throw DeskError.field('partId', 'not_found');
  let approvedBy: number | null = null;
  if (part.qtyOnHand < input.qty) {
    if (!input.overrideStock) throw new DeskError('conflict', [{ path: 'qty', code: 'stock_insufficient' }], `only ${part.qtyOnHand} on hand`);
    approvedBy = (await requireManagerApproval(tx, actor, approver)).id;
  }
  const facts = pricingFactsOf(ticket, await loadDiagnosisFacts(tx, ticket.id));
  const underWarranty = facts !== null && coverageOf(facts).covered;
  await insertStockMove(tx, {
    partId: part.id,
    ticketId: ticket.id,
    reason: 'used',
    qtyDelta: -input.qty,
    unitCostMinor: part.costMinor,
    unitPriceMinor: part.priceMinor,
    underWarranty,
    staffId: actor.id,
    approvedBy,
    note: input.note,
    at: nowIso,
  });
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'part_used',
    amountMinor: input.qty * part.priceMinor,
    note: partNote(language, { qty: input.qty, name: part.name, specification: part.specification, note: input.note }),
    staffId: actor.id,
    approvedBy,
    at: nowIso,
  });
  if (input.returnOldPart) {
    await returnOldPart(tx, actor, { ticketId: ticket.id, partId: part.id, qty: input.qty, note: input.note }, language, nowIso, underWarranty);
  }
  await touchTicket(tx, ticket.id, nowIso);
}

async function returnOldPart(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; partId: number; qty: number; note: string },
  language: Language,
  nowIso: string,
  underWarranty: boolean,
): Promise<void> {
  const part = await getPart(tx, input.partId);
  await insertStockMove(tx, {
    partId: part.id,
    ticketId: input.ticketId,
    reason: 'returned_to_stores',
    qtyDelta: input.qty,
    unitCostMinor: part.costMinor,
    unitPriceMinor: 0,
    underWarranty,
    staffId: actor.id,
    approvedBy: null,
    note: input.note,
    at: nowIso,
  });
  await recordEvent(tx, {
    ticketId: input.ticketId,
    kind: 'part_returned_to_stores',
    note: partNote(language, { qty: input.qty, name: part.name, specification: part.specification, note: input.note }),
    staffId: actor.id,
    at: nowIso,
  });
}

/** The replaced part of a repair goes back to the stores (旧件返还, "配件已换已还"). */
export async function returnToStores(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'parts.returnToStores'>,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, PART_USE_STATUSES);
  await getPart(tx, input.partId);
  // One old part back for each new one fitted on this ticket, never more.
  const usage = await selectPartUsage(tx, ticket.id, input.partId);
  if (input.qty > usage.used - usage.returned) throw new DeskError('conflict', [{ path: 'qty', code: 'too_many' }]);
  const facts = pricingFactsOf(ticket, await loadDiagnosisFacts(tx, ticket.id));
  await returnOldPart(tx, actor, input, language, nowIso, facts !== null && coverageOf(facts).covered);
  await touchTicket(tx, ticket.id, nowIso);
}

/** The ticket's statuses at which a replaced part may be handed back to its owner: while repaired, and at the counter before collection. */
export const HAND_BACK_STATUSES: readonly TicketStatus[] = [...PART_USE_STATUSES, 'ready'];

/** The replaced part handed back to the customer (旧件退还客户): one old part for each new one fitted and not returned to the stores. */
export async function returnToCustomer(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'parts.returnToCustomer'>,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, HAND_BACK_STATUSES);
  const part = await getPart(tx, input.partId);
  const usage = await selectPartUsageWithHandback(tx, ticket.id, part.id);
  if (input.qty > usage.used - usage.returned - usage.handed) throw new DeskError('conflict', [{ path: 'qty', code: 'too_many' }]);
  await insertOldPartHandback(tx, { ticketId: ticket.id, partId: part.id, qty: input.qty, note: input.note, staffId: actor.id, at: nowIso });
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'part_returned_to_customer',
    note: partNote(language, { qty: input.qty, name: part.name, specification: part.specification, note: input.note }),
    staffId: actor.id,
    at: nowIso,
  });
  await touchTicket(tx, ticket.id, nowIso);
}

/** The replaced parts handed back to the customer on a ticket, oldest first. */
export async function listOldPartsHandedBack(tx: ReadTx, ticketId: number): Promise<OldPartHandedBack[]> {
  const rows = await selectTicketHandbacks(tx, ticketId);
  return rows.map((r) => ({ partId: r.part_id, partName: r.name, specification: r.specification, qty: r.qty, staffName: r.staff_name, at: r.at }));
}

function toMove(r: StockMoveRow, prefix: string, language: Language): StockMoveView {
  return {
    id: r.id,
    partId: r.part_id,
    partName: r.part_name,
    specification: r.specification,
    ticketId: r.ticket_id,
    ticketDisplayNumber: r.ticket_number === null ? null : displayTicketNumber(r.ticket_number, prefix),
    reason: r.reason,
    qtyDelta: r.qty_delta,
    unitCostMinor: r.unit_cost_minor,
    unitPriceMinor: r.unit_price_minor,
    underWarranty: Boolean(r.under_warranty),
    staffName: r.staff_name,
    approvedByName: r.approved_by_name,
    note: stockNoteText(language, r.note, r.note_data),
    at: r.at,
  };
}

export async function listTicketParts(tx: ReadTx, ticketId: number, prefix: string, language: Language): Promise<StockMoveView[]> {
  const rows = await selectTicketMoves(tx, ticketId);
  // The ticket page is open to every role: cost prices stay off it.
  return rows.map((r) => ({ ...toMove(r, prefix, language), unitCostMinor: null }));
}

export async function listPartMoves(tx: ReadTx, partId: number, limit: number, prefix: string, language: Language): Promise<StockMoveView[]> {
  await getPart(tx, partId);
  const rows = await selectPartMoves(tx, partId, limit);
  return rows.map((r) => toMove(r, prefix, language));
}

/**
 * A cancelled repair leaves no part on the device: whatever was fitted and not
 * yet taken back goes on the shelf again, as a restock booked to the ticket,
 * in the cancelling transaction. A part that cannot be resold is then written
 * off with a counted adjustment, which needs a manager.
 */
export async function restockFittedParts(tx: WriteTx, actor: Actor, ticketId: number, language: Language, nowIso: string): Promise<void> {
  const fitted = await selectFittedParts(tx, ticketId);
  for (const { part_id: partId, qty } of fitted) {
    const part = await getPart(tx, partId);
    const noteData: StockNoteData = { code: 'fitted_part_restocked' };
    await insertStockMove(tx, {
      partId,
      ticketId,
      reason: 'restock',
      qtyDelta: qty,
      unitCostMinor: part.costMinor,
      unitPriceMinor: part.priceMinor,
      underWarranty: false,
      staffId: actor.id,
      approvedBy: null,
      note: renderStockNote(language, noteData),
      noteData,
      at: nowIso,
    });
    await recordEvent(tx, {
      ticketId,
      kind: 'part_restocked',
      note: partNote(language, { qty, name: part.name, specification: part.specification, note: '', fittedPartRestocked: true }),
      staffId: actor.id,
      at: nowIso,
    });
  }
}
