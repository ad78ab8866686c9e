// Reads straight on the SQLite driver, for the counter's hottest lookups: each
// statement is prepared once per connection and kept, and no ORM sits between
// the query and its rows. Used inside a transaction the Database opened.
import type BetterSqlite3 from 'better-sqlite3';
import type { ReadSql, ReadTx } from './transactions';
import { ReadOnlyViolation } from './read-only-guard';
import { keptStatements } from './kept-statements';

export interface SqlReader {
  /** Every row of a read-only statement. */
  all<T>(sql: ReadSql, params?: readonly unknown[]): T[];
  /**
   * Every row of an exact probe that often answers its lookup alone (a scanned claim ticket). Inside a
   * transaction it is `all`; a lookup started outside one may run it by itself (lone-read.ts).
   */
  probe<T>(sql: ReadSql, params?: readonly unknown[]): T[];
}

const readers = new WeakMap<BetterSqlite3.Database, SqlReader>();

/** The reader of a connection, its prepared statements kept for the connection's life. */
export function preparedReader(connection: BetterSqlite3.Database): SqlReader {
  let reader = readers.get(connection);
  if (!reader) {
    const statementOf = keptStatements(connection);
    const all = <T>(sql: ReadSql, params: readonly unknown[] = []): T[] => {
      const statement = statementOf(sql);
      // The reader only reads, whatever a caller hands it.
      if (!statement.readonly) throw new ReadOnlyViolation(sql);
      return statement.all(...params) as T[];
    };
    reader = { all, probe: all };
    readers.set(connection, reader);
  }
  return reader;
}

/** The driver connection under a TypeORM transaction: its statements run inside that transaction. */
export function connectionOf(tx: ReadTx): BetterSqlite3.Database {
  return (tx.connection.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
}

/** Whether the transaction runs on SQLite (the only engine with a driver reader). */
export function isSqliteTx(tx: ReadTx): boolean {
  return tx.connection.options.type === 'better-sqlite3';
}

/** A reader inside a use case that already runs in a TypeORM transaction. */
export function sqlReaderOf(tx: ReadTx): SqlReader {
  return preparedReader(connectionOf(tx));
}

/** Reads the rows of a read-only statement inside the caller's transaction, whatever the engine. */
export type RowReader = <T>(sql: ReadSql, params?: readonly unknown[]) => Promise<T[]>;

/** On SQLite the connection's prepared statements (no ORM between query and rows); elsewhere the ORM's query. */
export function rowReaderOf(tx: ReadTx): RowReader {
  if (isSqliteTx(tx)) {
    const reader = sqlReaderOf(tx);
    return <T>(sql: ReadSql, params?: readonly unknown[]) => Promise.resolve(reader.all<T>(sql, params));
  }
  return <T>(sql: ReadSql, params: readonly unknown[] = []) => tx.query(sql, [...params]) as Promise<T[]>;
}
