// The statements that open and end a use case's transaction, and the write
// guard row inside it, per engine. On SQLite they run straight on the driver,
// each prepared once for the connection's life: TypeORM's runner added its own
// steps to every one of them (four in a write that commits, one write per check-in). On
// PostgreSQL they go through the transaction's pooled runner.
import type BetterSqlite3 from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';
import { DESK_WRITE_LOCK } from './engine/postgres';

export type TransactionKind = 'read' | 'write';

export interface TransactionControl {
  begin(kind: TransactionKind): Promise<void>;
  /** Marks the desk's own write path: guarded ticket columns may change while the row exists (never committed). */
  openWriteGuard(): Promise<void>;
  closeWriteGuard(): Promise<void>;
  commit(): Promise<void>;
  /** Ends a failed transaction; a transaction the engine already ended is left as it is. */
  rollback(): Promise<void>;
  /** Hands the connection back once the transaction has ended. */
  release(): Promise<void>;
}

const GUARD_ROW = 'INSERT INTO desk_write (id) VALUES (1)';
const GUARD_CLEARED = 'DELETE FROM desk_write';
const DONE = Promise.resolve();

const sqliteControls = new WeakMap<BetterSqlite3.Database, TransactionControl>();

/**
 * SQLite's: a write begins IMMEDIATE, taking the write lock up front, so another process on the same file
 * waits (busy timeout) instead of failing halfway. A read's snapshot starts at its first statement.
 */
export function sqliteTransactionControl(connection: BetterSqlite3.Database): TransactionControl {
  let control = sqliteControls.get(connection);
  if (control) return control;
  const statement = (sql: string) => {
    const prepared = connection.prepare(sql);
    return () => {
      prepared.run();
      return DONE;
    };
  };
  const begin = { read: statement('BEGIN'), write: statement('BEGIN IMMEDIATE') };
  const rollback = statement('ROLLBACK');
  control = {
    begin: (kind) => begin[kind](),
    openWriteGuard: statement(GUARD_ROW),
    closeWriteGuard: statement(GUARD_CLEARED),
    commit: statement('COMMIT'),
    // SQLite ends the transaction itself on some failures (a full disk, an I/O error).
    rollback: () => (connection.inTransaction ? rollback() : DONE),
    // The connection's one runner stays with it.
    release: () => DONE,
  };
  sqliteControls.set(connection, control);
  return control;
}

/**
 * PostgreSQL's, on the transaction's runner: every counter's writes take turns (the history's hash chain
 * links one after another), and a read is one READ ONLY snapshot.
 */
export function postgresTransactionControl(runner: QueryRunner): TransactionControl {
  const run = async (...statements: string[]) => {
    for (const sql of statements) await runner.query(sql);
  };
  return {
    begin: (kind) =>
      kind === 'write' ? run('BEGIN', `SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`) : run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY'),
    openWriteGuard: () => run(GUARD_ROW),
    closeWriteGuard: () => run(GUARD_CLEARED),
    commit: () => run('COMMIT'),
    rollback: () => run('ROLLBACK'),
    release: () => runner.release(),
  };
}
