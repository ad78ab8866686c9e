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
import { verifyHistory } from '../../storage/history-chain';
import type { ReadTx } from '../../storage/transactions';
import { sealShopKey } from '../../security/shop-key';
import type { SecretBox } from '../../security/secret-box';
import { serverHoldsShop } from './queries/server-facts';
import { sourceTables, sqliteTableRows, type SourceTable } from './queries/sqlite-tables';
import {
  countServerRows,
  fillCustomerNameGrams,
  inServerTransaction,
  insertSealedShopKey,
  insertServerRows,
  lockDeskWrites,
  resetIdSequence,
  switchUserTriggers,
  targetSchema,
  truncateServerTables,
} from './queries/server-tables';

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
    const tables = (await sourceTables(source, NOT_COPIED)).filter((t) => t.rows > 0 || schema.columns.has(t.name));
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
    await inServerTransaction(client, async () => {
      await lockDeskWrites(client);
      if (await serverHoldsShop(client)) throw new MoveFailure('shop_exists', 'the server already holds a shop');
      // What the migrations seeded (and what a move that stopped halfway left) makes way for the shop's own rows.
      await truncateServerTables(
        client,
        tables.map((t) => t.name),
      );
    });

    for (const group of groups) {
      await inServerTransaction(client, async () => {
        await lockDeskWrites(client);
        const last = group.some((t) => LAST_TABLES.includes(t));
        if (last) {
          // Only now does the server hold a shop: check everything first.
          await verifyCopy(client, target, source, tables);
        }
        for (const name of group) {
          const table = byName.get(name)!;
          report.table = name;
          input.onProgress({ ...report });
          await switchUserTriggers(client, name, false);
          const batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / table.columns.length)));
          for await (const rows of sqliteTableRows(source, table, batchRows)) {
            await insertServerRows(client, name, table.columns, rows);
            report.rowsDone += rows.length;
            input.onProgress({ ...report });
          }
          await switchUserTriggers(client, name, true);
          // The name grams are the server's own index, built from the copied names (their trigger was off).
          if (name === 'customer') await fillCustomerNameGrams(client);
          if (schema.identityTables.has(name)) await resetIdSequence(client, name);
          report.tablesDone += 1;
        }
        if (last) {
          await insertSealedShopKey(client, sealShopKey(input.shopKey, connection.password), input.now.toISOString());
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
    const there = await countServerRows(client, table.name);
    const extra = table.name === 'desk_meta' ? 1 : 0; // the sealed shop key
    if (there !== table.rows + extra) {
      throw new MoveFailure('move_count_mismatch', `${table.name}: ${table.rows} rows here, ${there - extra} on the server`);
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
