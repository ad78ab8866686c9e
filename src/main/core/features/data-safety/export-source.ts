// Where the full export reads from: the shop's SQLite file, or the PostgreSQL
// server that keeps a shop with several counters. Each source reads every
// table in one snapshot, a batch of rows at a time, and leaves out the same
// secrets and bookkeeping, so both give the same ZIP.

/** Rows per batch: one statement call (or cursor fetch) and one encoded string each. */
export const BATCH_ROWS = 5000;

/** Kept out of the export: secrets, and what only serves the desk's own bookkeeping. */
export const LEFT_OUT_COLUMNS: Record<string, string[]> = {
  staff: ['pin_hash', 'pin_failed_count', 'pin_locked_until'],
  ticket: ['passcode_sealed'],
};

/**
 * Tables left out whole: the schema's bookkeeping and the search indexes, which
 * hold nothing but what the exported tables already say (rebuilt from them).
 */
export const LEFT_OUT_TABLES = ['migrations', 'typeorm_metadata', 'search_position', 'customer_name_gram', 'desk_write'];

export const isExportedTable = (name: string) => !LEFT_OUT_TABLES.includes(name) && !name.includes('_fts');
export const exportedColumns = (table: string, columns: string[]) => columns.filter((c) => !(LEFT_OUT_COLUMNS[table] ?? []).includes(c));

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A batch of raw rows; each row's cells for the exported columns start at `from` (SQLite puts the rowid it pages by first). */
export interface ExportBatch {
  rows: unknown[][];
  from: number;
}

export interface ExportSource {
  /** The exported tables, in a stable order. */
  tables(): Promise<string[]>;
  count(table: string): Promise<number>;
  /** The table's exported columns, in the table's order. */
  columns(table: string): Promise<string[]>;
  /** The rows, in primary key order, a batch at a time. */
  batches(table: string, columns: string[]): AsyncIterable<ExportBatch>;
  /** Ends the snapshot and lets the connection go. */
  close(): Promise<void>;
}
