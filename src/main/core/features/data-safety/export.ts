// The full export: one ZIP with a CSV per table (UTF-8 with a BOM, so Excel
// reads Chinese correctly) and a JSON manifest, from the SQLite file or from
// the shop's PostgreSQL server (export-source.ts), in one snapshot, a batch of
// rows at a time, each batch encoded as one string. The CSVs are compressed by
// zlib in Node's thread pool at a fast level, so the desk's own thread only
// reads and encodes, and yields between batches so it keeps answering. PIN
// hashes and sealed passcodes never leave the shop's store; signatures go in
// as PNG files named from their row.
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { crc32, createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import type { PostgresConnection } from '../../storage/engine';
import { LEFT_OUT_COLUMNS, LEFT_OUT_TABLES, type ExportSource } from './export-source';
import { openPostgresExport } from './postgres-export-source';
import { openSqliteExport } from './sqlite-export-source';

/** zlib's fastest level: the export is for reading elsewhere, not for keeping small. */
const DEFLATE_LEVEL = 1;

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

export interface ExportOptions {
  path: string;
  now: Date;
  shopName: string;
  onProgress?: (progress: ExportProgressReport) => void;
  /** Stops the export between two batches (the desk is closing): no ZIP is left behind. */
  signal?: AbortSignal;
}

/** Exports the shop's SQLite file. */
export function exportDatabase(options: ExportOptions & { databaseFile: string }): Promise<ExportResult> {
  return writeExport(openSqliteExport(options.databaseFile), options);
}

/** Exports a shop kept on a PostgreSQL server. */
export async function exportServerDatabase(options: ExportOptions & { connection: PostgresConnection }): Promise<ExportResult> {
  return writeExport(await openPostgresExport(options.connection), options);
}

/** Writes the export ZIP to `path` (through a temporary file, renamed when complete), and closes the source. */
async function writeExport(source: ExportSource, options: ExportOptions): Promise<ExportResult> {
  const started = Date.now();
  const partial = `${options.path}.partial`;
  let fd: number;
  try {
    mkdirSync(dirname(options.path), { recursive: true });
    fd = openSync(partial, 'w', 0o600);
  } catch (error) {
    // An unwritable folder: the source's snapshot (a file connection, a server client) goes with the attempt.
    await source.close();
    throw error;
  }
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else writeSync(fd, chunk);
  });
  const tables: Record<string, number> = {};
  try {
    const names = await source.tables();
    let rowsTotal = 0;
    for (const table of names) {
      options.signal?.throwIfAborted();
      rowsTotal += await source.count(table);
      await nextTurn(); // a large table's count takes a while: answer the counter between them
    }
    let rowsDone = 0;
    for (const table of names) {
      const columns = await source.columns(table);
      const signatureColumns = columns.map((c, at) => (c.endsWith('signature_png') ? at : -1)).filter((at) => at >= 0);
      const idAt = Math.max(0, columns.indexOf('id'));
      const file = new NativeDeflateEntry(`${table}.csv`);
      zip.add(file);
      await file.push(Buffer.from('\uFEFF' + columns.map(csvCell).join(',') + '\r\n', 'utf8'));
      let count = 0;
      for await (const { rows, from } of source.batches(table, columns)) {
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
        options.signal?.throwIfAborted();
        await nextTurn(); // let the desk answer the counter between batches
      }
      await file.end();
      if (failure) throw failure;
      tables[table] = count;
      rowsDone += count;
    }
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
    await source.close();
  }
  closeSync(fd);
  renameSync(partial, options.path);
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  return { path: options.path, rows, tables, durationMs: Date.now() - started };
}
