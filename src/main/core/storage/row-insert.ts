// Inserting one typed row of an entity, the hot write path of a check-in. The
// entity's metadata names the columns once; on SQLite the connection keeps one
// prepared INSERT per entity, as TypeORM's insert builder cost more than the
// statement itself (six of them per check-in); on PostgreSQL the same INSERT
// text goes through the transaction's queries, RETURNING the id.
import type { EntitySchema } from 'typeorm';
import { isSqliteTx, connectionOf } from './sql-reader';
import { onlyRow } from './rows';
import { keptStatements } from './kept-statements';
import type { WriteTx } from './transactions';

interface EntityInsert {
  sql: string;
  /** Property names in the statement's parameter order, and whether each is a boolean column. */
  columns: { property: string; boolean: boolean }[];
}

/** Each entity's INSERT, built from its metadata on first use (keyed by the schema, so a check-in looks nothing up). */
const inserts = new Map<EntitySchema, EntityInsert>();

function insertFor(tx: WriteTx, entity: EntitySchema): EntityInsert {
  let insert = inserts.get(entity);
  if (!insert) {
    insert = insertOf(tx, entity);
    inserts.set(entity, insert);
  }
  return insert;
}

/** The INSERT of an entity's row (every column but the generated id), with its columns in parameter order. */
function insertOf(tx: WriteTx, entity: EntitySchema): EntityInsert {
  const metadata = tx.connection.getMetadata(entity);
  const columns = metadata.columns.filter((column) => !column.isGenerated);
  const names = columns.map((column) => `"${column.databaseName}"`).join(', ');
  return {
    sql: `INSERT INTO "${metadata.tableName}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
    columns: columns.map((column) => ({ property: column.propertyName, boolean: column.type === 'boolean' })),
  };
}

/** The row's values in the INSERT's parameter order. */
function parametersOf(columns: EntityInsert['columns'], row: object): unknown[] {
  const values = row as Record<string, unknown>;
  return columns.map(({ property, boolean }) => {
    const value = values[property];
    // A missing value would be NULL here but the column's default through the ORM: the row type forbids it.
    if (value === undefined) throw new Error(`insertRow: no value for ${property}`);
    return boolean ? (value ? 1 : 0) : value;
  });
}

/** Inserts the row (every column but the generated id) and returns its id. */
export async function insertRow<Row extends { id: number }>(tx: WriteTx, entity: EntitySchema<Row>, row: Omit<Row, 'id'>): Promise<number> {
  const insert = insertFor(tx, entity as EntitySchema);
  const values = parametersOf(insert.columns, row);
  if (!isSqliteTx(tx)) {
    const rows: { id: number }[] = await tx.query(`${insert.sql} RETURNING id`, values);
    return Number(onlyRow(rows).id);
  }
  return Number(keptStatements(connectionOf(tx))(insert.sql).run(...values).lastInsertRowid);
}
