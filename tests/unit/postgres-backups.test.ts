// Backups of a shop kept on a PostgreSQL server: pg_dump's custom format,
// verified, shown to the manager, and restorable with pg_restore into a new
// database holding the same tickets; a counter without pg_dump says so. The
// full export reads the server, and gives what a file's export would.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_APPLICATION_NAME, openPostgresExport } from '../../src/main/core/features/data-safety/postgres-export-source';
import { SERVER_DUMP } from '../../src/main/core/features/data-safety/server-backup';
import type { PostgresConnection } from '../../src/main/core/storage/engine';
import { csvRecords } from '../support/csv';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { entryOf, firstItem } from '../support/lists';

const START = '2026-11-23T06:30:00Z';

describe.skipIf(!postgresAvailable())('backups of a shop on PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('dumps the server with pg_dump, verifies it, lists it as restored on the server, and pg_restore brings the tickets back', async () => {
    const desk = await openTestDesk({ clock: fixedClock(START), postgres: await server.createDatabase() });
    try {
      await desk.call('intake.checkIn', sampleIntake());
      const second = await desk.call('intake.checkIn', sampleIntake({ device: { serial: 'SN-2', depositMinor: 0 } }));
      const lastNumber = firstItem(second.tickets).number;
      const status = await desk.call('backups.run', { session: desk.sessionFor('manager') });

      expect(status.warnings).toEqual([]);
      expect(status.lastAttempt).toMatchObject({ ok: true, reason: 'manual' });
      expect(status.lastGood).toMatchObject({ tickets: 2, lastTicketNumber: lastNumber, restorable: false });
      const dump = status.lastGood?.file ?? '';
      expect(dump.endsWith(SERVER_DUMP)).toBe(true);
      expect(existsSync(dump)).toBe(true);

      // The round trip: the dump restored into an empty database holds the same tickets.
      const restored = await server.createDatabase();
      execFileSync('pg_restore', ['--no-owner', `--dbname=${restored.database}`, dump], {
        env: { ...process.env, PGHOST: restored.host, PGPORT: String(restored.port), PGUSER: restored.user, PGPASSWORD: restored.password },
      });
      const client = new pg.Client({ host: restored.host, port: restored.port, user: restored.user, database: restored.database });
      await client.connect();
      try {
        const rows = await client.query<{ number: string }>('SELECT number FROM ticket ORDER BY number');
        expect(rows.rows.map((r) => Number(r.number))).toEqual([lastNumber - 1, lastNumber]);
      } finally {
        await client.end();
      }

      // A dump is not a shop file: the desk does not offer it for restore, and refuses it if asked.
      const refused = await desk.fail('backups.inspect', { session: desk.sessionFor('manager'), path: dump });
      expect(refused.code).toBe('validation');
    } finally {
      await desk.dispose();
    }
  });

  it('says a counter without pg_dump took no backup', async () => {
    const desk = await openTestDesk({ clock: fixedClock(START), postgres: await server.createDatabase() });
    const emptyPath = mkdtempSync(join(tmpdir(), 'repair-desk-no-tools-'));
    const path = process.env.PATH;
    try {
      await desk.call('intake.checkIn', sampleIntake());
      process.env.PATH = emptyPath;
      const status = await desk.call('backups.run', { session: desk.sessionFor('manager') });
      process.env.PATH = path;
      expect(status.warnings).toContain('dump_tool_missing');
      expect(status.warnings).not.toContain('last_failed');
      expect(status.lastGood).toBeNull();
      expect(status.lastAttempt).toMatchObject({ ok: false });
    } finally {
      process.env.PATH = path;
      rmSync(emptyPath, { recursive: true, force: true });
      await desk.dispose();
    }
  });

  it('fails an export whose server connection is lost between two statements, and the desk goes on', async () => {
    const connection = await server.createDatabase();
    const desk = await openTestDesk({ clock: fixedClock(START), postgres: connection });
    try {
      await desk.call('intake.checkIn', sampleIntake());
      const source = await openPostgresExport(connection);
      // The export's connection is idle in its snapshot; the server ends it (a restart, a DBA, a dropped network).
      await asAdmin(connection, async (admin) => {
        const ended = await admin.query(`SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1 AND datname = $2`, [
          EXPORT_APPLICATION_NAME,
          connection.database,
        ]);
        expect(ended.rows).toEqual([{ ended: true }]);
        await waitFor(async () => (await exportBackends(admin, connection.database)) === 0);
      });
      await new Promise((done) => setTimeout(done, 100)); // the client reads the server's goodbye while idle
      await expect(source.count('ticket')).rejects.toThrow(/terminat/i);
      await source.close();
      // The desk's own connections are untouched.
      expect(await desk.call('tickets.search', { query: '138 0013 8000' })).toHaveLength(1);
    } finally {
      await desk.dispose();
    }
  });

  it('stops a running export when the desk closes, and leaves no ZIP behind', async () => {
    const connection = await server.createDatabase();
    const desk = await openTestDesk({ clock: fixedClock(START), postgres: connection });
    let closed = false;
    try {
      await desk.call('intake.checkIn', sampleIntake());
      await asAdmin(connection, async (admin) => {
        await admin.query(`SELECT 1`); // connected before the lock, so the lock is the only thing the export waits on
        const locker = new pg.Client({ ...connection, ssl: false });
        await locker.connect();
        try {
          // Another session holds the ticket table, so the export is still running when the desk closes.
          await locker.query('BEGIN');
          await locker.query('LOCK TABLE ticket IN ACCESS EXCLUSIVE MODE');
          const started = await desk.call('dataExport.start', { session: desk.sessionFor('manager') });
          expect(started.state).toBe('running');
          await waitFor(async () => {
            const waiting = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`, [
              EXPORT_APPLICATION_NAME,
            ]);
            return waiting.rows.length === 1;
          });
          const closing = desk.close();
          await locker.query('COMMIT');
          await closing;
          closed = true;
        } finally {
          await locker.end();
        }
        expect(await exportBackends(admin, connection.database)).toBe(0);
      });
      const exportsFolder = join(desk.dir, 'repair-desk-exports');
      expect(existsSync(exportsFolder) ? readdirSync(exportsFolder) : []).toEqual([]);
    } finally {
      if (!closed) await desk.close();
      rmSync(desk.dir, { recursive: true, force: true });
    }
  });

  it("exports what the server holds, the same ZIP as a file's export of the same shop", async () => {
    // The same counter work on a file and on a server, then each exported.
    const work = async (desk: TestDesk) => {
      await desk.call('intake.checkIn', sampleIntake({ customer: { name: '王小明, "Wang"' }, device: { passcode: { kind: 'pin', value: '9876' } } }));
      await desk.call('intake.checkIn', sampleIntake({ customer: { name: 'Li Na' }, device: { serial: 'SN-2', depositMinor: 5000 } }));
      return exportOf(desk);
    };
    const onFile = await openTestDesk({ clock: fixedClock(START) });
    const onServer = await openTestDesk({ clock: fixedClock(START), postgres: await server.createDatabase() });
    try {
      const fileExport = await work(onFile);
      const serverExport = await work(onServer);
      expect(Object.keys(serverExport.files).sort()).toEqual(Object.keys(fileExport.files).sort());
      expect(serverExport.manifest.tables).toEqual(fileExport.manifest.tables);
      expect(serverExport.manifest.tables.ticket?.rows).toBe(2);
      // Rows that hold no shop id, hash or set-up time compare cell for cell (a check-in's batch id is random on each).
      const withoutBatch = (rows: Record<string, string>[]) => rows.map(({ intake_batch: _batch, ...rest }) => rest);
      for (const table of ['customer', 'device', 'ticket', 'payment', 'figures_day_intake']) {
        const rows = csvRecords(strFromU8(entryOf(serverExport.files, `${table}.csv`)));
        expect(withoutBatch(rows), table).toEqual(withoutBatch(csvRecords(strFromU8(entryOf(fileExport.files, `${table}.csv`)))));
      }
      const customers = csvRecords(strFromU8(entryOf(serverExport.files, 'customer.csv')));
      expect(customers.map((c) => c.name)).toEqual(['王小明, "Wang"', 'Li Na']);
      expect(Object.keys(customers[0] ?? {})).not.toContain('phone_digits_reversed');
      // No secret leaves the server either.
      const staff = strFromU8(entryOf(serverExport.files, 'staff.csv'));
      expect(staff.split('\r\n')[0]).not.toMatch(/pin/);
      expect(staff).not.toContain('scrypt');
      expect(strFromU8(entryOf(serverExport.files, 'ticket.csv')).split('\r\n')[0]).not.toContain('passcode_sealed');
      expect([...entryOf(serverExport.files, 'ticket.csv').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    } finally {
      await onFile.dispose();
      await onServer.dispose();
    }
  });
});

/** Runs work as the test server's superuser. */
async function asAdmin<T>(connection: PostgresConnection, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ ...connection, database: 'postgres', ssl: false });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** How many of the export's connections the server holds for this database. */
async function exportBackends(admin: pg.Client, database: string): Promise<number> {
  const found = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND datname = $2`, [EXPORT_APPLICATION_NAME, database]);
  return found.rows.length;
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await condition()) return;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('waited 5 s for a condition that never held');
}

/** Runs the manager's full export to its end and reads the ZIP. */
async function exportOf(desk: TestDesk): Promise<{ files: Record<string, Uint8Array>; manifest: { tables: Record<string, { rows: number }> } }> {
  const session = desk.sessionFor('manager');
  let progress = await desk.call('dataExport.start', { session });
  while (progress.state === 'running') {
    await new Promise((done) => setTimeout(done, 20));
    progress = await desk.call('dataExport.progress', { session, jobId: progress.jobId });
  }
  expect(progress.state, progress.error ?? '').toBe('done');
  const files = unzipSync(readFileSync(progress.path ?? ''));
  return { files, manifest: JSON.parse(strFromU8(entryOf(files, 'manifest.json'))) };
}
