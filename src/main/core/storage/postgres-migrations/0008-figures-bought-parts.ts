// SQLite migration 0021 in PostgreSQL: figures_day_finished also keeps the
// quantity, cost and charge of the parts bought in for one repair, so the
// managers' parts figures can show them. Every trigger recomputes finished work
// through one function, so only that function is rewritten (as 0007 rewrote
// it); then the days that hold a bought-in part are recomputed.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BOUGHT_SUMS, countingBoughtParts, withBoughtParts } from '../migrations/0021-figures-bought-parts';
import { POSTGRES_FILL_FIGURES_DAYS } from './0003-figures-days';

/** Fills every day's rows from the whole history, as the schema now stands (the tables must be empty). */
export const POSTGRES_FILL_FIGURES_DAYS_NOW = POSTGRES_FILL_FIGURES_DAYS.map((statement) =>
  statement.includes('INSERT INTO figures_day_finished') ? withBoughtParts(statement) : countingBoughtParts(statement),
);

async function recomputeDefinition(runner: QueryRunner): Promise<string> {
  const rows: { definition: string }[] = await runner.query(`SELECT pg_get_functiondef('figures_day_finished_recompute(text[])'::regprocedure) AS definition`);
  const definition = rows[0]?.definition;
  if (!definition) throw new Error('figures_day_finished_recompute is missing');
  return definition;
}

export class PostgresFiguresBoughtParts1765843200000 implements MigrationInterface {
  name = 'PostgresFiguresBoughtParts1765843200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE figures_day_finished ADD COLUMN bought_qty bigint NOT NULL DEFAULT 0,
      ADD COLUMN bought_cost_minor bigint NOT NULL DEFAULT 0, ADD COLUMN bought_charged_minor bigint NOT NULL DEFAULT 0`);
    await runner.query(withBoughtParts(await recomputeDefinition(runner)));
    await runner.query(`SELECT figures_day_finished_recompute(ARRAY(SELECT DISTINCT figures_day(e.at) FROM quote_line ql
      JOIN quote q ON q.id = ql.quote_id AND q.status = 'accepted' JOIN ticket_event e ON e.ticket_id = q.ticket_id AND e.to_status = 'ready'
      WHERE ql.kind = 'bought_part'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const definition = await recomputeDefinition(runner);
    await runner.query(
      definition
        .replaceAll(`, ${BOUGHT_SUMS}`, '')
        .replaceAll('labour_minor, parts_minor, bought_qty, bought_cost_minor, bought_charged_minor)', 'labour_minor, parts_minor)'),
    );
    await runner.query(`ALTER TABLE figures_day_finished DROP COLUMN bought_charged_minor, DROP COLUMN bought_cost_minor, DROP COLUMN bought_qty`);
  }
}
