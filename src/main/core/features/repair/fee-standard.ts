// The fee standard (收费标准): the shop's own, editable list of labour items.
// Seeded by migration 0002 with the examples of the domain brief (software
// problem, simple handling 50; system reinstall 100; diagnosis fee; common
// hardware labour). Items are deactivated, never deleted: quotes name them.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import type { FeeItem } from '../../../../shared/stock-contract';
import { requireManagerRole, type Actor } from '../staff';
import { insertFeeItem, selectFeeItemById, selectFeeItems, selectFeeItemsWithCode, updateFeeItem, type FeeItemRow } from './queries/fee-items';

function toFeeItem(r: FeeItemRow): FeeItem {
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

export async function listFeeItems(tx: ReadTx, includeInactive: boolean): Promise<FeeItem[]> {
  const rows = await selectFeeItems(tx, includeInactive);
  return rows.map(toFeeItem);
}

export async function getFeeItem(tx: ReadTx, id: number): Promise<FeeItem | null> {
  const row = await selectFeeItemById(tx, id);
  return row ? toFeeItem(row) : null;
}

/** Only a manager changes the price list. */
export async function saveFeeItem(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'feeStandard.save'>, nowIso: string): Promise<FeeItem> {
  requireManagerRole(actor);
  const clash = await selectFeeItemsWithCode(tx, input.code, input.id);
  if (clash.length > 0) throw DeskError.field('code', 'duplicate');
  if (input.id === null) {
    const id = await insertFeeItem(tx, input, nowIso);
    return (await getFeeItem(tx, id))!;
  }
  if ((await getFeeItem(tx, input.id)) === null) throw DeskError.field('id', 'not_found');
  await updateFeeItem(tx, input.id, input, nowIso);
  return (await getFeeItem(tx, input.id))!;
}
