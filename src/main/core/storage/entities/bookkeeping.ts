// The desk's own books: the audit trail, the hash chain over the record, and the
// backups taken.
import { EntitySchema } from 'typeorm';
import { id, text, integer, nullableInteger } from './columns';
import type { BackupReasonValue } from '../../../../shared/data-safety-contract';

/** What an audit entry is about (a CHECK on the table holds the same list). */
export type AuditKind = 'settings' | 'customer' | 'staff' | 'part_cost' | 'setup';

export interface AuditEntryRow {
  id: number;
  kind: AuditKind;
  subjectId: number | null;
  oldValue: string;
  newValue: string;
  staffId: number | null;
  at: string;
}

export const AuditEntryEntity = new EntitySchema<AuditEntryRow>({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  columns: {
    id,
    kind: text,
    subjectId: { ...nullableInteger, name: 'subject_id' },
    oldValue: { ...text, name: 'old_value' },
    newValue: { ...text, name: 'new_value' },
    staffId: { ...nullableInteger, name: 'staff_id' },
    at: text,
  },
});

export interface HistoryLinkRow {
  id: number;
  source: string;
  rowId: number;
  rowHash: string;
  prevHash: string;
  hash: string;
}

export const HistoryLinkEntity = new EntitySchema<HistoryLinkRow>({
  name: 'HistoryLink',
  tableName: 'history_link',
  columns: {
    id,
    source: text,
    rowId: { ...integer, name: 'row_id' },
    rowHash: { ...text, name: 'row_hash' },
    prevHash: { ...text, name: 'prev_hash' },
    hash: text,
  },
});

export interface BackupRunRow {
  id: number;
  startedAt: string;
  finishedAt: string;
  reason: BackupReasonValue;
  ok: number;
  folder: string;
  sizeBytes: number;
  tickets: number;
  lastTicketNumber: number | null;
  durationMs: number;
  detail: string;
}

export const BackupRunEntity = new EntitySchema<BackupRunRow>({
  name: 'BackupRun',
  tableName: 'backup_run',
  columns: {
    id,
    startedAt: { ...text, name: 'started_at' },
    finishedAt: { ...text, name: 'finished_at' },
    reason: text,
    ok: integer,
    folder: text,
    sizeBytes: { ...integer, name: 'size_bytes' },
    tickets: integer,
    lastTicketNumber: { ...nullableInteger, name: 'last_ticket_number' },
    durationMs: { ...integer, name: 'duration_ms' },
    detail: text,
  },
});
