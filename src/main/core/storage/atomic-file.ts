// Files beside the database that must never be seen half-written (the key, the
// desk's identity, a backup's manifest): written to a temporary file, flushed
// to the disk, then renamed over the old one, so a crash leaves either the old
// file or the new one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `flush: false` skips the two flushes (the file and its folder): the rename
 * still means a stopped process leaves the old file or the new one, and only a
 * power cut can bring back the old one. For a note rewritten at every
 * check-in whose older version is harmless.
 */
export function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600, options: { flush?: boolean } = {}): void {
  const flush = options.flush ?? true;
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', mode);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    if (flush) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  if (flush) syncFolder(dirname(path));
}

/** Makes a rename durable: the folder's entry is flushed too (not possible, nor needed, on Windows). */
export function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
