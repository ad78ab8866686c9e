// A note left beside the shop's file when the desk closed it cleanly after
// seeing it whole (the close backup, a copy of the file as it was closed,
// passed its integrity_check): the file's inode, size and change times at that
// moment. The next start that finds the file exactly so, with no write-ahead
// log beside it, may skip its quick_check (15 s on a million tickets): nothing
// has written to the file since it was known good. A crash, a power cut, a
// restore or any other writer leaves no note or a file that differs from it,
// and the start checks as before. The note is used once: a start removes it
// before the file is opened. The full integrity check still runs in the
// background at every start.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-file';
import type { DeskFiles } from './startup';

export const CLEAN_CLOSE_FILE = 'desk-closed-clean.json';

interface FileStamp {
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

function stampOf(file: string): FileStamp | null {
  try {
    const stat = statSync(file, { bigint: true });
    return { ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
  } catch {
    return null;
  }
}

/** Whether SQLite left a write-ahead log with content beside the file (another connection open, or a crash). */
function walInUse(databaseFile: string): boolean {
  try {
    return statSync(`${databaseFile}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** Notes that the desk has just closed a file it knew to be whole; does nothing while another connection keeps a log. */
export function noteCleanClose(files: DeskFiles, closedAt: Date): boolean {
  if (walInUse(files.databaseFile)) return false;
  const stamp = stampOf(files.databaseFile);
  if (!stamp) return false;
  writeFileAtomic(join(files.dataDir, CLEAN_CLOSE_FILE), JSON.stringify({ ...stamp, closedAt: closedAt.toISOString() }, null, 2), 0o644);
  return true;
}

/**
 * Takes the note left by the last clean close (removing it) and says whether the
 * file is still exactly as it was then. Any doubt answers false.
 */
export function takeCleanClose(files: DeskFiles): boolean {
  const noteFile = join(files.dataDir, CLEAN_CLOSE_FILE);
  if (!existsSync(noteFile)) return false;
  let note: Partial<FileStamp> | null = null;
  try {
    note = JSON.parse(readFileSync(noteFile, 'utf8')) as Partial<FileStamp>;
  } catch {
    note = null;
  }
  // Removed before the answer: if it cannot be removed, the next start must not trust it either.
  try {
    rmSync(noteFile, { force: true });
  } catch {
    return false;
  }
  if (!note || walInUse(files.databaseFile)) return false;
  const now = stampOf(files.databaseFile);
  return now !== null && now.ino === note.ino && now.size === note.size && now.mtimeNs === note.mtimeNs && now.ctimeNs === note.ctimeNs;
}
