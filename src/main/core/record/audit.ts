// The audit history of things that are not tickets: settings, customers, staff
// and cost prices, with who changed them, when, and the values before and
// after. Append-only (database triggers) and part of the hash chain.
import type { AuditKind } from '../storage/entities/bookkeeping';
import type { ReadTx, WriteTx } from '../storage/transactions';
import { insertAuditEntry, selectAuditEntries } from './queries/audit-entries';

export type { AuditKind };

export interface AuditRecord {
  kind: AuditKind;
  subjectId: number | null;
  oldValue: unknown;
  newValue: unknown;
  staffId: number | null;
  at: string;
}

export async function recordAudit(tx: WriteTx, entry: AuditRecord): Promise<void> {
  await insertAuditEntry(tx, { ...entry, oldValue: JSON.stringify(entry.oldValue), newValue: JSON.stringify(entry.newValue) });
}

/** Only the keys whose values differ, before and after; null when nothing changed. */
export function changedValues<T extends Record<string, unknown>>(before: T, after: T): { old: Partial<T>; new: Partial<T> } | null {
  const old: Partial<T> = {};
  const next: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      old[key] = before[key];
      next[key] = after[key];
    }
  }
  return Object.keys(next).length === 0 ? null : { old, new: next };
}

export interface AuditView {
  id: number;
  kind: AuditKind;
  subjectId: number | null;
  oldValue: unknown;
  newValue: unknown;
  staffName: string | null;
  at: string;
}

export async function listAudit(tx: ReadTx, kind: AuditKind, subjectId: number | null): Promise<AuditView[]> {
  const rows = await selectAuditEntries(tx, kind, subjectId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subjectId: r.subject_id,
    oldValue: JSON.parse(r.old_value),
    newValue: JSON.parse(r.new_value),
    staffName: r.staff_name,
    at: r.at,
  }));
}
