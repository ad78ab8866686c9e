import type { MigrationInterface, QueryRunner } from 'typeorm';

// More per-day totals for the reports (after figures-days), so a month or a
// year reads day rows for its money, parts and calls too:
// - figures_day_payment: payments and refunds by the local day they were
//   taken, the local day they were voided ('' = not voided), method and kind:
//   how many and their amount. A period books them as rules/money-booking
//   does (a void on the day it was made), day by day;
// - figures_day_collected: per local day of collection, how many tickets were
//   collected and what was charged for them (labour, parts, diagnosis fees,
//   discounts of the accepted quotes; an unrepaired device only its last
//   quote's diagnosis fee), as the collection charges it;
// - figures_day_parts: parts fitted (and put back on the shelf) on repairs,
//   per local day and part: quantity, cost and what was charged;
// - figures_day_calls: follow-up calls per local day: how many, how many
//   reached the customer, and the sums and counts of their scores.
// Triggers recompute a day's rows in the same transaction as whatever changed
// them, so they are always what the live computation gives; the migration
// fills them for the history. Days are the process's local days, as in
// figures-days. Reworks and the open tickets read partial indexes instead.

const DIAGNOSIS = `'diagnosis'`;
const dayStart = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, 'utc')`;
const dayEnd = (day: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${day}, '+1 day', 'utc')`;
const inDay = (column: string) => `${column} >= ${dayStart('dd.day')} AND ${column} < ${dayEnd('dd.day')}`;

const PAYMENT_COLUMNS = 'day, void_day, method, kind, count, amount_minor';
const paymentRows = (
  from: string,
) => `SELECT date(p.at, 'localtime'), COALESCE(date(p.voided_at, 'localtime'), ''), p.method, p.kind, COUNT(*), SUM(p.amount_minor)
  FROM ${from} GROUP BY 1, 2, 3, 4`;

/** Accepted quote lines of the collected ticket `c` of one kind, diagnosis fees (`true`) or the rest (`false`, null fee item included). */
const acceptedLines = (
  kind: string,
  diagnosis: boolean | null,
) => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    LEFT JOIN fee_item fi ON fi.id = ql.fee_item_id
    WHERE q.ticket_id = c.ticket_id AND q.status = 'accepted' AND ql.kind = '${kind}'${
      diagnosis === null ? '' : ` AND COALESCE(fi.code = ${DIAGNOSIS}, 0) = ${diagnosis ? 1 : 0}`
    })`;
/** The diagnosis fee an unrepaired device `c` pays: its last quote's (not superseded) diagnosis-fee labour lines. */
const UNREPAIRED_DIAGNOSIS = `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote_line ql JOIN fee_item fi ON fi.id = ql.fee_item_id AND fi.code = ${DIAGNOSIS}
    WHERE ql.quote_id = (SELECT id FROM quote WHERE ticket_id = c.ticket_id AND status <> 'superseded' ORDER BY version DESC LIMIT 1) AND ql.kind = 'labour')`;
const DISCOUNTS = `(SELECT COALESCE(SUM(q.discount_minor), 0) FROM quote q WHERE q.ticket_id = c.ticket_id AND q.status = 'accepted')`;

const COLLECTED_COLUMNS = 'day, collected, labour_minor, parts_minor, diagnosis_minor, discount_minor';
const collectedRows = (from: string) => `SELECT date(c.at, 'localtime'), COUNT(*),
    SUM(CASE WHEN c.repaired THEN ${acceptedLines('labour', false)} ELSE 0 END),
    SUM(CASE WHEN c.repaired THEN ${acceptedLines('part', null)} ELSE 0 END),
    SUM(CASE WHEN c.repaired THEN ${acceptedLines('labour', true)} ELSE ${UNREPAIRED_DIAGNOSIS} END),
    SUM(CASE WHEN c.repaired THEN ${DISCOUNTS} ELSE 0 END)
  FROM ${from} GROUP BY 1`;

const PART_COLUMNS = 'day, part_id, qty, cost_minor, charged_minor';
/** Fitted parts and those put back on the shelf from a repair; a part under warranty is charged nothing. */
const PART_MOVE = `m.reason IN ('used', 'restock') AND m.ticket_id IS NOT NULL`;
const partRows = (from: string) => `SELECT date(m.at, 'localtime'), m.part_id, SUM(-m.qty_delta), SUM(-m.qty_delta * m.unit_cost_minor),
    SUM(CASE WHEN m.under_warranty THEN 0 ELSE -m.qty_delta * m.unit_price_minor END)
  FROM ${from} GROUP BY 1, 2`;

const CALL_COLUMNS = 'day, calls, reached, quality_sum, quality_count, attitude_sum, attitude_count';
const callRows = (from: string) => `SELECT date(f.at, 'localtime'), COUNT(*), SUM(f.reached), COALESCE(SUM(f.quality), 0), COUNT(f.quality),
    COALESCE(SUM(f.attitude), 0), COUNT(f.attitude)
  FROM ${from} GROUP BY 1`;

const recompute = (table: string, dayColumn: string, columns: string, rows: string, days: string) =>
  `DELETE FROM ${table} WHERE ${dayColumn} IN (${days});
    INSERT INTO ${table} (${columns}) ${rows};`;

const recomputePayments = (days: string) =>
  recompute('figures_day_payment', 'day', PAYMENT_COLUMNS, paymentRows(`(${days}) dd JOIN payment p ON ${inDay('p.at')}`), days);
const recomputeCollected = (days: string) =>
  recompute('figures_day_collected', 'day', COLLECTED_COLUMNS, collectedRows(`(${days}) dd JOIN collection c ON ${inDay('c.at')}`), days);
const recomputeParts = (days: string) =>
  recompute('figures_day_parts', 'day', PART_COLUMNS, partRows(`(${days}) dd JOIN stock_move m ON ${inDay('m.at')} AND ${PART_MOVE}`), days);
const recomputeCalls = (days: string) =>
  recompute('figures_day_calls', 'day', CALL_COLUMNS, callRows(`(${days}) dd JOIN follow_up_call f ON ${inDay('f.at')}`), days);

const dayOf = (iso: string) => `SELECT date(${iso}, 'localtime') AS day`;
/** The collection day of a ticket (none when it is not collected). */
const collectedDayOf = (ticketId: string) => `SELECT date(at, 'localtime') AS day FROM collection WHERE ticket_id = ${ticketId}`;
const isCollected = (ticketId: string) => `EXISTS (SELECT 1 FROM collection WHERE ticket_id = ${ticketId})`;
const quoteTicket = (quoteId: string) => `(SELECT ticket_id FROM quote WHERE id = ${quoteId})`;

export const FIGURES_DAY_MONEY_TRIGGERS: Record<string, string> = {
  figures_day_payment_insert: `AFTER INSERT ON payment BEGIN ${recomputePayments(dayOf('NEW.at'))} END`,
  // Payments are only ever voided (a trigger refuses other changes); the day it was taken moves its row to that void day.
  figures_day_payment_update: `AFTER UPDATE OF at, voided_at, kind, method, amount_minor ON payment BEGIN
    ${recomputePayments(`${dayOf('OLD.at')} UNION ${dayOf('NEW.at')}`)} END`,
  figures_day_collection_insert: `AFTER INSERT ON collection BEGIN ${recomputeCollected(dayOf('NEW.at'))} END`,
  // Collections are never changed by the desk (a trigger refuses it); a repair of the record that lifts that guard still leaves the totals right.
  figures_day_collection_update: `AFTER UPDATE OF at, ticket_id, repaired ON collection BEGIN
    ${recomputeCollected(`${dayOf('OLD.at')} UNION ${dayOf('NEW.at')}`)} END`,
  // What a collected ticket was charged follows its quotes, as the live figures do.
  figures_day_collected_quote_insert: `AFTER INSERT ON quote WHEN ${isCollected('NEW.ticket_id')} BEGIN
    ${recomputeCollected(collectedDayOf('NEW.ticket_id'))} END`,
  figures_day_collected_quote_update: `AFTER UPDATE OF status, version, discount_minor, ticket_id ON quote
      WHEN ${isCollected('NEW.ticket_id')} OR ${isCollected('OLD.ticket_id')} BEGIN
    ${recomputeCollected(`${collectedDayOf('OLD.ticket_id')} UNION ${collectedDayOf('NEW.ticket_id')}`)} END`,
  figures_day_collected_line_insert: `AFTER INSERT ON quote_line WHEN ${isCollected(quoteTicket('NEW.quote_id'))} BEGIN
    ${recomputeCollected(collectedDayOf(quoteTicket('NEW.quote_id')))} END`,
  figures_day_collected_line_update: `AFTER UPDATE OF kind, charged_minor, fee_item_id, quote_id ON quote_line
      WHEN ${isCollected(quoteTicket('NEW.quote_id'))} OR ${isCollected(quoteTicket('OLD.quote_id'))} BEGIN
    ${recomputeCollected(`${collectedDayOf(quoteTicket('OLD.quote_id'))} UNION ${collectedDayOf(quoteTicket('NEW.quote_id'))}`)} END`,
  // A fee item given or relieved of the diagnosis code changes which fees count as diagnosis on every day it was charged (rare).
  figures_day_collected_fee_code: `AFTER UPDATE OF code ON fee_item WHEN (OLD.code = ${DIAGNOSIS}) IS NOT (NEW.code = ${DIAGNOSIS}) BEGIN
    ${recomputeCollected(`SELECT DISTINCT date(c.at, 'localtime') AS day FROM quote_line ql JOIN quote q ON q.id = ql.quote_id
      JOIN collection c ON c.ticket_id = q.ticket_id WHERE ql.fee_item_id = NEW.id`)} END`,
  figures_day_parts_insert: `AFTER INSERT ON stock_move WHEN NEW.reason IN ('used', 'restock') AND NEW.ticket_id IS NOT NULL BEGIN
    ${recomputeParts(dayOf('NEW.at'))} END`,
  figures_day_parts_update: `AFTER UPDATE OF at, reason, ticket_id, part_id, qty_delta, unit_cost_minor, unit_price_minor, under_warranty ON stock_move BEGIN
    ${recomputeParts(`${dayOf('OLD.at')} UNION ${dayOf('NEW.at')}`)} END`,
  figures_day_calls_insert: `AFTER INSERT ON follow_up_call BEGIN ${recomputeCalls(dayOf('NEW.at'))} END`,
  figures_day_calls_update: `AFTER UPDATE OF at, reached, quality, attitude ON follow_up_call BEGIN
    ${recomputeCalls(`${dayOf('OLD.at')} UNION ${dayOf('NEW.at')}`)} END`,
};

/** The day tables this migration keeps. */
export const FIGURES_DAY_MONEY_TABLES = ['figures_day_payment', 'figures_day_collected', 'figures_day_parts', 'figures_day_calls'] as const;

/** Fills every day's rows from the whole history (the tables must be empty). */
export const FILL_FIGURES_DAY_MONEY = [
  `INSERT INTO figures_day_payment (${PAYMENT_COLUMNS}) ${paymentRows('payment p')}`,
  `INSERT INTO figures_day_collected (${COLLECTED_COLUMNS}) ${collectedRows('collection c')}`,
  `INSERT INTO figures_day_parts (${PART_COLUMNS}) ${partRows(`stock_move m WHERE ${PART_MOVE}`)}`,
  `INSERT INTO figures_day_calls (${CALL_COLUMNS}) ${callRows('follow_up_call f')}`,
];

/** The tickets still in the shop (not collected, not cancelled): the report's open tickets, the partial index's rows. */
export const OPEN_TICKET = `status NOT IN ('collected', 'cancelled')`;

export class FiguresDaysMoney1765411200000 implements MigrationInterface {
  name = 'FiguresDaysMoney1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE figures_day_payment (
      day TEXT NOT NULL,
      void_day TEXT NOT NULL,
      method TEXT NOT NULL,
      kind TEXT NOT NULL,
      count INTEGER NOT NULL,
      amount_minor INTEGER NOT NULL,
      PRIMARY KEY (day, void_day, method, kind)
    ) WITHOUT ROWID`);
    await db.query(`CREATE INDEX figures_day_payment_voided ON figures_day_payment(void_day) WHERE void_day <> ''`);
    await db.query(`CREATE TABLE figures_day_collected (
      day TEXT NOT NULL PRIMARY KEY,
      collected INTEGER NOT NULL,
      labour_minor INTEGER NOT NULL,
      parts_minor INTEGER NOT NULL,
      diagnosis_minor INTEGER NOT NULL,
      discount_minor INTEGER NOT NULL
    ) WITHOUT ROWID`);
    await db.query(`CREATE TABLE figures_day_parts (
      day TEXT NOT NULL,
      part_id INTEGER NOT NULL,
      qty INTEGER NOT NULL,
      cost_minor INTEGER NOT NULL,
      charged_minor INTEGER NOT NULL,
      PRIMARY KEY (day, part_id)
    ) WITHOUT ROWID`);
    await db.query(`CREATE TABLE figures_day_calls (
      day TEXT NOT NULL PRIMARY KEY,
      calls INTEGER NOT NULL,
      reached INTEGER NOT NULL,
      quality_sum INTEGER NOT NULL,
      quality_count INTEGER NOT NULL,
      attitude_sum INTEGER NOT NULL,
      attitude_count INTEGER NOT NULL
    ) WITHOUT ROWID`);
    // Reworks of a period and the open tickets by status and age: index ranges over those tickets only.
    await db.query(`CREATE INDEX ticket_rework_created ON ticket(created_at, rework_of_ticket_id) WHERE rework_of_ticket_id IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_open_created ON ticket(status, created_at) WHERE ${OPEN_TICKET}`);
    for (const statement of FILL_FIGURES_DAY_MONEY) await db.query(statement);
    for (const [name, body] of Object.entries(FIGURES_DAY_MONEY_TRIGGERS)) await db.query(`CREATE TRIGGER ${name} ${body}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const name of Object.keys(FIGURES_DAY_MONEY_TRIGGERS)) await db.query(`DROP TRIGGER ${name}`);
    await db.query(`DROP INDEX ticket_open_created`);
    await db.query(`DROP INDEX ticket_rework_created`);
    for (const table of ['figures_day_calls', 'figures_day_parts', 'figures_day_collected', 'figures_day_payment']) await db.query(`DROP TABLE ${table}`);
  }
}
