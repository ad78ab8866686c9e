// The fee standard (收费标准): the shop's own, editable list of labour items.
// Seeded by migration 0002 with the examples of the domain brief (software
// problem, simple handling 50; system reinstall 100; diagnosis fee; common
// hardware labour). Items are deactivated, never deleted: quotes name them.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import type { FeeItem } from '../../../../shared/stock-contract';
import type { FeeCategory } from '../../../../shared/workflow';
import { requireManagerRole, type Actor } from '../staff';
import { onlyRow } from '../../storage/rows';

interface FeeItemRecord {
  id: number;
  code: string;
  name_en: string;
  name_zh: string;
  category: FeeCategory;
  price_minor: number;
  active: number;
  sort_order: number;
}

function toFeeItem(r: FeeItemRecord): FeeItem {
  return {
    id: r.id,
    code: r.code,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    category: r.category,
    priceMinor: r.price_minor,
    active: Boolean(r.active),
    sortOrder: r.sort_order,
  };
}

const COLUMNS = 'id, code, name_en, name_zh, category, price_minor, active, sort_order';

export async function listFeeItems(tx: ReadTx, includeInactive: boolean): Promise<FeeItem[]> {
  const rows: FeeItemRecord[] = await tx.query(`SELECT ${COLUMNS} FROM fee_item ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort_order, id`);
  return rows.map(toFeeItem);
}

export async function getFeeItem(tx: ReadTx, id: number): Promise<FeeItem | null> {
  const rows: FeeItemRecord[] = await tx.query(`SELECT ${COLUMNS} FROM fee_item WHERE id = ?`, [id]);
  return rows[0] ? toFeeItem(rows[0]) : null;
}

/** Only a manager changes the price list. */
export async function saveFeeItem(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'feeStandard.save'>, nowIso: string): Promise<FeeItem> {
  requireManagerRole(actor);
  const clash: { id: number }[] = await tx.query(`SELECT id FROM fee_item WHERE code = ? AND id IS DISTINCT FROM ?`, [input.code, input.id]);
  if (clash.length > 0) throw DeskError.field('code', 'duplicate');
  const values = [input.code, input.nameEn, input.nameZh, input.category, input.priceMinor, input.active, input.sortOrder, nowIso];
  if (input.id === null) {
    const rows: { id: number }[] = await tx.query(
      `INSERT INTO fee_item (code, name_en, name_zh, category, price_minor, active, sort_order, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      values,
    );
    return (await getFeeItem(tx, onlyRow(rows).id))!;
  }
  if ((await getFeeItem(tx, input.id)) === null) throw DeskError.field('id', 'not_found');
  await tx.query(
    `UPDATE fee_item SET code = ?, name_en = ?, name_zh = ?, category = ?, price_minor = ?, active = ?, sort_order = ?, updated_at = ?
     WHERE id = ?`,
    [...values, input.id],
  );
  return (await getFeeItem(tx, input.id))!;
}
