// What a shop file holds, read with the SQLite driver directly (no TypeORM, no
// migrations): used before the desk opens its file, on backup copies and on
// files a manager offers for restore. Nothing here writes.
import BetterSqlite3 from 'better-sqlite3';

export type RawDatabase = BetterSqlite3.Database;

export interface FileFacts extends IdentityFacts {
  /** Rows in each table, by table name. */
  rowCounts: Record<string, number>;
  tickets: number;
}

export function openRaw(file: string, options: { readonly?: boolean } = {}): RawDatabase {
  const db = new BetterSqlite3(file, { fileMustExist: true, readonly: options.readonly ?? false, timeout: 5000 });
  db.pragma('busy_timeout = 5000');
  return db;
}

/** "ok", or what PRAGMA integrity_check found wrong (first lines). */
export function integrityCheck(db: RawDatabase): string {
  const rows = db.prepare(`PRAGMA integrity_check(20)`).all() as Record<string, string>[];
  const lines = rows.map((row) => Object.values(row)[0]);
  return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('; ');
}

export function tableNames(db: RawDatabase): string[] {
  const rows = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return rows.map((row) => row.name);
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function rowCounts(db: RawDatabase): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of tableNames(db)) {
    counts[table] = (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(table)}`).get() as { n: number }).n;
  }
  return counts;
}

/** What a start compares with the desk's identity note: the shop, its last ticket number, its migrations. */
export interface IdentityFacts {
  /** Null when the file holds no ticket. */
  lastTicketNumber: number | null;
  /** The shop identity stored in the file (desk_meta), null in a file from before it was kept. */
  shopId: string | null;
  migrations: string[];
}

/** The file's identity facts, each read through an index: no table is counted (at a million tickets that read most of the file). */
export function identityFacts(db: RawDatabase, tables: ReadonlySet<string> = new Set(tableNames(db))): IdentityFacts {
  const last = tables.has('ticket') ? (db.prepare(`SELECT MAX(number) AS n FROM ticket`).get() as { n: number | null }).n : null;
  const shop = tables.has('desk_meta') ? (db.prepare(`SELECT value FROM desk_meta WHERE key = 'shop_id'`).get() as { value: string } | undefined) : undefined;
  const migrations = tables.has('migrations') ? (db.prepare(`SELECT name FROM migrations ORDER BY id`).all() as { name: string }[]).map((m) => m.name) : [];
  return { lastTicketNumber: last, shopId: shop?.value ?? null, migrations };
}

/** `counts`: the file's row counts when already taken (on a worker thread: backup.ts). */
export function fileFacts(db: RawDatabase, counts: Record<string, number> = rowCounts(db)): FileFacts {
  return { ...identityFacts(db, new Set(Object.keys(counts))), rowCounts: counts, tickets: counts.ticket ?? 0 };
}

/** Passcodes sealed in the file: while there are any, its key may not be replaced. */
export function sealedPasscodes(db: RawDatabase): number {
  if (!tableNames(db).includes('ticket')) return 0;
  return (db.prepare(`SELECT COUNT(*) AS n FROM ticket WHERE passcode_sealed IS NOT NULL`).get() as { n: number }).n;
}
