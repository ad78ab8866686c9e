// The one-time move of this counter's shop from its SQLite file into an empty
// PostgreSQL server. The desk's own queue is held for the whole copy (one read
// snapshot of the file; nothing else is written here meanwhile). The server is
// filled one group of tables per transaction, in foreign-key order, with the
// tables' own triggers off (the rows are copies, not new events: stock moves
// must not move the stock again, nor day totals be counted twice). The shop's
// identity and settings go last, so a move that stops halfway leaves a server
// holding no shop, and the next attempt starts it over. Counts are compared
// and the history's hash chain walked on the server before this counter's
// choice is switched; the SQLite file itself is never changed.
import pg from 'pg';
import type { FieldErrorCode } from '../../../../shared/errors';
import type { HistoryCheck } from '../../../../shared/trust-contract';
import { Database } from '../../storage/database';
import type { PostgresConnection } from '../../storage/engine';
import { DESK_WRITE_LOCK } from '../../storage/engine/postgres';
import { POSTGRES_CUSTOMER_NAME_GRAM_FILL } from '../../storage/postgres-migrations/0011-customer-name-grams';
import { verifyHistory } from '../../storage/history-chain';
import type { ReadTx } from '../../storage/transactions';
import { sealShopKey, SHOP_KEY_META } from '../../security/shop-key';
import type { SecretBox } from '../../security/secret-box';
import { serverHoldsShop } from './server-check';

/** Never copied: each engine's own bookkeeping, and search indexes each engine builds itself (the server's name grams are filled after its customers). */
const NOT_COPIED = new Set(['migrations', 'typeorm_metadata', 'desk_write', 'search_position', 'customer_name_gram', 'sqlite_sequence']);
/** Copied in the last transaction: while they are absent the server holds no shop (see serverHoldsShop). */
const LAST_TABLES = ['setting', 'desk_meta'];
/** Rows per INSERT, kept well under PostgreSQL's 65535 parameters. */
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_ROWS = 1000;

export interface MoveReport {
  table: string;
  tablesDone: number;
  tablesTotal: number;
  rowsDone: number;
  rowsTotal: number;
}

/** A move that stopped, with what to tell the manager. */
export class MoveFailure extends Error {
  constructor(
    readonly problem: FieldErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'MoveFailure';
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SourceTable {
  name: string;
  columns: string[];
  rows: number;
  withoutRowid: boolean;
}

async function sourceTables(tx: ReadTx): Promise<SourceTable[]> {
  const tables: { name: string; sql: string | null }[] = await tx.query(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const out: SourceTable[] = [];
  for (const table of tables) {
    if (NOT_COPIED.has(table.name) || table.name.startsWith('sqlite_') || table.name.includes('_fts')) continue;
    const info: { name: string }[] = await tx.query(`SELECT name FROM pragma_table_info(?)`, [table.name]);
    const count: { n: number }[] = await tx.query(`SELECT COUNT(*) AS n FROM ${quoted(table.name)}`);
    out.push({
      name: table.name,
      columns: info.map((c) => c.name),
      rows: count[0]?.n ?? 0,
      withoutRowid: /WITHOUT\s+ROWID/i.test(table.sql ?? ''),
    });
  }
  return out;
}

interface TargetSchema {
  columns: Map<string, Set<string>>;
  /** table -> tables it references (itself left out). */
  references: Map<string, Set<string>>;
  identityTables: Set<string>;
}

async function targetSchema(client: pg.Client): Promise<TargetSchema> {
  const columns = new Map<string, Set<string>>();
  const cols = await client.query<{ table_name: string; column_name: string; is_identity: string }>(
    `SELECT c.table_name, c.column_name, c.is_identity FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()`,
  );
  const identityTables = new Set<string>();
  for (const row of cols.rows) {
    if (!columns.has(row.table_name)) columns.set(row.table_name, new Set());
    columns.get(row.table_name)!.add(row.column_name);
    if (row.is_identity === 'YES' && row.column_name === 'id') identityTables.add(row.table_name);
  }
  const references = new Map<string, Set<string>>();
  const fks = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  for (const fk of fks.rows) {
    const child = fk.child.replace(/^"|"$/g, '');
    const parent = fk.parent.replace(/^"|"$/g, '');
    if (child === parent) continue;
    if (!references.has(child)) references.set(child, new Set());
    references.get(child)!.add(parent);
  }
  return { columns, references, identityTables };
}

/** Tables in groups: each group references only tables of earlier groups; setting and desk_meta last. */
export function tableGroups(tables: readonly string[], references: Map<string, Set<string>>): string[][] {
  const early = tables.filter((t) => !LAST_TABLES.includes(t));
  const placed = new Set<string>();
  const groups: string[][] = [];
  while (placed.size < early.length) {
    const group = early.filter((t) => !placed.has(t) && [...(references.get(t) ?? [])].every((p) => placed.has(p) || !early.includes(p)));
    if (group.length === 0) throw new Error(`foreign keys go round in a circle among ${early.filter((t) => !placed.has(t)).join(', ')}`);
    group.forEach((t) => placed.add(t));
    groups.push(group);
  }
  const last = tables.filter((t) => LAST_TABLES.includes(t));
  if (last.length > 0) groups.push(last);
  return groups;
}

async function* rowsOf(tx: ReadTx, table: SourceTable, batchRows: number): AsyncGenerator<Record<string, unknown>[]> {
  const columns = table.columns.map(quoted).join(', ');
  if (table.withoutRowid) {
    // Read at once (no rowid to page by; these are the small day tables), sent in batches all the same:
    // ten years of day totals in one INSERT passed PostgreSQL's 65,535 parameters and failed the move.
    const rows: Record<string, unknown>[] = await tx.query(`SELECT ${columns} FROM ${quoted(table.name)}`);
    for (let start = 0; start < rows.length; start += batchRows) yield rows.slice(start, start + batchRows);
    return;
  }
  let after = -Infinity;
  for (;;) {
    const rows: Record<string, unknown>[] = await tx.query(
      `SELECT rowid AS "__rowid", ${columns} FROM ${quoted(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      [after === -Infinity ? Number.MIN_SAFE_INTEGER : after, batchRows],
    );
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.__rowid as number;
    yield rows;
    if (rows.length < batchRows) return;
  }
}

async function insertRows(client: pg.Client, table: string, columns: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${params.push(row[column] ?? null)}`).join(', ')})`);
  await client.query(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, params);
}

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export interface MoveInput {
  /** The desk's read transaction on its SQLite file, held for the whole move. */
  source: ReadTx;
  connection: PostgresConnection;
  /** This counter's passcode key: it becomes the shop's, kept in the server sealed under the password. */
  shopKey: SecretBox;
  now: Date;
  onProgress: (report: MoveReport) => void;
}

function sameCheck(a: HistoryCheck, b: HistoryCheck): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Copies the file's tables into the (migrated, empty) server and verifies them; throws MoveFailure when it must not be used. */
export async function copyShopToServer(input: MoveInput): Promise<{ rows: number; tables: number }> {
  const { source, connection } = input;
  // The server's schema, made by the desk's own migrations (as any counter opening it would).
  const target = await Database.openPostgres(connection);
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.tls,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const schema = await targetSchema(client);
    const tables = (await sourceTables(source)).filter((t) => t.rows > 0 || schema.columns.has(t.name));
    for (const table of tables) {
      const known = schema.columns.get(table.name);
      if (!known) throw new MoveFailure('server_failed', `the server has no table ${table.name}`);
      const missing = table.columns.filter((c) => !known.has(c));
      if (missing.length > 0) throw new MoveFailure('server_failed', `the server's ${table.name} has no ${missing.join(', ')}`);
    }
    const byName = new Map(tables.map((t) => [t.name, t]));
    const groups = tableGroups(
      tables.map((t) => t.name),
      schema.references,
    );
    const report: MoveReport = { table: '', tablesDone: 0, tablesTotal: tables.length, rowsDone: 0, rowsTotal: tables.reduce((n, t) => n + t.rows, 0) };
    input.onProgress({ ...report });

    // Under the desk's write lock: nobody else may be moving a shop in, and none may be there already.
    await inTransaction(client, async () => {
      await client.query(`SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`);
      if (await serverHoldsShop(client)) throw new MoveFailure('shop_exists', 'the server already holds a shop');
      // What the migrations seeded (and what a move that stopped halfway left) makes way for the shop's own rows.
      await client.query(`TRUNCATE ${tables.map((t) => quoted(t.name)).join(', ')} RESTART IDENTITY CASCADE`);
    });

    for (const group of groups) {
      await inTransaction(client, async () => {
        await client.query(`SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`);
        const last = group.some((t) => LAST_TABLES.includes(t));
        if (last) {
          // Only now does the server hold a shop: check everything first.
          await verifyCopy(client, target, source, tables);
        }
        for (const name of group) {
          const table = byName.get(name)!;
          report.table = name;
          input.onProgress({ ...report });
          await client.query(`ALTER TABLE ${quoted(name)} DISABLE TRIGGER USER`);
          const batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / table.columns.length)));
          for await (const rows of rowsOf(source, table, batchRows)) {
            await insertRows(client, name, table.columns, rows);
            report.rowsDone += rows.length;
            input.onProgress({ ...report });
          }
          await client.query(`ALTER TABLE ${quoted(name)} ENABLE TRIGGER USER`);
          // The name grams are the server's own index, built from the copied names (their trigger was off).
          if (name === 'customer') await client.query(POSTGRES_CUSTOMER_NAME_GRAM_FILL);
          if (schema.identityTables.has(name)) {
            await client.query(
              `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${quoted(name)}), 1), (SELECT max(id) FROM ${quoted(name)}) IS NOT NULL)`,
              [name],
            );
          }
          report.tablesDone += 1;
        }
        if (last) {
          await client.query(`INSERT INTO desk_meta (key, value, created_at) VALUES ($1, $2, $3)`, [
            SHOP_KEY_META,
            sealShopKey(input.shopKey, connection.password),
            input.now.toISOString(),
          ]);
          await verifyCounts(
            client,
            tables.filter((t) => LAST_TABLES.includes(t.name)),
          );
        }
      });
    }
    input.onProgress({ ...report, table: '' });
    return { rows: report.rowsDone, tables: tables.length };
  } finally {
    await client.end().catch(() => undefined);
    await target.close();
  }
}

async function verifyCounts(client: pg.Client, tables: SourceTable[]): Promise<void> {
  for (const table of tables) {
    const there = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(table.name)}`);
    const extra = table.name === 'desk_meta' ? 1 : 0; // the sealed shop key
    if (Number(there.rows[0]?.n) !== table.rows + extra) {
      throw new MoveFailure('move_count_mismatch', `${table.name}: ${table.rows} rows here, ${Number(there.rows[0]?.n) - extra} on the server`);
    }
  }
}

/** Every table's count, and the history chain walked on both sides, before the shop's identity is written to the server. */
async function verifyCopy(client: pg.Client, target: Database, source: ReadTx, tables: SourceTable[]): Promise<void> {
  await verifyCounts(
    client,
    tables.filter((t) => !LAST_TABLES.includes(t.name)),
  );
  if (!tables.some((t) => t.name === 'history_link' && t.rows > 0)) return;
  const here = await verifyHistory(source);
  // The chain's rows are committed (each group is): the server reads them as any counter would.
  const there = await target.read((tx) => verifyHistory(tx));
  if (!sameCheck(here, there)) {
    throw new MoveFailure('move_history_broken', `history chain here ${JSON.stringify(here)}, on the server ${JSON.stringify(there)}`);
  }
}
