// A counter's intake draft in storage (see intake-draft-contract.ts).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import { storedIntakeDraftSchema, type SavedIntakeDraft, type StoredIntakeDraft } from '../../../../shared/intake-draft-contract';
import { onlyRow } from '../../storage/rows';

interface DraftRecord {
  body: string;
  saved_at: string;
}

export async function getIntakeDraft(tx: ReadTx, counter: string): Promise<SavedIntakeDraft | null> {
  const rows: DraftRecord[] = await tx.query(`SELECT body, saved_at FROM intake_draft WHERE counter_key = ?`, [counter]);
  const row = rows[0];
  if (!row) return null;
  // A draft written by an older version may no longer fit: it is offered as far as it does.
  const parsed = storedIntakeDraftSchema.safeParse(JSON.parse(row.body));
  return parsed.success ? { draft: parsed.data, savedAt: row.saved_at } : null;
}

export async function saveIntakeDraft(tx: WriteTx, counter: string, draft: StoredIntakeDraft, now: string): Promise<{ savedAt: string }> {
  await tx.query(
    `INSERT INTO intake_draft (counter_key, body, saved_at) VALUES (?, ?, ?)
     ON CONFLICT(counter_key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
    [counter, JSON.stringify(draft), now],
  );
  return { savedAt: now };
}

export async function discardIntakeDraft(tx: WriteTx, counter: string): Promise<{ discarded: boolean }> {
  const before: { n: number }[] = await tx.query(`SELECT COUNT(*) AS n FROM intake_draft WHERE counter_key = ?`, [counter]);
  await tx.query(`DELETE FROM intake_draft WHERE counter_key = ?`, [counter]);
  return { discarded: onlyRow(before).n > 0 };
}
