// Synchronous lookups on SQLite's driver reader, in no more transaction than
// they need. A lookup that one exact probe answers (a scanned claim ticket, a
// whole phone or serial) runs that statement by itself: a single statement
// reads one snapshot already, and BEGIN and COMMIT around it would cost about
// as much as the probe. A lookup that goes on after its probe starts again
// inside a read transaction, so all its statements read the same snapshot (the
// probe run twice is the price, a few microseconds); one that starts with any
// other statement begins its transaction there.
import type BetterSqlite3 from 'better-sqlite3';
import { preparedReader, type SqlReader } from './sql-reader';

/**
 * Runs synchronous read-only work on a connection's reader. The work may be run a second time (its first
 * run stopped where it needed a transaction), so it must do nothing but read, and must let what the reader
 * throws pass (a lookup catches nothing).
 */
export type SqlRead = <T>(work: (sql: SqlReader) => T) => T;

/** Stops a first run at its second statement; caught below, never seen by the work's caller. */
const NEEDS_TRANSACTION: unique symbol = Symbol('the lookup needs a read transaction');

const runs = new WeakMap<BetterSqlite3.Database, SqlRead>();

/** The connection's lookup runner, made once (not for every lookup). */
export function sqlReadOn(connection: BetterSqlite3.Database): SqlRead {
  let run = runs.get(connection);
  if (!run) {
    run = loneRead(connection, preparedReader(connection));
    runs.set(connection, run);
  }
  return run;
}

/** Lookups on a reader of the connection: the one above, or a bench's that also notes each statement. */
export function loneRead(connection: BetterSqlite3.Database, reader: SqlReader): SqlRead {
  const begin = connection.prepare('BEGIN');
  const commit = connection.prepare('COMMIT');
  const rollback = connection.prepare('ROLLBACK');

  /** One run of the work; with `probeAlone`, its first statement may run alone if it is a probe. */
  function attempt<T>(work: (sql: SqlReader) => T, probeAlone: boolean): T | typeof NEEDS_TRANSACTION {
    let ranAlone = false;
    let began = false;
    // The transaction opens at the first statement that needs it: a probe after a lone one starts over.
    const inTransaction = () => {
      if (began) return;
      if (ranAlone) throw NEEDS_TRANSACTION;
      begin.run();
      began = true;
    };
    const sql: SqlReader = {
      probe(text, params) {
        if (probeAlone && !began && !ranAlone) ranAlone = true;
        else inTransaction();
        return reader.all(text, params);
      },
      all(text, params) {
        inTransaction();
        return reader.all(text, params);
      },
    };
    try {
      const result = synchronous(work(sql));
      if (began) commit.run();
      return result;
    } catch (error) {
      if (began && connection.inTransaction) rollback.run();
      if (error === NEEDS_TRANSACTION) return NEEDS_TRANSACTION;
      throw error;
    }
  }

  return <T>(work: (sql: SqlReader) => T): T => {
    const answer = attempt(work, true);
    // A probe ran alone and the lookup went on: all of it again, on one snapshot.
    return answer === NEEDS_TRANSACTION ? (attempt(work, false) as T) : answer;
  };
}

/** The work's result: a promise would go on reading after its transaction (or its one statement) ended. */
function synchronous<T>(result: T): T {
  if (result instanceof Promise) throw new Error('readSql takes synchronous work');
  return result;
}
