// A lookup on the driver's reader runs a lone exact probe without a transaction,
// and anything longer inside one, where all its statements read one snapshot.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loneRead } from '../../src/main/core/storage/lone-read';
import { preparedReader, type SqlReader } from '../../src/main/core/storage/sql-reader';
import type { ReadSql } from '../../src/main/core/storage/transactions';
import { searchTickets } from '../../src/main/core/features/tickets/search';
import { runOnReader, rowsOf, probeRowsOf } from '../../src/main/core/storage/lookup';
import { openTestDesk, type TestDesk } from '../support/desk';
import { checkIn } from '../support/workflow';

const COUNT = `SELECT count(*) AS n FROM item` as ReadSql;
const count = (rows: { n: number }[]) => rows[0]?.n;

describe('a lookup on the driver reader', () => {
  let folder: string;
  let connection: BetterSqlite3.Database;
  let other: BetterSqlite3.Database;
  /** Whether a transaction was open at each statement the reader ran, in order. */
  let inTransactionAt: boolean[];
  let reader: SqlReader;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lone-read-'));
    connection = new BetterSqlite3(join(folder, 'shop.db'));
    connection.pragma('journal_mode = WAL');
    connection.exec('CREATE TABLE item (id INTEGER PRIMARY KEY)');
    other = new BetterSqlite3(join(folder, 'shop.db'));
    inTransactionAt = [];
    const prepared = preparedReader(connection);
    reader = {
      all: (sql, params) => {
        inTransactionAt.push(connection.inTransaction);
        return prepared.all(sql, params);
      },
      probe: (sql, params) => reader.all(sql, params),
    };
  });

  afterEach(() => {
    other.close();
    connection.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const addItem = () => other.prepare('INSERT INTO item DEFAULT VALUES').run();
  const probed = (sql: SqlReader) => count(sql.probe<{ n: number }>(COUNT));
  const read = (sql: SqlReader) => count(sql.all<{ n: number }>(COUNT));
  /** Runs the work as the desk's readSql does, counting how often it ran. */
  const lookUp = <T>(work: (sql: SqlReader) => T) => {
    let runs = 0;
    const result = loneRead(
      connection,
      reader,
    )((sql) => {
      runs++;
      return work(sql);
    });
    expect(connection.inTransaction).toBe(false);
    return { result, runs };
  };

  it('runs a lookup that one probe answers once, with no transaction around its statement', () => {
    addItem();
    expect(lookUp(probed)).toEqual({ result: 1, runs: 1 });
    expect(inTransactionAt).toEqual([false]);
  });

  it('starts a lookup again inside a transaction when it needs a second statement, and returns what that run read', () => {
    const seen = lookUp((sql) => {
      const before = probed(sql);
      // Another counter adds a row between the lookup's two statements.
      addItem();
      return [before, read(sql)];
    });
    // The first run stopped at its second statement; the second read one snapshot throughout.
    expect(seen).toEqual({ result: [1, 1], runs: 2 });
    expect(inTransactionAt).toEqual([false, true, true]);
  });

  it('runs a lookup that starts with an ordinary statement once, in a transaction from its first statement to its end', () => {
    const seen = lookUp((sql) => {
      const before = read(sql);
      addItem();
      // A probe inside the transaction is an ordinary statement of it.
      return [before, probed(sql), read(sql)];
    });
    expect(seen).toEqual({ result: [0, 0, 0], runs: 1 });
    expect(inTransactionAt).toEqual([true, true, true]);
  });

  it('lets a failure through and leaves no transaction open, alone or in one', () => {
    const read = loneRead(connection, reader);
    expect(() =>
      read((sql) => {
        sql.probe(COUNT);
        throw new Error('the lookup broke');
      }),
    ).toThrow('the lookup broke');
    expect(() =>
      read((sql) => {
        sql.probe(COUNT);
        sql.all(COUNT);
        throw new Error('the lookup broke inside');
      }),
    ).toThrow('the lookup broke inside');
    expect(() =>
      read((sql) => {
        sql.all(COUNT);
        throw new Error('the lookup broke in its own transaction');
      }),
    ).toThrow('the lookup broke in its own transaction');
    expect(connection.inTransaction).toBe(false);
    expect(() => read(() => Promise.resolve(1))).toThrow(/synchronous/);
    expect(() =>
      read((sql) => {
        sql.all(COUNT);
        return Promise.resolve(1);
      }),
    ).toThrow(/synchronous/);
    expect(connection.inTransaction).toBe(false);
  });

  it('runs a generated lookup the same way: a probe alone, a probe and more inside a transaction', () => {
    addItem();
    const read = loneRead(connection, reader);
    expect(read((sql) => runOnReader(probeRowsOf<{ n: number }>(COUNT, []), sql))).toEqual([{ n: 1 }]);
    expect(inTransactionAt).toEqual([false]);
    inTransactionAt = [];
    const both = function* () {
      const first = yield* probeRowsOf<{ n: number }>(COUNT, []);
      const second = yield* rowsOf<{ n: number }>(COUNT, []);
      return [count(first), count(second)];
    };
    expect(read((sql) => runOnReader(both(), sql))).toEqual([1, 1]);
    expect(inTransactionAt).toEqual([false, true, true]);
  });
});

describe('the ticket search on the desk', () => {
  let desk: TestDesk | undefined;
  afterEach(async () => {
    await desk?.close();
    desk = undefined;
  });

  it('answers a scanned claim ticket with one statement and no transaction, and a miss from the other matchers inside one', async () => {
    desk = await openTestDesk();
    const ticket = await checkIn(desk);
    const { db } = desk.context;
    /** Whether a transaction was open at each statement a search ran, in order. */
    const search = async (query: string) => {
      const inTransactionAt: boolean[] = [];
      const hits = await db.readSql((sql) => {
        // Noted once the statement ran (a transaction opens with its first statement; the first run's
        // second statement stops it instead).
        const noted = <T>(run: () => T[]): T[] => {
          const rows = run();
          inTransactionAt.push(connectionInTransaction(desk));
          return rows;
        };
        const recording: SqlReader = {
          all: (text, params) => noted(() => sql.all(text, params)),
          probe: (text, params) => noted(() => sql.probe(text, params)),
        };
        return searchTickets(recording, query, 20, { today: null });
      });
      return { ids: hits.map((hit) => hit.ticketId), inTransactionAt };
    };
    const scanned = await search(String(ticket.number).padStart(10, '0'));
    expect(scanned).toEqual({ ids: [ticket.id], inTransactionAt: [false] });
    // A number nobody was given: the probe alone, then the whole search again in one transaction.
    const missed = await search(String(ticket.number + 1).padStart(10, '0'));
    expect(missed.ids).toEqual([]);
    expect(missed.inTransactionAt[0]).toBe(false);
    expect(missed.inTransactionAt.length).toBeGreaterThan(2);
    expect(missed.inTransactionAt.slice(1).every(Boolean)).toBe(true);
  });
});

function connectionInTransaction(desk: TestDesk | undefined): boolean {
  const driver = desk?.context.db.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database };
  return driver.databaseConnection.inTransaction;
}
