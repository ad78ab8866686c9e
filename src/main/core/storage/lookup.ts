// A read written once for both engines: a generator that yields each statement
// it needs and gets its rows back. On SQLite it runs synchronously on the
// driver's prepared statements (the counter's hottest lookups keep their
// speed); on PostgreSQL it awaits each statement in the transaction.
import type { SqlReader } from './sql-reader';
import type { Statement } from './engine';
import type { ReadSql, ReadTx } from './transactions';

/** One statement a lookup needs, written with `?` placeholders. */
export interface RowsRequest {
  sql: ReadSql;
  params: unknown[];
  /** An exact probe that often answers the lookup alone (SqlReader.probe). */
  probe?: boolean;
}

/** A lookup: yields statements, receives their rows, returns its answer. */
export type Lookup<T> = Generator<RowsRequest, T, unknown[]>;

/** The rows of one statement, inside a lookup: `const rows = yield* rowsOf<Row>(sql, params)`. */
export function* rowsOf<T>(sql: ReadSql, params: unknown[]): Lookup<T[]> {
  return (yield { sql, params }) as T[];
}

/**
 * The rows of an exact probe that often answers the lookup by itself (a scanned claim ticket, a whole
 * phone or serial): on SQLite, a lookup that needs nothing more runs it without BEGIN and COMMIT.
 */
export function* probeRowsOf<T>(sql: ReadSql, params: unknown[]): Lookup<T[]> {
  return (yield { sql, params, probe: true }) as T[];
}

/** The ids one statement answers (its `id` column), in its order. */
export function* ids(statement: ReadSql, params: unknown[]): Lookup<number[]> {
  return (yield* rowsOf<{ id: number }>(statement, params)).map((r) => r.id);
}

/** The ids of a statement the engine wrote (a substring or name-part search). */
export function* idsOf({ sql, params }: Statement): Lookup<number[]> {
  return yield* ids(sql, params);
}

/** The `?` list for a set of values (an IN list). */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(',');
}

/** Runs a lookup on SQLite's driver reader, synchronously. */
export function runOnReader<T>(lookup: Lookup<T>, reader: SqlReader): T {
  let step = lookup.next();
  while (!step.done) {
    const { sql, params, probe } = step.value;
    step = lookup.next(probe ? reader.probe(sql, params) : reader.all(sql, params));
  }
  return step.value;
}

/** Runs a lookup through a transaction's queries (PostgreSQL, or SQLite through the ORM). */
export async function runInTx<T>(lookup: Lookup<T>, tx: ReadTx): Promise<T> {
  let step = lookup.next();
  while (!step.done) step = lookup.next(await tx.query(step.value.sql, step.value.params));
  return step.value;
}
