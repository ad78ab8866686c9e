// The move's statements on the PostgreSQL server, on a connection of its own
// outside any desk transaction: its schema, the copy's batches and transactions,
// and what each copied table needs afterwards.
import type pg from 'pg';
import { DESK_WRITE_LOCK } from '../../../storage/engine/postgres';
import { POSTGRES_CUSTOMER_NAME_GRAM_FILL } from '../../../storage/postgres-migrations/0011-customer-name-grams';
import { SHOP_KEY_META } from '../../../security/shop-key';
import { quoted } from './sqlite-tables';

export interface TargetSchema {
  columns: Map<string, Set<string>>;
  /** table -> tables it references (itself left out). */
  references: Map<string, Set<string>>;
  identityTables: Set<string>;
}

/** The server's tables with their columns, which have an identity id, and which reference which. */
export async function targetSchema(client: pg.ClientBase): Promise<TargetSchema> {
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

/** One INSERT of a batch of copied rows, their ids kept as they were. */
export async function insertServerRows(client: pg.ClientBase, table: string, columns: string[], rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const params: unknown[] = [];
  const tuples = rows.map((row) => `(${columns.map((column) => `$${params.push(row[column] ?? null)}`).join(', ')})`);
  await client.query(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, params);
}

/** Runs work in one server transaction on the client, rolled back when it throws. */
export async function inServerTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
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

/** Takes the desk's write lock for the transaction: the counters' writes and another move wait. */
export async function lockDeskWrites(client: pg.ClientBase): Promise<void> {
  await client.query(`SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`);
}

export async function truncateServerTables(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  await client.query(`TRUNCATE ${tables.map((t) => quoted(t)).join(', ')} RESTART IDENTITY CASCADE`);
}

/** Turns a table's own triggers off while copies go in, and back on. */
export async function switchUserTriggers(client: pg.ClientBase, table: string, on: boolean): Promise<void> {
  await client.query(on ? `ALTER TABLE ${quoted(table)} ENABLE TRIGGER USER` : `ALTER TABLE ${quoted(table)} DISABLE TRIGGER USER`);
}

export async function fillCustomerNameGrams(client: pg.ClientBase): Promise<void> {
  await client.query(POSTGRES_CUSTOMER_NAME_GRAM_FILL);
}

/** Sets a table's id sequence after its highest copied id. */
export async function resetIdSequence(client: pg.ClientBase, table: string): Promise<void> {
  await client.query(
    `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${quoted(table)}), 1), (SELECT max(id) FROM ${quoted(table)}) IS NOT NULL)`,
    [table],
  );
}

export async function insertSealedShopKey(client: pg.ClientBase, sealed: string, nowIso: string): Promise<void> {
  await client.query(`INSERT INTO desk_meta (key, value, created_at) VALUES ($1, $2, $3)`, [SHOP_KEY_META, sealed, nowIso]);
}

export async function countServerRows(client: pg.ClientBase, table: string): Promise<number> {
  const there = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoted(table)}`);
  return Number(there.rows[0]?.n);
}
