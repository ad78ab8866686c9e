// Write statements a use case runs often (the day's ticket counter, at every
// check-in). On SQLite each text is prepared once per connection and run on
// the driver, inside the use case's transaction: TypeORM's query path cost
// several times the statement. On PostgreSQL the same text goes through the
// transaction's queries.
import { connectionOf, isSqliteTx } from './sql-reader';
import type { ReadTx, WriteTx } from './transactions';
import { keptStatements } from './kept-statements';

/** Runs a write statement inside the caller's transaction; its rows are what it RETURNs (none without RETURNING). */
export type RowWriter = <T>(sql: string, params: readonly unknown[]) => Promise<T[]>;

export function rowWriterOf(tx: WriteTx): RowWriter {
  // A WriteTx is the same EntityManager as a ReadTx, with the writes allowed.
  const manager = tx as unknown as ReadTx;
  if (!isSqliteTx(manager)) return <T>(sql: string, params: readonly unknown[]) => tx.query<T[]>(sql, [...params]);
  const statementOf = keptStatements(connectionOf(manager));
  return <T>(sql: string, params: readonly unknown[]) => {
    const statement = statementOf(sql);
    return Promise.resolve((statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[]);
  };
}
