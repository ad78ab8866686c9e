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
import { engineOf } from '../../storage/engine';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { Language, TicketStatus } from '../../../../shared/domain';
import { recordAudit } from '../../record/audit';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { OldPartHandedBack, StockMoveView } from '../../../../shared/repair-contract';
import type { PartView } from '../../../../shared/stock-contract';
import type { StockMoveReason } from '../../../../shared/workflow';
import { coverageOf } from '../../rules/pricing';
import { requireManagerApproval, requireManagerRole, type Actor } from '../staff';
import { partNote } from '../../record/history-notes';
import { renderStockNote, stockNoteText, type StockNoteData } from './stock-notes';
import { escapeLike, loadDiagnosisFacts, loadTicket, pricingFactsOf, recordEvent, requireStatus, touchTicket } from '../../record/ticket-record';
import { onlyRow } from '../../storage/rows';

/** Parts are drawn for a ticket once the customer approved the repair, until it is tested. */
export const PART_USE_STATUSES: readonly TicketStatus[] = ['approved', 'awaiting_parts', 'in_repair', 'back_from_manufacturer', 'testing'];

interface PartRecord {
  id: number;
  name: string;
  specification: string;
  compatible_models: string;
  cost_minor: number;
  price_minor: number;
  qty_on_hand: number;
  qty_returned: number;
  reorder_level: number;
  active: number;
}

const PART_COLUMNS = 'id, name, specification, compatible_models, cost_minor, price_minor, qty_on_hand, qty_returned, reorder_level, active';

/** A part as main works with it: its cost is always known here; views for non-managers drop it (see withoutCosts). */
export type CostedPart = PartView & { costMinor: number };

function toPart(r: PartRecord): CostedPart {
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
  const rows: PartRecord[] = await tx.query(`SELECT ${PART_COLUMNS} FROM part WHERE id = ?`, [partId]);
  if (rows.length === 0) throw DeskError.field(path, 'not_found');
  return toPart(onlyRow(rows));
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
  const engine = engineOf(tx);
  const where: string[] = [];
  const params: unknown[] = [];
  if (!input.includeInactive) where.push('active = 1');
  if (input.lowStockOnly) where.push('qty_on_hand <= reorder_level');
  const text = input.query.normalize('NFKC').trim();
  if (text !== '') {
    const like = `%${escapeLike(text)}%`;
    where.push(`(${engine.likeNoCase('name')} OR ${engine.likeNoCase('specification')} OR ${engine.likeNoCase('compatible_models')})`);
    params.push(like, like, like);
  }
  const rows: PartRecord[] = await tx.query(
    `SELECT ${PART_COLUMNS} FROM part ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${engine.sortNoCase('name')}, id LIMIT ?`,
    [...params, input.limit],
  );
  return rows.map(toPart);
}

interface NewMove {
  partId: number;
  ticketId: number | null;
  reason: StockMoveReason;
  qtyDelta: number;
  unitCostMinor: number;
  unitPriceMinor: number;
  underWarranty: boolean;
  staffId: number;
  approvedBy: number | null;
  note: string;
  /** A note the desk writes itself, as data (`note` then holds its words of the day). */
  noteData?: StockNoteData;
  at: string;
}

async function insertMove(tx: WriteTx, move: NewMove): Promise<void> {
  await tx.query(
    `INSERT INTO stock_move (part_id, ticket_id, reason, qty_delta, unit_cost_minor, unit_price_minor, under_warranty, staff_id, approved_by, note, note_data, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      move.partId,
      move.ticketId,
      move.reason,
      move.qtyDelta,
      move.unitCostMinor,
      move.unitPriceMinor,
      move.underWarranty,
      move.staffId,
      move.approvedBy,
      move.note,
      move.noteData === undefined ? null : JSON.stringify(move.noteData),
      move.at,
    ],
  );
}

/** Creating parts and changing their prices is a manager's job; an opening quantity is booked as a restock. */
export async function savePart(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'parts.save'>, nowIso: string): Promise<PartView> {
  requireManagerRole(actor);
  const details = [input.name, input.specification, input.compatibleModels, input.costMinor, input.priceMinor, input.reorderLevel, input.active];
  if (input.id === null) {
    const rows: { id: number }[] = await tx.query(
      `INSERT INTO part (name, specification, compatible_models, cost_minor, price_minor, reorder_level, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      [...details, nowIso, nowIso],
    );
    const partId = onlyRow(rows).id;
    if (input.openingQty > 0) {
      await insertMove(tx, {
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
  await tx.query(
    `UPDATE part SET name = ?, specification = ?, compatible_models = ?, cost_minor = ?, price_minor = ?, reorder_level = ?, active = ?, updated_at = ?
     WHERE id = ?`,
    [...details, nowIso, input.id],
  );
  return getPart(tx, input.id);
}

export async function restockPart(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'parts.restock'>, nowIso: string): Promise<PartView> {
  if (input.unitCostMinor !== null && actor.role !== 'manager') {
    throw new DeskError('forbidden', [{ path: 'unitCostMinor', code: 'manager_required' }]);
  }
  const part = await getPart(tx, input.partId);
  const unitCost = input.unitCostMinor ?? part.costMinor;
  await insertMove(tx, {
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
    await tx.query(`UPDATE part SET cost_minor = ?, updated_at = ? WHERE id = ?`, [unitCost, nowIso, part.id]);
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
  await insertMove(tx, {
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
  await insertMove(tx, {
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
  await insertMove(tx, {
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
  const rows: { used: number; returned: number }[] = await tx.query(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'used' THEN -qty_delta ELSE 0 END), 0) AS used,
       COALESCE(SUM(CASE WHEN reason = 'returned_to_stores' THEN qty_delta ELSE 0 END), 0) AS returned
     FROM stock_move WHERE ticket_id = ? AND part_id = ?`,
    [ticket.id, input.partId],
  );
  if (input.qty > onlyRow(rows).used - onlyRow(rows).returned) throw new DeskError('conflict', [{ path: 'qty', code: 'too_many' }]);
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
  const rows: { used: number; returned: number; handed: number }[] = await tx.query(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'used' THEN -qty_delta ELSE 0 END), 0) AS used,
       COALESCE(SUM(CASE WHEN reason = 'returned_to_stores' THEN qty_delta ELSE 0 END), 0) AS returned,
       (SELECT COALESCE(SUM(qty), 0) FROM old_part_handback WHERE ticket_id = ? AND part_id = ?) AS handed
     FROM stock_move WHERE ticket_id = ? AND part_id = ?`,
    [ticket.id, part.id, ticket.id, part.id],
  );
  if (input.qty > onlyRow(rows).used - onlyRow(rows).returned - onlyRow(rows).handed) throw new DeskError('conflict', [{ path: 'qty', code: 'too_many' }]);
  await tx.query(`INSERT INTO old_part_handback (ticket_id, part_id, qty, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    ticket.id,
    part.id,
    input.qty,
    input.note,
    actor.id,
    nowIso,
  ]);
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
  const rows: { part_id: number; name: string; specification: string; qty: number; staff_name: string | null; at: string }[] = await tx.query(
    `SELECT h.part_id, p.name, p.specification, h.qty, s.name AS staff_name, h.at
     FROM old_part_handback h JOIN part p ON p.id = h.part_id LEFT JOIN staff s ON s.id = h.staff_id WHERE h.ticket_id = ? ORDER BY h.id`,
    [ticketId],
  );
  return rows.map((r) => ({ partId: r.part_id, partName: r.name, specification: r.specification, qty: r.qty, staffName: r.staff_name, at: r.at }));
}

interface MoveRecord {
  id: number;
  part_id: number;
  part_name: string;
  specification: string;
  ticket_id: number | null;
  ticket_number: number | null;
  reason: StockMoveReason;
  qty_delta: number;
  unit_cost_minor: number;
  unit_price_minor: number;
  under_warranty: number;
  staff_name: string | null;
  approved_by_name: string | null;
  note: string;
  note_data: string | null;
  at: string;
}

const MOVE_SELECT = `SELECT m.id, m.part_id, p.name AS part_name, p.specification, m.ticket_id, t.number AS ticket_number, m.reason,
    m.qty_delta, m.unit_cost_minor, m.unit_price_minor, m.under_warranty, s.name AS staff_name, a.name AS approved_by_name, m.note, m.note_data, m.at
  FROM stock_move m
  JOIN part p ON p.id = m.part_id
  LEFT JOIN ticket t ON t.id = m.ticket_id
  LEFT JOIN staff s ON s.id = m.staff_id
  LEFT JOIN staff a ON a.id = m.approved_by`;

function toMove(r: MoveRecord, prefix: string, language: Language): StockMoveView {
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
  const rows: MoveRecord[] = await tx.query(`${MOVE_SELECT} WHERE m.ticket_id = ? ORDER BY m.id`, [ticketId]);
  // The ticket page is open to every role: cost prices stay off it.
  return rows.map((r) => ({ ...toMove(r, prefix, language), unitCostMinor: null }));
}

export async function listPartMoves(tx: ReadTx, partId: number, limit: number, prefix: string, language: Language): Promise<StockMoveView[]> {
  await getPart(tx, partId);
  const rows: MoveRecord[] = await tx.query(`${MOVE_SELECT} WHERE m.part_id = ? ORDER BY m.id DESC LIMIT ?`, [partId, limit]);
  return rows.map((r) => toMove(r, prefix, language));
}

/**
 * A cancelled repair leaves no part on the device: whatever was fitted and not
 * yet taken back goes on the shelf again, as a restock booked to the ticket,
 * in the cancelling transaction. A part that cannot be resold is then written
 * off with a counted adjustment, which needs a manager.
 */
export async function restockFittedParts(tx: WriteTx, actor: Actor, ticketId: number, language: Language, nowIso: string): Promise<void> {
  const fitted: { part_id: number; qty: number }[] = await tx.query(
    `SELECT part_id, -SUM(qty_delta) AS qty FROM stock_move
     WHERE ticket_id = ? AND reason IN ('used', 'restock') GROUP BY part_id HAVING -SUM(qty_delta) > 0 ORDER BY part_id`,
    [ticketId],
  );
  for (const { part_id: partId, qty } of fitted) {
    const part = await getPart(tx, partId);
    const noteData: StockNoteData = { code: 'fitted_part_restocked' };
    await insertMove(tx, {
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
