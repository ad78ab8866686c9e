// Write statements a use case runs often (the day's ticket counter, at every
// check-in). On SQLite each text is prepared once per connection and run on
// the driver, inside the use case's transaction: TypeORM's query path cost
// several times the statement. On PostgreSQL the same text goes through the
// transaction's queries.
import type BetterSqlite3 from 'better-sqlite3';
import { connectionOf, isSqliteTx } from './sql-reader';
import type { ReadTx, WriteTx } from './transactions';

/** Runs a write statement inside the caller's transaction; its rows are what it RETURNs (none without RETURNING). */
export type RowWriter = <T>(sql: string, params: readonly unknown[]) => Promise<T[]>;

const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

function statementOf(connection: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let byText = prepared.get(connection);
  if (!byText) {
    byText = new Map();
    prepared.set(connection, byText);
  }
  let statement = byText.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    byText.set(sql, statement);
  }
  return statement;
}

export function rowWriterOf(tx: WriteTx): RowWriter {
  // A WriteTx is the same EntityManager as a ReadTx, with the writes allowed.
  const manager = tx as unknown as ReadTx;
  if (!isSqliteTx(manager)) return <T>(sql: string, params: readonly unknown[]) => tx.query<T[]>(sql, [...params]);
  const connection = connectionOf(manager);
  return <T>(sql: string, params: readonly unknown[]) => {
    const statement = statementOf(connection, sql);
    return Promise.resolve((statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[]);
  };
}
