// The intake_draft table's statements: each counter's one saved intake draft.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface DraftRecord {
  body: string;
  saved_at: string;
}

export interface DraftCountRecord {
  n: number;
}

export async function selectIntakeDraft(tx: ReadTx, counter: string): Promise<DraftRecord | undefined> {
  const rows = await tx.query<DraftRecord[]>(`SELECT body, saved_at FROM intake_draft WHERE counter_key = ?`, [counter]);
  return rows[0];
}

export async function upsertIntakeDraft(tx: WriteTx, counter: string, body: string, savedAt: string): Promise<void> {
  await tx.query<unknown[]>(
    `INSERT INTO intake_draft (counter_key, body, saved_at) VALUES (?, ?, ?)
     ON CONFLICT(counter_key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
    [counter, body, savedAt],
  );
}

export async function countIntakeDrafts(tx: ReadTx, counter: string): Promise<number> {
  return onlyRow(await tx.query<DraftCountRecord[]>(`SELECT COUNT(*) AS n FROM intake_draft WHERE counter_key = ?`, [counter])).n;
}

export async function deleteIntakeDraft(tx: WriteTx, counter: string): Promise<void> {
  await tx.query<unknown[]>(`DELETE FROM intake_draft WHERE counter_key = ?`, [counter]);
}
