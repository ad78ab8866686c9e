// A write that fails inside a use case, as a full disk or a lost server would
// make it fail: a trigger refusing some inserts into a table of the test desk's
// own database (a TEMP trigger on the SQLite connection; a trigger in the
// desk's own PostgreSQL database, which no other test shares).
import type { TestDesk } from './desk';

export interface FailingInsert {
  /** The trigger's name (a plain identifier). */
  name: string;
  table: string;
  /** Which new rows fail, as a condition on NEW that reads the same on both engines. */
  when: string;
  /** The error the insert fails with (no quotes). */
  message: string;
}

export async function failInserts(desk: TestDesk, { name, table, when, message }: FailingInsert): Promise<void> {
  const query = (sql: string) => desk.context.db.dataSource.query(sql);
  if (desk.context.db.engine.name === 'sqlite') {
    await query(`CREATE TEMP TRIGGER ${name} BEFORE INSERT ON ${table} WHEN ${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
    return;
  }
  await query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`);
  await query(`CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`);
}
