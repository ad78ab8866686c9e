// Putting a backup back. The desk's current files (database with its WAL, key,
// identity) are first moved aside into a dated folder, never overwritten; the
// backup's database is copied in under a temporary name and renamed into place,
// its key with it. The caller closes the desk's connection first.
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskError } from '../../../../shared/errors';
import { syncFolder, writeFileAtomic } from '../../storage/atomic-file';
import { BACKUP_KEY, readBackup, type StoredBackup } from './backup';
import { fileFacts, integrityCheck, openRaw } from './data-file';
import { IDENTITY_FILE, readIdentity, rememberedHighest, writeIdentity } from './identity';

export const KEPT_ASIDE_FOLDER = 'kept-aside';
/** Written beside a file kept aside when the desk was started empty. */
export const STARTED_EMPTY_NOTE = 'started-empty.json';

export interface BackupContents {
  file: string;
  takenAt: string | null;
  tickets: number;
  lastTicketNumber: number | null;
  shopId: string | null;
  withKey: boolean;
}

/** What a backup holds, read from the file itself after a full integrity check; refused when it is not a sound shop file. */
export function inspectBackup(path: string): BackupContents {
  const manifest: StoredBackup | null = readBackup(path);
  const file = manifest?.file ?? resolve(path);
  if (!existsSync(file)) throw DeskError.field('path', 'not_found');
  let db;
  try {
    db = openRaw(file, { readonly: true });
  } catch {
    throw DeskError.field('path', 'invalid');
  }
  try {
    if (integrityCheck(db) !== 'ok') throw DeskError.field('path', 'invalid');
    const facts = fileFacts(db);
    if (!Object.hasOwn(facts.rowCounts, 'ticket')) throw DeskError.field('path', 'invalid');
    return {
      file,
      takenAt: manifest?.takenAt ?? null,
      tickets: facts.tickets,
      lastTicketNumber: facts.lastTicketNumber,
      shopId: facts.shopId,
      withKey: existsSync(join(resolve(file, '..'), BACKUP_KEY)),
    };
  } catch (error) {
    if (error instanceof DeskError) throw error;
    throw DeskError.field('path', 'invalid'); // "file is not a database" and the like
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  contents: BackupContents;
  /** The folder the previous files were moved to. */
  keptAside: string;
}

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

/** The last ticket number in a shop file, when it can be read at all (a damaged or missing file gives null). */
function lastNumberIn(file: string): number | null {
  if (!existsSync(file)) return null;
  try {
    const db = openRaw(file, { readonly: true });
    try {
      return fileFacts(db).lastTicketNumber;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * The highest number this desk has handed out, from what it remembers beside
 * the file and from the file about to be kept aside: the restored file may be
 * older, and its numbers after it may already be on customers' claim tickets.
 */
export function ticketFloorBefore(dataDir: string, databaseFile: string): number | null {
  return Math.max(rememberedHighest(readIdentity(dataDir)) ?? 0, lastNumberIn(databaseFile) ?? 0) || null;
}

export interface StartEmptyResult {
  keptAside: string;
  /** The numbering goes on after this number (null when none was ever handed out). */
  ticketFloor: number | null;
}

/**
 * A manager's last resort when the shop's file is missing or damaged and no
 * backup exists: the file (with its WAL) is moved aside, never deleted, with a
 * note of the decision, and the desk starts from an empty file of the same
 * shop whose numbering continues after every number handed out before.
 * The key stays: it may still open passcodes in the file kept aside.
 */
export function startEmpty(options: { dataDir: string; databaseFile: string; now: Date; problem: { kind: string; detail: string } }): StartEmptyResult {
  const { dataDir, databaseFile } = options;
  const ticketFloor = ticketFloorBefore(dataDir, databaseFile);
  const previous = readIdentity(dataDir);
  const keptAside = join(dataDir, KEPT_ASIDE_FOLDER, stampOf(options.now));
  mkdirSync(keptAside, { recursive: true });
  const moveAside = (path: string) => {
    if (existsSync(path)) renameSync(path, join(keptAside, path.slice(resolve(path, '..').length + 1)));
  };
  for (const suffix of ['', '-wal', '-shm', '-journal']) moveAside(databaseFile + suffix);
  moveAside(join(dataDir, IDENTITY_FILE));
  writeFileAtomic(
    join(keptAside, STARTED_EMPTY_NOTE),
    JSON.stringify({ startedEmptyAt: options.now.toISOString(), problem: options.problem, ticketFloor }, null, 2),
    0o644,
  );
  writeIdentity(dataDir, { shopId: previous?.shopId ?? randomUUID(), lastTicketNumber: null, tickets: 0, ticketFloor, updatedAt: options.now.toISOString() });
  syncFolder(dataDir);
  return { keptAside, ticketFloor };
}

/** Restores a backup into a data folder whose database is closed. */
export function restoreBackup(options: { dataDir: string; databaseFile: string; keyFile: string; backup: string; now: Date }): RestoreResult {
  const contents = inspectBackup(options.backup);
  const { dataDir, databaseFile, keyFile } = options;
  const floor = ticketFloorBefore(dataDir, databaseFile);
  const previous = readIdentity(dataDir);
  const keptAside = join(dataDir, KEPT_ASIDE_FOLDER, stampOf(options.now));
  mkdirSync(keptAside, { recursive: true });
  const moveAside = (path: string) => {
    if (existsSync(path)) renameSync(path, join(keptAside, path.slice(resolve(path, '..').length + 1)));
  };
  for (const suffix of ['', '-wal', '-shm', '-journal']) moveAside(databaseFile + suffix);
  const backupKey = join(resolve(contents.file, '..'), BACKUP_KEY);
  if (existsSync(backupKey)) moveAside(keyFile);
  else if (existsSync(keyFile)) copyFileSync(keyFile, join(keptAside, 'secret.key')); // the current key stays: the backup brought none
  moveAside(join(dataDir, IDENTITY_FILE));

  const incoming = `${databaseFile}.restoring`;
  copyFileSync(contents.file, incoming);
  renameSync(incoming, databaseFile);
  if (existsSync(backupKey)) writeFileAtomic(keyFile, readFileSync(backupKey), 0o600);
  syncFolder(dataDir);
  const shopId = contents.shopId ?? previous?.shopId ?? null; // a backup from before the file kept its identity
  if (shopId) {
    // The backup's own position, so that it opens as this shop's file; the floor keeps numbering past what was handed out since.
    const ticketFloor = floor !== null && floor > (contents.lastTicketNumber ?? 0) ? floor : null;
    writeIdentity(dataDir, {
      shopId,
      lastTicketNumber: contents.lastTicketNumber,
      tickets: contents.tickets,
      ticketFloor,
      updatedAt: options.now.toISOString(),
    });
  }
  return { contents, keptAside };
}
