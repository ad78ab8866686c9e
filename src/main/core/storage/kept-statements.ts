// The statements of a SQLite connection, each prepared on first use and kept
// for the connection's life: the driver reads (sql-reader.ts), the entity
// inserts (row-insert.ts) and the frequent writes (row-writer.ts) share them.
import type BetterSqlite3 from 'better-sqlite3';

/** The connection's statement for a text, prepared the first time that text is asked for. */
export type KeptStatements = (sql: string) => BetterSqlite3.Statement;

const kept = new WeakMap<BetterSqlite3.Database, KeptStatements>();

export function keptStatements(connection: BetterSqlite3.Database): KeptStatements {
  let statementOf = kept.get(connection);
  if (!statementOf) {
    const byText = new Map<string, BetterSqlite3.Statement>();
    statementOf = (sql) => {
      let statement = byText.get(sql);
      if (!statement) {
        statement = connection.prepare(sql);
        byText.set(sql, statement);
      }
      return statement;
    };
    kept.set(connection, statementOf);
  }
  return statementOf;
}
