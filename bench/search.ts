// Search and board timings on ten years of generated tickets (generate-data.ts):
// each kind of lookup through the desk ('tickets.search': contract validation,
// settings, one read transaction) next to a baseline run directly with
// better-sqlite3 on the same file, and the board's first page likewise.
// Baselines: for the exact lookups (ticket number, full phone, full serial) the
// minimal indexed query that returns the same rows, one prepared statement;
// for the others the service's own statements on the driver, in one
// BEGIN ... COMMIT. Queries are sampled from the data; desk and baseline run
// the same query one after the other, and their rows are checked to be the same.
// Each kind shows its goal (stated for a million tickets) and whether it is met.
import BetterSqlite3 from 'better-sqlite3';
import type { ReadSql, ReadTx } from '../src/main/core/storage/transactions';
import type { Desk } from '../src/main/core/desk';
import { ticketBoard } from '../src/main/core/features/tickets/board';
import { searchTickets } from '../src/main/core/features/tickets/search';
import { preparedReader, type SqlReader } from '../src/main/core/storage/sql-reader';
import { loneRead, type SqlRead } from '../src/main/core/storage/lone-read';
import { BUSY_TIMEOUT_MS } from '../src/main/core/storage/database';
import { createDirectoryBackend } from '../src/main/core/features/printing/spooler';
import { openDesk } from '../src/main/core/desk';
import { noteCleanClose } from '../src/main/core/features/data-safety/clean-close';
import { withSampler } from './sampler';
import { EXACT_WARM_UP, exactSamples } from './warm-up';
import { join } from 'node:path';
import type { ChannelParsedInput } from '../src/shared/contract';
import { displayTicketNumber, parseTicketNumber } from '../src/shared/ticket-number';
import type { TicketBoard, TicketSearchHit } from '../src/shared/tickets-contract';
import { DATA_NOW, countOpen, ensureBenchData, type GeneratedData } from './generate-data';
import { ms, summarize, table } from './stats';
import { timeCustomerSearch } from './customer-search';
import { itemAt } from '../src/shared/lists';
import { interruptedShare, measureInterruptions, p95Threshold, type Interruptions } from './interruptions';

const PREFIX = 'RD'; // the desk's default ticket prefix; the generated file keeps the default settings
const LIMIT = 20; // the search box's default

interface Goal {
  p95Ms: number;
  /** Desk p95 at most this many times the baseline's p95. */
  ratio?: number;
}

/** The minimal indexed query for an exact lookup's rows: SQL and its parameters for a query. */
interface Baseline {
  sql: ReadSql;
  params(query: string): unknown[];
}

interface LookupKind {
  label: string;
  /** Queries and, where one is meant, the ticket id that must be among the hits. */
  queries: { query: string; expect?: number }[];
  goal?: Goal;
  /** Absent: the baseline is the service's own statements on the driver. */
  baseline?: Baseline;
}

const HIT_COLUMNS = `t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at`;
const reversed = (digits: string) => [...digits].reverse().join('');

const BASELINES = {
  number: {
    sql: `SELECT ${HIT_COLUMNS} FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id WHERE t.number = ?`,
    params: (query: string) => [parseTicketNumber(query)],
  },
  // The phone and the same number with a country code (phones ending with it), exact ones first.
  phone: {
    sql: `SELECT ${HIT_COLUMNS} FROM customer c JOIN ticket t ON t.customer_id = c.id JOIN device d ON d.id = t.device_id
          WHERE c.phone_digits_reversed >= ? AND c.phone_digits_reversed < ? ORDER BY c.phone_digits = ? DESC, t.id DESC LIMIT ${LIMIT}`,
    params: (query: string) => [reversed(query), `${reversed(query)}:`, query],
  },
  serial: {
    sql: `SELECT ${HIT_COLUMNS} FROM device d JOIN ticket t ON t.device_id = d.id JOIN customer c ON c.id = t.customer_id
          WHERE d.serial = ? COLLATE NOCASE ORDER BY t.id DESC LIMIT ${LIMIT}`,
    params: (query: string) => [query],
  },
} satisfies Record<string, Baseline>;

const EXACT_GOAL: Goal = { p95Ms: 2, ratio: 2 };
const SHORT_NAME_GOAL: Goal = { p95Ms: 20 };
const PARTIAL_GOAL: Goal = { p95Ms: 10 };

interface Timed {
  label: string;
  goal?: Goal;
  baselineKind: 'minimal' | 'service';
  desk: number[];
  /** The search service's own statements on the driver, no dispatch: desk minus this is the dispatch path. */
  service: number[];
  raw: number[];
  hits: number[];
  found: number;
  expected: number;
  mismatches: number;
}

/** The service's statements run directly on better-sqlite3, prepared once each. */
export class RawRunner {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  readonly seen = new Set<string>();
  constructor(readonly db: BetterSqlite3.Database) {}
  readonly tx = {
    query: async (sql: string, params: unknown[] = []) => {
      let statement = this.statements.get(sql);
      if (!statement) {
        statement = this.db.prepare(sql);
        this.statements.set(sql, statement);
        this.seen.add(sql);
      }
      return statement.all(...params);
    },
  } as unknown as ReadTx;

  /** The search's reader on this connection, its statements recorded for the plan check. */
  readonly reader: SqlReader = {
    all: <T>(sql: ReadSql, params: readonly unknown[] = []): T[] => {
      this.seen.add(sql);
      return preparedReader(this.db).all<T>(sql, params);
    },
    probe: <T>(sql: ReadSql, params?: readonly unknown[]): T[] => this.reader.all<T>(sql, params),
  };

  search(query: string): TicketSearchHit[] {
    return this.readSql((sql) => searchTickets(sql, query, LIMIT, { today: DATA_NOW }));
  }

  /** Synchronous work on the driver's reader, as the desk's readSql runs it (a lone probe, or one read transaction). */
  readSql<T>(work: (sql: SqlReader) => T): T {
    this.lone ??= loneRead(this.db, this.reader);
    return this.lone(work);
  }
  private lone: SqlRead | undefined;

  /** One exact lookup's minimal query: a single prepared statement (its own read transaction). */
  minimal(baseline: Baseline, query: string): { id: number }[] {
    this.seen.add(baseline.sql);
    return preparedReader(this.db).all<{ id: number }>(baseline.sql, baseline.params(query));
  }

  async read<T>(work: (tx: ReadTx) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN');
    try {
      return await work(this.tx);
    } finally {
      this.db.exec('COMMIT');
    }
  }
}

function sample<T>(rows: T[], count: number, seed: number): T[] {
  // Deterministic spread over the rows (they come sorted by a random key already).
  const out: T[] = [];
  for (let i = 0; i < count && rows.length > 0; i++) out.push(itemAt(rows, (i * 7919 + seed) % rows.length));
  return out;
}

/** Queries of each kind, sampled from the generated data: `count` of each, and `exactCount` of the exact lookups. */
function lookupKinds(db: BetterSqlite3.Database, count: number, exactCount: number): LookupKind[] {
  const tickets = db
    .prepare(
      `SELECT t.id, t.number, c.name, c.phone_digits, d.serial, d.brand, d.model
       FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
       WHERE t.id IN (SELECT id FROM ticket ORDER BY random() LIMIT ?)`,
    )
    .all(Math.max(count * 20, exactCount * 3)) as {
    id: number;
    number: number;
    name: string;
    phone_digits: string;
    serial: string;
    brand: string;
    model: string;
  }[];
  const chinese = tickets.filter((t) => /^\p{Script=Han}+$/u.test(t.name));
  const latin = tickets.filter((t) => /^[A-Za-zÀ-ÿ]+ [A-Za-zÀ-ÿ]+$/.test(t.name));
  const withSerial = tickets.filter((t) => t.serial.length >= 8);
  const mobile = (digits: string) => digits.slice(-11);
  return [
    {
      label: 'ticket number, no prefix (scanned)',
      queries: sample(tickets, exactCount, 1).map((t) => ({ query: String(t.number).padStart(10, '0'), expect: t.id })),
      goal: EXACT_GOAL,
      baseline: BASELINES.number,
    },
    {
      label: 'ticket number with prefix (RD-YYMMDD-NNNN)',
      queries: sample(tickets, exactCount, 2).map((t) => ({ query: displayTicketNumber(t.number, PREFIX), expect: t.id })),
      goal: EXACT_GOAL,
      baseline: BASELINES.number,
    },
    {
      label: 'phone, full 11 digits',
      queries: sample(tickets, exactCount, 3).map((t) => ({ query: mobile(t.phone_digits), expect: t.id })),
      goal: EXACT_GOAL,
      baseline: BASELINES.phone,
    },
    { label: 'phone, last 4 digits', queries: sample(tickets, count, 4).map((t) => ({ query: t.phone_digits.slice(-4) })) },
    { label: 'phone, first 7 digits', queries: sample(tickets, count, 5).map((t) => ({ query: mobile(t.phone_digits).slice(0, 7) })) },
    { label: 'name, Chinese full (3 chars)', queries: sample(chinese, count, 6).map((t) => ({ query: t.name })) },
    {
      label: 'name, Chinese partial (given name)',
      queries: sample(chinese, count, 7).map((t) => ({ query: [...t.name].slice(1).join('') })),
      goal: SHORT_NAME_GOAL,
    },
    { label: 'name, Chinese surname (1 char)', queries: sample(chinese, count, 13).map((t) => ({ query: t.name.charAt(0) })), goal: SHORT_NAME_GOAL },
    {
      label: 'name, Latin partial (4-6 letters, lower case)',
      queries: sample(latin, count, 8).map((t, i) => {
        const name = t.name.toLowerCase();
        const length = 4 + (i % 3);
        const start = (i * 31) % Math.max(1, name.length - length);
        return { query: name.slice(start, start + length).trim() };
      }),
      goal: PARTIAL_GOAL,
    },
    {
      label: 'serial / IMEI, full',
      queries: sample(withSerial, exactCount, 9).map((t) => ({ query: t.serial, expect: t.id })),
      goal: EXACT_GOAL,
      baseline: BASELINES.serial,
    },
    { label: 'serial / IMEI, last 6', queries: sample(withSerial, count, 10).map((t) => ({ query: t.serial.slice(-6) })) },
    { label: "model ('iPhone 13', 'ThinkPad X1')", queries: sample(tickets, count, 11).map((t) => ({ query: t.model })), goal: PARTIAL_GOAL },
    {
      label: "brand + model ('Huawei Mate 60')",
      queries: sample(tickets, count, 12).map((t) => ({ query: `${t.brand} ${t.model}`.toLowerCase() })),
      goal: PARTIAL_GOAL,
    },
  ];
}

async function deskCall<T>(desk: Desk, channel: 'tickets.search' | 'tickets.board', input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const sameIds = (a: TicketSearchHit[], b: { id: number }[]) => a.length === b.length && a.every((h, i) => h.ticketId === b[i]?.id);
const sameHits = (a: TicketSearchHit[], b: TicketSearchHit[]) =>
  a.length === b.length && a.every((h, i) => h.ticketId === b[i]?.ticketId && h.match === b[i]?.match);

async function timeLookups(desk: Desk, raw: RawRunner, kind: LookupKind, warmUp: number): Promise<Timed> {
  const { baseline } = kind;
  const timed: Timed = {
    label: kind.label,
    goal: kind.goal,
    baselineKind: baseline ? 'minimal' : 'service',
    desk: [],
    service: [],
    raw: [],
    hits: [],
    found: 0,
    expected: 0,
    mismatches: 0,
  };
  for (const [index, { query, expect }] of kind.queries.entries()) {
    // Desk and baseline take turns going first, so neither always finds the pages the other just read.
    const runBaseline = () => (baseline ? raw.minimal(baseline, query) : raw.search(query));
    let rawRows: { id: number }[] | TicketSearchHit[] = [];
    let rawMs = 0;
    if (index % 2 === 1) {
      const r0 = performance.now();
      rawRows = runBaseline();
      rawMs = performance.now() - r0;
    }
    const t0 = performance.now();
    const deskHits = await deskCall<TicketSearchHit[]>(desk, 'tickets.search', { query, limit: LIMIT });
    const t1 = performance.now();
    if (index % 2 === 0) {
      rawRows = runBaseline();
      rawMs = performance.now() - t1;
    }
    // The service's own SQL on the driver: what the desk adds around it is the dispatch path.
    const s0 = performance.now();
    const serviceHits = baseline ? raw.search(query) : (rawRows as TicketSearchHit[]);
    const serviceMs = baseline ? performance.now() - s0 : rawMs;
    const same = (baseline ? sameIds(deskHits, rawRows as { id: number }[]) : true) && sameHits(deskHits, serviceHits);
    if (index < warmUp) continue;
    timed.desk.push(t1 - t0);
    timed.service.push(serviceMs);
    timed.raw.push(rawMs);
    timed.hits.push(deskHits.length);
    if (!same) timed.mismatches++;
    if (expect !== undefined) {
      timed.expected++;
      if (deskHits.some((h) => h.ticketId === expect)) timed.found++;
    }
  }
  return timed;
}

async function timeBoard(
  desk: Desk,
  raw: RawRunner,
  label: string,
  inputs: ChannelParsedInput<'tickets.board'>[],
  warmUp: number,
): Promise<Timed & { total: number }> {
  const timed: Timed & { total: number } = {
    label,
    baselineKind: 'service',
    desk: [],
    service: [],
    raw: [],
    hits: [],
    found: 0,
    expected: 0,
    mismatches: 0,
    total: 0,
  };
  for (const [index, input] of inputs.entries()) {
    const t0 = performance.now();
    const board = await deskCall<TicketBoard>(desk, 'tickets.board', input);
    const t1 = performance.now();
    const rawBoard = await raw.read((tx) => ticketBoard(tx, input, PREFIX, DATA_NOW));
    const t2 = performance.now();
    if (index < warmUp) continue;
    timed.desk.push(t1 - t0);
    timed.service.push(t2 - t1);
    timed.raw.push(t2 - t1);
    timed.hits.push(board.items.length);
    timed.total = board.total;
    if (board.total !== rawBoard.total || board.items.map((i) => i.ticketId).join() !== rawBoard.items.map((i) => i.ticketId).join()) timed.mismatches++;
  }
  return timed;
}

/**
 * Statements the service ran whose plan reads a whole table or index (FTS
 * virtual tables aside; reading a statement's own CTE, subquery or constant
 * row is not a scan of stored data).
 */
function fullScans(raw: RawRunner): { sql: string; plan: string[] }[] {
  const out: { sql: string; plan: string[] }[] = [];
  for (const sql of raw.seen) {
    const named = [...new Set(sql.match(/@\w+/g) ?? [])];
    const params = named.length > 0 ? [Object.fromEntries(named.map((name) => [name.slice(1), 1]))] : Array((sql.match(/\?/g) ?? []).length).fill(1);
    const plan = (raw.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
    const ownRows = new Set([...sql.matchAll(/(\w+)(?:\([^)]*\))?\s+AS\s+\(/gi)].map((m) => m[1]));
    const scansData = (detail: string) => {
      const scanned = /^SCAN (\S+)/.exec(detail)?.[1];
      return scanned !== undefined && !/VIRTUAL TABLE|^SCAN CONSTANT ROW|^SCAN \(subquery-\d+\)/.test(detail) && !ownRows.has(scanned);
    };
    if (plan.some(scansData)) out.push({ sql: sql.replace(/\s+/g, ' ').trim(), plan });
  }
  return out;
}

export interface SearchBenchOptions {
  tickets: number;
  queriesPerKind: number;
  log: (text: string) => void;
}

/** Milliseconds until the desk's background integrity_check has answered (it must, or the bench stops). */
async function integrityCheckDone(desk: Desk): Promise<number> {
  const started = performance.now();
  const limitMs = 15 * 60_000;
  while (desk.context.safety.integrity === null) {
    if (performance.now() - started > limitMs) throw new Error('the background integrity_check did not answer in 15 minutes');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (desk.context.safety.integrity !== 'ok') throw new Error(`integrity_check: ${desk.context.safety.integrity}`);
  return performance.now() - started;
}

/** What the machine's stops do to the exact lookups' p95 (interruptions.ts). */
function interruptionLines(stops: Interruptions, results: Timed[]): string[] {
  const us = (milliseconds: number) => milliseconds * 1000;
  const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
  const lines = [
    `This machine stopped a busy loop ${Math.round(stops.perSecond).toLocaleString('en')} times a second (median ${stops.medianUs.toFixed(0)} us, p90 ${stops.p90Us.toFixed(0)} us; ${pct(stops.share)} of its time), measured just before the lookups. ` +
      `A call is hit in a share of its runs that grows with its length; past 5% (calls over ${p95Threshold(stops).toFixed(0)} us here) its p95 is an interrupted run.`,
  ];
  for (const t of results) {
    if (t.baselineKind !== 'minimal') continue;
    const desk = summarize(t.desk).median;
    const raw = summarize(t.raw).median;
    lines.push(
      `  ${t.label}: desk p50 ${us(desk).toFixed(1)} us, hit in ${pct(interruptedShare(us(desk), stops))} of runs; ` +
        `minimal query p50 ${us(raw).toFixed(1)} us, hit in ${pct(interruptedShare(us(raw), stops))}.`,
    );
  }
  return lines;
}

/** Runs the search section and returns its report. */
export async function runSearchBench({ tickets, queriesPerKind, log }: SearchBenchOptions): Promise<string> {
  const data: GeneratedData = await ensureBenchData(tickets, { log });
  const lines: string[] = [];
  lines.push(
    `\nSearch and board on ${data.tickets.toLocaleString('en')} tickets (${data.customers.toLocaleString('en')} customers, ${data.devices.toLocaleString('en')} devices, ` +
      `${data.events.toLocaleString('en')} events, ${(data.bytes / 1024 / 1024).toFixed(0)} MB file) - ` +
      (data.reused
        ? `cached file reused (generated earlier in ${(data.generatedMs / 1000).toFixed(1)} s)`
        : `generated in ${(data.generatedMs / 1000).toFixed(1)} s`),
  );
  lines.push(`File: ${data.file}`);

  const deskOptions = {
    dataDir: data.dir,
    fontsDir: join(__dirname, '..', 'resources', 'fonts'),
    clock: { now: () => DATA_NOW },
    printBackend: createDirectoryBackend({ dir: join(data.dir, 'printed') }),
    logError: (where: string, error: unknown) => console.error(where, error),
    // The backup at start copies and checks the whole file beside the desk (the data-safety section
    // times it): left on, the first lookups here would share the cores with it, not just run their own SQL.
    automaticBackups: false,
  };
  const openStarted = performance.now();
  const desk = await openDesk(deskOptions);
  const openMs = performance.now() - openStarted;
  const firstCheck = desk.context.safety.startCheck;
  // The start's full integrity_check reads the whole file on a worker thread (minutes at a million tickets): the
  // lookups are timed after it, so they do not share the two cores and the page cache with it.
  log("search: waiting for the start's background integrity_check");
  const integrityMs = await integrityCheckDone(desk);
  const db = new BetterSqlite3(data.file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  const raw = new RawRunner(db);
  try {
    const open = countOpen(db);
    const warmUp = Math.min(10, Math.ceil(queriesPerKind / 10));
    // Picked on a connection of their own (see sampler.ts), so the baseline's page cache starts as cold as the desk's.
    const kinds = withSampler(data.file, (sampler) => lookupKinds(sampler, queriesPerKind + warmUp, exactSamples(queriesPerKind) + EXACT_WARM_UP));
    // Measured just before the lookups, on the same core and load: see interruptions.ts.
    const stops = measureInterruptions();
    const results: Timed[] = [];
    for (const kind of kinds) {
      log(`search: ${kind.label} x ${kind.queries.length}`);
      results.push(await timeLookups(desk, raw, kind, kind.baseline ? EXACT_WARM_UP : warmUp));
    }
    const boardRuns = queriesPerKind + warmUp;
    log(`board: first page x ${boardRuns}`);
    const defaultBoard: ChannelParsedInput<'tickets.board'> = { statuses: null, technicianId: null, page: 1, pageSize: 50 };
    const board = await timeBoard(desk, raw, 'board, first page (all open, 50 a page)', Array(boardRuns).fill(defaultBoard), warmUp);
    const mine = await timeBoard(
      desk,
      raw,
      "board, first page, 'my tickets'",
      Array.from({ length: boardRuns }, (_, i) => ({ ...defaultBoard, technicianId: itemAt(data.technicianIds, i % data.technicianIds.length) })),
      warmUp,
    );
    const ready = await timeBoard(desk, raw, "board, first page, status 'ready'", Array(boardRuns).fill({ ...defaultBoard, statuses: ['ready'] }), warmUp);
    log(`customers: archive search and follow-ups x ${queriesPerKind}`);
    const care = (await timeCustomerSearch(desk, raw, db, data.file, queriesPerKind, warmUp)).map((t) => ({
      ...t,
      found: 0,
      expected: 0,
      service: [] as number[],
    }));

    const rows = [
      [
        'lookup',
        'n',
        'desk p50',
        'desk p95',
        'service p50',
        'service p95',
        'raw p50',
        'raw p95',
        'ratio p50',
        'ratio p95',
        'hits p50',
        'target found',
        'raw is',
        'goal (1M)',
        'met',
      ],
    ];
    for (const t of [...results, board, mine, ready, ...care]) {
      const d = summarize(t.desk);
      const r = summarize(t.raw);
      const s = summarize(t.service);
      const hits = summarize(t.hits);
      rows.push([
        t.label,
        String(t.desk.length),
        `${ms(d.median)} ms`,
        `${ms(d.p95)} ms`,
        t.service.length ? `${ms(s.median)} ms` : '',
        t.service.length ? `${ms(s.p95)} ms` : '',
        `${ms(r.median)} ms`,
        `${ms(r.p95)} ms`,
        `${(d.median / r.median).toFixed(1)}x`,
        `${(d.p95 / r.p95).toFixed(1)}x`,
        String(hits.median),
        t.expected > 0 ? `${t.found}/${t.expected}` : '',
        t.baselineKind === 'minimal' ? 'minimal query' : "service's SQL",
        t.goal ? `p95 < ${t.goal.p95Ms} ms${t.goal.ratio ? `, <= ${t.goal.ratio}x raw` : ''}` : '',
        t.goal ? (d.p95 < t.goal.p95Ms && (!t.goal.ratio || d.p95 <= t.goal.ratio * r.p95) ? 'yes' : 'NO') : '',
      ]);
    }
    lines.push(`${open.toLocaleString('en')} open tickets (board total ${board.total.toLocaleString('en')}).`);
    lines.push(
      `Per lookup, ms, ${queriesPerKind} distinct sampled queries each after ${warmUp} unmeasured (the exact lookups ${exactSamples(queriesPerKind)} after ${EXACT_WARM_UP}, of other rows, desk and baseline alike); search limit ${LIMIT}.`,
    );
    lines.push(
      `desk = 'tickets.search' / 'tickets.board' / 'archive.search' / 'followUps.due' through desk.dispatch; service = the search or board service's own SQL on better-sqlite3 with no dispatch (desk minus service is the dispatch path); raw = on better-sqlite3 directly: for exact lookups and the follow-up list the minimal indexed query returning the same rows (one prepared statement), otherwise the service's same SQL in one read transaction.`,
    );
    lines.push(table(rows));
    lines.push(...interruptionLines(stops, results));
    const mismatches = [...results, board, mine, ready, ...care].filter((t) => t.mismatches > 0);
    if (mismatches.length) lines.push(`WARNING: desk and raw answered differently for: ${mismatches.map((t) => `${t.label} (${t.mismatches})`).join(', ')}`);
    const scans = fullScans(raw);
    if (scans.length) {
      lines.push(`Statements whose plan scans a table or a whole index:`);
      // With each scanned table's size: the search scans one small table by design (device_model, the brand and model pairs in use).
      const rowsIn = (table: string) => (raw.db.prepare(`SELECT COUNT(*) AS n FROM "${table.replace(/"/g, '""')}"`).get() as { n: number }).n;
      const sized = (detail: string) => {
        const table = /^SCAN (\w+)$/.exec(detail)?.[1];
        return table ? `${detail} (${rowsIn(table).toLocaleString('en')} rows)` : detail;
      };
      for (const s of scans) lines.push(`  ${s.sql}\n    ${s.plan.map(sized).join('\n    ')}`);
    } else {
      lines.push(`Every statement the search and board ran uses an index (EXPLAIN QUERY PLAN: no full table scan outside the FTS tables).`);
    }
  } finally {
    db.close();
    await desk.close();
  }
  // A start after a clean close: the note a verified close backup leaves (that backup is timed in the data-safety section).
  noteCleanClose(desk.context.safety.files, DATA_NOW);
  const reopenStarted = performance.now();
  const reopened = await openDesk(deskOptions);
  const reopenMs = performance.now() - reopenStarted;
  const secondCheck = reopened.context.safety.startCheck;
  await reopened.close();
  lines.push(
    `Desk start on this file: ${ms(openMs)} ms with the start's ${firstCheck}; ${ms(reopenMs)} ms after a clean close (${secondCheck}). ` +
      `Both start the full integrity_check in the background; the first start's check answered ${(integrityMs / 1000).toFixed(1)} s after the desk opened, and the lookups above were timed after it.`,
  );
  return lines.join('\n');
}

if (require.main === module) {
  const at = process.argv.indexOf('--tickets');
  const tickets = at > 0 ? Number(process.argv[at + 1]) : 200_000;
  const q = process.argv.indexOf('--queries');
  runSearchBench({ tickets, queriesPerKind: q > 0 ? Number(process.argv[q + 1]) : 200, log: (t) => process.stderr.write(`  ${t}\n`) })
    .then((report) => console.log(report))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
