import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineNamed } from '../../src/main/core/storage/engine';
import { toDollarParameters } from '../../src/main/core/storage/engine/postgres';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';

const sqlite = engineNamed('sqlite');
const postgres = engineNamed('postgres');
const counterUpsert = {
  table: 'ticket_day_counter',
  columns: ['day', 'last_sequence'],
  keys: ['day'],
  set: { last_sequence: 'last_sequence + 1' },
  where: 'last_sequence < 9999',
  returning: ['last_sequence'],
} as const;

describe('placeholders', () => {
  it('stay as they are on SQLite', () => {
    expect(sqlite.placeholders(`SELECT '?' FROM t WHERE a = ?`)).toBe(`SELECT '?' FROM t WHERE a = ?`);
  });

  it('become $n on PostgreSQL outside literals, quoted names, dollar quotes and comments', () => {
    expect(toDollarParameters(`SELECT a FROM t WHERE a = ? AND b IN (?, ?)`)).toBe(`SELECT a FROM t WHERE a = $1 AND b IN ($2, $3)`);
    expect(toDollarParameters(`SELECT 'it''s ?', "odd?name" FROM t WHERE a = ? -- why?\n AND b = ? /* ? */`)).toBe(
      `SELECT 'it''s ?', "odd?name" FROM t WHERE a = $1 -- why?\n AND b = $2 /* ? */`,
    );
    expect(toDollarParameters(`DO $body$ SELECT '?' $body$; SELECT ?`)).toBe(`DO $body$ SELECT '?' $body$; SELECT $1`);
  });
});

describe('the SQLite engine', () => {
  it('writes the upsert ticket numbers have always used', () => {
    expect(sqlite.upsert(counterUpsert)).toBe(
      `INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, ?)\nON CONFLICT(day) DO UPDATE SET last_sequence = last_sequence + 1\nWHERE last_sequence < 9999\nRETURNING last_sequence`,
    );
  });

  it('searches substrings through the FTS5 table', () => {
    expect(sqlite.containsText({ table: 'customer', column: 'name', ftsTable: 'customer_fts' }, 'c', 'Wa"ng')).toEqual({
      sql: `c.id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?)`,
      params: [`name : "Wa""ng"`],
    });
  });
});

describe.skipIf(!postgresAvailable())('the PostgreSQL engine on a real server', () => {
  let server: TestPostgres;
  let client: pg.Client;
  beforeAll(async () => {
    server = await startTestPostgres();
    client = new pg.Client(await server.createDatabase());
    await client.connect();
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await server?.stop();
  });

  it('counts up in the upsert and stops at the day’s last number', async () => {
    await client.query(`CREATE TABLE ticket_day_counter (day text PRIMARY KEY, last_sequence integer NOT NULL)`);
    const take = async () => (await client.query(postgres.placeholders(postgres.upsert(counterUpsert)), ['20260301', 1])).rows;
    expect(await take()).toEqual([{ last_sequence: 1 }]);
    expect(await take()).toEqual([{ last_sequence: 2 }]);
    await client.query(`UPDATE ticket_day_counter SET last_sequence = 9999`);
    expect(await take()).toEqual([]);
  });

  it('does date arithmetic on ISO text', async () => {
    const { rows } = await client.query(
      `SELECT ${postgres.daysBetween(`'2026-03-01T10:00:00.000Z'`, `'2026-03-03T22:00:00.000Z'`)}::float AS days, ${postgres.localDate(`'2026-03-01T20:00:00.000Z'`, 480)} AS day`,
    );
    expect(rows[0]).toEqual({ days: 2.5, day: '2026-03-02' });
  });

  it('finds substrings case-blind, wildcards taken literally', async () => {
    await client.query(`CREATE TABLE customer (id integer PRIMARY KEY, name text NOT NULL)`);
    await client.query(`INSERT INTO customer VALUES (1, 'Wang Xiaoming'), (2, '100% Li'), (3, '1000 Li')`);
    const find = async (text: string) => {
      const where = postgres.containsText({ table: 'customer', column: 'name', ftsTable: 'customer_fts' }, 'c', text);
      const { rows } = await client.query(postgres.placeholders(`SELECT id FROM customer c WHERE ${where.sql} ORDER BY id`), where.params);
      return rows.map((row: { id: number }) => row.id);
    };
    expect(await find('xiaom')).toEqual([1]);
    expect(await find('0% L')).toEqual([2]);
  });
});
