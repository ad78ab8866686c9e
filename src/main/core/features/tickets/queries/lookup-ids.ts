// The search's building blocks over any table: the ids one statement answers,
// newest first, and the `?` list for a set of ids. The search is one Lookup
// (storage/lookup.ts): on SQLite its statements run on the driver's prepared
// statements, so each text here must stay the same string from call to call.
import type { Statement, StorageEngine } from '../../../storage/engine';
import { rowsOf, type Lookup } from '../../../storage/lookup';
import type { ReadSql } from '../../../storage/transactions';

/** Upper bound for a prefix range under NOCASE / BINARY: every string starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

export function* ids(statement: ReadSql, params: unknown[]): Lookup<number[]> {
  return (yield* rowsOf<{ id: number }>(statement, params)).map((r) => r.id);
}

/** The ids of a statement the engine wrote (a substring or name-part search). */
export function* idsOf({ sql, params }: Statement): Lookup<number[]> {
  return yield* ids(sql, params);
}

export function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(',');
}

/** The ids of a column's rows starting with the text, case ignored, newest first. */
export function* startingWith(engine: StorageEngine, table: string, column: string, text: string, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM ${table} WHERE ${engine.compareNoCase(column, '>=')} AND ${engine.compareNoCase(column, '<')} ORDER BY id DESC LIMIT ?`, [
    text,
    prefixEnd(text),
    limit,
  ]);
}
