// Keeps a SQLite read use case from changing data without touching the
// connection's settings. SQLite's own switch, PRAGMA query_only, is a flag
// pragma, and setting any flag pragma expires every statement prepared on the
// connection: each read that flipped it on and off made the next use of every
// statement (a check-in's inserts with all their triggers, a lookup's joins)
// compile again. Instead, every statement a read runs is asked SQLite's own
// verdict on whether it writes (sqlite3_stmt_readonly, kept with the prepared
// statement) and refused before it runs if it does.
import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/** A statement that writes, handed to a read: the guard's refusal and the driver reader's (sql-reader.ts). */
export class ReadOnlyViolation extends Error {
  constructor(sql: string) {
    super(`a read may not change data (not a read-only statement): ${sql.slice(0, 80)}`);
    this.name = 'ReadOnlyViolation';
  }
}

/** The part of TypeORM's better-sqlite3 runner every statement goes through (cached per SQL text). */
interface StatementSource {
  getStmt(query: string): Promise<BetterSqlite3.Statement>;
}

export interface ReadOnlyGuard {
  /** Runs a read use case: any statement that would write is refused while it runs. */
  reading<T>(work: () => Promise<T>): Promise<T>;
}

/** PostgreSQL's guard: its read is a READ ONLY transaction, which refuses a write itself. */
export const UNGUARDED: ReadOnlyGuard = { reading: (work) => work() };

/**
 * Guards the data source's one SQLite runner (the driver hands every caller the same one). The Database
 * runs use cases one at a time, so while a read runs no write shares the runner. Outside a read the
 * runner's statements go through untouched, with no extra step on a write's path.
 */
export function guardReads(dataSource: DataSource): ReadOnlyGuard {
  const runner = dataSource.createQueryRunner() as unknown as StatementSource;
  const statementOf = runner.getStmt.bind(runner);
  let readers = 0;
  const readOnly = (statement: BetterSqlite3.Statement, query: string) => {
    if (!statement.readonly) throw new ReadOnlyViolation(query);
    return statement;
  };
  runner.getStmt = (query) => (readers === 0 ? statementOf(query) : statementOf(query).then((statement) => readOnly(statement, query)));
  return {
    async reading(work) {
      readers++;
      try {
        return await work();
      } finally {
        readers--;
      }
    },
  };
}
