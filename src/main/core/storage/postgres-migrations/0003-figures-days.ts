// SQLite migrations 0015 and 0016 in PostgreSQL: the reports' per-day totals
// (tickets in and deposits, first response, finished work, payments,
// collections and what they were charged, parts used, follow-up calls), kept
// by triggers in the same transaction as whatever changed them and filled for
// the history, plus the partial indexes of reworks and open tickets. Each
// table has one function that recomputes the rows of a list of days from the
// stored rows; the triggers pass it the days a change touches. Days are local
// to the session's time zone, which the desk sets to the counter's own, so
// they are the days the SQLite file counts with 'localtime'.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const DIAGNOSIS = `'diagnosis'`;

/** The local days (a text[] expression), distinct and not null, as a relation `dd(day)` to join instants against. */
const daysOf = (days: string) => `(SELECT DISTINCT d AS day FROM unnest(${days}) AS d WHERE d IS NOT NULL) dd`;
const inDay = (column: string) => `${column} >= figures_day_start(dd.day) AND ${column} < figures_day_start(to_char(dd.day::date + 1, 'YYYY-MM-DD'))`;
/** Milliseconds from one stored instant to another. */
const msBetween = (from: string, to: string) => `round(EXTRACT(EPOCH FROM ((${to})::timestamptz - (${from})::timestamptz)) * 1000)`;

interface DayTable {
  table: string;
  dayColumn: string;
  columns: string;
  /** The rows' SELECT over the source rows in `from` (a FROM clause with any WHERE). */
  rows: (from: string) => string;
  /** The source rows of the days in `dd`. */
  daysFrom: string;
  /** The source rows of the whole history. */
  allFrom: string;
}

const RESPONSE_MS = `(SELECT ${msBetween('t.created_at', 'MIN(e.at)')} FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed')`;
const FIRST_READY = `NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND p.to_status = 'ready'
    AND (p.at < e.at OR (p.at = e.at AND p.id < e.id)))`;
const charged = (kind: string) => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = '${kind}')`;
const acceptedLines = (
  kind: string,
  diagnosis: boolean | null,
) => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    LEFT JOIN fee_item fi ON fi.id = ql.fee_item_id
    WHERE q.ticket_id = c.ticket_id AND q.status = 'accepted' AND ql.kind = '${kind}'${
      diagnosis === null ? '' : ` AND COALESCE(fi.code = ${DIAGNOSIS}, false) = ${diagnosis}`
    })`;
const UNREPAIRED_DIAGNOSIS = `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote_line ql JOIN fee_item fi ON fi.id = ql.fee_item_id AND fi.code = ${DIAGNOSIS}
    WHERE ql.quote_id = (SELECT id FROM quote WHERE ticket_id = c.ticket_id AND status <> 'superseded' ORDER BY version DESC LIMIT 1) AND ql.kind = 'labour')`;
const DISCOUNTS = `(SELECT COALESCE(SUM(q.discount_minor), 0) FROM quote q WHERE q.ticket_id = c.ticket_id AND q.status = 'accepted')`;
const PART_MOVE = `m.reason IN ('used', 'restock') AND m.ticket_id IS NOT NULL`;

const TABLES: DayTable[] = [
  {
    table: 'figures_day_intake',
    dayColumn: 'day',
    columns: 'day, deposit_method, tickets, deposits, deposit_minor',
    rows: (
      from,
    ) => `SELECT figures_day(t.created_at), COALESCE(t.deposit_method, ''), COUNT(*), COUNT(*) FILTER (WHERE t.deposit_minor > 0), SUM(t.deposit_minor)
      FROM ${from} GROUP BY 1, 2`,
    daysFrom: `JOIN ticket t ON ${inDay('t.created_at')}`,
    allFrom: 'ticket t',
  },
  {
    table: 'figures_day_response',
    dayColumn: 'day',
    columns: 'day, severity, tickets, responded, within_10, within_30, response_ms',
    rows: (
      from,
    ) => `SELECT day, severity, COUNT(*), COUNT(ms), COUNT(*) FILTER (WHERE ms <= 600000), COUNT(*) FILTER (WHERE ms <= 1800000), COALESCE(SUM(ms), 0)
      FROM (SELECT figures_day(t.created_at) AS day, COALESCE(t.severity, 0) AS severity, ${RESPONSE_MS} AS ms FROM ${from}) r GROUP BY day, severity`,
    daysFrom: `JOIN ticket t ON ${inDay('t.created_at')}`,
    allFrom: 'ticket t',
  },
  {
    table: 'figures_day_finished',
    dayColumn: 'day_out',
    columns: 'day_out, day_in, technician_id, repair_class, finished, within_24h, labour_minor, parts_minor',
    rows: (from) => `SELECT figures_day(e.at), figures_day(t.created_at), COALESCE(t.technician_id, 0), COALESCE(d.repair_class, ''), COUNT(*),
        COUNT(*) FILTER (WHERE e.at::timestamptz - t.created_at::timestamptz <= interval '1 day'), SUM(${charged('labour')}), SUM(${charged('part')})
      FROM ${from} JOIN ticket t ON t.id = e.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
      WHERE e.to_status = 'ready' AND ${FIRST_READY} GROUP BY 1, 2, 3, 4`,
    daysFrom: `JOIN ticket_event e ON e.to_status = 'ready' AND ${inDay('e.at')}`,
    allFrom: 'ticket_event e',
  },
  {
    table: 'figures_day_payment',
    dayColumn: 'day',
    columns: 'day, void_day, method, kind, count, amount_minor',
    rows: (from) =>
      `SELECT figures_day(p.at), COALESCE(figures_day(p.voided_at), ''), p.method, p.kind, COUNT(*), SUM(p.amount_minor) FROM ${from} GROUP BY 1, 2, 3, 4`,
    daysFrom: `JOIN payment p ON ${inDay('p.at')}`,
    allFrom: 'payment p',
  },
  {
    table: 'figures_day_collected',
    dayColumn: 'day',
    columns: 'day, collected, labour_minor, parts_minor, diagnosis_minor, discount_minor',
    rows: (from) => `SELECT figures_day(c.at), COUNT(*),
        SUM(CASE WHEN c.repaired = 1 THEN ${acceptedLines('labour', false)} ELSE 0 END),
        SUM(CASE WHEN c.repaired = 1 THEN ${acceptedLines('part', null)} ELSE 0 END),
        SUM(CASE WHEN c.repaired = 1 THEN ${acceptedLines('labour', true)} ELSE ${UNREPAIRED_DIAGNOSIS} END),
        SUM(CASE WHEN c.repaired = 1 THEN ${DISCOUNTS} ELSE 0 END)
      FROM ${from} GROUP BY 1`,
    daysFrom: `JOIN collection c ON ${inDay('c.at')}`,
    allFrom: 'collection c',
  },
  {
    table: 'figures_day_parts',
    dayColumn: 'day',
    columns: 'day, part_id, qty, cost_minor, charged_minor',
    rows: (from) => `SELECT figures_day(m.at), m.part_id, SUM(-m.qty_delta), SUM(-m.qty_delta * m.unit_cost_minor),
        SUM(CASE WHEN m.under_warranty = 1 THEN 0 ELSE -m.qty_delta * m.unit_price_minor END)
      FROM ${from} GROUP BY 1, 2`,
    daysFrom: `JOIN stock_move m ON ${inDay('m.at')} AND ${PART_MOVE}`,
    allFrom: `stock_move m WHERE ${PART_MOVE}`,
  },
  {
    table: 'figures_day_calls',
    dayColumn: 'day',
    columns: 'day, calls, reached, quality_sum, quality_count, attitude_sum, attitude_count',
    rows: (
      from,
    ) => `SELECT figures_day(f.at), COUNT(*), SUM(f.reached), COALESCE(SUM(f.quality), 0), COUNT(f.quality), COALESCE(SUM(f.attitude), 0), COUNT(f.attitude)
      FROM ${from} GROUP BY 1`,
    daysFrom: `JOIN follow_up_call f ON ${inDay('f.at')}`,
    allFrom: 'follow_up_call f',
  },
];

const recomputeFunction = (t: DayTable) => `CREATE FUNCTION ${t.table}_recompute(days text[]) RETURNS void LANGUAGE plpgsql AS $fn$
    BEGIN
      DELETE FROM ${t.table} WHERE ${t.dayColumn} = ANY(days);
      INSERT INTO ${t.table} (${t.columns}) ${t.rows(`${daysOf('days')} ${t.daysFrom}`)};
    END
    $fn$;`;

/** Fills every day's rows from the whole history (the tables must be empty). */
export const POSTGRES_FILL_FIGURES_DAYS = TABLES.map((t) => `INSERT INTO ${t.table} (${t.columns}) ${t.rows(t.allFrom)}`);

const recompute = (table: string, days: string) => `PERFORM ${table}_recompute(${days});`;
const day = (iso: string) => `ARRAY[figures_day(${iso})]`;
const readyDays = (ticketId: string) => `ARRAY(SELECT figures_day(at) FROM ticket_event WHERE ticket_id = ${ticketId} AND to_status = 'ready')`;
const createdDay = (ticketId: string) => `ARRAY(SELECT figures_day(created_at) FROM ticket WHERE id = ${ticketId})`;
const collectedDay = (ticketId: string) => `ARRAY(SELECT figures_day(at) FROM collection WHERE ticket_id = ${ticketId})`;
const isCollected = (ticketId: string) => `EXISTS (SELECT 1 FROM collection WHERE ticket_id = ${ticketId})`;
const quoteTicket = (quoteId: string) => `(SELECT ticket_id FROM quote WHERE id = ${quoteId})`;

interface DayTrigger {
  name: string;
  /** When and on what: `AFTER INSERT ON ticket`, with any `WHEN (...)`. */
  on: string;
  body: string;
}

const TRIGGERS: DayTrigger[] = [
  // 0015: tickets in, first response, finished work.
  {
    name: 'figures_day_ticket_insert',
    on: 'AFTER INSERT ON ticket',
    body: `${recompute('figures_day_intake', day('NEW.created_at'))} ${recompute('figures_day_response', day('NEW.created_at'))}`,
  },
  {
    name: 'figures_day_ticket_intake',
    on: 'AFTER UPDATE OF created_at, deposit_minor, deposit_method ON ticket',
    body: `${recompute('figures_day_intake', `${day('OLD.created_at')} || ${day('NEW.created_at')}`)}
      ${recompute('figures_day_response', `${day('OLD.created_at')} || ${day('NEW.created_at')}`)}
      ${recompute('figures_day_finished', readyDays('NEW.id'))}`,
  },
  { name: 'figures_day_ticket_severity', on: 'AFTER UPDATE OF severity ON ticket', body: recompute('figures_day_response', createdDay('NEW.id')) },
  { name: 'figures_day_ticket_technician', on: 'AFTER UPDATE OF technician_id ON ticket', body: recompute('figures_day_finished', readyDays('NEW.id')) },
  {
    name: 'figures_day_event_response',
    on: `AFTER INSERT ON ticket_event FOR EACH ROW WHEN (NEW.kind = 'status_changed')`,
    body: `IF NOT EXISTS (SELECT 1 FROM ticket_event o WHERE o.ticket_id = NEW.ticket_id AND o.kind = 'status_changed' AND o.at <= NEW.at AND o.id <> NEW.id) THEN
        ${recompute('figures_day_response', createdDay('NEW.ticket_id'))}
      END IF;`,
  },
  {
    name: 'figures_day_event_ready',
    on: `AFTER INSERT ON ticket_event FOR EACH ROW WHEN (NEW.to_status = 'ready')`,
    body: recompute('figures_day_finished', readyDays('NEW.ticket_id')),
  },
  {
    name: 'figures_day_event_update',
    on: 'AFTER UPDATE OF ticket_id, kind, to_status, at ON ticket_event',
    body: `${recompute('figures_day_response', `${createdDay('OLD.ticket_id')} || ${createdDay('NEW.ticket_id')}`)}
      ${recompute('figures_day_finished', `${day('OLD.at')} || ${readyDays('OLD.ticket_id')} || ${readyDays('NEW.ticket_id')}`)}`,
  },
  { name: 'figures_day_diagnosis_insert', on: 'AFTER INSERT ON diagnosis', body: recompute('figures_day_finished', readyDays('NEW.ticket_id')) },
  {
    name: 'figures_day_diagnosis_class',
    on: 'AFTER UPDATE OF repair_class, ticket_id ON diagnosis',
    body: recompute('figures_day_finished', `${readyDays('OLD.ticket_id')} || ${readyDays('NEW.ticket_id')}`),
  },
  {
    name: 'figures_day_quote_status',
    on: `AFTER UPDATE OF status ON quote FOR EACH ROW WHEN (NEW.status = 'accepted' OR OLD.status = 'accepted')`,
    body: recompute('figures_day_finished', readyDays('NEW.ticket_id')),
  },
  {
    name: 'figures_day_quote_line_insert',
    on: 'AFTER INSERT ON quote_line',
    body: `IF (SELECT status FROM quote WHERE id = NEW.quote_id) = 'accepted' THEN ${recompute('figures_day_finished', readyDays(quoteTicket('NEW.quote_id')))} END IF;`,
  },
  {
    name: 'figures_day_quote_line_update',
    on: 'AFTER UPDATE OF kind, charged_minor, quote_id ON quote_line',
    body: recompute('figures_day_finished', readyDays(quoteTicket('NEW.quote_id'))),
  },
  // 0016: payments, collections and their charges, parts used, follow-up calls.
  { name: 'figures_day_payment_insert', on: 'AFTER INSERT ON payment', body: recompute('figures_day_payment', day('NEW.at')) },
  {
    name: 'figures_day_payment_update',
    on: 'AFTER UPDATE OF at, voided_at, kind, method, amount_minor ON payment',
    body: recompute('figures_day_payment', `${day('OLD.at')} || ${day('NEW.at')}`),
  },
  { name: 'figures_day_collection_insert', on: 'AFTER INSERT ON collection', body: recompute('figures_day_collected', day('NEW.at')) },
  {
    name: 'figures_day_collection_update',
    on: 'AFTER UPDATE OF at, ticket_id, repaired ON collection',
    body: recompute('figures_day_collected', `${day('OLD.at')} || ${day('NEW.at')}`),
  },
  {
    name: 'figures_day_collected_quote_insert',
    on: 'AFTER INSERT ON quote',
    body: `IF ${isCollected('NEW.ticket_id')} THEN ${recompute('figures_day_collected', collectedDay('NEW.ticket_id'))} END IF;`,
  },
  {
    name: 'figures_day_collected_quote_update',
    on: 'AFTER UPDATE OF status, version, discount_minor, ticket_id ON quote',
    body: `IF ${isCollected('NEW.ticket_id')} OR ${isCollected('OLD.ticket_id')} THEN
        ${recompute('figures_day_collected', `${collectedDay('OLD.ticket_id')} || ${collectedDay('NEW.ticket_id')}`)}
      END IF;`,
  },
  {
    name: 'figures_day_collected_line_insert',
    on: 'AFTER INSERT ON quote_line',
    body: `IF ${isCollected(quoteTicket('NEW.quote_id'))} THEN ${recompute('figures_day_collected', collectedDay(quoteTicket('NEW.quote_id')))} END IF;`,
  },
  {
    name: 'figures_day_collected_line_update',
    on: 'AFTER UPDATE OF kind, charged_minor, fee_item_id, quote_id ON quote_line',
    body: `IF ${isCollected(quoteTicket('NEW.quote_id'))} OR ${isCollected(quoteTicket('OLD.quote_id'))} THEN
        ${recompute('figures_day_collected', `${collectedDay(quoteTicket('OLD.quote_id'))} || ${collectedDay(quoteTicket('NEW.quote_id'))}`)}
      END IF;`,
  },
  {
    name: 'figures_day_collected_fee_code',
    on: `AFTER UPDATE OF code ON fee_item FOR EACH ROW WHEN ((OLD.code = ${DIAGNOSIS}) IS DISTINCT FROM (NEW.code = ${DIAGNOSIS}))`,
    body: recompute(
      'figures_day_collected',
      `ARRAY(SELECT figures_day(c.at) FROM quote_line ql JOIN quote q ON q.id = ql.quote_id JOIN collection c ON c.ticket_id = q.ticket_id WHERE ql.fee_item_id = NEW.id)`,
    ),
  },
  {
    name: 'figures_day_parts_insert',
    on: `AFTER INSERT ON stock_move FOR EACH ROW WHEN (NEW.reason IN ('used', 'restock') AND NEW.ticket_id IS NOT NULL)`,
    body: recompute('figures_day_parts', day('NEW.at')),
  },
  {
    name: 'figures_day_parts_update',
    on: 'AFTER UPDATE OF at, reason, ticket_id, part_id, qty_delta, unit_cost_minor, unit_price_minor, under_warranty ON stock_move',
    body: recompute('figures_day_parts', `${day('OLD.at')} || ${day('NEW.at')}`),
  },
  { name: 'figures_day_calls_insert', on: 'AFTER INSERT ON follow_up_call', body: recompute('figures_day_calls', day('NEW.at')) },
  {
    name: 'figures_day_calls_update',
    on: 'AFTER UPDATE OF at, reached, quality, attitude ON follow_up_call',
    body: recompute('figures_day_calls', `${day('OLD.at')} || ${day('NEW.at')}`),
  },
];

const createTrigger = (t: DayTrigger) => `CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      ${t.body}
      RETURN NULL;
    END
    $fn$;
    CREATE TRIGGER ${t.name} ${t.on.includes('FOR EACH ROW') ? t.on : `${t.on} FOR EACH ROW`} EXECUTE FUNCTION ${t.name}();`;

export class PostgresFiguresDays1765411200000 implements MigrationInterface {
  name = 'PostgresFiguresDays1765411200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
    -- The local day of a stored instant, and the stored instant a local day starts at (the session's time zone).
    CREATE FUNCTION figures_day(at text) RETURNS text LANGUAGE sql STABLE AS $fn$ SELECT to_char(at::timestamptz, 'YYYY-MM-DD') $fn$;
    CREATE FUNCTION figures_day_start(day text) RETURNS text LANGUAGE sql STABLE AS
      $fn$ SELECT to_char(day::timestamp::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $fn$;

    CREATE TABLE figures_day_intake (
      day text NOT NULL, deposit_method text NOT NULL, tickets bigint NOT NULL, deposits bigint NOT NULL, deposit_minor bigint NOT NULL,
      PRIMARY KEY (day, deposit_method));
    CREATE TABLE figures_day_response (
      day text NOT NULL, severity bigint NOT NULL, tickets bigint NOT NULL, responded bigint NOT NULL, within_10 bigint NOT NULL,
      within_30 bigint NOT NULL, response_ms bigint NOT NULL,
      PRIMARY KEY (day, severity));
    CREATE TABLE figures_day_finished (
      day_out text NOT NULL, day_in text NOT NULL, technician_id bigint NOT NULL, repair_class text NOT NULL, finished bigint NOT NULL,
      within_24h bigint NOT NULL, labour_minor bigint NOT NULL, parts_minor bigint NOT NULL,
      PRIMARY KEY (day_out, day_in, technician_id, repair_class));
    CREATE TABLE figures_day_payment (
      day text NOT NULL, void_day text NOT NULL, method text NOT NULL, kind text NOT NULL, count bigint NOT NULL, amount_minor bigint NOT NULL,
      PRIMARY KEY (day, void_day, method, kind));
    CREATE INDEX figures_day_payment_voided ON figures_day_payment(void_day) WHERE void_day <> '';
    CREATE TABLE figures_day_collected (
      day text PRIMARY KEY, collected bigint NOT NULL, labour_minor bigint NOT NULL, parts_minor bigint NOT NULL, diagnosis_minor bigint NOT NULL,
      discount_minor bigint NOT NULL);
    CREATE TABLE figures_day_parts (
      day text NOT NULL, part_id bigint NOT NULL, qty bigint NOT NULL, cost_minor bigint NOT NULL, charged_minor bigint NOT NULL,
      PRIMARY KEY (day, part_id));
    CREATE TABLE figures_day_calls (
      day text PRIMARY KEY, calls bigint NOT NULL, reached bigint NOT NULL, quality_sum bigint NOT NULL, quality_count bigint NOT NULL,
      attitude_sum bigint NOT NULL, attitude_count bigint NOT NULL);
    CREATE INDEX ticket_rework_created ON ticket(created_at, rework_of_ticket_id) WHERE rework_of_ticket_id IS NOT NULL;
    CREATE INDEX ticket_open_created ON ticket(status, created_at) WHERE status NOT IN ('collected', 'cancelled');
    ${TABLES.map(recomputeFunction).join('\n    ')}
    ${POSTGRES_FILL_FIGURES_DAYS.map((s) => `${s};`).join('\n    ')}
    ${TRIGGERS.map(createTrigger).join('\n    ')}
`);
  }

  async down(runner: QueryRunner): Promise<void> {
    const tableOf = (t: DayTrigger) => /\bON (\w+)/.exec(t.on)![1];
    await runner.query(`
    ${TRIGGERS.map((t) => `DROP TRIGGER ${t.name} ON ${tableOf(t)}; DROP FUNCTION ${t.name}();`).join('\n    ')}
    ${TABLES.map((t) => `DROP FUNCTION ${t.table}_recompute(text[]); DROP TABLE ${t.table};`).join('\n    ')}
    DROP INDEX ticket_open_created;
    DROP INDEX ticket_rework_created;
    DROP FUNCTION figures_day_start(text);
    DROP FUNCTION figures_day(text);
`);
  }
}
