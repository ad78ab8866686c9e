// Which engine a test desk opens on: the SQLite file in its folder, or (in the
// `unit-postgres` project) a fresh database on the suite's PostgreSQL server,
// copied from the migrated template. A folder opened again is the same shop,
// so it gets the same database again.
import BetterSqlite3 from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { DATABASE_FILE } from '../../src/main/core/desk';
import type { PostgresConnection } from '../../src/main/core/storage/engine';
import { postgresEngine } from '../../src/main/core/storage/engine/postgres';
import { TEST_ENGINE_VARIABLE } from './postgres-suite';

const SUPERUSER = 'postgres';
const databaseOfFolder = new Map<string, PostgresConnection>();

/** Whether this test run's desks open on PostgreSQL. */
export function suiteOnPostgres(): boolean {
  return process.env[TEST_ENGINE_VARIABLE] === 'postgres';
}

async function asAdmin<T>(port: number, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The shop database of a test desk's folder: the one it had, or a new copy of the template. */
export async function suiteDatabaseFor(dir: string): Promise<PostgresConnection> {
  const known = databaseOfFolder.get(dir);
  if (known) return known;
  // Imported here, not at the top: crash and intake workers load the test desk in plain Node, where vitest cannot load.
  const { inject } = await import('vitest');
  const { port, template } = inject('suitePostgres');
  const database = `desk_${process.pid}_${randomBytes(6).toString('hex')}`;
  await asAdmin(port, (client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
  const connection: PostgresConnection = { host: '127.0.0.1', port, database, user: SUPERUSER, password: '', tls: false };
  databaseOfFolder.set(dir, connection);
  return connection;
}

/** Drops a test desk's database once its folder is gone too. */
export async function dropSuiteDatabase(dir: string): Promise<void> {
  const connection = databaseOfFolder.get(dir);
  if (!connection) return;
  databaseOfFolder.delete(dir);
  await asAdmin(connection.port, (client) => client.query(`DROP DATABASE IF EXISTS "${connection.database}" WITH (FORCE)`));
}

/** A CHECK constraint refusing a row, in either engine's words. */
export const CHECK_REFUSED = /CHECK constraint failed|violates check constraint/;
/** A foreign key refusing a row, in either engine's words. */
export const FOREIGN_KEY_REFUSED = /FOREIGN KEY constraint failed|violates foreign key constraint/;

/** Runs one statement on a second connection to a test desk's database (another counter, or a tool), as that engine takes it. */
export async function runOnAnotherConnection(desk: { dir: string }, sql: string, params: unknown[] = []): Promise<void> {
  const server = databaseOfFolder.get(desk.dir);
  if (!server) {
    const other = new BetterSqlite3(join(desk.dir, DATABASE_FILE));
    try {
      other.prepare(sql).run(...params);
    } finally {
      other.close();
    }
    return;
  }
  const other = new pg.Client({ host: server.host, port: server.port, user: server.user, database: server.database });
  await other.connect();
  try {
    await other.query(postgresEngine.placeholders(sql), params);
  } finally {
    await other.end();
  }
}
