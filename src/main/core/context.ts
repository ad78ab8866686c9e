import type { DocumentRenderer } from './documents';
import type { PrintService } from './features/printing/spooler';
import type { Database } from './storage/database';
import type { SecretBox } from './security/secret-box';
import type { DataSafety } from './features/data-safety/data-safety';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every use case may use: storage, time, sealed secrets, documents and printers. */
export interface DeskContext {
  db: Database;
  clock: Clock;
  secrets: SecretBox;
  /** The shop's data folder (database, key, print archive, previews). */
  dataDir: string;
  documents: DocumentRenderer;
  printing: PrintService;
  /** Backups, restore, recovery and export; a restore replaces `db` and `secrets`. */
  safety: DataSafety;
  /** Shows a file to the clerk with the system's viewer (the shell decides how). */
  openPath(path: string): Promise<void>;
}
