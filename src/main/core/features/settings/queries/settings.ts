// The setting table's statements the setup writes and reads: whether a key is
// stored, and storing one (the settings themselves are read and saved elsewhere).
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export async function countSettingsWithKey(tx: ReadTx, key: string): Promise<number> {
  const rows = await tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM setting WHERE key = ?`, [key]);
  return onlyRow(rows).n;
}

/** Stores a key's value (JSON) once: a second insert of the same key fails. */
export async function insertSetting(tx: WriteTx, key: string, value: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO setting (key, value) VALUES (?, ?)`, [key, value]);
}
