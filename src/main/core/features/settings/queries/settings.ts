// The setting table's statements: every stored key (read by every use case, on
// SQLite through the driver's prepared statement), the stored ticket prefix as a
// column of another statement, and what the setup checks and stores.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { SettingRow } from '../../../storage/entities/settings';
import { onlyRow } from '../../../storage/rows';
import { rowReaderOf } from '../../../storage/sql-reader';

export function selectAllSettings(tx: ReadTx): Promise<SettingRow[]> {
  return rowReaderOf(tx)<SettingRow>(`SELECT key, value FROM setting`);
}

/**
 * The stored ticket prefix (JSON, or NULL while the default holds) as a column of another statement:
 * read in that statement's own snapshot, so it is never a kept copy that another commit made stale.
 */
export const STORED_TICKET_PREFIX = `(SELECT value FROM setting WHERE key = 'ticketPrefix')`;

export async function countSettingsWithKey(tx: ReadTx, key: string): Promise<number> {
  const rows = await rowReaderOf(tx)<{ n: number }>(`SELECT COUNT(*) AS n FROM setting WHERE key = ?`, [key]);
  return onlyRow(rows).n;
}

/** Stores a key's value (JSON) once: a second insert of the same key fails. */
export async function insertSetting(tx: WriteTx, key: string, value: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO setting (key, value) VALUES (?, ?)`, [key, value]);
}
