// SQLite migration 0023 in PostgreSQL: a new ticket, payment, collection, part
// used or follow-up call adds its own share to its day's totals (an upsert)
// instead of recomputing the whole day; changes to stored rows still
// recompute. Only the trigger functions are replaced; the triggers and their
// WHEN clauses stay.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ADD_ON_INSERTS, addOnBodies } from '../migrations/0023-figures-days-add-on-insert';
import { POSTGRES_FILL_FIGURES_DAYS_NOW } from './0008-figures-bought-parts';
import { POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES } from './0009-figures-technician-scores';

const triggerFunction = (name: string, statements: readonly string[]) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${statements.map((statement) => `${statement};`).join('\n      ')}
      RETURN NULL;
    END
    $fn$;`;

export class PostgresFiguresDaysAddOnInsert1766016000000 implements MigrationInterface {
  name = 'PostgresFiguresDaysAddOnInsert1766016000000';

  async up(runner: QueryRunner): Promise<void> {
    const bodies = addOnBodies([...POSTGRES_FILL_FIGURES_DAYS_NOW, POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES]);
    for (const [name, statements] of bodies) await runner.query(triggerFunction(name, statements));
  }

  async down(runner: QueryRunner): Promise<void> {
    // Back to recomputing the new row's day, as 0003 and 0009 wrote them.
    const recomputing = new Map<string, string[]>();
    for (const add of ADD_ON_INSERTS) {
      const day = `ARRAY[figures_day(NEW.${add.source === 'ticket' ? 'created_at' : 'at'})]`;
      recomputing.set(add.trigger, [...(recomputing.get(add.trigger) ?? []), `PERFORM ${add.table}_recompute(${day})`]);
    }
    for (const [name, statements] of recomputing) await runner.query(triggerFunction(name, statements));
  }
}
