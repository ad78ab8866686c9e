// The audit history's statements (table audit_entry, with the staff who made each change).
import { AuditEntryEntity, type AuditEntryRow, type AuditKind } from '../../storage/entities/bookkeeping';
import { insertRow } from '../../storage/row-insert';
import type { ReadTx, WriteTx } from '../../storage/transactions';

/** An entry as stored: the values before and after already as JSON text. */
export type NewAuditEntry = Omit<AuditEntryRow, 'id'>;

export async function insertAuditEntry(tx: WriteTx, entry: NewAuditEntry): Promise<void> {
  await insertRow(tx, AuditEntryEntity, entry);
}

export interface AuditEntryRecord {
  id: number;
  kind: AuditKind;
  subject_id: number | null;
  old_value: string;
  new_value: string;
  staff_name: string | null;
  at: string;
}

/** A kind's entries, of one subject or of all (null), oldest first. */
export function selectAuditEntries(tx: ReadTx, kind: AuditKind, subjectId: number | null): Promise<AuditEntryRecord[]> {
  return tx.query<AuditEntryRecord[]>(
    `SELECT a.id, a.kind, a.subject_id, a.old_value, a.new_value, s.name AS staff_name, a.at
       FROM audit_entry a LEFT JOIN staff s ON s.id = a.staff_id
       WHERE a.kind = ? AND (? IS NULL OR a.subject_id = ?) ORDER BY a.id`,
    [kind, subjectId, subjectId],
  );
}
