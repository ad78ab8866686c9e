// Backups with SQLite's online backup: a consistent copy while the counter
// keeps working (the WAL included), on a connection of its own so the desk's
// transactions neither wait for it nor leak into it. Each copy is verified
// (opened, integrity_check, row counts) before its manifest is written; a
// folder without a verified manifest is not a backup.
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-file';
import { claimBackupFolder } from './backup-folder';
import { fileFacts, openRaw, rowCounts, type RawDatabase } from './data-file';
import { integrityCheckInBackground, rowCountsInBackground } from './integrity-worker';
import { backupsToKeep } from './retention';
import type { BackupReasonValue } from '../../../../shared/data-safety-contract';

export const BACKUPS_FOLDER = 'repair-desk-backups';
export const BACKUP_DATABASE = 'repair-desk.sqlite';
export const BACKUP_KEY = 'secret.key';
export const BACKUP_MANIFEST = 'backup.json';
/** Why a backup was taken: the shared list the screens translate and the backup_run table's CHECK holds. */
export type BackupReason = BackupReasonValue;

export interface BackupManifest {
  /** A copy of the shop file, or (shop on a PostgreSQL server) a pg_dump of its database: server-backup.ts. */
  format: 'repair-desk-backup/1' | 'repair-desk-server-backup/1';
  takenAt: string;
  reason: BackupReason;
  shopId: string | null;
  tickets: number;
  lastTicketNumber: number | null;
  rowCounts: Record<string, number>;
  sizeBytes: number;
  durationMs: number;
  integrity: 'ok';
  withKey: boolean;
}

export interface StoredBackup extends BackupManifest {
  /** The backup's folder. */
  folder: string;
  /** Its database file, what --restore takes. */
  file: string;
}

export interface BackupAttempt {
  ok: boolean;
  reason: BackupReason;
  startedAt: string;
  finishedAt: string;
  folder: string;
  sizeBytes: number;
  tickets: number;
  lastTicketNumber: number | null;
  durationMs: number;
  detail: string;
  backup: StoredBackup | null;
}

export function backupsRoot(folder: string): string {
  return join(resolve(folder), BACKUPS_FOLDER);
}

/** Each table's count in the copy must lie between the source's counts just before and just after the copy. */
function countsAgree(copy: Record<string, number>, before: Record<string, number>, after: Record<string, number>): string | null {
  const tables = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(copy)]);
  for (const table of tables) {
    // A search index's own tables (FTS5 shadows) grow and shrink as it merges its segments: no bracket holds for them.
    if (table.includes('_fts')) continue;
    const n = copy[table] ?? -1;
    const low = Math.min(before[table] ?? -1, after[table] ?? -1);
    const high = Math.max(before[table] ?? -1, after[table] ?? -1);
    if (n < low || n > high) return `${table}: ${n} rows in the copy, ${before[table] ?? 0}..${after[table] ?? 0} in the shop file`;
  }
  return null;
}

export interface TakeBackupOptions {
  /** The shop's database file. */
  databaseFile: string;
  /** Its key file, copied with it when present. */
  keyFile: string;
  /** The destination folder (the backups go in its repair-desk-backups sub-folder). */
  folder: string;
  reason: BackupReason;
  now: Date;
  /** An open connection to use instead of opening one (the pre-migration backup, before TypeORM opens the file). */
  source?: RawDatabase;
}

/** Takes, verifies and stores one backup. Never throws: a failure is an attempt with ok=false and its detail, and leaves no folder. */
export async function takeBackup(options: TakeBackupOptions): Promise<BackupAttempt> {
  const result = await copyAndVerify(options);
  if (!result.ok && result.folder !== '') rmSync(result.folder, { recursive: true, force: true });
  return result;
}

/** Pages SQLite copies per step at first: small steps leave the desk's thread free between them. */
const FIRST_STEP_PAGES = 100;
const MAX_STEP_PAGES = 0x7fffffff;

/**
 * The pace of an online backup. A write by another connection (the other
 * counter, or the desk while a separate connection copies) restarts SQLite's
 * copy from the first page; with small steps a busy counter could restart it
 * for ever. Each restart makes the steps four times larger, so one step soon
 * outruns the writes.
 */
export function backupPace(): (progress: { totalPages: number; remainingPages: number }) => number {
  let pages = FIRST_STEP_PAGES;
  let previous = Number.POSITIVE_INFINITY;
  return ({ remainingPages }) => {
    if (remainingPages > previous) pages = Math.min(pages * 4, MAX_STEP_PAGES);
    previous = remainingPages;
    return pages;
  };
}

async function copyAndVerify(options: TakeBackupOptions): Promise<BackupAttempt> {
  const started = Date.now();
  const startedAt = options.now.toISOString();
  let folder = '';
  const attempt = (fields: Partial<BackupAttempt>): BackupAttempt => ({
    ok: false,
    reason: options.reason,
    startedAt,
    finishedAt: new Date(options.now.getTime() + (Date.now() - started)).toISOString(),
    folder,
    sizeBytes: 0,
    tickets: 0,
    lastTicketNumber: null,
    durationMs: Date.now() - started,
    detail: '',
    backup: null,
    ...fields,
  });
  const source = options.source ?? openRaw(options.databaseFile);
  let partial = '';
  try {
    folder = claimBackupFolder(backupsRoot(options.folder), options.now, options.reason);
    partial = join(folder, `${BACKUP_DATABASE}.partial`);
    // Counted on a worker thread: millions of rows held the desk's thread for seconds.
    const counts = () => (options.source ? Promise.resolve(rowCounts(source)) : rowCountsInBackground(options.databaseFile));
    const before = await counts();
    await source.backup(partial, { progress: backupPace() });
    const after = await counts();

    // The full check of a large copy takes seconds to minutes: a worker thread
    // runs it, so the counter keeps answering while a backup verifies.
    const integrity = await integrityCheckInBackground(partial);
    if (integrity !== 'ok') return attempt({ detail: `integrity_check: ${integrity}` });
    const copyCounts = await rowCountsInBackground(partial);
    const copy = openRaw(partial, { readonly: true });
    let facts;
    try {
      facts = fileFacts(copy, copyCounts);
    } finally {
      copy.close();
    }
    const disagreement = countsAgree(facts.rowCounts, before, after);
    if (disagreement) return attempt({ detail: `row counts differ: ${disagreement}` });

    renameSync(partial, join(folder, BACKUP_DATABASE));
    const withKey = existsSync(options.keyFile);
    if (withKey) copyFileSync(options.keyFile, join(folder, BACKUP_KEY));
    const sizeBytes = statSync(join(folder, BACKUP_DATABASE)).size;
    const manifest: BackupManifest = {
      format: 'repair-desk-backup/1',
      takenAt: startedAt,
      reason: options.reason,
      shopId: facts.shopId,
      tickets: facts.tickets,
      lastTicketNumber: facts.lastTicketNumber,
      rowCounts: facts.rowCounts,
      sizeBytes,
      durationMs: Date.now() - started,
      integrity: 'ok',
      withKey,
    };
    writeFileAtomic(join(folder, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2), 0o600);
    const backup: StoredBackup = { ...manifest, folder, file: join(folder, BACKUP_DATABASE) };
    return attempt({ ok: true, sizeBytes, tickets: facts.tickets, lastTicketNumber: facts.lastTicketNumber, detail: 'verified', backup });
  } catch (error) {
    if (partial !== '') rmSync(partial, { force: true });
    const code = (error as { code?: unknown }).code;
    return attempt({ detail: `${typeof code === 'string' ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}` });
  } finally {
    if (!options.source) source.close();
  }
}

/** The manifest of a backup folder or of the database file inside one; null when it is not a verified backup. */
export function readBackup(folderOrFile: string): StoredBackup | null {
  const path = resolve(folderOrFile);
  const folder = existsSync(path) && statSync(path).isDirectory() ? path : resolve(path, '..');
  const manifestFile = join(folder, BACKUP_MANIFEST);
  if (!existsSync(manifestFile) || !existsSync(join(folder, BACKUP_DATABASE))) return null;
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
    if (manifest.format !== 'repair-desk-backup/1' || manifest.integrity !== 'ok') return null;
    return { ...manifest, folder, file: join(folder, BACKUP_DATABASE) };
  } catch {
    return null;
  }
}

/** Verified backups in a destination folder, newest first. */
export function listBackups(folder: string): StoredBackup[] {
  const root = backupsRoot(folder);
  if (!existsSync(root)) return [];
  const found: StoredBackup[] = [];
  for (const name of readdirSync(root)) {
    const backup = readBackup(join(root, name));
    if (backup) found.push(backup);
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Deletes the backups retention does not keep, and leftovers of attempts that never verified. Returns the folders removed. */
export function pruneBackups(folder: string): string[] {
  const root = backupsRoot(folder);
  if (!existsSync(root)) return [];
  const verified = listBackups(folder);
  const keep = backupsToKeep(verified.map((b) => ({ id: b.folder, takenAt: new Date(b.takenAt) })));
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    const isVerified = verified.some((b) => b.folder === path);
    // An unverified folder younger than an hour may be a backup still being written by another counter.
    const stale = !isVerified && Date.now() - statSync(path).mtimeMs > 60 * 60 * 1000;
    if ((isVerified && !keep.has(path)) || stale) {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}
