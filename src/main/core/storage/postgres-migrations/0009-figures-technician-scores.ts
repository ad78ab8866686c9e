// SQLite migration 0022 in PostgreSQL: per local day and technician, the sum
// and count of the quality scores customers gave on follow-up calls, kept by
// triggers through one recompute function (as 0003's day tables).
import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = 'day, technician_id, quality_sum, quality_count';
const scoreRows = (from: string) => `SELECT figures_day(f.at), COALESCE(t.technician_id, 0), SUM(f.quality), COUNT(f.quality)
      FROM ${from} JOIN ticket t ON t.id = f.ticket_id WHERE f.quality IS NOT NULL GROUP BY 1, 2`;

/** Fills every day's rows from the whole history (the table must be empty). */
export const POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES = `INSERT INTO figures_day_technician_scores (${COLUMNS}) ${scoreRows('follow_up_call f')}`;

const TRIGGERS = [
  { name: 'figures_day_scores_call_insert', on: 'AFTER INSERT ON follow_up_call', days: 'ARRAY[figures_day(NEW.at)]' },
  {
    name: 'figures_day_scores_call_update',
    on: 'AFTER UPDATE OF at, quality, ticket_id ON follow_up_call',
    days: 'ARRAY[figures_day(OLD.at), figures_day(NEW.at)]',
  },
  {
    name: 'figures_day_scores_technician',
    on: 'AFTER UPDATE OF technician_id ON ticket',
    days: 'ARRAY(SELECT figures_day(at) FROM follow_up_call WHERE ticket_id = NEW.id)',
  },
];

export class PostgresFiguresTechnicianScores1765929600000 implements MigrationInterface {
  name = 'PostgresFiguresTechnicianScores1765929600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
    CREATE TABLE figures_day_technician_scores (
      day text NOT NULL, technician_id bigint NOT NULL, quality_sum bigint NOT NULL, quality_count bigint NOT NULL,
      PRIMARY KEY (day, technician_id));
    CREATE FUNCTION figures_day_technician_scores_recompute(days text[]) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM figures_day_technician_scores WHERE day = ANY(days);
      INSERT INTO figures_day_technician_scores (${COLUMNS}) ${scoreRows(`(SELECT DISTINCT d AS day FROM unnest(days) AS d WHERE d IS NOT NULL) dd
        JOIN follow_up_call f ON f.at >= figures_day_start(dd.day) AND f.at < figures_day_start(to_char(dd.day::date + 1, 'YYYY-MM-DD'))`)};
    END
    $fn$;
    ${POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES};
    ${TRIGGERS.map(
      (t) => `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      PERFORM figures_day_technician_scores_recompute(${t.days});
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER ${t.name} ${t.on} FOR EACH ROW EXECUTE FUNCTION ${t.name}();`,
    ).join('\n    ')}
`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
    ${TRIGGERS.map((t) => `DROP TRIGGER ${t.name} ON ${/\bON (\w+)/.exec(t.on)?.[1] ?? ''}; DROP FUNCTION ${t.name}();`).join('\n    ')}
    DROP FUNCTION figures_day_technician_scores_recompute(text[]);
    DROP TABLE figures_day_technician_scores;
`);
  }
}
