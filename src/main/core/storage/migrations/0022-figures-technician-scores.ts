import type { MigrationInterface, QueryRunner } from 'typeorm';

// Work by technician shows each technician's average satisfaction: the quality
// score (1-5) customers gave on the follow-up calls of the repairs that
// technician did. figures_day_technician_scores keeps, per local day of the
// call and technician (0 = none), the sum and count of those scores, so a
// year's report reads day rows instead of every call of the year. Triggers
// recompute a day's rows in the same transaction as a call recorded or
// changed, or a ticket handed to another technician; the migration fills the
// history. Days are the process's local days, as in figures-days.

const dayStart = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, 'utc')`;
const dayEnd = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, '+1 day', 'utc')`;

const COLUMNS = 'day, technician_id, quality_sum, quality_count';
const scoreRows = (from: string) => `SELECT date(f.at, 'localtime'), COALESCE(t.technician_id, 0), SUM(f.quality), COUNT(f.quality)
  FROM ${from} JOIN ticket t ON t.id = f.ticket_id WHERE f.quality IS NOT NULL GROUP BY 1, 2`;

const recompute = (days: string) => `DELETE FROM figures_day_technician_scores WHERE day IN (${days});
    INSERT INTO figures_day_technician_scores (${COLUMNS}) ${scoreRows(
      `(${days}) dd JOIN follow_up_call f ON f.at >= ${dayStart('dd.day')} AND f.at < ${dayEnd('dd.day')}`,
    )};`;
const dayOf = (iso: string) => `SELECT date(${iso}, 'localtime') AS day`;
const callDaysOf = (ticketId: string) => `SELECT DISTINCT date(at, 'localtime') AS day FROM follow_up_call WHERE ticket_id = ${ticketId}`;

export const FIGURES_TECHNICIAN_SCORE_TRIGGERS: Record<string, string> = {
  figures_day_scores_call_insert: `AFTER INSERT ON follow_up_call WHEN NEW.quality IS NOT NULL BEGIN ${recompute(dayOf('NEW.at'))} END`,
  figures_day_scores_call_update: `AFTER UPDATE OF at, quality, ticket_id ON follow_up_call BEGIN
    ${recompute(`${dayOf('OLD.at')} UNION ${dayOf('NEW.at')}`)} END`,
  figures_day_scores_technician: `AFTER UPDATE OF technician_id ON ticket WHEN EXISTS (SELECT 1 FROM follow_up_call WHERE ticket_id = NEW.id) BEGIN
    ${recompute(callDaysOf('NEW.id'))} END`,
};

/** Fills every day's rows from the whole history (the table must be empty). */
export const FILL_FIGURES_TECHNICIAN_SCORES = `INSERT INTO figures_day_technician_scores (${COLUMNS}) ${scoreRows('follow_up_call f')}`;

export class FiguresTechnicianScores1765929600000 implements MigrationInterface {
  name = 'FiguresTechnicianScores1765929600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE figures_day_technician_scores (
      day TEXT NOT NULL,
      technician_id INTEGER NOT NULL,
      quality_sum INTEGER NOT NULL,
      quality_count INTEGER NOT NULL,
      PRIMARY KEY (day, technician_id)
    ) WITHOUT ROWID`);
    await db.query(FILL_FIGURES_TECHNICIAN_SCORES);
    for (const [name, body] of Object.entries(FIGURES_TECHNICIAN_SCORE_TRIGGERS)) await db.query(`CREATE TRIGGER ${name} ${body}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of Object.keys(FIGURES_TECHNICIAN_SCORE_TRIGGERS)) await db.query(`DROP TRIGGER ${name}`);
    await db.query(`DROP TABLE figures_day_technician_scores`);
  }
}
