// Where backups go and how often, kept beside the database rather than in it:
// a desk whose database is damaged must still find its backups.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

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
