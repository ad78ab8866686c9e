// The backup history (table backup_run, append-only): each attempt, and the newest one.
import type { BackupRunRow } from '../../../storage/entities/bookkeeping';
import type { ReadTx, WriteTx } from '../../../storage/transactions';

/** An attempt as stored: ok as 0/1, the detail already cut to its column's length. */
export type NewBackupRun = Omit<BackupRunRow, 'id'>;

export async function insertBackupRun(tx: WriteTx, run: NewBackupRun): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO backup_run (started_at, finished_at, reason, ok, folder, size_bytes, tickets, last_ticket_number, duration_ms, detail)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [run.startedAt, run.finishedAt, run.reason, run.ok, run.folder, run.sizeBytes, run.tickets, run.lastTicketNumber, run.durationMs, run.detail],
  );
}

export type LatestBackupRunRow = Pick<BackupRunRow, 'ok' | 'reason' | 'detail'> & { started_at: string };

export async function selectLatestBackupRun(tx: ReadTx): Promise<LatestBackupRunRow | undefined> {
  const rows = await tx.query<LatestBackupRunRow[]>(`SELECT ok, reason, started_at, detail FROM backup_run ORDER BY id DESC LIMIT 1`);
  return rows[0];
}
