// Settings > Shared database on real PostgreSQL servers: the connection test's
// answers (wrong password, nothing listening, no such database, no answer), the
// move of a SQLite shop with tickets, payments and history into an empty server
// (counts equal, the chain intact, the counter switched and still switched after
// a restart, its file kept as it was), a passcode sealed on that counter opened on a
// second counter that connects to the same server, and a move refused when the
// server already holds a shop.
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRaw, rowCounts } from '../../src/main/core/features/data-safety/data-file';
import { checkServer } from '../../src/main/core/features/data-safety/server-check';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { readEngineChoice } from '../../src/main/core/storage/engine-choice';
import type { PostgresConnection } from '../../src/main/core/storage/engine';
import type { MoveProgress } from '../../src/shared/shared-database-contract';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { diagnoseAndQuote, feeItemId, signaturePng } from '../support/workflow';
import { onlyItem } from '../support/lists';

const START = '2026-11-23T06:30:00Z';
const PASSWORD = 'counter-Pa55 密码';

function form(connection: PostgresConnection, password: string | null = connection.password) {
  const { host, port, database, user, tls } = connection;
  return { host, port, database, user, tls, password };
}

async function waitForMove(desk: TestDesk, started: MoveProgress): Promise<MoveProgress> {
  let progress = started;
  const until = Date.now() + 60_000;
  while (progress.state === 'running' && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    progress = await desk.call('sharedDatabase.moveProgress', { jobId: started.jobId });
  }
  return progress;
}

/** A ticket collected with a payment, its device's passcode sealed on this counter. */
async function collectedTicket(desk: TestDesk): Promise<number> {
  const checkedIn = await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pin', value: '246810' } } }));
  const ticketId = checkedIn.tickets[0]!.id;
  const technician = desk.sessionFor('technician');
  const lines = [
    { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'diagnosis') },
    { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'board_repair') },
  ];
  await diagnoseAndQuote(desk, technician, ticketId, { lines });
  await desk.call('workflow.move', { session: technician, ticketId, toStatus: 'awaiting_approval' });
  const quoteId = (await desk.call('tickets.getWorkflow', { ticketId })).quotes[0]!.id;
  await desk.call('approvals.record', { session: technician, ticketId, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
  for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: technician, ticketId, toStatus });
  const due = await desk.call('collection.get', { ticketId });
  expect(due.balanceMinor).toBeGreaterThan(0);
  await desk.call('collection.pay', { ticketId, method: 'cash', amountMinor: due.balanceMinor, tenderedMinor: due.balanceMinor });
  await desk.call('collection.complete', { ticketId, identity: 'claim_ticket', signaturePng: signaturePng(), accessoriesReturned: ['charger'] });
  return ticketId;
}

async function serverCounts(connection: PostgresConnection, tables: string[]): Promise<Record<string, number>> {
  const client = new pg.Client({ ...connection, ssl: false });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0]!.n);
    return counts;
  } finally {
    await client.end();
  }
}

describe.skipIf(!postgresAvailable())('the shared database', () => {
  let server: TestPostgres;
  const desks: TestDesk[] = [];
  beforeAll(async () => {
    server = await startTestPostgres({ password: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    for (const desk of desks) await desk.dispose().catch(() => undefined);
    await server?.stop();
  });

  async function desk(options: Parameters<typeof openTestDesk>[0] = {}): Promise<TestDesk> {
    // These counters start on their own SQLite file, whatever the suite's engine.
    const opened = await openTestDesk({ clock: fixedClock(START), ...options });
    desks.push(opened);
    return opened;
  }

  describe('testing a connection', () => {
    it('says what is wrong: the password, a port nothing listens on, a database that is not there, a server that never answers', async () => {
      const connection = await server.createDatabase();
      expect(await checkServer(connection)).toMatchObject({ ok: true, problem: null, holdsShop: false });
      expect((await checkServer(connection)).serverVersion).toMatch(/^\d+/);

      expect(await checkServer({ ...connection, password: 'not the password' })).toMatchObject({ ok: false, problem: 'server_wrong_password' });
      expect(await checkServer({ ...connection, database: 'no_such_shop' })).toMatchObject({ ok: false, problem: 'server_no_database' });

      // A port nobody listens on: taken and let go again.
      const closed: Server = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const freePort = (closed.address() as { port: number }).port;
      await new Promise((resolve) => closed.close(resolve));
      expect(await checkServer({ ...connection, port: freePort })).toMatchObject({ ok: false, problem: 'server_refused' });

      // Something that accepts the connection and never answers.
      const silent: Server = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const port = (silent.address() as { port: number }).port;
        expect(await checkServer({ ...connection, port }, 300)).toMatchObject({ ok: false, problem: 'server_timeout' });
      } finally {
        silent.close();
      }
    });

    it('answers the Settings channel for a manager only, and never with the password', async () => {
      const counter = await desk();
      const connection = await server.createDatabase();
      const check = await counter.call('sharedDatabase.test', { session: counter.sessionFor('manager'), ...form(connection) });
      expect(check).toMatchObject({ ok: true, holdsShop: false });
      const wrong = await counter.call('sharedDatabase.test', { session: counter.sessionFor('manager'), ...form(connection, 'wrong') });
      expect(wrong).toMatchObject({ ok: false, problem: 'server_wrong_password' });
      const refused = await counter.fail('sharedDatabase.test', { session: counter.sessionFor('clerk'), ...form(connection) });
      expect(refused.fields).toEqual([{ path: 'session', code: 'manager_required' }]);
      // Nothing saved yet: the form cannot lean on a saved password.
      const unsaved = await counter.fail('sharedDatabase.test', { session: counter.sessionFor('manager'), ...form(connection, null) });
      expect(unsaved.fields).toEqual([{ path: 'password', code: 'password_not_saved' }]);
      expect(JSON.stringify(await counter.call('sharedDatabase.status', {}))).not.toContain(PASSWORD);
    });
  });

  it('moves years of day totals, more than one statement can carry, in batches', async () => {
    const counter = await desk();
    // 14,000 day rows of 5 columns: 70,000 values, past the 65,535 parameters one PostgreSQL statement takes.
    const days = 7000;
    const raw = openRaw(join(counter.dir, DATABASE_FILE));
    const insert = raw.prepare(`INSERT INTO figures_day_intake (day, deposit_method, tickets, deposits, deposit_minor) VALUES (?, ?, 3, 1, 5000)`);
    raw.transaction(() => {
      for (let i = 0; i < days; i++) {
        const day = new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
        insert.run(day, '');
        insert.run(day, 'cash');
      }
    })();
    raw.close();
    const connection = await server.createDatabase();
    const started = await counter.call('sharedDatabase.move', { session: counter.sessionFor('manager'), ...form(connection) });
    const done = await waitForMove(counter, started);
    expect(done, done.detail).toMatchObject({ state: 'done', problem: null });
    expect(await serverCounts(connection, ['figures_day_intake'])).toEqual({ figures_day_intake: 2 * days });
  }, 120_000);

  it('moves a SQLite shop into an empty server, and a second counter connects and opens its passcodes', async () => {
    const counterA = await desk();
    const ticketId = await collectedTicket(counterA);
    await counterA.call('intake.checkIn', sampleIntake({ device: { serial: 'SN-2', passcode: { kind: 'pin', value: '1357' } } }));
    const connection = await server.createDatabase();
    const file = join(counterA.dir, DATABASE_FILE);
    const raw = openRaw(file, { readonly: true });
    const before = rowCounts(raw);
    raw.close();
    expect(before.ticket).toBe(2);
    expect(before.payment).toBeGreaterThan(0);
    expect(before.history_link).toBeGreaterThan(0);

    const manager = counterA.sessionFor('manager');
    const started = await counterA.call('sharedDatabase.move', { session: manager, ...form(connection) });
    const done = await waitForMove(counterA, started);
    expect(done, done.detail).toMatchObject({ state: 'done', problem: null, rowsDone: done.rowsTotal });
    expect(done.tablesDone).toBe(done.tablesTotal);

    // Every copied table holds as many rows on the server; the file itself was not touched.
    const copied = [
      'ticket',
      'ticket_event',
      'payment',
      'collection',
      'customer',
      'device',
      'staff',
      'audit_entry',
      'history_link',
      'quote',
      'approval',
      'setting',
    ];
    expect(await serverCounts(connection, copied)).toEqual(Object.fromEntries(copied.map((t) => [t, before[t]])));
    const after = openRaw(file, { readonly: true });
    expect(rowCounts(after)).toEqual(before);
    after.close();

    // The counter now works on the server (everyone signs in again there).
    expect(counterA.context.db.engine.name).toBe('postgres');
    expect(readEngineChoice(counterA.dir)).toMatchObject({ engine: 'postgres', postgres: { host: connection.host, port: connection.port } });
    expect(JSON.stringify(readEngineChoice(counterA.dir))).not.toContain(PASSWORD);
    const signIn = async (desk: TestDesk, role: 'manager' | 'clerk') => {
      const roster = await desk.call('auth.roster', {});
      const person = roster.staff.find((s) => s.role === role)!;
      return (await desk.call('auth.signIn', { staffId: person.id, pin: role === 'manager' ? '4826' : '1357' })).token;
    };
    // A two-character given name finds the moved customer's tickets through the server's own name grams.
    const byGivenName = await counterA.call('tickets.search', { query: '小明' });
    expect(byGivenName.map((hit) => [hit.ticketId, hit.matchedOn])).toEqual(
      expect.arrayContaining([
        [ticketId, 'name'],
        [expect.any(Number), 'name'],
      ]),
    );
    expect(byGivenName).toHaveLength(2);
    const managerOnServer = await signIn(counterA, 'manager');
    expect(await counterA.call('audit.verify', { session: managerOnServer })).toMatchObject({ ok: true, checked: before.history_link });
    const next = await counterA.call('intake.checkIn', { ...sampleIntake({ device: { serial: 'SN-3' } }), session: managerOnServer });
    expect(next.tickets[0]!.id).toBeGreaterThan(ticketId);
    // Its backups are now pg_dump's of the server, not copies of the file it left.
    const backedUp = await counterA.call('backups.run', { session: managerOnServer });
    expect(backedUp.lastAttempt).toMatchObject({ ok: true });
    expect(backedUp.lastGood).toMatchObject({ tickets: 3, restorable: false });

    // A second counter, with its own file and key, connects without copying anything.
    const counterB = await desk();
    const managerB = counterB.sessionFor('manager');
    const connected = await counterB.call('sharedDatabase.connect', { session: managerB, ...form(connection) });
    expect(connected).toMatchObject({ engine: 'postgres', saved: { passwordSaved: true, database: connection.database } });
    const clerkOnB = await signIn(counterB, 'clerk');
    expect(await counterB.call('tickets.revealPasscode', { session: clerkOnB, ticketId })).toEqual({ kind: 'pin', value: '246810' });
    expect(await serverCounts(connection, ['ticket'])).toEqual({ ticket: 3 });

    // After a restart each counter opens the server again on its own, from its saved choice.
    await counterB.close();
    desks.splice(desks.indexOf(counterB), 1);
    const reopened = await openTestDesk({ clock: fixedClock(START), dir: counterB.dir, setup: false });
    desks.push(reopened);
    expect(reopened.context.db.engine.name).toBe('postgres');
    expect(
      reopened.context.secrets.open(
        onlyItem(await reopened.context.db.read((tx) => tx.query<{ passcode_sealed: string }[]>(`SELECT passcode_sealed FROM ticket WHERE id = ?`, [ticketId])))
          .passcode_sealed,
      ),
    ).toBe('246810');

    // A third counter may not move its own shop over the one already there: it is offered to connect instead.
    const counterC = await desk();
    const refused = await counterC.fail('sharedDatabase.move', { session: counterC.sessionFor('manager'), ...form(connection) });
    expect(refused.fields).toEqual([{ path: 'connection', code: 'shop_exists' }]);
    const check = await counterC.call('sharedDatabase.test', { session: counterC.sessionFor('manager'), ...form(connection) });
    expect(check).toMatchObject({ ok: true, holdsShop: true });
    expect(counterC.context.db.engine.name).toBe('sqlite');
    expect(readEngineChoice(counterC.dir).engine).toBe('sqlite');
  }, 120_000);

  it('does not connect to a server that holds no shop, nor with details that do not log in', async () => {
    const counter = await desk();
    const connection = await server.createDatabase();
    const empty = await counter.fail('sharedDatabase.connect', { session: counter.sessionFor('manager'), ...form(connection) });
    expect(empty.fields).toEqual([{ path: 'connection', code: 'no_shop_on_server' }]);
    const wrong = await counter.fail('sharedDatabase.connect', { session: counter.sessionFor('manager'), ...form(connection, 'nope') });
    expect(wrong.fields).toEqual([{ path: 'connection', code: 'server_wrong_password' }]);
    expect(counter.context.db.engine.name).toBe('sqlite');
  });
});
