// Where backups go and how often, kept beside the database rather than in it:
// a desk whose database is damaged must still find its backups.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-file';

export const BACKUP_SETTINGS_FILE = 'backup-settings.json';
export const DEFAULT_INTERVAL_HOURS = 4;

export interface BackupSettings {
  /** The manager's folder (second disk, USB stick); null keeps backups in the data folder. */
  folder: string | null;
  intervalHours: number;
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const file = join(dataDir, BACKUP_SETTINGS_FILE);
  const fallback: BackupSettings = { folder: null, intervalHours: DEFAULT_INTERVAL_HOURS };
  if (!existsSync(file)) return fallback;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<BackupSettings>;
    return {
      folder: typeof value.folder === 'string' && value.folder !== '' ? value.folder : null,
      intervalHours: typeof value.intervalHours === 'number' && value.intervalHours >= 1 ? value.intervalHours : DEFAULT_INTERVAL_HOURS,
    };
  } catch {
    return fallback;
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  writeFileAtomic(join(dataDir, BACKUP_SETTINGS_FILE), JSON.stringify(settings, null, 2), 0o644);
}

export type BackupFolderProblem = 'invalid' | 'not_found' | 'not_a_folder' | 'folder_not_writable' | 'folder_inside_data';

/** The real path of a folder, or of the nearest existing folder above it joined with the rest (for comparing places). */
function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realFolder(parent), basename(path));
  }
}

/** Whether `inner` is `outer` or a folder inside it (case-insensitively on Windows and macOS). */
function within(outer: string, inner: string): boolean {
  const fold = (p: string) => (process.platform === 'linux' ? p : p.toLowerCase());
  const rel = relative(fold(outer), fold(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Why a folder cannot hold the shop's backups, or null when it can: it must be
 * an absolute path to an existing folder the desk can write into (a file is
 * written and removed to be sure), outside the data folder, since a copy kept
 * beside the original is lost with the same disk.
 */
export function backupFolderProblem(folder: string, dataDir: string): BackupFolderProblem | null {
  if (!isAbsolute(folder)) return 'invalid';
  let stats;
  try {
    stats = statSync(folder);
  } catch {
    return 'not_found';
  }
  if (!stats.isDirectory()) return 'not_a_folder';
  if (within(realFolder(dataDir), realFolder(folder))) return 'folder_inside_data';
  const probe = join(folder, `.repair-desk-write-test-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, 'ok', { flag: 'wx' });
  } catch {
    return 'folder_not_writable';
  }
  rmSync(probe, { force: true });
  return null;
}
