// The move's reads of the SQLite file: its tables, their columns and counts, and
// their rows in batches, inside the desk's read snapshot held for the whole move.
import type { ReadTx } from '../../../storage/transactions';

/** A table or column name quoted for either engine. */
export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface SourceTable {
  name: string;
  columns: string[];
  rows: number;
  withoutRowid: boolean;
}

/** The file's tables with their columns and row counts, less those never copied. */
export async function sourceTables(tx: ReadTx, notCopied: ReadonlySet<string>): Promise<SourceTable[]> {
  const tables = await tx.query<{ name: string; sql: string | null }[]>(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const out: SourceTable[] = [];
  for (const table of tables) {
    if (notCopied.has(table.name) || table.name.startsWith('sqlite_') || table.name.includes('_fts')) continue;
    const info = await tx.query<{ name: string }[]>(`SELECT name FROM pragma_table_info(?)`, [table.name]);
    const count = await tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM ${quoted(table.name)}`);
    out.push({
      name: table.name,
      columns: info.map((c) => c.name),
      rows: count[0]?.n ?? 0,
      withoutRowid: /WITHOUT\s+ROWID/i.test(table.sql ?? ''),
    });
  }
  return out;
}

/** A table's rows in batches, in rowid order (all at once for a table without one). */
export async function* sqliteTableRows(tx: ReadTx, table: SourceTable, batchRows: number): AsyncGenerator<Record<string, unknown>[]> {
  const columns = table.columns.map(quoted).join(', ');
  if (table.withoutRowid) {
    // Read at once (no rowid to page by; these are the small day tables), sent in batches all the same:
    // ten years of day totals in one INSERT passed PostgreSQL's 65,535 parameters and failed the move.
    const rows = await tx.query<Record<string, unknown>[]>(`SELECT ${columns} FROM ${quoted(table.name)}`);
    for (let start = 0; start < rows.length; start += batchRows) yield rows.slice(start, start + batchRows);
    return;
  }
  let after = -Infinity;
  for (;;) {
    const rows = await tx.query<Record<string, unknown>[]>(
      `SELECT rowid AS "__rowid", ${columns} FROM ${quoted(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      [after === -Infinity ? Number.MIN_SAFE_INTEGER : after, batchRows],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.__rowid as number;
    yield rows;
    if (rows.length < batchRows) return;
  }
}
