import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FILL_FIGURES_DAYS } from './0015-figures-days';
import { FILL_FIGURES_DAY_MONEY } from './0016-figures-days-money';

// The managers' parts figures list what parts cost and what they were charged.
// A part bought in for one repair (quote line kind 'bought_part', migration
// 0020) has no stock move, so it is counted with the finished work instead:
// figures_day_finished keeps, per group, the quantity, the cost and the charge
// of the bought-in lines of the tickets' accepted quotes, on the day each ticket
// was first ready (the part was fitted by then).
//
// Every trigger that recomputes figures_day_finished is rewritten to fill the
// new columns (as 0020 rewrote them), and the days that hold a bought-in part
// are recomputed; other rows keep their zeros, which is what they hold.

const COLUMNS_BEFORE = 'labour_minor, parts_minor)';
const COLUMNS_AFTER = 'labour_minor, parts_minor, bought_qty, bought_cost_minor, bought_charged_minor)';
/** The end of the parts value's SUM in a finished-rows SELECT, just before its FROM. */
const PARTS_SUM_END = /(ql\.kind IN \('part', 'bought_part'\)\)\))(\s+FROM )/g;

/** One sum over the bought-in lines of the accepted quotes of ticket `t`. */
export const boughtSum = (expression: string) => `SUM((SELECT COALESCE(SUM(${expression}), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = 'bought_part'))`;
export const BOUGHT_SUMS = [boughtSum('ql.qty'), boughtSum('ql.qty * ql.unit_cost_minor'), boughtSum('ql.charged_minor')].join(', ');

/** `sql` counting bought-in lines as parts wherever it counts stocked ones, as 0020 made the triggers do (0015's and 0016's statements still name only stocked parts). */
export const countingBoughtParts = (sql: string) => sql.replaceAll(`ql.kind = 'part'`, `ql.kind IN ('part', 'bought_part')`);

/**
 * `sql` with each figures_day_finished insert also filling the bought-in columns, and the parts value counting
 * bought-in lines (0015's statements still name only stocked parts). Refuses SQL it does not recognise.
 */
export function withBoughtParts(sql: string): string {
  const counted = countingBoughtParts(sql);
  const inserts = counted.split('INSERT INTO figures_day_finished (').length - 1;
  const columns = counted.split(COLUMNS_BEFORE).length - 1;
  const ends = [...counted.matchAll(PARTS_SUM_END)].length;
  if (inserts === 0 || columns !== inserts || ends !== inserts) throw new Error('not a figures_day_finished statement this migration knows');
  return counted.replaceAll(COLUMNS_BEFORE, COLUMNS_AFTER).replace(PARTS_SUM_END, `$1, ${BOUGHT_SUMS}$2`);
}

/** Fill every day's rows from the whole history, as the schema now stands (the tables must be empty). */
export const FILL_FIGURES_DAYS_NOW = FILL_FIGURES_DAYS.map((statement) =>
  statement.includes('INSERT INTO figures_day_finished') ? withBoughtParts(statement) : statement,
);
export const FILL_FIGURES_DAY_MONEY_NOW = FILL_FIGURES_DAY_MONEY.map(countingBoughtParts);

export class FiguresBoughtParts1765843200000 implements MigrationInterface {
  name = 'FiguresBoughtParts1765843200000';

  async up(db: QueryRunner): Promise<void> {
    for (const column of ['bought_qty', 'bought_cost_minor', 'bought_charged_minor'])
      await db.query(`ALTER TABLE figures_day_finished ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`);
    const triggers: { name: string; sql: string }[] = await db.query(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO figures_day_finished (%' ORDER BY rowid`,
    );
    for (const { name, sql } of triggers) {
      await db.query(`DROP TRIGGER ${name}`);
      await db.query(withBoughtParts(sql));
    }
    // Only days on which a ticket with a bought-in part was first ready hold anything but zeros.
    await db.query(`CREATE TEMP TABLE bought_days AS SELECT DISTINCT date(e.at, 'localtime') AS day FROM quote_line ql
      JOIN quote q ON q.id = ql.quote_id AND q.status = 'accepted' JOIN ticket_event e ON e.ticket_id = q.ticket_id AND e.to_status = 'ready'
      WHERE ql.kind = 'bought_part'`);
    const finishedFill = FILL_FIGURES_DAYS_NOW.find((statement) => statement.includes('INSERT INTO figures_day_finished'));
    if (!finishedFill) throw new Error('no fill for figures_day_finished');
    await db.query(`DELETE FROM figures_day_finished WHERE day_out IN (SELECT day FROM bought_days)`);
    await db.query(finishedFill.replace(/ AND 1 GROUP BY /, ` AND date(e.at, 'localtime') IN (SELECT day FROM bought_days) GROUP BY `));
    await db.query(`DROP TABLE bought_days`);
  }

  async down(db: QueryRunner): Promise<void> {
    const triggers: { name: string; sql: string }[] = await db.query(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%INSERT INTO figures_day_finished (%' ORDER BY rowid`,
    );
    for (const { name, sql } of triggers) {
      await db.query(`DROP TRIGGER ${name}`);
      await db.query(sql.replaceAll(`, ${BOUGHT_SUMS}`, '').replaceAll(COLUMNS_AFTER, COLUMNS_BEFORE));
    }
    for (const column of ['bought_charged_minor', 'bought_cost_minor', 'bought_qty']) await db.query(`ALTER TABLE figures_day_finished DROP COLUMN ${column}`);
  }
}
