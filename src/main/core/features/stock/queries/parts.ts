// The part catalogue's statements (table part): reading parts, creating them and
// changing their details or cost price.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { engineOf } from '../../../storage/engine';
import { escapeLike } from '../../../record/ticket-record';
import { onlyRow } from '../../../storage/rows';

export interface PartRow {
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

export async function selectPartById(tx: ReadTx, partId: number): Promise<PartRow | undefined> {
  const rows = await tx.query<PartRow[]>(`SELECT ${PART_COLUMNS} FROM part WHERE id = ?`, [partId]);
  return rows[0];
}

interface PartFilter {
  includeInactive: boolean;
  lowStockOnly: boolean;
  /** The searched text, already normalised and trimmed; empty for none. */
  text: string;
  limit: number;
}

export async function selectParts(tx: ReadTx, filter: PartFilter): Promise<PartRow[]> {
  const engine = engineOf(tx);
  const where: string[] = [];
  const params: unknown[] = [];
  if (!filter.includeInactive) where.push('active = 1');
  if (filter.lowStockOnly) where.push('qty_on_hand <= reorder_level');
  if (filter.text !== '') {
    const like = `%${escapeLike(filter.text)}%`;
    where.push(`(${engine.likeNoCase('name')} OR ${engine.likeNoCase('specification')} OR ${engine.likeNoCase('compatible_models')})`);
    params.push(like, like, like);
  }
  return tx.query<PartRow[]>(
    `SELECT ${PART_COLUMNS} FROM part ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${engine.sortNoCase('name')}, id LIMIT ?`,
    [...params, filter.limit],
  );
}

/** A part's editable details, in the order the statements bind them. */
export type PartDetails = [
  name: string,
  specification: string,
  compatibleModels: string,
  costMinor: number,
  priceMinor: number,
  reorderLevel: number,
  active: boolean,
];

/** Creates a part; answers its id. */
export async function insertPart(tx: WriteTx, details: PartDetails, nowIso: string): Promise<number> {
  const rows = await tx.query<{ id: number }[]>(
    `INSERT INTO part (name, specification, compatible_models, cost_minor, price_minor, reorder_level, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [...details, nowIso, nowIso],
  );
  return onlyRow(rows).id;
}

export async function updatePart(tx: WriteTx, partId: number, details: PartDetails, nowIso: string): Promise<void> {
  await tx.query<unknown>(
    `UPDATE part SET name = ?, specification = ?, compatible_models = ?, cost_minor = ?, price_minor = ?, reorder_level = ?, active = ?, updated_at = ?
     WHERE id = ?`,
    [...details, nowIso, partId],
  );
}

export async function updatePartCost(tx: WriteTx, partId: number, costMinor: number, nowIso: string): Promise<void> {
  await tx.query<unknown>(`UPDATE part SET cost_minor = ?, updated_at = ? WHERE id = ?`, [costMinor, nowIso, partId]);
}
