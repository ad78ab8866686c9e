// The setting table's statements: every stored key (read by every use case, on
// SQLite through the driver's prepared statement), the ticket prefix alone with
// the file's data version, and what the setup checks and stores.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { SettingRow } from '../../../storage/entities/settings';
import { onlyRow } from '../../../storage/rows';
import { rowReaderOf, type SqlReader } from '../../../storage/sql-reader';

export function selectAllSettings(tx: ReadTx): Promise<SettingRow[]> {
  return rowReaderOf(tx)<SettingRow>(`SELECT key, value FROM setting`);
}

/** The SQLite file's data version: another connection's commit changes it. */
export function dataVersion(sql: SqlReader): number {
  return onlyRow(sql.all<{ data_version: number }>('PRAGMA data_version')).data_version;
}

/** A key's stored value (JSON), read on the driver. */
export function settingValue(sql: SqlReader, key: string): string | undefined {
  const [row] = sql.all<{ value: string }>(`SELECT value FROM setting WHERE key = ?`, [key]);
  return row?.value;
}

export async function countSettingsWithKey(tx: ReadTx, key: string): Promise<number> {
  const rows = await rowReaderOf(tx)<{ n: number }>(`SELECT COUNT(*) AS n FROM setting WHERE key = ?`, [key]);
  return onlyRow(rows).n;
}

/** Stores a key's value (JSON) once: a second insert of the same key fails. */
export async function insertSetting(tx: WriteTx, key: string, value: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO setting (key, value) VALUES (?, ?)`, [key, value]);
}
