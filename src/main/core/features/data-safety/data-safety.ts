// The desk's data safety while it runs: automatic backups (at start, every few
// hours, at close; one at a time), their history and status for the manager,
// the background integrity check, restore, and the full export.
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupAttemptView, BackupStatus, BackupView, BackupWarning, ExportProgress } from '../../../../shared/data-safety-contract';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { Clock } from '../../context';
import type { Database } from '../../storage/database';
import type { PostgresConnection } from '../../storage/engine';
import { listBackups, pruneBackups, takeBackup, type BackupAttempt, type BackupReason, type StoredBackup } from './backup';
import { readBackupSettings, writeBackupSettings, type BackupSettings } from './backup-settings';
import { exportDatabase, exportServerDatabase, type ExportProgressReport } from './export';
import { advanceIdentity, readIdentity, writeIdentity } from './identity';
import { stoppableIntegrityCheck, type StoppableCheck } from './integrity-worker';
import { DUMP_TOOL_MISSING, isServerDump, listServerBackups, pruneServerBackups, takeServerBackup } from './server-backup';
import { noteCleanClose } from './clean-close';
import type { DeskFiles, StartCheck, StartupProblem } from './startup';
import { insertBackupRun, selectLatestBackupRun } from './queries/backup-runs';
import { selectTicketTotals } from './queries/tickets';

const HOUR_MS = 60 * 60 * 1000;
/** Why a running export failed when the desk closed, restored a backup or moved to a server under it. */
export const EXPORT_STOPPED = 'it was stopped because the desk closed or replaced its data before the export finished; start it again';
export const STALE_AFTER_MS = 24 * HOUR_MS;

export interface DataSafetyOptions {
  files: DeskFiles;
  clock: Clock;
  logError: (what: string, error: unknown) => void;
  /** The desk's database as it is now (a restore replaces it). */
  database: () => Database | null;
}

export class DataSafety {
  /** Set while the desk is in recovery: its data missing or damaged. */
  problem: StartupProblem | null = null;
  /** The shop's PostgreSQL server while it keeps the data (backups are then pg_dump's); null on the SQLite file. */
  server: PostgresConnection | null = null;
  /** The background integrity_check since start: null while it runs or before. */
  integrity: string | null = null;
  /** How this start made sure the file was whole (null on a server, or before the file opened). */
  startCheck: StartCheck | null = null;
  private lastAttempt: BackupAttempt | null = null;
  private running: Promise<BackupAttempt> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Whether a check-in noted the identity without flushing it since. */
  private identityUnflushed = false;
  /** Ticket numbers checked in since the identity was last written, waiting for the check-in's answer to go out. */
  private notedTickets: { highest: number; count: number } | null = null;
  private noteWaiting: NodeJS.Immediate | null = null;
  /** The full integrity check started with the desk, while it runs. */
  private checking: StoppableCheck | null = null;
  private readonly exports = new Map<string, ExportProgress>();
  /** Exports still running: stopped and waited for before the desk closes or its file is replaced. */
  private readonly runningExports = new Map<string, { stop: AbortController; finished: Promise<void> }>();

  constructor(private readonly options: DataSafetyOptions) {}

  get files(): DeskFiles {
    return this.options.files;
  }

  settings(): BackupSettings {
    return readBackupSettings(this.files.dataDir);
  }

  configure(settings: BackupSettings): void {
    writeBackupSettings(this.files.dataDir, settings);
    this.schedule();
  }

  /** The manager's folder when it can be written to, else the data folder; and whether the chosen one is missing. */
  destination(): { folder: string; missing: boolean } {
    const chosen = this.settings().folder;
    if (chosen === null) return { folder: this.files.dataDir, missing: false };
    try {
      if (!statSync(chosen).isDirectory()) throw new Error('not a folder');
      accessSync(chosen, constants.W_OK);
      return { folder: chosen, missing: false };
    } catch {
      return { folder: this.files.dataDir, missing: true };
    }
  }

  /** Verified backups in the chosen folder and the data folder, newest first. */
  backups(): StoredBackup[] {
    const folders = new Set([this.files.dataDir]);
    const chosen = this.settings().folder;
    if (chosen !== null && existsSync(chosen)) folders.add(chosen);
    const list = this.server ? listServerBackups : listBackups;
    return [...folders].flatMap((folder) => list(folder)).sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /** Takes a backup now (waiting for one already running first), records it and prunes old ones. */
  async backup(reason: BackupReason): Promise<BackupAttempt> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.runBackup(reason);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async runBackup(reason: BackupReason): Promise<BackupAttempt> {
    const { folder } = this.destination();
    const { server } = this;
    const now = this.options.clock.now();
    const attempt = server
      ? await takeServerBackup({ connection: server, keyFile: this.files.keyFile, folder, reason, now, facts: () => this.ticketFacts() })
      : await takeBackup({ databaseFile: this.files.databaseFile, keyFile: this.files.keyFile, folder, reason, now });
    await this.record(attempt);
    if (attempt.ok) {
      try {
        if (server) pruneServerBackups(folder);
        else pruneBackups(folder);
      } catch (error) {
        this.options.logError('backups.prune', error);
      }
    } else {
      this.options.logError(`backup (${reason})`, new Error(attempt.detail));
    }
    return attempt;
  }

  /** Tickets held and the last number, shown with a server backup. */
  private async ticketFacts(): Promise<{ tickets: number; lastTicketNumber: number | null }> {
    const db = this.options.database();
    if (!db) return { tickets: 0, lastTicketNumber: null };
    const { tickets, last } = await db.read((tx) => selectTicketTotals(tx));
    return { tickets, lastTicketNumber: last };
  }

  /** Writes an attempt into the backup history (append-only). */
  async record(attempt: BackupAttempt): Promise<void> {
    this.lastAttempt = attempt;
    const db = this.options.database();
    if (!db) return;
    try {
      await db.write((tx) =>
        insertBackupRun(tx, {
          startedAt: attempt.startedAt,
          finishedAt: attempt.finishedAt,
          reason: attempt.reason,
          ok: attempt.ok ? 1 : 0,
          folder: attempt.folder,
          sizeBytes: attempt.sizeBytes,
          tickets: attempt.tickets,
          lastTicketNumber: attempt.lastTicketNumber,
          durationMs: attempt.durationMs,
          detail: attempt.detail.slice(0, 2000),
        }),
      );
    } catch (error) {
      this.options.logError('backups.record', error);
    }
  }

  /** The newest attempt: in memory since start, else the history's. */
  private async latestAttempt(): Promise<BackupAttemptView | null> {
    if (this.lastAttempt) {
      const { ok, reason, startedAt, detail } = this.lastAttempt;
      return { ok, reason, startedAt, detail };
    }
    const db = this.options.database();
    if (!db) return null;
    const latest = await db.read((tx) => selectLatestBackupRun(tx));
    return latest ? { ok: latest.ok === 1, reason: latest.reason, startedAt: latest.started_at, detail: latest.detail } : null;
  }

  async status(ticketPrefix: string): Promise<BackupStatus> {
    const settings = this.settings();
    const destination = this.destination();
    const backups = this.backups().map((b) => backupView(b, ticketPrefix));
    const lastGood = backups[0] ?? null;
    const lastAttempt = await this.latestAttempt();
    const warnings: BackupWarning[] = [];
    if (!lastGood) warnings.push('never');
    else if (this.options.clock.now().getTime() - Date.parse(lastGood.takenAt) > STALE_AFTER_MS) warnings.push('stale');
    if (destination.missing) warnings.push('destination_missing');
    if (lastAttempt && !lastAttempt.ok) warnings.push(lastAttempt.detail === DUMP_TOOL_MISSING ? 'dump_tool_missing' : 'last_failed');
    return {
      folder: settings.folder,
      effectiveFolder: destination.folder,
      intervalHours: settings.intervalHours,
      lastGood,
      lastAttempt,
      warnings,
      backups,
      integrity: this.integrity,
    };
  }

  /** Starts the background work of an open desk: the full integrity check, the start backup and the schedule. */
  start(options: { backupNow: boolean }): void {
    this.integrity = null;
    // A server checks its own pages; only the counter's own file is checked here.
    if (!this.server) this.startIntegrityCheck();
    if (options.backupNow) void this.backup('start');
    this.schedule();
  }

  private startIntegrityCheck(): void {
    const check = stoppableIntegrityCheck(this.files.databaseFile);
    this.checking = check;
    void check.result.then(
      (result) => {
        if (this.checking === check) this.checking = null;
        // A check stopped by a close or a restore found nothing either way: it stays "not checked".
        if (result === null) return;
        this.integrity = result;
        if (result !== 'ok') this.options.logError('integrity_check', new Error(result));
      },
      (error: unknown) => this.options.logError('integrity_check', error),
    );
  }

  private schedule(): void {
    this.stopSchedule();
    if (this.problem) return;
    this.timer = setInterval(() => void this.backup('interval'), this.settings().intervalHours * HOUR_MS);
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops the integrity check started with the desk and lets the running backup finish; nothing new starts. */
  async settle(): Promise<void> {
    this.stopSchedule();
    // The check is read-only and only informs the screen: a close or a restore need not wait minutes for it.
    await this.checking?.stop();
    this.checking = null;
    while (this.running) await this.running.catch(() => undefined);
    await this.stopExports();
    this.flushIdentity();
  }

  /**
   * After the desk has closed its file: notes a clean close when the close backup (a copy of the file as
   * it was closed, integrity_check run on it) passed, so the next start may skip its quick_check. The check
   * at start does not count: the file could have been damaged after it.
   */
  noteClosed(closeBackup: BackupAttempt | null): void {
    if (this.server || this.problem || !closeBackup?.ok) return;
    try {
      noteCleanClose(this.files, this.options.clock.now());
    } catch (error) {
      this.options.logError('clean close', error); // the next start checks the file as after a crash
    }
  }

  /** Stops every running export between two batches and waits until each has let go of its snapshot. */
  private async stopExports(): Promise<void> {
    const running = [...this.runningExports.values()];
    for (const run of running) run.stop.abort(new Error(EXPORT_STOPPED));
    await Promise.all(running.map((run) => run.finished));
  }

  /** Writes the identity noted since the last flush durably (at close, and before the file is replaced). */
  private flushIdentity(): void {
    this.writeNotedTickets();
    if (!this.identityUnflushed) return;
    const identity = readIdentity(this.files.dataDir);
    try {
      if (identity) writeIdentity(this.files.dataDir, identity);
      this.identityUnflushed = false;
    } catch (error) {
      this.options.logError('identity', error);
    }
  }

  /**
   * Remembers the newest ticket numbers beside the file after a check-in: written
   * once the check-in has answered (the clerk does not wait for a note only the
   * next start reads), one write for check-ins that come together. A crash
   * before it leaves the note behind, never ahead, as a lagging note allows.
   */
  noteTickets(numbers: number[]): void {
    if (numbers.length === 0) return;
    const noted = this.notedTickets ?? { highest: 0, count: 0 };
    this.notedTickets = { highest: Math.max(noted.highest, ...numbers), count: noted.count + numbers.length };
    this.noteWaiting ??= setImmediate(() => this.writeNotedTickets());
  }

  private writeNotedTickets(): void {
    if (this.noteWaiting) clearImmediate(this.noteWaiting);
    this.noteWaiting = null;
    const noted = this.notedTickets;
    this.notedTickets = null;
    if (!noted) return;
    const identity = readIdentity(this.files.dataDir);
    if (!identity) return;
    try {
      advanceIdentity(
        this.files.dataDir,
        { shopId: identity.shopId, lastTicketNumber: noted.highest, tickets: identity.tickets + noted.count },
        this.options.clock.now(),
        // Two flushes per check-in were a sixth of its time; the database's commit is flushed already.
        { flush: false },
      );
      this.identityUnflushed = true;
    } catch (error) {
      this.options.logError('identity', error);
    }
  }

  // ---- full export ----

  startExport(shopName: string): ExportProgress {
    const jobId = randomBytes(9).toString('base64url');
    const now = this.options.clock.now();
    const path = join(this.destination().folder, 'repair-desk-exports', `repair-desk-export-${now.toISOString().replace(/[:.]/g, '-')}.zip`);
    const progress: ExportProgress = { jobId, state: 'running', table: '', rowsDone: 0, rowsTotal: 0, path: null, error: null };
    this.exports.set(jobId, progress);
    const onProgress = (report: ExportProgressReport) => Object.assign(progress, report);
    const stop = new AbortController();
    const options = { path, now, shopName, onProgress, signal: stop.signal };
    // A shop on a server exports what the server holds, not this counter's old file.
    const exported = this.server
      ? exportServerDatabase({ ...options, connection: this.server })
      : exportDatabase({ ...options, databaseFile: this.files.databaseFile });
    const finished = exported.then(
      (result) => {
        Object.assign(progress, { state: 'done', path: result.path, rowsDone: result.rows, rowsTotal: result.rows });
      },
      (error: unknown) => {
        this.options.logError('export', error);
        Object.assign(progress, { state: 'failed', error: error instanceof Error ? error.message : String(error) });
      },
    );
    this.runningExports.set(jobId, { stop, finished });
    void finished.then(() => this.runningExports.delete(jobId));
    return { ...progress };
  }

  exportProgress(jobId: string): ExportProgress | null {
    const progress = this.exports.get(jobId);
    return progress ? { ...progress } : null;
  }
}

export function backupView(backup: StoredBackup, ticketPrefix: string): BackupView {
  return {
    file: backup.file,
    takenAt: backup.takenAt,
    reason: backup.reason,
    tickets: backup.tickets,
    lastTicketNumber: backup.lastTicketNumber,
    displayLastTicket: backup.lastTicketNumber === null ? null : displayTicketNumber(backup.lastTicketNumber, ticketPrefix),
    sizeBytes: backup.sizeBytes,
    durationMs: backup.durationMs,
    restorable: !isServerDump(backup.file),
  };
}
