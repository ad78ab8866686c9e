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
import { takeBackup, BACKUP_KEY } from '../../src/main/core/features/data-safety/backup';
import { fileFacts, integrityCheck, openRaw } from '../../src/main/core/features/data-safety/data-file';
import { restoreBackup } from '../../src/main/core/features/data-safety/restore';
import { ALL_ENTITIES } from '../../src/main/core/storage/entities';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { openTestDesk, sampleIntake } from '../support/desk';

const TRIALS = Number(process.env.RELIABILITY_TRIALS ?? 3);
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

/** Runs the worker on the folder and kills it (SIGKILL) `afterMs` after it started, or after it is ready when `afterReady`. */
function killAtRandom(dataDir: string, afterMs: number, afterReady: boolean): Promise<{ acked: number[]; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...WORKER_ARGS, worker, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timer: NodeJS.Timeout | null = afterReady ? null : setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (afterReady && timer === null && output.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => {
      if (timer) clearTimeout(timer);
      // Only whole lines were acknowledged: a line cut by the kill was never seen.
      const acked = [...output.matchAll(/^ACK (\d+)$/gm)].map((m) => Number(m[1]));
      done({ acked, output });
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
  it(`loses no acknowledged ticket (${TRIALS} trials, the first during the first start)`, async () => {
    const dataDir = tempDir();
    const acked: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const afterReady = trial % 2 === 1;
      const run = await killAtRandom(dataDir, afterReady ? randomMs(1500) : randomMs(trial === 0 ? 2500 : 5000), afterReady);
      expect(run.output).not.toMatch(/FAILED|REFUSED/);
      acked.push(...run.acked);
      await checkAfterCrash(dataDir, acked);
      // What `npm run reliability` reports: every check above passed for this many trials.
      console.log(`crash trials: ${trial + 1} of ${TRIALS} passed, ${acked.length} acknowledged tickets, none lost, ${acked.length - new Set(acked).size} duplicate numbers, integrity ok`);
    }
    expect(new Set(acked).size).toBe(acked.length);
  }, 60_000 + TRIALS * 30_000);

  it('during the upgrade of an older file, keeps every ticket and ends up migrated', async () => {
    for (let trial = 0; trial < Math.max(1, Math.ceil(TRIALS / 3)); trial++) {
      const dataDir = tempDir();
      // A shop file as the previous version left it: every migration but the newest.
      const old = new DataSource({ type: 'better-sqlite3', database: join(dataDir, DATABASE_FILE), entities: ALL_ENTITIES, migrations: MIGRATIONS.slice(0, -1), migrationsRun: true, enableWAL: true });
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
  }, 120_000);
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
    const attempt = await takeBackup({ databaseFile: join(dataDir, DATABASE_FILE), keyFile: join(dataDir, BACKUP_KEY), folder: backupDir, reason: 'manual', now: new Date() });
    writer.kill('SIGKILL');
    await new Promise((done) => writer.once('exit', done));
    expect(attempt.ok, attempt.detail).toBe(true);
    expect(attempt.tickets).toBeGreaterThanOrEqual(20);

    const restoredDir = tempDir();
    restoreBackup({ dataDir: restoredDir, databaseFile: join(restoredDir, DATABASE_FILE), keyFile: join(restoredDir, BACKUP_KEY), backup: attempt.backup!.file, now: new Date() });
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
