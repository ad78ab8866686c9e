// The full export's reader of the SQLite file: a read-only connection of its
// own in one snapshot, keyset batches in rowid order (one statement call per
// batch, not per row) or, for a WITHOUT ROWID table, one cursor read a batch
// at a time (nothing else runs on this connection meanwhile).
import { openRaw, tableNames, type RawDatabase } from './data-file';
import { BATCH_ROWS, exportedColumns, isExportedTable, quoted, type ExportBatch, type ExportSource } from './export-source';

export function exportedTables(db: RawDatabase): string[] {
  return tableNames(db).filter(isExportedTable);
}

/** Whether the table has a rowid to page by. */
function hasRowid(db: RawDatabase, table: string): boolean {
  try {
    db.prepare(`SELECT _rowid_ FROM ${quoted(table)} LIMIT 0`);
    return true;
  } catch {
    return false;
  }
}

function* batchesOf(db: RawDatabase, table: string, list: string): Generator<ExportBatch> {
  if (hasRowid(db, table)) {
    const batch = db.prepare(`SELECT _rowid_, ${list} FROM ${quoted(table)} WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT ${BATCH_ROWS}`).raw(true);
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = batch.all(after) as unknown[][];
      if (rows.length > 0) yield { rows, from: 1 };
      if (rows.length < BATCH_ROWS) return;
      after = rows.at(-1)?.[0] as number;
    }
  }
  const cursor = db
    .prepare(`SELECT ${list} FROM ${quoted(table)}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  try {
    for (;;) {
      const rows: unknown[][] = [];
      while (rows.length < BATCH_ROWS) {
        const next = cursor.next();
        if (next.done) break;
        rows.push(next.value);
      }
      if (rows.length > 0) yield { rows, from: 0 };
      if (rows.length < BATCH_ROWS) return;
    }
  } finally {
    // Leaving the loop early closes the cursor.
    cursor.return?.();
  }
}

export function openSqliteExport(databaseFile: string): ExportSource {
  const db = openRaw(databaseFile, { readonly: true });
  db.exec('BEGIN'); // one snapshot for every table
  return {
    tables: () => Promise.resolve(exportedTables(db)),
    count: (table) => Promise.resolve((db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(table)}`).get() as { n: number }).n),
    columns: (table) =>
      Promise.resolve(
        exportedColumns(
          table,
          (db.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((c) => c.name),
        ),
      ),
    async *batches(table, columns) {
      yield* batchesOf(db, table, columns.map(quoted).join(', '));
    },
    close: () => {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
      return Promise.resolve();
    },
  };
}
