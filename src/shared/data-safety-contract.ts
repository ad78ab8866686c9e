// Channels of data safety: backups (status, settings, a backup now), restore,
// the recovery screen's channels, and the full export. Spread into contract.ts.
//
// backups.*, dataExport.* need a signed-in manager. recovery.* answer while the
// desk is in recovery (its data missing or damaged): nobody can sign in then,
// so a restore is authorised by a manager's PIN stored in the backup itself.
import { z } from 'zod';
import { code, requiredText } from './schema-helpers';
import { pinSchema, sessionSchema } from './staff-contract';

export const BACKUP_REASON_VALUES = ['start', 'interval', 'close', 'migration', 'manual', 'restore'] as const;
export type BackupReasonValue = (typeof BACKUP_REASON_VALUES)[number];
export const STARTUP_PROBLEMS = ['missing', 'replaced', 'damaged', 'key_missing'] as const;
export type StartupProblemKind = (typeof STARTUP_PROBLEMS)[number];

const backupPath = requiredText(1000);

export const backupsStatusInput = z.object({ session: sessionSchema });
export const backupsConfigureInput = z.object({
  session: sessionSchema,
  /** An absolute folder path; empty keeps backups in the data folder. */
  folder: z
    .string(code('invalid'))
    .trim()
    .max(1000, code('too_long'))
    // eslint-disable-next-line no-control-regex -- a path with control characters is refused
    .refine((v) => !/[\u0000-\u001f]/.test(v), code('invalid')),
  intervalHours: z.number(code('invalid')).int(code('invalid')).min(1, code('invalid')).max(24, code('invalid')),
});
export const backupsRunInput = z.object({ session: sessionSchema });
export const backupsInspectInput = z.object({ session: sessionSchema, path: backupPath });
export const backupsRestoreInput = z.object({ session: sessionSchema, path: backupPath });
export const recoveryInspectInput = z.object({ path: backupPath });
export const recoveryRestoreInput = z.object({
  path: backupPath,
  /** A manager of the backup's own staff with their PIN; null only when that backup has no manager with a PIN. */
  managerApproval: z
    .object({ staffId: z.number(code('required')).int(code('invalid')).positive(code('invalid')), pin: pinSchema })
    .nullable()
    .default(null),
});
/** Starting an empty desk is a manager's explicit decision, offered only while no backup exists at all. */
export const recoveryStartEmptyInput = z.object({ confirm: z.literal(true, code('consent_required')) });
export const exportStartInput = z.object({ session: sessionSchema });
export const exportProgressInput = z.object({ session: sessionSchema, jobId: z.string().min(1).max(64) });

export interface BackupView {
  /** Its database file: what a restore (and --restore) takes. */
  file: string;
  takenAt: string;
  reason: BackupReasonValue;
  tickets: number;
  lastTicketNumber: number | null;
  displayLastTicket: string | null;
  sizeBytes: number;
  durationMs: number;
  /** False for a shop on a PostgreSQL server: its dumps are restored on the server (pg_restore), not by the desk. */
  restorable: boolean;
}

export interface BackupAttemptView {
  ok: boolean;
  reason: BackupReasonValue;
  startedAt: string;
  detail: string;
}

export type BackupWarning = 'never' | 'stale' | 'destination_missing' | 'last_failed' | 'dump_tool_missing';

export interface BackupStatus {
  /** The folder the manager chose, or null for the data folder. */
  folder: string | null;
  /** Where backups go now (the data folder while the chosen one is missing). */
  effectiveFolder: string;
  intervalHours: number;
  lastGood: BackupView | null;
  lastAttempt: BackupAttemptView | null;
  warnings: BackupWarning[];
  backups: BackupView[];
  /** The background integrity_check of the shop file since start: null while it runs. */
  integrity: string | null;
}

export interface BackupContentsView {
  file: string;
  takenAt: string | null;
  tickets: number;
  lastTicketNumber: number | null;
  displayLastTicket: string | null;
  shopName: string;
  ticketPrefix: string;
  /** Managers with a PIN in that backup: one of them authorises a restore from the recovery screen. */
  managers: { id: number; name: string }[];
}

export interface RestoreView {
  contents: BackupContentsView;
  keptAside: string;
}

export interface RecoveryStatus {
  problem: { kind: StartupProblemKind; lastTicketNumber: string | null; detail: string } | null;
  newest: BackupContentsView | null;
  /** The file is missing or damaged and there is no backup at all: the manager may start an empty desk. */
  canStartEmpty: boolean;
}

export interface StartEmptyView {
  /** Where the missing or damaged file (if any) was kept. */
  keptAside: string;
  /** The last number handed out before, as printed: numbering goes on after it. */
  ticketFloor: string | null;
}

export interface ExportProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  table: string;
  rowsDone: number;
  rowsTotal: number;
  path: string | null;
  error: string | null;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

export const dataSafetyChannels = {
  'backups.status': channel<BackupStatus>()(backupsStatusInput),
  'backups.configure': channel<BackupStatus>()(backupsConfigureInput),
  /** Takes a backup now and answers with the status after it (the attempt's result included). */
  'backups.run': channel<BackupStatus>()(backupsRunInput),
  'backups.inspect': channel<BackupContentsView>()(backupsInspectInput),
  /** Restores a backup: the current files are kept aside; everyone is signed out. */
  'backups.restore': channel<RestoreView>()(backupsRestoreInput),
  'recovery.status': channel<RecoveryStatus>()(z.object({})),
  'recovery.inspect': channel<BackupContentsView>()(recoveryInspectInput),
  'recovery.restore': channel<RestoreView>()(recoveryRestoreInput),
  /** Keeps the missing or damaged file aside and starts an empty desk; refused while any backup exists. */
  'recovery.startEmpty': channel<StartEmptyView>()(recoveryStartEmptyInput),
  'dataExport.start': channel<ExportProgress>()(exportStartInput),
  'dataExport.progress': channel<ExportProgress>()(exportProgressInput),
};
