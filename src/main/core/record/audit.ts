// The audit history of things that are not tickets: settings, customers, staff
// and cost prices, with who changed them, when, and the values before and
// after. Append-only (database triggers) and part of the hash chain.
import type { AuditKind } from '../storage/entities/bookkeeping';
import type { ReadTx, WriteTx } from '../storage/transactions';

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
  await tx.query(`INSERT INTO audit_entry (kind, subject_id, old_value, new_value, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    entry.kind,
    entry.subjectId,
    JSON.stringify(entry.oldValue),
    JSON.stringify(entry.newValue),
    entry.staffId,
    entry.at,
  ]);
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
  const rows: { id: number; kind: AuditKind; subject_id: number | null; old_value: string; new_value: string; staff_name: string | null; at: string }[] =
    await tx.query(
      `SELECT a.id, a.kind, a.subject_id, a.old_value, a.new_value, s.name AS staff_name, a.at
       FROM audit_entry a LEFT JOIN staff s ON s.id = a.staff_id
       WHERE a.kind = ? AND (? IS NULL OR a.subject_id = ?) ORDER BY a.id`,
      [kind, subjectId, subjectId],
    );
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
