// The backup history (table backup_run, append-only): each attempt, and the newest one.
import { BackupRunEntity, type BackupRunRow } from '../../../storage/entities/bookkeeping';
import { insertRow } from '../../../storage/row-insert';
import type { ReadTx, WriteTx } from '../../../storage/transactions';

/** An attempt as stored: ok as 0/1, the detail already cut to its column's length. */
export type NewBackupRun = Omit<BackupRunRow, 'id'>;

export async function insertBackupRun(tx: WriteTx, run: NewBackupRun): Promise<void> {
  await insertRow(tx, BackupRunEntity, run);
}

export type LatestBackupRunRow = Pick<BackupRunRow, 'ok' | 'reason' | 'detail'> & { started_at: string };

export async function selectLatestBackupRun(tx: ReadTx): Promise<LatestBackupRunRow | undefined> {
  const rows = await tx.query<LatestBackupRunRow[]>(`SELECT ok, reason, started_at, detail FROM backup_run ORDER BY id DESC LIMIT 1`);
  return rows[0];
}
