// The stock ledger's statements (table stock_move): booking a move, and reading
// the moves of a ticket or a part and what a ticket has fitted of a part.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { StockMoveReason } from '../../../../../shared/workflow';
import type { StockNoteData } from '../stock-notes';
import { onlyRow } from '../../../storage/rows';
import type { StockMoveRow as StoredStockMove } from '../../../storage/entities/stock';

/** A move as booked; a note the desk writes itself comes as data (`note` then holds its words of the day). */
type NewStockMove = Omit<StoredStockMove, 'id' | 'noteData'> & { noteData?: StockNoteData };

export async function insertStockMove(tx: WriteTx, move: NewStockMove): Promise<void> {
  await tx.query<unknown>(
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

export interface PartUsageRow {
  used: number;
  returned: number;
}

/** How many of a part a ticket has used, and how many old ones went back to the stores. */
export async function selectPartUsage(tx: ReadTx, ticketId: number, partId: number): Promise<PartUsageRow> {
  const rows = await tx.query<PartUsageRow[]>(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'used' THEN -qty_delta ELSE 0 END), 0) AS used,
       COALESCE(SUM(CASE WHEN reason = 'returned_to_stores' THEN qty_delta ELSE 0 END), 0) AS returned
     FROM stock_move WHERE ticket_id = ? AND part_id = ?`,
    [ticketId, partId],
  );
  return onlyRow(rows);
}

export interface PartUsageWithHandbackRow extends PartUsageRow {
  handed: number;
}

/** As selectPartUsage, and how many old ones were handed back to the customer. */
export async function selectPartUsageWithHandback(tx: ReadTx, ticketId: number, partId: number): Promise<PartUsageWithHandbackRow> {
  const rows = await tx.query<PartUsageWithHandbackRow[]>(
    `SELECT COALESCE(SUM(CASE WHEN reason = 'used' THEN -qty_delta ELSE 0 END), 0) AS used,
       COALESCE(SUM(CASE WHEN reason = 'returned_to_stores' THEN qty_delta ELSE 0 END), 0) AS returned,
       (SELECT COALESCE(SUM(qty), 0) FROM old_part_handback WHERE ticket_id = ? AND part_id = ?) AS handed
     FROM stock_move WHERE ticket_id = ? AND part_id = ?`,
    [ticketId, partId, ticketId, partId],
  );
  return onlyRow(rows);
}

export interface StockMoveRow {
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

export async function selectTicketMoves(tx: ReadTx, ticketId: number): Promise<StockMoveRow[]> {
  return tx.query<StockMoveRow[]>(`${MOVE_SELECT} WHERE m.ticket_id = ? ORDER BY m.id`, [ticketId]);
}

/** A part's moves, newest first. */
export async function selectPartMoves(tx: ReadTx, partId: number, limit: number): Promise<StockMoveRow[]> {
  return tx.query<StockMoveRow[]>(`${MOVE_SELECT} WHERE m.part_id = ? ORDER BY m.id DESC LIMIT ?`, [partId, limit]);
}

export interface FittedPartRow {
  part_id: number;
  qty: number;
}

/** The parts fitted on a ticket and not yet taken back, with how many of each. */
export async function selectFittedParts(tx: ReadTx, ticketId: number): Promise<FittedPartRow[]> {
  return tx.query<FittedPartRow[]>(
    `SELECT part_id, -SUM(qty_delta) AS qty FROM stock_move
     WHERE ticket_id = ? AND reason IN ('used', 'restock') GROUP BY part_id HAVING -SUM(qty_delta) > 0 ORDER BY part_id`,
    [ticketId],
  );
}
