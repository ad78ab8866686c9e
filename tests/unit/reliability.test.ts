// The reliability suite. `npm test` runs a few trials; `npm run reliability`
// runs many (RELIABILITY_TRIALS, RELIABILITY_FUZZ_RUNS).
// - Crash: a process checking in is SIGKILLed at a random moment (during its
//   first start, during an upgrade's migration, or mid-work); afterwards every
//   acknowledged ticket is stored, numbers are unique and the file is sound.
// - A backup taken while another process writes, restored and compared.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { listBackups, takeBackup, BACKUP_KEY } from '../../src/main/core/features/data-safety/backup';
import { fileFacts, integrityCheck, openRaw } from '../../src/main/core/features/data-safety/data-file';
import { restoreBackup } from '../../src/main/core/features/data-safety/restore';
import { ALL_ENTITIES } from '../../src/main/core/storage/entities';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { openTestDesk, sampleIntake } from '../support/desk';

const TRIALS = Number(process.env.RELIABILITY_TRIALS ?? 3);
const UPGRADE_TRIALS = Math.max(1, Math.ceil(TRIALS / 3));
// Node itself runs the worker (tsx as a loader), so SIGKILL reaches the process that writes: the tsx
// command would run it in a child of its own and leave that child running.
const WORKER_ARGS = ['--import', 'tsx'];
const worker = join(process.cwd(), 'tests/support/crash-worker.ts');

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const randomMs = (max: number) => Math.floor(Math.random() * max);

/** Spawn to READY of the worker on a fresh folder, once: how long a start takes on this machine right now. */
async function measureStart(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...WORKER_ARGS, worker, tempDir()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = await new Promise<boolean>((done) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY\n')) done(true);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => done(false));
  });
  const startMs = performance.now() - started;
  child.kill('SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await new Promise((done) => child.once('exit', done));
  if (!ready) throw new Error(`the crash worker did not start: ${output}`);
  return startMs;
}

/**
 * How long one trial (a start, a kill, the desk reopened and checked) may take:
 * scaled from the measured start, so a busy machine gets room and a hung trial
 * still stops with a clear message instead of the whole run's timeout.
 */
const trialLimitMs = (startMs: number) => Math.max(60_000, 12 * startMs);

/**
 * Runs the worker on the folder and kills it (SIGKILL) `afterMs` after it started, or after it is ready when
 * `afterReady`; a worker that is still not ready after `limitMs` is killed too, and the run says so.
 */
function killAtRandom(
  dataDir: string,
  afterMs: number,
  afterReady: boolean,
  limitMs = 600_000,
): Promise<{ acked: number[]; output: string; overLimit: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...WORKER_ARGS, worker, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let overLimit = false;
    const watchdog = setTimeout(() => {
      overLimit = true;
      child.kill('SIGKILL');
    }, limitMs);
    let timer: NodeJS.Timeout | null = afterReady ? null : setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (afterReady && timer === null && output.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => {
      if (timer) clearTimeout(timer);
      clearTimeout(watchdog);
      // Only whole lines were acknowledged: a line cut by the kill was never seen.
      const acked = [...output.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1]));
      done({ acked, output, overLimit });
    });
  });
}

async function checkAfterCrash(dataDir: string, acked: number[]): Promise<void> {
  const desk = await openTestDesk({ dir: dataDir });
  try {
    expect((await desk.call('recovery.status', {})).problem).toBeNull();
    const rows: { number: number }[] = await desk.context.db.dataSource.query('SELECT number FROM ticket');
    const stored = new Set(rows.map((r) => r.number));
    expect(stored.size).toBe(rows.length);
    const lost = acked.filter((n) => !stored.has(n));
    expect(lost, 'acknowledged tickets lost').toEqual([]);
  } finally {
    await desk.close();
  }
  const raw = openRaw(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    expect(integrityCheck(raw)).toBe('ok');
  } finally {
    raw.close();
  }
}

describe('a counter PC killed at a random moment', () => {
  // The run's own limit is generous: each trial's worker has a watchdog of its own, scaled from a measured start.
  it(
    `loses no acknowledged ticket (${TRIALS} trials, the first during the first start)`,
    async () => {
      const startMs = await measureStart();
      const limitMs = trialLimitMs(startMs);
      console.log(`crash trials: a start takes ${(startMs / 1000).toFixed(1)} s here now; each trial may take up to ${(limitMs / 1000).toFixed(0)} s`);
      const dataDir = tempDir();
      const acked: number[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        const trialStarted = performance.now();
        const afterReady = trial % 2 === 1;
        // Kills before READY fall anywhere in a start as long as this machine's (the first start sets the desk up).
        const run = await killAtRandom(dataDir, afterReady ? randomMs(1500) : randomMs(trial === 0 ? startMs : 1.5 * startMs), afterReady, limitMs);
        expect(
          run.overLimit,
          `crash trial ${trial + 1}: the worker was not ready within ${(limitMs / 1000).toFixed(0)} s (12 x a measured start of ${(startMs / 1000).toFixed(1)} s): hung, or the machine is far busier than when measured`,
        ).toBe(false);
        expect(run.output).not.toMatch(/FAILED|REFUSED/);
        acked.push(...run.acked);
        await checkAfterCrash(dataDir, acked);
        const trialMs = performance.now() - trialStarted;
        // What `npm run reliability` reports: every check above passed for this many trials.
        console.log(
          `crash trials: ${trial + 1} of ${TRIALS} passed, ${acked.length} acknowledged tickets, none lost, ${acked.length - new Set(acked).size} duplicate numbers, integrity ok (${(trialMs / 1000).toFixed(1)} s)`,
        );
      }
      expect(new Set(acked).size).toBe(acked.length);
    },
    120_000 + TRIALS * 600_000,
  );

  it(
    'during the upgrade of an older file, keeps every ticket and ends up migrated',
    async () => {
      for (let trial = 0; trial < UPGRADE_TRIALS; trial++) {
        const dataDir = tempDir();
        // A shop file as the previous version left it: every migration but the newest.
        const old = new DataSource({
          type: 'better-sqlite3',
          database: join(dataDir, DATABASE_FILE),
          entities: ALL_ENTITIES,
          migrations: MIGRATIONS.slice(0, -1),
          migrationsRun: true,
          enableWAL: true,
        });
        await old.initialize();
        await old.destroy();
        const run = await killAtRandom(dataDir, randomMs(4000), false);
        await checkAfterCrash(dataDir, run.acked);
        const raw = openRaw(join(dataDir, DATABASE_FILE), { readonly: true });
        try {
          expect(fileFacts(raw).migrations).toEqual(MIGRATIONS.map((m) => new m().name));
        } finally {
          raw.close();
        }
      }
    },
    120_000 + UPGRADE_TRIALS * 300_000,
  );
});

describe('a backup taken while another process writes', () => {
  it('is consistent, and restores to exactly what it holds', async () => {
    const dataDir = tempDir();
    const desk = await openTestDesk({ dir: dataDir });
    for (let i = 0; i < 20; i++) await desk.call('intake.checkIn', sampleIntake());
    await desk.close();
    // Another counter keeps checking in while the backup runs.
    const writer = spawn(process.execPath, [...WORKER_ARGS, worker, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((ready) => writer.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && ready()));
    const backupDir = tempDir();
    const attempt = await takeBackup({
      databaseFile: join(dataDir, DATABASE_FILE),
      keyFile: join(dataDir, BACKUP_KEY),
      folder: backupDir,
      reason: 'manual',
      now: new Date(),
    });
    writer.kill('SIGKILL');
    await new Promise((done) => writer.once('exit', done));
    expect(attempt.ok, attempt.detail).toBe(true);
    expect(attempt.tickets).toBeGreaterThanOrEqual(20);

    const restoredDir = tempDir();
    restoreBackup({
      dataDir: restoredDir,
      databaseFile: join(restoredDir, DATABASE_FILE),
      keyFile: join(restoredDir, BACKUP_KEY),
      backup: attempt.backup!.file,
      now: new Date(),
    });
    const copy = openRaw(attempt.backup!.file, { readonly: true });
    const restored = openRaw(join(restoredDir, DATABASE_FILE), { readonly: true });
    try {
      expect(integrityCheck(restored)).toBe('ok');
      expect(fileFacts(restored).rowCounts).toEqual(fileFacts(copy).rowCounts);
      const dump = (db: typeof copy) => db.prepare('SELECT number, status, fault, estimate_minor FROM ticket ORDER BY number').all();
      expect(dump(restored)).toEqual(dump(copy));
    } finally {
      copy.close();
      restored.close();
    }
  }, 90_000);
});

describe('two backups at the same instant into one folder', () => {
  it('each verify in a folder of their own, as when two counters close in the same millisecond', async () => {
    const dataDir = tempDir();
    const desk = await openTestDesk({ dir: dataDir });
    for (let i = 0; i < 5; i++) await desk.call('intake.checkIn', sampleIntake());
    await desk.close();
    const backupDir = tempDir();
    const now = new Date('2026-11-23T02:30:00Z');
    const take = () => takeBackup({ databaseFile: join(dataDir, DATABASE_FILE), keyFile: join(dataDir, BACKUP_KEY), folder: backupDir, reason: 'close', now });
    const attempts = await Promise.all([take(), take(), take()]);
    for (const attempt of attempts) expect(attempt.ok, attempt.detail).toBe(true);
    expect(new Set(attempts.map((a) => a.folder)).size).toBe(3);
    expect(listBackups(backupDir)).toHaveLength(3);
  }, 60_000);
});
