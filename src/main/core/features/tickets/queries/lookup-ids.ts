// The search's prefix ranges over any table's column, newest first. The search
// is one Lookup (storage/lookup.ts): on SQLite its statements run on the
// driver's prepared statements, so each text here must stay the same string
// from call to call.
import type { StorageEngine } from '../../../storage/engine';
import { ids, type Lookup } from '../../../storage/lookup';
import { rowLimit } from '../../../storage/row-limit';

/** Upper bound for a prefix range under NOCASE / BINARY: every string starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

/** The ids of a column's rows starting with the text, case ignored, newest first. */
export function* startingWith(engine: StorageEngine, table: string, column: string, text: string, limit: number): Lookup<number[]> {
  return yield* ids(
    `SELECT id FROM ${table} WHERE ${engine.compareNoCase(column, '>=')} AND ${engine.compareNoCase(column, '<')} ORDER BY id DESC ${rowLimit(limit)}`,
    [text, prefixEnd(text)],
  );
}
