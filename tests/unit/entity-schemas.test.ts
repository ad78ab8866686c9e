// Every table the migrations create has an entity schema, and each schema says
// what the table holds on this engine: the same column names, the same
// nullability, the same primary key. Runs on SQLite and (unit-postgres) on
// PostgreSQL, each against a freshly migrated desk.
import { afterEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ALL_ENTITIES } from '../../src/main/core/storage/entities';
import { openTestDesk, type TestDesk } from '../support/desk';

/** Tables that are the engine's or the search's machinery, not the shop's data (see storage/entities/index.ts). */
const LEFT_OUT = new Set(['migrations', 'sqlite_sequence', 'customer_name_gram', 'search_position']);
/** SQLite's FTS5 indexes and their shadow tables. */
const FTS = /^(customer|device)_fts(_(config|data|docsize|idx))?$/;
/** Columns the database computes for the search (generated on both engines), which no entity writes. */
const GENERATED = new Set(['customer.phone_digits_reversed']);

interface ColumnShape {
  name: string;
  nullable: boolean;
  primary: boolean;
}

type Tables = Map<string, ColumnShape[]>;

const byName = (a: ColumnShape, b: ColumnShape) => a.name.localeCompare(b.name);

async function sqliteTables(dataSource: DataSource): Promise<Tables> {
  const tables: { name: string }[] = await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
  const found: Tables = new Map();
  for (const { name } of tables) {
    // table_info leaves out hidden columns, generated ones included.
    const columns: { name: string; notnull: number; pk: number }[] = await dataSource.query(`SELECT name, "notnull", pk FROM pragma_table_info(?)`, [name]);
    // A primary key never holds NULL here (an INTEGER PRIMARY KEY is the rowid), whatever table_info says of it.
    found.set(name, columns.map((column) => ({ name: column.name, nullable: column.notnull === 0 && column.pk === 0, primary: column.pk > 0 })).sort(byName));
  }
  return found;
}

async function postgresTables(dataSource: DataSource): Promise<Tables> {
  const columns: { table_name: string; column_name: string; is_nullable: string; is_generated: string }[] = await dataSource.query(
    `SELECT c.table_name, c.column_name, c.is_nullable, c.is_generated
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.column_name`,
  );
  const keys: { table_name: string; column_name: string }[] = await dataSource.query(
    `SELECT k.table_name, k.column_name
     FROM information_schema.table_constraints c
     JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
     WHERE c.table_schema = current_schema() AND c.constraint_type = 'PRIMARY KEY'`,
  );
  const primary = new Set(keys.map((key) => `${key.table_name}.${key.column_name}`));
  const found: Tables = new Map();
  for (const column of columns) {
    const list = found.get(column.table_name) ?? [];
    if (column.is_generated === 'ALWAYS') {
      // Generated columns are the search's; one not known here is a new column an entity should have.
      if (GENERATED.has(`${column.table_name}.${column.column_name}`)) continue;
    }
    list.push({
      name: column.column_name,
      nullable: column.is_nullable === 'YES',
      primary: primary.has(`${column.table_name}.${column.column_name}`),
    });
    found.set(column.table_name, list);
  }
  for (const list of found.values()) list.sort(byName);
  return found;
}

function entityTables(dataSource: DataSource): Tables {
  const found: Tables = new Map();
  for (const entity of ALL_ENTITIES) {
    const metadata = dataSource.getMetadata(entity);
    found.set(
      metadata.tableName,
      metadata.columns.map((column) => ({ name: column.databaseName, nullable: column.isNullable, primary: column.isPrimary })).sort(byName),
    );
  }
  return found;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function migratedTables(): Promise<{ database: Tables; entities: Tables }> {
  const desk: TestDesk = await openTestDesk({ setup: false });
  cleanups.push(() => desk.dispose());
  const dataSource = desk.context.db.dataSource;
  const database = desk.context.db.engine.name === 'postgres' ? await postgresTables(dataSource) : await sqliteTables(dataSource);
  for (const name of [...database.keys()]) if (LEFT_OUT.has(name) || FTS.test(name)) database.delete(name);
  return { database, entities: entityTables(dataSource) };
}

describe('the entity schemas', () => {
  it('cover every table of the migrated database, and name only tables that exist', async () => {
    const { database, entities } = await migratedTables();
    expect(database.size).toBeGreaterThan(40);
    expect([...entities.keys()].sort()).toEqual([...database.keys()].sort());
    expect(entities.size).toBe(ALL_ENTITIES.length);
  });

  it("give each table's columns with their names, nullability and primary key as this engine has them", async () => {
    const { database, entities } = await migratedTables();
    for (const [table, columns] of database) {
      expect({ table, columns: entities.get(table) }).toEqual({ table, columns });
    }
  });
});
