// The full export: one ZIP with a CSV per table (UTF-8 with a BOM, so Excel
// reads Chinese correctly) and a JSON manifest. Read on a connection of its
// own in one snapshot, a few thousand rows at a time, yielding between chunks
// so the desk keeps answering. PIN hashes and sealed passcodes never leave the
// file; signatures go in as PNG files named from their row.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { openRaw, tableNames, type RawDatabase } from './data-file';

const CHUNK_ROWS = 5000;

/** Kept out of the export: secrets, and what only serves the desk's own bookkeeping. */
const LEFT_OUT_COLUMNS: Record<string, string[]> = {
  staff: ['pin_hash', 'pin_failed_count', 'pin_locked_until'],
  ticket: ['passcode_sealed'],
};

export function exportedTables(db: RawDatabase): string[] {
  return tableNames(db).filter((name) => name !== 'migrations' && !name.includes('_fts'));
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = Buffer.isBuffer(value) ? value.toString('base64') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

function columnsOf(db: RawDatabase, table: string): string[] {
  const left = LEFT_OUT_COLUMNS[table] ?? [];
  return (db.prepare(`PRAGMA table_info(${quoted(table)})`).all() as { name: string }[]).map((c) => c.name).filter((c) => !left.includes(c));
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
    const totals = Object.fromEntries(names.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(t)}`).get() as { n: number }).n]));
    const rowsTotal = Object.values(totals).reduce((a, b) => a + b, 0);
    let rowsDone = 0;
    for (const table of names) {
      const columns = columnsOf(db, table);
      const signatureColumns = columns.filter((c) => c.endsWith('signature_png'));
      const file = new ZipDeflate(`${table}.csv`, { level: 1 });
      zip.add(file);
      file.push(strToU8('\uFEFF' + columns.map(csvCell).join(',') + '\r\n'));
      let lines: string[] = [];
      let count = 0;
      const select = db.prepare(`SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)}`).raw(true);
      for (const row of select.iterate() as Iterable<unknown[]>) {
        for (const column of signatureColumns) {
          const at = columns.indexOf(column);
          const value = row[at];
          if (typeof value === 'string' && value.startsWith('data:image/png;base64,')) {
            const name = `signatures/${table}-${String(row[columns.indexOf('id')] ?? row[0])}-${column}.png`;
            const png = new ZipPassThrough(name);
            zip.add(png);
            png.push(new Uint8Array(Buffer.from(value.slice('data:image/png;base64,'.length), 'base64')), true);
            row[at] = name;
          }
        }
        lines.push(row.map(csvCell).join(','));
        count++;
        if (lines.length === CHUNK_ROWS) {
          file.push(strToU8(lines.join('\r\n') + '\r\n'));
          lines = [];
          options.onProgress?.({ table, rowsDone: rowsDone + count, rowsTotal });
          await nextTurn(); // let the desk answer the counter between chunks
          if (failure) throw failure;
        }
      }
      file.push(strToU8(lines.length > 0 ? lines.join('\r\n') + '\r\n' : ''), true);
      tables[table] = count;
      rowsDone += count;
      options.onProgress?.({ table, rowsDone, rowsTotal });
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
