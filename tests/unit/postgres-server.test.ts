import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { onlyItem } from '../support/lists';

describe.skipIf(!postgresAvailable())('the tests’ PostgreSQL server', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('gives each caller its own empty database on loopback', async () => {
    const first = await server.createDatabase();
    const second = await server.createDatabase();
    expect(first.database).not.toBe(second.database);
    expect(first.host).toBe('127.0.0.1');
    const client = new pg.Client(first);
    await client.connect();
    try {
      const { rows } = await client.query<{ tables: string }>(`SELECT count(*) AS tables FROM pg_tables WHERE schemaname = 'public'`);
      expect(Number(onlyItem(rows).tables)).toBe(0);
      const version = await client.query<{ server_version_num: string }>(`SHOW server_version_num`);
      expect(Number(onlyItem(version.rows).server_version_num)).toBeGreaterThanOrEqual(150000);
    } finally {
      await client.end();
    }
  });
});
