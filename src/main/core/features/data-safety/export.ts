// The full export: one ZIP with a CSV per table (UTF-8 with a BOM, so Excel
// reads Chinese correctly) and a JSON manifest. Read on a connection of its
// own in one snapshot, a few thousand rows per statement call (in rowid order;
// a WITHOUT ROWID table through one cursor, paused between batches), each
// batch encoded as one string; the CSVs are compressed by zlib in Node's
// thread pool at a fast level, so the desk's own thread only reads and encodes,
// and yields between batches so it keeps answering. PIN hashes and sealed
// passcodes never leave the file; signatures go in as PNG files named from
// their row.
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { openRaw, tableNames, type RawDatabase } from './data-file';

const BATCH_ROWS = 5000;
/** zlib's fastest level: the export is for reading elsewhere, not for keeping small. */
const DEFLATE_LEVEL = 1;

/** Kept out of the export: secrets, and what only serves the desk's own bookkeeping. */
const LEFT_OUT_COLUMNS: Record<string, string[]> = {
  staff: ['pin_hash', 'pin_failed_count', 'pin_locked_until'],
  ticket: ['passcode_sealed'],
};

/**
 * Tables left out whole: the schema's bookkeeping and the search indexes, which
 * hold nothing but what the exported tables already say (rebuilt from them).
 */
export const LEFT_OUT_TABLES = ['migrations', 'search_position', 'customer_name_gram', 'desk_write'];

export function exportedTables(db: RawDatabase): string[] {
  return tableNames(db).filter((name) => !LEFT_OUT_TABLES.includes(name) && !name.includes('_fts'));
}

const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Buffer.isBuffer(value) ? value.toString('base64') : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV lines of a batch of raw rows, from column `from` on (the batch's rowid comes first when there is one). */
export function csvLines(rows: unknown[][], from: number): string {
  let out = '';
  for (const row of rows) {
    for (let i = from; i < row.length; i++) {
      const value = row[i];
      if (i > from) out += ',';
      if (value === null) continue;
      if (typeof value === 'number' || typeof value === 'bigint') out += value;
      else if (typeof value === 'string') out += NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
      else out += csvCell(value);
    }
    out += '\r\n';
  }
  return out;
}

/**
 * A ZIP entry deflated by Node's zlib (native, off the desk's thread) instead
 * of fflate's JavaScript deflate; fflate still writes the archive around it.
 */
class NativeDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;
  private readonly stream: DeflateRaw = createDeflateRaw({ level: DEFLATE_LEVEL });
  private readonly finished: Promise<void>;

  constructor(readonly filename: string) {
    this.stream.on('data', (chunk: Buffer) => this.ondata?.(null, new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength), false));
    this.finished = new Promise((resolve, reject) => {
      this.stream.once('end', () => {
        this.ondata?.(null, new Uint8Array(0), true);
        resolve();
      });
      this.stream.once('error', reject);
    });
  }

  /** Adds bytes; waits while zlib is behind, so memory stays bounded. */
  async push(data: Buffer): Promise<void> {
    if (data.length === 0) return;
    this.size += data.length;
    this.crc = crc32(data, this.crc);
    if (!this.stream.write(data)) await Promise.race([once(this.stream, 'drain'), this.finished]);
  }

  end(): Promise<void> {
    this.stream.end();
    return this.finished;
  }

  terminate(): void {
    this.stream.destroy();
  }
}

export interface ExportProgressReport {
  table: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface ExportResult {
  path: string;
  rows: number;
  tables: Record<string, number>;
  durationMs: number;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Whether the table has a rowid to page by (a WITHOUT ROWID table is read in one go: they are small lookups). */
function hasRowid(db: RawDatabase, table: string): boolean {
  try {
    db.prepare(`SELECT _rowid_ FROM ${quoted(table)} LIMIT 0`);
    return true;
  } catch {
    return false;
  }
}

function columnsOf(db: RawDatabase, table: string): string[] {
  const left = LEFT_OUT_COLUMNS[table] ?? [];
  return (db.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !left.includes(c));
}

/**
 * The table's rows, a batch at a time: keyset batches in rowid order (one
 * statement call per batch, not per row), or, without a rowid, one cursor in
 * primary key order read a batch at a time (nothing else runs on this
 * connection meanwhile; leaving the loop early closes it). With a rowid, each
 * row starts with it.
 */
function* batchesOf(db: RawDatabase, table: string, list: string, byRowid: boolean): Generator<unknown[][]> {
  if (byRowid) {
    const batch = db.prepare(`SELECT _rowid_, ${list} FROM ${quoted(table)} WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT ${BATCH_ROWS}`).raw(true);
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = batch.all(after) as unknown[][];
      if (rows.length > 0) yield rows;
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
      if (rows.length > 0) yield rows;
      if (rows.length < BATCH_ROWS) return;
    }
  } finally {
    cursor.return?.();
  }
}

/** Writes the export ZIP to `path` (through a temporary file, renamed when complete). */
export async function exportDatabase(options: {
  databaseFile: string;
  path: string;
  now: Date;
  shopName: string;
  onProgress?: (progress: ExportProgressReport) => void;
}): Promise<ExportResult> {
  const started = Date.now();
  mkdirSync(dirname(options.path), { recursive: true });
  const partial = `${options.path}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else writeSync(fd, chunk);
  });
  const db = openRaw(options.databaseFile, { readonly: true });
  const tables: Record<string, number> = {};
  try {
    db.exec('BEGIN'); // one snapshot for every table
    const names = exportedTables(db);
    let rowsTotal = 0;
    for (const table of names) {
      rowsTotal += (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(table)}`).get() as { n: number }).n;
      await nextTurn(); // a large table's count takes a while: answer the counter between them
    }
    let rowsDone = 0;
    for (const table of names) {
      const columns = columnsOf(db, table);
      const signatureColumns = columns.map((c, at) => (c.endsWith('signature_png') ? at : -1)).filter((at) => at >= 0);
      const idAt = Math.max(0, columns.indexOf('id'));
      const file = new NativeDeflateEntry(`${table}.csv`);
      zip.add(file);
      await file.push(Buffer.from('\uFEFF' + columns.map(csvCell).join(',') + '\r\n', 'utf8'));
      const list = columns.map(quoted).join(', ');
      const byRowid = hasRowid(db, table);
      const from = byRowid ? 1 : 0;
      let count = 0;
      for (const rows of batchesOf(db, table, list, byRowid)) {
        for (const at of signatureColumns) {
          for (const row of rows) {
            const value = row[at + from];
            if (typeof value === 'string' && value.startsWith('data:image/png;base64,')) {
              const name = `signatures/${table}-${String(row[idAt + from])}-${columns[at]}.png`;
              const png = new ZipPassThrough(name);
              zip.add(png);
              png.push(new Uint8Array(Buffer.from(value.slice('data:image/png;base64,'.length), 'base64')), true);
              row[at + from] = name;
            }
          }
        }
        await file.push(Buffer.from(csvLines(rows, from), 'utf8'));
        count += rows.length;
        options.onProgress?.({ table, rowsDone: rowsDone + count, rowsTotal });
        if (failure) throw failure;
        await nextTurn(); // let the desk answer the counter between batches
      }
      await file.end();
      if (failure) throw failure;
      tables[table] = count;
      rowsDone += count;
    }
    db.exec('COMMIT');
    const manifest = {
      format: 'repair-desk-export/1',
      exportedAt: options.now.toISOString(),
      shopName: options.shopName,
      encoding: 'UTF-8 with BOM, comma-separated, CRLF',
      money: 'integer minor units (fen)',
      timestamps: 'UTC ISO 8601; calendar dates YYYY-MM-DD',
      leftOut: LEFT_OUT_COLUMNS,
      leftOutTables: LEFT_OUT_TABLES,
      tables: Object.fromEntries(Object.entries(tables).map(([t, rows]) => [t, { file: `${t}.csv`, rows }])),
    };
    const manifestFile = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(manifestFile);
    manifestFile.push(strToU8(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    if (failure) throw failure;
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
  closeSync(fd);
  renameSync(partial, options.path);
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  return { path: options.path, rows, tables, durationMs: Date.now() - started };
}
