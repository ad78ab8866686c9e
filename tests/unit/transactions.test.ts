// Read and write transactions are different types: these checks are compiled by
// `npm run typecheck` (tsconfig.test.json covers the tests), so a read use case
// that writes fails the build, not a customer's day.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/core/storage/database';
import { SettingEntity } from '../../src/main/core/storage/entities/settings';
import type { ReadSql, ReadTx, WriteTx } from '../../src/main/core/storage/transactions';
import { connectionOf, rowReaderOf, type SqlReader } from '../../src/main/core/storage/sql-reader';
import { recordEvent } from '../../src/main/core/record/ticket-record';
import { loadSettings } from '../../src/main/core/features/settings/settings';
import { openTestDesk, type TestDesk } from '../support/desk';
import pg from 'pg';
import { DESK_WRITE_LOCK } from '../../src/main/core/storage/engine/postgres';
import { suiteDatabaseFor, suiteOnPostgres } from '../support/suite-engine';

/** Never called: it exists for the compiler. Each marked line must fail to compile. */
export function writesInsideARead(db: Database): Promise<void> {
  return db.read(async (tx) => {
    // @ts-expect-error a read hands out a ReadTx, and every writer takes a WriteTx
    await recordEvent(tx, { ticketId: 1, kind: 'note', staffId: null, at: '2026-01-01T00:00:00.000Z' });
    // @ts-expect-error a ReadTx has no ORM write methods
    await tx.insert(SettingEntity, { key: 'language', value: '"en"' });
    // @ts-expect-error nor may it be widened back into a WriteTx
    const widened: WriteTx = tx;
    void widened;
    // @ts-expect-error its raw statements are reads (ReadSql): an UPDATE does not compile
    await tx.query(`UPDATE setting SET value = '"zh-CN"' WHERE key = 'language'`);
  });
}

/** Never called either: a write use case runs inside the Database's transaction, and its rows are typed. */
export function opensItsOwnTransaction(db: Database): Promise<void> {
  return db.write(async (tx) => {
    // @ts-expect-error save() would open a transaction of its own when it thought none was open
    await tx.save(SettingEntity, { key: 'language', value: '"en"' });
    // @ts-expect-error as would a nested transaction
    await tx.transaction(async () => undefined);
    // @ts-expect-error or a repository, whose save() does the same
    tx.getRepository(SettingEntity);
    const rows = await tx.query(`SELECT value FROM setting`);
    // @ts-expect-error a raw statement's rows are unknown until the caller types them
    void rows[0];
    const typed = await tx.query<{ value: string }[]>(`SELECT value FROM setting`);
    void typed.map((row) => row.value);
  });
}

/** A write transaction is also a read one: readers serve both. */
export function readsInsideAWrite(db: Database): Promise<string> {
  return db.write(async (tx) => {
    const asRead: ReadTx = tx;
    return (await loadSettings(asRead)).language;
  });
}

describe('read and write transactions', () => {
  let desk: TestDesk | undefined;
  afterEach(async () => {
    await desk?.dispose();
    desk = undefined;
  });

  it('run readers in either kind and writers only in a write', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    expect(await readsInsideAWrite(db)).toBe(await db.read(async (tx) => (await loadSettings(tx)).language));
  });

  it('refuse, on either engine, a write that a cast slipped past the compiler into a read', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    const before = await db.read(async (tx) => (await loadSettings(tx)).language);
    // As a careless cast or a string from elsewhere would hand it over.
    const write =
      `INSERT INTO setting (key, value) VALUES ('language', '"zh-CN"') ON CONFLICT (key) DO UPDATE SET value = excluded.value` as unknown as ReadSql;
    // The transaction's own queries: SQLite's verdict on each statement, PostgreSQL's READ ONLY transaction.
    await expect(db.read((tx) => tx.query(write))).rejects.toThrow(/readonly|read-only/i);
    // The prepared-statement reader (SQLite) and the ORM's queries (PostgreSQL) alike.
    await expect(db.read((tx) => rowReaderOf(tx)(write))).rejects.toThrow(/may not change data|readonly|read-only/i);
    expect(await db.read(async (tx) => (await loadSettings(tx)).language)).toBe(before);
    // A write use case after it still writes: the read left nothing switched on.
    await db.write((tx) => tx.query(write));
    expect(await db.read(async (tx) => (await loadSettings(tx)).language)).toBe('zh-CN');
  });

  it('refuse a write in a read even when an earlier write left the same statement prepared', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    const write = `UPDATE setting SET value = '"zh-CN"' WHERE key = 'language'`;
    await db.write((tx) => tx.query(write));
    await db.write((tx) => tx.query(`UPDATE setting SET value = '"en"' WHERE key = 'language'`));
    // The same text, now in the runner's statement cache, handed to a read as a careless cast would.
    await expect(db.read((tx) => tx.query(write as unknown as ReadSql))).rejects.toThrow(/readonly|read-only/i);
    expect(await db.read(async (tx) => (await loadSettings(tx)).language)).toBe('en');
  });

  // A lookup on the driver's reader (readSql) runs at once only when no use case is queued or running.
  it.skipIf(suiteOnPostgres())('run a lookup after the use cases queued before it, and at once when none is', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    const language = (sql: SqlReader) => sql.all<{ value: string }>(`SELECT value FROM setting WHERE key = 'language'`)[0]?.value;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const write = db.write(async (tx) => {
      await tx.query(`INSERT INTO setting (key, value) VALUES ('language', '"zh-CN"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      await held;
    });
    let ran = false;
    const lookup = db.readSql((sql) => {
      ran = true;
      return language(sql);
    });
    await new Promise((resolve) => setImmediate(resolve));
    // The write has not committed: the lookup waits behind it, and then sees what it wrote.
    expect(ran).toBe(false);
    release();
    await write;
    expect(await lookup).toBe('"zh-CN"');
    // Nothing queued now: the lookup's work is done by the time the call returns.
    ran = false;
    const now = db.readSql((sql) => {
      ran = true;
      return language(sql);
    });
    expect(ran).toBe(true);
    expect(await now).toBe('"zh-CN"');
    // Its failure is the caller's rejected promise, and the next use case still runs.
    await expect(db.readSql(() => Promise.resolve(1))).rejects.toThrow(/synchronous/);
    expect(await db.read(async (tx) => (await loadSettings(tx)).language)).toBe('zh-CN');
  });

  // A pooled connection kept by a write that failed to begin would be gone for good: a dozen such
  // failures (more than the pool holds) would leave every later use case waiting forever.
  it.skipIf(!suiteOnPostgres())('hand the connection back when a write fails to begin, so later writes still run', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    const server = await suiteDatabaseFor(desk.dir);
    const other = new pg.Client({ host: server.host, port: server.port, user: server.user, database: server.database });
    await other.connect();
    try {
      // Another counter holds the writers' turn.
      await other.query('SELECT pg_advisory_lock($1)', [DESK_WRITE_LOCK]);
      const waitingWriter = async (): Promise<number> => {
        for (;;) {
          const { rows } = await other.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%pg_advisory_xact_lock%'`,
          );
          if (rows[0]) return rows[0].pid;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      };
      for (let attempt = 0; attempt < 12; attempt++) {
        const write = db.write((tx) => tx.query(`UPDATE setting SET value = '"zh-CN"' WHERE key = 'language'`));
        // Its BEGIN has run and it waits for the turn: stopping that wait fails the write's start.
        await other.query('SELECT pg_cancel_backend($1)', [await waitingWriter()]);
        await expect(write).rejects.toThrow(/cancel/i);
      }
      await other.query('SELECT pg_advisory_unlock($1)', [DESK_WRITE_LOCK]);
      await db.write((tx) =>
        tx.query(`INSERT INTO setting (key, value) VALUES ('language', '"zh-CN"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
      );
      expect(await db.read(async (tx) => (await loadSettings(tx)).language)).toBe('zh-CN');
    } finally {
      await other.end();
    }
  });

  // PostgreSQL's read is a READ ONLY transaction: nothing on its connection is switched.
  it.skipIf(suiteOnPostgres())("leave the SQLite connection's settings alone while a read runs", async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    // Setting any flag pragma (query_only among them) expires every statement prepared on the connection, so a
    // read that switched query_only on would make the next check-in compile its inserts and triggers again.
    const queryOnly = await db.read(async (tx) => connectionOf(tx).pragma('query_only', { simple: true }));
    expect(queryOnly).toBe(0);
  });
});
