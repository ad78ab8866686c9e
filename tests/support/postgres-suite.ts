// The unit suite again on PostgreSQL (the `unit-postgres` project): one server
// for the whole run, started here before any test file, with a template database
// already migrated. Each test desk then gets its own fresh copy of the template
// (tests/support/desk.ts), so a test file written for SQLite runs unchanged.
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { Database } from '../../src/main/core/storage/database';
import { startTestPostgres, type TestPostgres } from './postgres';

/** Set (to `postgres`) in the projects whose test desks open on PostgreSQL. */
export const TEST_ENGINE_VARIABLE = 'REPAIR_DESK_TEST_ENGINE';
/** The migrated database every test desk is copied from. */
export const TEMPLATE_DATABASE = 'desk_template';

export interface SuitePostgres {
  port: number;
  template: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    suitePostgres: SuitePostgres;
  }
}

let server: TestPostgres | null = null;

export async function setup(project: TestProject): Promise<void> {
  server = await startTestPostgres();
  const connection = await server.createDatabase(TEMPLATE_DATABASE);
  // Migrating once here saves every desk the schema's run; nothing else may stay connected to a template.
  const database = await Database.openPostgres(connection);
  await database.close();
  const admin = new pg.Client({ host: connection.host, port: connection.port, user: connection.user, database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${TEMPLATE_DATABASE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  } finally {
    await admin.end();
  }
  project.provide('suitePostgres', { port: server.port, template: TEMPLATE_DATABASE });
}

export async function teardown(): Promise<void> {
  await server?.stop();
  server = null;
}
