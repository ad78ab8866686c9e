// Backups of a shop kept on a PostgreSQL server: pg_dump's custom format,
// verified, shown to the manager, and restorable with pg_restore into a new
// database holding the same tickets; a counter without pg_dump says so.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_DUMP } from '../../src/main/core/features/data-safety/server-backup';
import { fixedClock, openTestDesk, sampleIntake } from '../support/desk';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { firstItem } from '../support/lists';

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

  it('says a counter without pg_dump took no backup, and refuses the file export', async () => {
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

      const exported = await desk.fail('dataExport.start', { session: desk.sessionFor('manager') });
      expect(exported.fields).toEqual([{ path: 'engine', code: 'kept_on_server' }]);
    } finally {
      process.env.PATH = path;
      rmSync(emptyPath, { recursive: true, force: true });
      await desk.dispose();
    }
  });
});
