// A counter's intake draft in storage (see intake-draft-contract.ts).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import { storedIntakeDraftSchema, type SavedIntakeDraft, type StoredIntakeDraft } from '../../../../shared/intake-draft-contract';
import { countIntakeDrafts, deleteIntakeDraft, selectIntakeDraft, upsertIntakeDraft } from './queries/intake-drafts';

export async function getIntakeDraft(tx: ReadTx, counter: string): Promise<SavedIntakeDraft | null> {
  const row = await selectIntakeDraft(tx, counter);
  if (!row) return null;
  // A draft written by an older version may no longer fit: it is offered as far as it does.
  const parsed = storedIntakeDraftSchema.safeParse(JSON.parse(row.body));
  return parsed.success ? { draft: parsed.data, savedAt: row.saved_at } : null;
}

export async function saveIntakeDraft(tx: WriteTx, counter: string, draft: StoredIntakeDraft, now: string): Promise<{ savedAt: string }> {
  await upsertIntakeDraft(tx, counter, JSON.stringify(draft), now);
  return { savedAt: now };
}

export async function discardIntakeDraft(tx: WriteTx, counter: string): Promise<{ discarded: boolean }> {
  const before = await countIntakeDrafts(tx, counter);
  await deleteIntakeDraft(tx, counter);
  return { discarded: before > 0 };
}
