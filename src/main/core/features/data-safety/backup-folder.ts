// A backup's folder is named by its time and reason. Two counters (or a
// counter and its close) can take a backup in the same millisecond: each
// claims its folder with an exclusive mkdir, so neither writes into, or
// removes, the other's copy.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 20261123T023000000Z: sorts as time does, and is safe in any file system's names. */
export function backupStamp(d: Date): string {
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}Z`;
}

/** Creates and returns a folder under root that no other backup uses: <stamp>-<reason>, then -2, -3… when taken. */
export function claimBackupFolder(root: string, now: Date, reason: string): string {
  mkdirSync(root, { recursive: true });
  const base = `${backupStamp(now)}-${reason}`;
  for (let n = 1; ; n++) {
    const folder = join(root, n === 1 ? base : `${base}-${n}`);
    try {
      mkdirSync(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
