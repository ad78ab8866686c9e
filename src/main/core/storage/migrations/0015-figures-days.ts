import type { MigrationInterface, QueryRunner } from 'typeorm';

// Per-day totals for the reports, so a month or a year reads day rows instead
// of every ticket of the period. Each table holds, per local calendar day, the
// groups the report adds up:
// - figures_day_intake: tickets checked in and the deposits taken with them,
//   by the deposit's method ('' when none was asked);
// - figures_day_response: the tickets checked in that day by fault level
//   (0 = not diagnosed): how many had a first response, how many within 10 and
//   within 30 minutes, and the sum of their response times in milliseconds;
// - figures_day_finished: the tickets whose first-ever "ready" fell on that
//   day, by check-in day, technician (0 = none) and repair class ('' = none),
//   with how many of them were ready within 24 hours of check-in and the
//   labour and parts value of their accepted quotes, as charged.
// Triggers recompute a day's rows from the stored tickets in the same
// transaction as whatever changed them (a check-in, a status move, a
// reassignment, a diagnosis), so the rows are always exactly what the live
// computation gives for that day; the migration fills them for the history.
// Days are the process's local days ('localtime'), as the reports count them.

/** The UTC instants (as stored: ISO 8601 with milliseconds) that bound the local day `day` (an SQL expression). */
const dayStart = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, 'utc')`;
const dayEnd = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, '+1 day', 'utc')`;

/** Rows of figures_day_intake for the tickets `t` chosen by `from` and `where`. */
const intakeRows = (from: string, where: string) => `SELECT date(t.created_at, 'localtime') AS day, COALESCE(t.deposit_method, '') AS deposit_method,
    COUNT(*), SUM(t.deposit_minor > 0), SUM(t.deposit_minor)
  FROM ${from} WHERE ${where} GROUP BY 1, 2`;

/** Response time of ticket `t` to its first status change, whole milliseconds (NULL: none yet). */
const RESPONSE_MS = `(SELECT CAST(round((julianday(MIN(e.at)) - julianday(t.created_at)) * 86400000) AS INTEGER)
    FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed')`;

const responseRows = (
  from: string,
  where: string,
) => `SELECT day, severity, COUNT(*), COUNT(ms), COUNT(CASE WHEN ms <= 600000 THEN 1 END), COUNT(CASE WHEN ms <= 1800000 THEN 1 END), COALESCE(SUM(ms), 0)
  FROM (SELECT date(t.created_at, 'localtime') AS day, COALESCE(t.severity, 0) AS severity, ${RESPONSE_MS} AS ms FROM ${from} WHERE ${where})
  GROUP BY day, severity`;

/** A ready event that is its ticket's first (ties broken by id); the unary plus keeps SQLite on the ticket's own events, not every earlier ready event. */
const FIRST_READY = `NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND +p.to_status = 'ready'
    AND (+p.at < e.at OR (+p.at = e.at AND p.id < e.id)))`;

/** What the accepted quotes of ticket `t` charge for one kind of line. */
const charged = (kind: string) => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = '${kind}')`;

const finishedRows = (from: string, where: string) => `SELECT date(e.at, 'localtime'), date(t.created_at, 'localtime'), COALESCE(t.technician_id, 0),
    COALESCE(d.repair_class, ''), COUNT(*), SUM(julianday(e.at) - julianday(t.created_at) <= 1.0), SUM(${charged('labour')}), SUM(${charged('part')})
  FROM ${from} JOIN ticket t ON t.id = e.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
  WHERE e.to_status = 'ready' AND ${FIRST_READY} AND ${where} GROUP BY 1, 2, 3, 4`;

const INTAKE_COLUMNS = 'day, deposit_method, tickets, deposits, deposit_minor';
const RESPONSE_COLUMNS = 'day, severity, tickets, responded, within_10, within_30, response_ms';
const FINISHED_COLUMNS = 'day_out, day_in, technician_id, repair_class, finished, within_24h, labour_minor, parts_minor';

/** Statements that recompute the days listed by `days` (a SELECT of one column `day`). */
function recomputeIntake(days: string): string {
  return `DELETE FROM figures_day_intake WHERE day IN (${days});
    INSERT INTO figures_day_intake (${INTAKE_COLUMNS}) ${intakeRows(
      `(${days}) dd JOIN ticket t ON t.created_at >= ${dayStart('dd.day')} AND t.created_at < ${dayEnd('dd.day')}`,
      '1',
    )};`;
}

function recomputeResponse(days: string): string {
  return `DELETE FROM figures_day_response WHERE day IN (${days});
    INSERT INTO figures_day_response (${RESPONSE_COLUMNS}) ${responseRows(
      `(${days}) dd JOIN ticket t ON t.created_at >= ${dayStart('dd.day')} AND t.created_at < ${dayEnd('dd.day')}`,
      '1',
    )};`;
}

function recomputeFinished(days: string): string {
  return `DELETE FROM figures_day_finished WHERE day_out IN (${days});
    INSERT INTO figures_day_finished (${FINISHED_COLUMNS}) ${finishedRows(
      `(${days}) dd JOIN ticket_event e ON e.to_status = 'ready' AND e.at >= ${dayStart('dd.day')} AND e.at < ${dayEnd('dd.day')}`,
      '1',
    )};`;
}

/** The days of a ticket's ready events (each may hold, or have held, its first ready). */
const readyDaysOf = (ticketId: string) =>
  `SELECT DISTINCT date(at, 'localtime') AS day FROM ticket_event WHERE ticket_id = ${ticketId} AND to_status = 'ready'`;
const createdDayOf = (ticketId: string) => `SELECT date(created_at, 'localtime') AS day FROM ticket WHERE id = ${ticketId}`;

export const FIGURES_DAY_TRIGGERS: Record<string, string> = {
  figures_day_ticket_insert: `AFTER INSERT ON ticket BEGIN
    ${recomputeIntake(`SELECT date(NEW.created_at, 'localtime') AS day`)}
    ${recomputeResponse(`SELECT date(NEW.created_at, 'localtime') AS day`)} END`,
  figures_day_ticket_intake: `AFTER UPDATE OF created_at, deposit_minor, deposit_method ON ticket BEGIN
    ${recomputeIntake(`SELECT date(OLD.created_at, 'localtime') AS day UNION SELECT date(NEW.created_at, 'localtime')`)}
    ${recomputeResponse(`SELECT date(OLD.created_at, 'localtime') AS day UNION SELECT date(NEW.created_at, 'localtime')`)}
    ${recomputeFinished(readyDaysOf('NEW.id'))} END`,
  figures_day_ticket_severity: `AFTER UPDATE OF severity ON ticket BEGIN ${recomputeResponse(createdDayOf('NEW.id'))} END`,
  figures_day_ticket_technician: `AFTER UPDATE OF technician_id ON ticket BEGIN ${recomputeFinished(readyDaysOf('NEW.id'))} END`,
  figures_day_event_response: `AFTER INSERT ON ticket_event WHEN NEW.kind = 'status_changed' AND NOT EXISTS
      (SELECT 1 FROM ticket_event o WHERE o.ticket_id = NEW.ticket_id AND o.kind = 'status_changed' AND o.at <= NEW.at AND o.id <> NEW.id) BEGIN
    ${recomputeResponse(createdDayOf('NEW.ticket_id'))} END`,
  figures_day_event_ready: `AFTER INSERT ON ticket_event WHEN NEW.to_status = 'ready' BEGIN ${recomputeFinished(readyDaysOf('NEW.ticket_id'))} END`,
  // Events are never edited by the desk (a trigger refuses it); a repair of the record that lifts that guard still leaves the totals right.
  figures_day_event_update: `AFTER UPDATE OF ticket_id, kind, to_status, at ON ticket_event BEGIN
    ${recomputeResponse(`${createdDayOf('OLD.ticket_id')} UNION ${createdDayOf('NEW.ticket_id')}`)}
    ${recomputeFinished(`SELECT date(OLD.at, 'localtime') AS day UNION ${readyDaysOf('OLD.ticket_id')} UNION ${readyDaysOf('NEW.ticket_id')}`)} END`,
  figures_day_diagnosis_insert: `AFTER INSERT ON diagnosis BEGIN ${recomputeFinished(readyDaysOf('NEW.ticket_id'))} END`,
  figures_day_diagnosis_class: `AFTER UPDATE OF repair_class, ticket_id ON diagnosis BEGIN
    ${recomputeFinished(`${readyDaysOf('OLD.ticket_id')} UNION ${readyDaysOf('NEW.ticket_id')}`)} END`,
  figures_day_quote_status: `AFTER UPDATE OF status ON quote WHEN NEW.status = 'accepted' OR OLD.status = 'accepted' BEGIN
    ${recomputeFinished(readyDaysOf('NEW.ticket_id'))} END`,
  figures_day_quote_line_insert: `AFTER INSERT ON quote_line WHEN (SELECT status FROM quote WHERE id = NEW.quote_id) = 'accepted' BEGIN
    ${recomputeFinished(readyDaysOf('(SELECT ticket_id FROM quote WHERE id = NEW.quote_id)'))} END`,
  figures_day_quote_line_update: `AFTER UPDATE OF kind, charged_minor, quote_id ON quote_line BEGIN
    ${recomputeFinished(readyDaysOf('(SELECT ticket_id FROM quote WHERE id = NEW.quote_id)'))} END`,
};

/** Fills every day's rows from the whole history (the tables must be empty). */
export const FILL_FIGURES_DAYS = [
  `INSERT INTO figures_day_intake (${INTAKE_COLUMNS}) ${intakeRows('ticket t', '1')}`,
  `INSERT INTO figures_day_response (${RESPONSE_COLUMNS}) ${responseRows('ticket t', '1')}`,
  `INSERT INTO figures_day_finished (${FINISHED_COLUMNS}) ${finishedRows('ticket_event e', '1')}`,
];

export class FiguresDays1765324800000 implements MigrationInterface {
  name = 'FiguresDays1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE figures_day_intake (
      day TEXT NOT NULL,
      deposit_method TEXT NOT NULL,
      tickets INTEGER NOT NULL,
      deposits INTEGER NOT NULL,
      deposit_minor INTEGER NOT NULL,
      PRIMARY KEY (day, deposit_method)
    ) WITHOUT ROWID`);
    await db.query(`CREATE TABLE figures_day_response (
      day TEXT NOT NULL,
      severity INTEGER NOT NULL,
      tickets INTEGER NOT NULL,
      responded INTEGER NOT NULL,
      within_10 INTEGER NOT NULL,
      within_30 INTEGER NOT NULL,
      response_ms INTEGER NOT NULL,
      PRIMARY KEY (day, severity)
    ) WITHOUT ROWID`);
    await db.query(`CREATE TABLE figures_day_finished (
      day_out TEXT NOT NULL,
      day_in TEXT NOT NULL,
      technician_id INTEGER NOT NULL,
      repair_class TEXT NOT NULL,
      finished INTEGER NOT NULL,
      within_24h INTEGER NOT NULL,
      labour_minor INTEGER NOT NULL,
      parts_minor INTEGER NOT NULL,
      PRIMARY KEY (day_out, day_in, technician_id, repair_class)
    ) WITHOUT ROWID`);
    for (const statement of FILL_FIGURES_DAYS) await db.query(statement);
    for (const [name, body] of Object.entries(FIGURES_DAY_TRIGGERS)) await db.query(`CREATE TRIGGER ${name} ${body}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of Object.keys(FIGURES_DAY_TRIGGERS)) await db.query(`DROP TRIGGER ${name}`);
    await db.query(`DROP TABLE figures_day_finished`);
    await db.query(`DROP TABLE figures_day_response`);
    await db.query(`DROP TABLE figures_day_intake`);
  }
}
