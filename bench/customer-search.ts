// The Customers screen on the generated file: 'archive.search' by the full
// phone, part of the phone, part of a name and part of a serial, and the
// follow-up list (回访) of the bench's "today", each through the desk next to a
// baseline on better-sqlite3: for the full phone and the follow-up list the
// minimal indexed query returning the same rows (one prepared statement), for
// the partial searches the service's same SQL (search.ts's RawRunner). The
// intake's as-you-type lookup of a returning customer ('customers.search') is
// timed the same way, on the text a clerk has typed so far.
// Each shows its goal (stated for a million tickets).
import type BetterSqlite3 from 'better-sqlite3';
import type { Desk } from '../src/main/core/desk';
import { localIsoDate } from '../src/shared/calendar';
import { searchArchive } from '../src/main/core/features/customers/customer-archive-search';
import { searchCustomers } from '../src/main/core/features/customers/customer-lookup';
import type { CustomerSummary } from '../src/shared/contract';
import { policyOf } from '../src/main/core/features/customers/follow-ups';
import { addDays } from '../src/shared/calendar';
import { FOLLOW_UP_LAPSE_DAYS } from '../src/main/core/rules/follow-up';
import { DEFAULT_SETTINGS } from '../src/main/core/features/settings/settings';
import type { ArchiveHit, FollowUpDue } from '../src/shared/customer-care-contract';
import { displayTicketNumber } from '../src/shared/ticket-number';
import { DATA_NOW } from './generate-data';
import type { RawRunner } from './search';
import { withSampler } from './sampler';
import { EXACT_WARM_UP, exactSamples } from './warm-up';
import { itemAt } from '../src/shared/lists';

const LIMIT = 20;
/** The intake's lookup shows this many customers under the field. */
const INTAKE_LIMIT = 8;
const PREFIX = 'RD'; // the desk's default ticket prefix; the generated file keeps the default settings

export interface CareTimed {
  label: string;
  goal: { p95Ms: number; ratio?: number };
  baselineKind: 'minimal' | 'service';
  desk: number[];
  raw: number[];
  hits: number[];
  mismatches: number;
}

/** Goals at a million tickets: an exact lookup as the ticket search's, a partial one as the ticket search's partial ones. */
const EXACT_GOAL = { p95Ms: 2, ratio: 2 };
const PARTIAL_GOAL = { p95Ms: 10 };
const SHORT_NAME_GOAL = { p95Ms: 20 };
/** The follow-up list is read once when the tab opens: a few hundred calls at most in a busy shop. */
const FOLLOW_UP_GOAL = { p95Ms: 50, ratio: 2 };

/** The hit's columns, as the search shows them. */
const HIT_COLUMNS = `c.id, c.name, c.phone,
  (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
  (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at`;
/** A full phone number: its customers, newest first. */
const PHONE_BASELINE = `SELECT ${HIT_COLUMNS} FROM customer c WHERE c.phone_digits = ? AND c.merged_into_id IS NULL ORDER BY c.id DESC LIMIT ${LIMIT}`;

/**
 * The calls due on a day: the two ranges of follow_up_state_due (same-day calls
 * from the day back to the lapse, window calls from the window's start back to
 * the lapse), not reached, under the tries allowed, not tried that day, with
 * every column the list shows (the collection's "repaired" included).
 */
const FOLLOW_UP_RANGE = `SELECT s.ticket_id AS id, t.number, t.customer_id, c.name, c.phone, d.brand, d.model, t.collected_at, s.failed_attempts,
    t.rework_of_ticket_id, k.repaired
  FROM follow_up_state s INDEXED BY follow_up_state_due JOIN ticket t ON t.id = s.ticket_id JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
    LEFT JOIN collection k ON k.ticket_id = t.id
  WHERE s.reached = 0 AND s.same_day = ? AND s.collected_on >= ? AND s.collected_on <= ?
    AND s.failed_attempts < ? AND (s.last_failed_on IS NULL OR s.last_failed_on < ?) AND t.status = 'collected'`;
const FOLLOW_UP_BASELINE = `${FOLLOW_UP_RANGE} UNION ALL ${FOLLOW_UP_RANGE}`;

interface FollowUpRow {
  id: number;
  number: number;
  customer_id: number;
  name: string;
  phone: string;
  brand: string;
  model: string;
  collected_at: string;
  failed_attempts: number;
  rework_of_ticket_id: number | null;
  repaired: number | null;
}

/** The listed facts that come from storage, one line a call, in ticket order: desk and baseline must agree on each. */
function followUpLines(rows: { id: number; line: string }[]): string {
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => r.line)
    .join('\n');
}

const deskLine = (d: FollowUpDue) =>
  [d.ticketId, d.displayNumber, d.customerId, d.customerName, d.customerPhone, d.device, d.collectedAt, d.attempts, d.repaired, d.isRework].join('|');
const rawLine = (r: FollowUpRow) =>
  [
    r.id,
    displayTicketNumber(r.number, PREFIX),
    r.customer_id,
    r.name,
    r.phone,
    `${r.brand} ${r.model}`,
    r.collected_at,
    r.failed_attempts,
    r.repaired !== 0,
    r.rework_of_ticket_id !== null,
  ].join('|');

async function dispatch<T>(desk: Desk, channel: 'archive.search' | 'customers.search' | 'followUps.due', input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

function sample<T>(rows: T[], count: number, seed: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count && rows.length > 0; i++) out.push(itemAt(rows, (i * 7919 + seed) % rows.length));
  return out;
}

export async function timeCustomerSearch(
  desk: Desk,
  raw: RawRunner,
  db: BetterSqlite3.Database,
  file: string,
  count: number,
  warmUp: number,
): Promise<CareTimed[]> {
  const phoneBaseline = db.prepare(PHONE_BASELINE);
  raw.seen.add(PHONE_BASELINE);
  // Picked on a connection of their own, so the baseline's page cache has not just read these customers.
  const customers = withSampler(file, (sampler) =>
    sampler
      .prepare(
        `SELECT c.name, c.phone_digits, (SELECT d.serial FROM device d WHERE d.customer_id = c.id ORDER BY d.id LIMIT 1) AS serial
         FROM customer c WHERE c.id IN (SELECT id FROM customer ORDER BY random() LIMIT ?)`,
      )
      .all(count * 10 + exactSamples(count) + EXACT_WARM_UP),
  ) as { name: string; phone_digits: string; serial: string | null }[];
  const chinese = customers.filter((c) => /^\p{Script=Han}+$/u.test(c.name));
  const serials = customers.filter((c) => (c.serial ?? '').length >= 8);
  const latin = customers.filter((c) => /^[A-Za-z]+ [A-Za-z]+$/.test(c.name));
  const kinds: { label: string; queries: string[]; goal: CareTimed['goal']; minimal?: BetterSqlite3.Statement; intake?: true }[] = [
    {
      label: 'customers: phone, full',
      queries: sample(customers, exactSamples(count) + EXACT_WARM_UP, 5).map((c) => c.phone_digits),
      goal: EXACT_GOAL,
      minimal: phoneBaseline,
    },
    { label: 'customers: phone, last 4 digits', queries: sample(customers, count, 1).map((c) => c.phone_digits.slice(-4)), goal: PARTIAL_GOAL },
    { label: 'customers: phone, middle 5 digits', queries: sample(customers, count, 2).map((c) => c.phone_digits.slice(-8, -3)), goal: PARTIAL_GOAL },
    { label: 'customers: name, Chinese given name', queries: sample(chinese, count, 3).map((c) => [...c.name].slice(1).join('')), goal: SHORT_NAME_GOAL },
    { label: 'customers: serial, last 6', queries: sample(serials, count, 4).map((c) => (c.serial ?? '').slice(-6)), goal: PARTIAL_GOAL },
    // The intake's as-you-type lookup of a returning customer ('customers.search', 8 shown), as the clerk types.
    {
      label: 'intake lookup: phone, first 4 digits',
      queries: sample(customers, count, 6).map((c) => c.phone_digits.slice(-11, -7)),
      goal: PARTIAL_GOAL,
      intake: true,
    },
    { label: 'intake lookup: phone, full', queries: sample(customers, count, 7).map((c) => c.phone_digits), goal: PARTIAL_GOAL, intake: true },
    { label: 'intake lookup: Chinese surname (1 char)', queries: sample(chinese, count, 8).map((c) => c.name.charAt(0)), goal: SHORT_NAME_GOAL, intake: true },
    {
      label: 'intake lookup: Latin name, first 4 letters',
      queries: sample(latin, count, 9).map((c) => c.name.slice(0, 4).toLowerCase()),
      goal: PARTIAL_GOAL,
      intake: true,
    },
  ];
  const out: CareTimed[] = [];
  for (const kind of kinds) {
    const timed: CareTimed = {
      label: kind.label,
      goal: kind.goal,
      baselineKind: kind.minimal ? 'minimal' : 'service',
      desk: [],
      raw: [],
      hits: [],
      mismatches: 0,
    };
    for (const [index, query] of kind.queries.entries()) {
      const runBaseline = async (): Promise<{ id: number }[]> =>
        kind.minimal
          ? (kind.minimal.all(query) as { id: number }[])
          : raw.readSql((sql) => (kind.intake ? searchCustomers(sql, query, INTAKE_LIMIT) : searchArchive(sql, query, LIMIT)));
      // Desk and baseline take turns going first, so neither always finds the pages the other just read.
      const baselineFirst = index % 2 === 1;
      let rawHits: { id: number }[] = [];
      let rawMs = 0;
      if (baselineFirst) {
        const r0 = performance.now();
        rawHits = await runBaseline();
        rawMs = performance.now() - r0;
      }
      const t0 = performance.now();
      const hits = kind.intake
        ? await dispatch<CustomerSummary[]>(desk, 'customers.search', { query, limit: INTAKE_LIMIT })
        : await dispatch<ArchiveHit[]>(desk, 'archive.search', { query, limit: LIMIT });
      const deskMs = performance.now() - t0;
      if (!baselineFirst) {
        const r0 = performance.now();
        rawHits = await runBaseline();
        rawMs = performance.now() - r0;
      }
      if (index < (kind.minimal ? EXACT_WARM_UP : warmUp)) continue;
      timed.desk.push(deskMs);
      timed.raw.push(rawMs);
      timed.hits.push(hits.length);
      if (hits.map((h) => h.id).join() !== rawHits.map((h) => h.id).join()) timed.mismatches++;
    }
    out.push(timed);
  }
  const followUps: CareTimed = {
    label: "follow-ups due on the bench's today",
    goal: FOLLOW_UP_GOAL,
    baselineKind: 'minimal',
    desk: [],
    raw: [],
    hits: [],
    mismatches: 0,
  };
  const day = localIsoDate(DATA_NOW);
  // The generated file keeps the default settings.
  const policy = policyOf(DEFAULT_SETTINGS);
  const lapse = addDays(day, -FOLLOW_UP_LAPSE_DAYS);
  const followUpBaseline = db.prepare(FOLLOW_UP_BASELINE);
  raw.seen.add(FOLLOW_UP_BASELINE);
  const followUpParams = [1, lapse, day, policy.maxAttempts, day, 0, lapse, addDays(day, -policy.fromDay), policy.maxAttempts, day];
  for (let i = 0; i < count + warmUp; i++) {
    const t0 = performance.now();
    const due = await dispatch<FollowUpDue[]>(desk, 'followUps.due', { date: day });
    const t1 = performance.now();
    const rawDue = followUpBaseline.all(...followUpParams) as FollowUpRow[];
    const t2 = performance.now();
    if (i < warmUp) continue;
    followUps.desk.push(t1 - t0);
    followUps.raw.push(t2 - t1);
    followUps.hits.push(due.length);
    const deskRows = due.map((d) => ({ id: d.ticketId, line: deskLine(d) }));
    if (followUpLines(deskRows) !== followUpLines(rawDue.map((r) => ({ id: r.id, line: rawLine(r) })))) followUps.mismatches++;
  }
  out.push(followUps);
  return out;
}
