// The repair feature's statements on the fee_item table: the fee standard's labour items,
// listed, read one by one, added and changed.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { ChannelParsedInput } from '../../../../../shared/contract';
import type { FeeCategory } from '../../../../../shared/workflow';
import { onlyRow } from '../../../storage/rows';

export interface FeeItemRow {
  id: number;
  code: string;
  name_en: string;
  name_zh: string;
  category: FeeCategory;
  price_minor: number;
  active: number;
  sort_order: number;
}

export interface FeeItemIdRow {
  id: number;
}

type FeeItemFields = Pick<ChannelParsedInput<'feeStandard.save'>, 'code' | 'nameEn' | 'nameZh' | 'category' | 'priceMinor' | 'active' | 'sortOrder'>;

const COLUMNS = 'id, code, name_en, name_zh, category, price_minor, active, sort_order';

/** The fee standard in its order: the active items, or every one. */
export function selectFeeItems(tx: ReadTx, includeInactive: boolean): Promise<FeeItemRow[]> {
  return tx.query<FeeItemRow[]>(`SELECT ${COLUMNS} FROM fee_item ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort_order, id`);
}

export async function selectFeeItemById(tx: ReadTx, id: number): Promise<FeeItemRow | undefined> {
  const rows = await tx.query<FeeItemRow[]>(`SELECT ${COLUMNS} FROM fee_item WHERE id = ?`, [id]);
  return rows[0];
}

/** The other items (not `exceptId`) that already have the code. */
export function selectFeeItemsWithCode(tx: ReadTx, code: string, exceptId: number | null): Promise<FeeItemIdRow[]> {
  return tx.query<FeeItemIdRow[]>(`SELECT id FROM fee_item WHERE code = ? AND id IS DISTINCT FROM ?`, [code, exceptId]);
}

function feeItemValues(item: FeeItemFields, nowIso: string): unknown[] {
  return [item.code, item.nameEn, item.nameZh, item.category, item.priceMinor, item.active, item.sortOrder, nowIso];
}

/** Adds an item to the fee standard; answers its id. */
export async function insertFeeItem(tx: WriteTx, item: FeeItemFields, nowIso: string): Promise<number> {
  const rows = await tx.query<FeeItemIdRow[]>(
    `INSERT INTO fee_item (code, name_en, name_zh, category, price_minor, active, sort_order, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    feeItemValues(item, nowIso),
  );
  return onlyRow(rows).id;
}

export async function updateFeeItem(tx: WriteTx, id: number, item: FeeItemFields, nowIso: string): Promise<void> {
  await tx.query<unknown>(
    `UPDATE fee_item SET code = ?, name_en = ?, name_zh = ?, category = ?, price_minor = ?, active = ?, sort_order = ?, updated_at = ?
     WHERE id = ?`,
    [...feeItemValues(item, nowIso), id],
  );
}
