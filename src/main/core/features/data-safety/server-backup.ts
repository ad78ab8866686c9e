// Backups of a shop kept on a PostgreSQL server: pg_dump's custom format, the
// server's own consistent snapshot while the counters keep working. Each dump
// is verified by reading its table of contents back with pg_restore (the ticket
// rows must be in it) before its manifest is written, as a file backup is.
// Counters without pg_dump (Debian's postgresql-client) take none and say so.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-file';
import type { PostgresConnection } from '../../storage/engine';
import { BACKUP_KEY, BACKUP_MANIFEST, type BackupAttempt, type BackupManifest, type BackupReason, type StoredBackup } from './backup';
import { backupsToKeep } from './retention';
import { claimBackupFolder } from './backup-folder';

export const SERVER_BACKUPS_FOLDER = 'repair-desk-server-backups';
export const SERVER_DUMP = 'repair-desk.pgdump';
/** The detail of an attempt on a counter without pg_dump: the status names it as its own warning. */
export const DUMP_TOOL_MISSING = 'pg_dump is not installed on this counter';
const DUMP_TIMEOUT_MS = 60 * 60 * 1000;

export interface ServerBackupOptions {
  connection: PostgresConnection;
  /** The counter's key file, copied with the dump when present (sealed passcodes need it). */
  keyFile: string;
  folder: string;
  reason: BackupReason;
  now: Date;
  /** What the shop holds as the dump starts: shown with the backup. */
  facts: () => Promise<{ tickets: number; lastTicketNumber: number | null }>;
}

export function serverBackupsRoot(folder: string): string {
  return join(resolve(folder), SERVER_BACKUPS_FOLDER);
}

/** The libpq settings of a connection, so neither the password nor the host lands on a command line. */
function clientEnvironment(connection: PostgresConnection): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PGHOST: connection.host,
    PGPORT: String(connection.port),
    PGDATABASE: connection.database,
    PGUSER: connection.user,
    PGPASSWORD: connection.password,
    PGSSLMODE: connection.tls ? 'require' : 'disable',
    PGCONNECT_TIMEOUT: '10',
  };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    execFile(program, args, { env, timeout: DUMP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return done(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      fail(new Error(missing ? DUMP_TOOL_MISSING : `${program}: ${stderr.trim() || error.message}`));
    });
  });
}

/** Dumps, verifies and stores one backup of the server's shop. Never throws: a failure is an attempt with ok=false and leaves no folder. */
export async function takeServerBackup(options: ServerBackupOptions): Promise<BackupAttempt> {
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
  const env = clientEnvironment(options.connection);
  try {
    folder = claimBackupFolder(serverBackupsRoot(options.folder), options.now, options.reason);
    const partial = join(folder, `${SERVER_DUMP}.partial`);
    const facts = await options.facts();
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], env);
    const contents = await run('pg_restore', ['--list', partial], env);
    if (!/TABLE DATA public ticket /.test(contents)) {
      rmSync(folder, { recursive: true, force: true });
      return attempt({ detail: 'the dump holds no ticket rows' });
    }
    const file = join(folder, SERVER_DUMP);
    renameSync(partial, file);
    const withKey = existsSync(options.keyFile);
    if (withKey) copyFileSync(options.keyFile, join(folder, BACKUP_KEY));
    const sizeBytes = statSync(file).size;
    const manifest: BackupManifest = {
      format: 'repair-desk-server-backup/1',
      takenAt: startedAt,
      reason: options.reason,
      shopId: null,
      tickets: facts.tickets,
      lastTicketNumber: facts.lastTicketNumber,
      rowCounts: {},
      sizeBytes,
      durationMs: Date.now() - started,
      integrity: 'ok',
      withKey,
    };
    writeFileAtomic(join(folder, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2), 0o600);
    const backup: StoredBackup = { ...manifest, folder, file };
    return attempt({ ok: true, sizeBytes, tickets: facts.tickets, lastTicketNumber: facts.lastTicketNumber, detail: 'verified', backup });
  } catch (error) {
    if (folder !== '') rmSync(folder, { recursive: true, force: true });
    return attempt({ detail: error instanceof Error ? error.message : String(error) });
  }
}

/** Verified server backups in a destination folder, newest first. */
export function listServerBackups(folder: string): StoredBackup[] {
  const root = serverBackupsRoot(folder);
  if (!existsSync(root)) return [];
  const found: StoredBackup[] = [];
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    const file = join(dir, SERVER_DUMP);
    try {
      const manifest = JSON.parse(readFileSync(join(dir, BACKUP_MANIFEST), 'utf8')) as BackupManifest;
      if (manifest.format === 'repair-desk-server-backup/1' && manifest.integrity === 'ok' && existsSync(file)) {
        found.push({ ...manifest, folder: dir, file });
      }
    } catch {
      // not a finished backup
    }
  }
  return found.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Deletes the server backups retention does not keep (the same 7 daily, 4 weekly, 12 monthly as file backups). */
export function pruneServerBackups(folder: string): void {
  const verified = listServerBackups(folder);
  const keep = backupsToKeep(verified.map((b) => ({ id: b.folder, takenAt: new Date(b.takenAt) })));
  for (const backup of verified) if (!keep.has(backup.folder)) rmSync(backup.folder, { recursive: true, force: true });
}

/** Whether a backup's file is a server dump (restored on the server with pg_restore, not by the desk). */
export function isServerDump(file: string): boolean {
  return file.endsWith(SERVER_DUMP);
}
