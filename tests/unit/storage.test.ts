import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { Database } from '../../src/main/core/storage/database';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { POSTGRES_MIGRATIONS } from '../../src/main/core/storage/postgres-migrations';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { onlyItem } from '../support/lists';
import { onSqliteFile } from '../support/sqlite-only';
import { CHECK_REFUSED, FOREIGN_KEY_REFUSED } from '../support/suite-engine';

const run = promisify(execFile);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-storage-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function track(desk: Promise<TestDesk>): Promise<TestDesk> {
  const opened = await desk;
  cleanups.push(() => opened.dispose());
  return opened;
}

describe('the shop database', () => {
  onSqliteFile('is created from empty by the migrations, in WAL mode with a busy timeout and foreign keys', async () => {
    const dir = tempDir();
    const db = await Database.open(join(dir, DATABASE_FILE));
    cleanups.push(() => db.close());
    const pragma = async (name: string) => Object.values((await db.dataSource.query(`PRAGMA ${name}`))[0])[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('foreign_keys')).toBe(1);
    const applied: { name: string }[] = await db.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    const tables: { name: string }[] = await db.dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['customer', 'device', 'setting', 'staff', 'ticket', 'ticket_day_counter', 'ticket_event']),
    );
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
  });

  it('re-opens an existing file without re-running migrations or losing data', async () => {
    const dir = tempDir();
    const first = await openTestDesk({ dir });
    await first.call('intake.checkIn', sampleIntake());
    await first.close();
    const second = await track(openTestDesk({ dir }));
    const rows: { n: number }[] = await second.context.db.dataSource.query('SELECT COUNT(*) AS n FROM ticket');
    expect(onlyItem(rows).n).toBe(1);
    const applied: { n: number }[] = await second.context.db.dataSource.query('SELECT COUNT(*) AS n FROM migrations');
    // Each engine has its own migrations, all applied once.
    expect(onlyItem(applied).n).toBe(second.context.db.engine.name === 'postgres' ? POSTGRES_MIGRATIONS.length : MIGRATIONS.length);
  });

  it('never deletes a ticket or changes its audit trail', async () => {
    const desk = await track(openTestDesk());
    await desk.call('intake.checkIn', sampleIntake());
    const query = (sql: string) => desk.context.db.dataSource.query(sql);
    await expect(query('DELETE FROM ticket')).rejects.toThrow(/never deleted/);
    await expect(query('DELETE FROM ticket_event')).rejects.toThrow(/never deleted/);
    await expect(query(`UPDATE ticket_event SET note = 'edited'`)).rejects.toThrow(/never changed/);
    // Ticket money changes only through the desk's own write path; there, the CHECK still holds.
    await expect(query('UPDATE ticket SET estimate_minor = -1')).rejects.toThrow(/only through the desk/);
    await expect(desk.context.db.write((tx) => tx.query('UPDATE ticket SET estimate_minor = -1'))).rejects.toThrow(CHECK_REFUSED);
    await expect(query(`INSERT INTO device (customer_id, type, brand, model, created_at) VALUES (999, 'phone', 'x', 'y', 'z')`)).rejects.toThrow(
      FOREIGN_KEY_REFUSED,
    );
  });

  it('runs interleaved use cases one at a time, so a failure rolls back only its own work', async () => {
    const desk = await track(openTestDesk({ clock: fixedClock('2026-11-23T02:30:00Z') }));
    const good = sampleIntake();
    const bad = sampleIntake({ technicianId: 999 });
    const session = desk.sessionFor('clerk');
    const results = await Promise.all([good, bad, good, bad, good].map((input) => desk.dispatch('intake.checkIn', { ...input, session })));
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false, true]);
    const numbers: { number: number }[] = await desk.context.db.dataSource.query('SELECT number FROM ticket ORDER BY number');
    expect(numbers.map((r) => r.number % 10_000)).toEqual([1, 2, 3]);
  });
});

describe('ticket numbers under concurrent check-ins on one file', () => {
  // The two other counters are worker processes that open the SQLite file (tests/support/intake-worker.ts).
  onSqliteFile(
    'are unique and gapless when two counter PCs and one window save at the same instant',
    async () => {
      const dir = tempDir();
      const at = '2026-11-23T02:30:00Z';
      // Create the schema first, as the installed app would have.
      const local = await track(openTestDesk({ dir, clock: fixedClock(at) }));
      const perWorker = 25;
      const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
      const worker = join(process.cwd(), 'tests/support/intake-worker.ts');
      const others = [1, 2].map(() => run(tsx, [worker, dir, String(perWorker), at], { timeout: 60_000 }));
      const mine = Promise.all(Array.from({ length: perWorker }, () => local.call('intake.checkIn', sampleIntake())));
      const [otherOutputs, myResults] = await Promise.all([Promise.all(others), mine]);

      const numbers = [...otherOutputs.flatMap(({ stdout }) => JSON.parse(stdout) as number[]), ...myResults.flatMap((r) => r.tickets.map((t) => t.number))];
      expect(numbers).toHaveLength(3 * perWorker);
      expect(new Set(numbers).size).toBe(numbers.length);
      const sequences = numbers.map((n) => n % 10_000).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 3 * perWorker }, (_, i) => i + 1));
      const stored: { n: number }[] = await local.context.db.dataSource.query('SELECT COUNT(DISTINCT number) AS n FROM ticket');
      expect(onlyItem(stored).n).toBe(3 * perWorker);
    },
    90_000,
  );
});
