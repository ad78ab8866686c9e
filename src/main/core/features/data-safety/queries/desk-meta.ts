// The shop's own facts kept in its database (table desk_meta): its identity and
// its key sealed for the counters that share a server.
import type { ReadTx, WriteTx } from '../../../storage/transactions';

interface MetaValueRow {
  value: string;
}

export async function selectShopId(tx: ReadTx): Promise<string | undefined> {
  const rows = await tx.query<MetaValueRow[]>(`SELECT value FROM desk_meta WHERE key = 'shop_id'`);
  return rows[0]?.value;
}

export async function insertShopId(tx: WriteTx, shopId: string, nowIso: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO desk_meta (key, value, created_at) VALUES ('shop_id', ?, ?)`, [shopId, nowIso]);
}

export async function selectMetaValue(tx: ReadTx, key: string): Promise<string | undefined> {
  const rows = await tx.query<MetaValueRow[]>(`SELECT value FROM desk_meta WHERE key = ?`, [key]);
  return rows[0]?.value;
}

export async function updateMetaValue(tx: WriteTx, key: string, value: string): Promise<void> {
  await tx.query<unknown>(`UPDATE desk_meta SET value = ? WHERE key = ?`, [value, key]);
}
