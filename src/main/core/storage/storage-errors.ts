// SQLite's failures that the clerk can do something about, each under its own
// error code: the database was busy (another counter held it past the busy
// timeout), the disk is full, the file or folder is read-only, the file is
// damaged. Everything else stays "internal".
import type { ErrorCode } from '../../../shared/errors';

export type StorageErrorCode = Extract<ErrorCode, 'busy' | 'disk_full' | 'read_only' | 'corrupt'>;

const BY_SQLITE_CODE: [RegExp, StorageErrorCode][] = [
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_FULL/, 'disk_full'],
  [/^SQLITE_IOERR_(WRITE|FSYNC|SHMSIZE|TRUNCATE)/, 'disk_full'],
  [/^SQLITE_(READONLY|PERM|CANTOPEN)/, 'read_only'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
];

const BY_NODE_CODE: Record<string, StorageErrorCode> = {
  ENOSPC: 'disk_full',
  EDQUOT: 'disk_full',
  EROFS: 'read_only',
  EACCES: 'read_only',
  EPERM: 'read_only',
};

/** The driver's error code behind an error, unwrapping TypeORM's QueryFailedError. */
function driverCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && code.length > 0) return code;
    current = (current as { driverError?: unknown; cause?: unknown }).driverError ?? (current as { cause?: unknown }).cause;
  }
  return null;
}

export function storageErrorCode(error: unknown): StorageErrorCode | null {
  const code = driverCode(error);
  if (code === null) return null;
  if (Object.hasOwn(BY_NODE_CODE, code)) return BY_NODE_CODE[code] ?? null;
  return BY_SQLITE_CODE.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}
