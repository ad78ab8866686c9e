// Search and board timings on ten years of generated tickets (generate-data.ts):
// each kind of lookup through the desk ('tickets.search': contract validation,
// settings, TypeORM, one read transaction) next to the same SQL run directly
// with better-sqlite3 on the same file (the service's own statements through
// a thin prepared-statement shim, in one BEGIN ... COMMIT), and the board's
// first page likewise. Queries are sampled from the data; desk and raw run the
// same query one after the other, and their hits are checked to be the same.
import BetterSqlite3 from 'better-sqlite3';
import type { EntityManager } from 'typeorm';
import type { Desk } from '../src/main/core/desk';
import { ticketBoard } from '../src/main/core/services/board';
import { searchTickets } from '../src/main/core/services/search';
import { BUSY_TIMEOUT_MS } from '../src/main/core/storage/database';
import { createDirectoryBackend } from '../src/main/core/printing';
import { openDesk } from '../src/main/core/desk';
import { join } from 'node:path';
import type { ChannelParsedInput } from '../src/shared/contract';
import { displayTicketNumber } from '../src/shared/ticket-number';
import type { TicketBoard, TicketSearchHit } from '../src/shared/workflow-contract';
import { DATA_NOW, countOpen, ensureBenchData, type GeneratedData } from './generate-data';
import { ms, summarize, table } from './stats';

const PREFIX = 'RD'; // the desk's default ticket prefix; the generated file keeps the default settings
const LIMIT = 20; // the search box's default

interface LookupKind {
  label: string;
  /** Queries and, where one is meant, the ticket id that must be among the hits. */
  queries: { query: string; expect?: number }[];
}

interface Timed {
  label: string;
  desk: number[];
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
  } as unknown as EntityManager;

  async read<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
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
  for (let i = 0; i < count && rows.length > 0; i++) out.push(rows[(i * 7919 + seed) % rows.length]);
  return out;
}

/** Queries of each kind, sampled from the generated data. */
function lookupKinds(db: BetterSqlite3.Database, count: number): LookupKind[] {
  const tickets = db
    .prepare(
      `SELECT t.id, t.number, c.name, c.phone_digits, d.serial, d.brand, d.model
       FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
       WHERE t.id IN (SELECT id FROM ticket ORDER BY random() LIMIT ?)`,
    )
    .all(count * 20) as { id: number; number: number; name: string; phone_digits: string; serial: string; brand: string; model: string }[];
  const chinese = tickets.filter((t) => /^\p{Script=Han}+$/u.test(t.name));
  const latin = tickets.filter((t) => /^[A-Za-zÀ-ÿ]+ [A-Za-zÀ-ÿ]+$/.test(t.name));
  const withSerial = tickets.filter((t) => t.serial.length >= 8);
  const mobile = (digits: string) => digits.slice(-11);
  return [
    { label: 'ticket number, no prefix (scanned)', queries: sample(tickets, count, 1).map((t) => ({ query: String(t.number).padStart(10, '0'), expect: t.id })) },
    { label: 'ticket number with prefix (RD-YYMMDD-NNNN)', queries: sample(tickets, count, 2).map((t) => ({ query: displayTicketNumber(t.number, PREFIX), expect: t.id })) },
    { label: 'phone, full 11 digits', queries: sample(tickets, count, 3).map((t) => ({ query: mobile(t.phone_digits), expect: t.id })) },
    { label: 'phone, last 4 digits', queries: sample(tickets, count, 4).map((t) => ({ query: t.phone_digits.slice(-4) })) },
    { label: 'phone, first 7 digits', queries: sample(tickets, count, 5).map((t) => ({ query: mobile(t.phone_digits).slice(0, 7) })) },
    { label: 'name, Chinese full (3 chars)', queries: sample(chinese, count, 6).map((t) => ({ query: t.name })) },
    { label: 'name, Chinese partial (given name)', queries: sample(chinese, count, 7).map((t) => ({ query: [...t.name].slice(1).join('') })) },
    {
      label: 'name, Latin partial (4-6 letters, lower case)',
      queries: sample(latin, count, 8).map((t, i) => {
        const name = t.name.toLowerCase();
        const length = 4 + (i % 3);
        const start = (i * 31) % Math.max(1, name.length - length);
        return { query: name.slice(start, start + length).trim() };
      }),
    },
    { label: 'serial / IMEI, full', queries: sample(withSerial, count, 9).map((t) => ({ query: t.serial, expect: t.id })) },
    { label: 'serial / IMEI, last 6', queries: sample(withSerial, count, 10).map((t) => ({ query: t.serial.slice(-6) })) },
    { label: "model ('iPhone 13', 'ThinkPad X1')", queries: sample(tickets, count, 11).map((t) => ({ query: t.model })) },
    { label: "brand + model ('Huawei Mate 60')", queries: sample(tickets, count, 12).map((t) => ({ query: `${t.brand} ${t.model}`.toLowerCase() })) },
  ];
}

async function deskCall<T>(desk: Desk, channel: 'tickets.search' | 'tickets.board', input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

const sameHits = (a: TicketSearchHit[], b: TicketSearchHit[]) => a.length === b.length && a.every((h, i) => h.ticketId === b[i].ticketId && h.match === b[i].match);

async function timeLookups(desk: Desk, raw: RawRunner, kind: LookupKind, warmUp: number): Promise<Timed> {
  const timed: Timed = { label: kind.label, desk: [], raw: [], hits: [], found: 0, expected: 0, mismatches: 0 };
  for (const [index, { query, expect }] of kind.queries.entries()) {
    const t0 = performance.now();
    const deskHits = await deskCall<TicketSearchHit[]>(desk, 'tickets.search', { query, limit: LIMIT });
    const t1 = performance.now();
    const rawHits = await raw.read((tx) => searchTickets(tx, query, LIMIT, PREFIX));
    const t2 = performance.now();
    if (index < warmUp) continue;
    timed.desk.push(t1 - t0);
    timed.raw.push(t2 - t1);
    timed.hits.push(deskHits.length);
    if (!sameHits(deskHits, rawHits)) timed.mismatches++;
    if (expect !== undefined) {
      timed.expected++;
      if (deskHits.some((h) => h.ticketId === expect)) timed.found++;
    }
  }
  return timed;
}

async function timeBoard(desk: Desk, raw: RawRunner, label: string, inputs: ChannelParsedInput<'tickets.board'>[], warmUp: number): Promise<Timed & { total: number }> {
  const timed: Timed & { total: number } = { label, desk: [], raw: [], hits: [], found: 0, expected: 0, mismatches: 0, total: 0 };
  for (const [index, input] of inputs.entries()) {
    const t0 = performance.now();
    const board = await deskCall<TicketBoard>(desk, 'tickets.board', input);
    const t1 = performance.now();
    const rawBoard = await raw.read((tx) => ticketBoard(tx, input, PREFIX, DATA_NOW));
    const t2 = performance.now();
    if (index < warmUp) continue;
    timed.desk.push(t1 - t0);
    timed.raw.push(t2 - t1);
    timed.hits.push(board.items.length);
    timed.total = board.total;
    if (board.total !== rawBoard.total || board.items.map((i) => i.ticketId).join() !== rawBoard.items.map((i) => i.ticketId).join()) timed.mismatches++;
  }
  return timed;
}

/** Statements the service ran whose plan reads a whole table or index (FTS virtual tables aside). */
function fullScans(raw: RawRunner): { sql: string; plan: string[] }[] {
  const out: { sql: string; plan: string[] }[] = [];
  for (const sql of raw.seen) {
    const placeholders = (sql.match(/\?/g) ?? []).length;
    const plan = (raw.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array(placeholders).fill(1)) as { detail: string }[]).map((r) => r.detail);
    if (plan.some((d) => /^SCAN /.test(d) && !/VIRTUAL TABLE/.test(d))) out.push({ sql: sql.replace(/\s+/g, ' ').trim(), plan });
  }
  return out;
}

export interface SearchBenchOptions {
  tickets: number;
  queriesPerKind: number;
  log: (text: string) => void;
}

/** Runs the search section and returns its report. */
export async function runSearchBench({ tickets, queriesPerKind, log }: SearchBenchOptions): Promise<string> {
  const data: GeneratedData = await ensureBenchData(tickets, { log });
  const lines: string[] = [];
  lines.push(
    `\nSearch and board on ${data.tickets.toLocaleString('en')} tickets (${data.customers.toLocaleString('en')} customers, ${data.devices.toLocaleString('en')} devices, ` +
      `${data.events.toLocaleString('en')} events, ${(data.bytes / 1024 / 1024).toFixed(0)} MB file) - ` +
      (data.reused ? `cached file reused (generated earlier in ${(data.generatedMs / 1000).toFixed(1)} s)` : `generated in ${(data.generatedMs / 1000).toFixed(1)} s`),
  );
  lines.push(`File: ${data.file}`);

  const openStarted = performance.now();
  const desk = await openDesk({
    dataDir: data.dir,
    fontsDir: join(__dirname, '..', 'resources', 'fonts'),
    clock: { now: () => DATA_NOW },
    printBackend: createDirectoryBackend({ dir: join(data.dir, 'printed') }),
    logError: (where, error) => console.error(where, error),
  });
  const openMs = performance.now() - openStarted;
  const db = new BetterSqlite3(data.file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  const raw = new RawRunner(db);
  try {
    const open = countOpen(db);
    const warmUp = Math.min(10, Math.ceil(queriesPerKind / 10));
    const kinds = lookupKinds(db, queriesPerKind + warmUp);
    const results: Timed[] = [];
    for (const kind of kinds) {
      log(`search: ${kind.label} x ${kind.queries.length}`);
      results.push(await timeLookups(desk, raw, kind, warmUp));
    }
    const boardRuns = queriesPerKind + warmUp;
    log(`board: first page x ${boardRuns}`);
    const defaultBoard: ChannelParsedInput<'tickets.board'> = { statuses: null, technicianId: null, page: 1, pageSize: 50 };
    const board = await timeBoard(desk, raw, 'board, first page (all open, 50 a page)', Array(boardRuns).fill(defaultBoard), warmUp);
    const mine = await timeBoard(
      desk,
      raw,
      "board, first page, 'my tickets'",
      Array.from({ length: boardRuns }, (_, i) => ({ ...defaultBoard, technicianId: data.technicianIds[i % data.technicianIds.length] })),
      warmUp,
    );
    const ready = await timeBoard(desk, raw, "board, first page, status 'ready'", Array(boardRuns).fill({ ...defaultBoard, statuses: ['ready'] }), warmUp);

    const rows = [['lookup', 'n', 'desk p50', 'desk p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'hits p50', 'target found']];
    for (const t of [...results, board, mine, ready]) {
      const d = summarize(t.desk);
      const r = summarize(t.raw);
      const hits = summarize(t.hits);
      rows.push([
        t.label,
        String(t.desk.length),
        `${ms(d.median)} ms`,
        `${ms(d.p95)} ms`,
        `${ms(r.median)} ms`,
        `${ms(r.p95)} ms`,
        `${(d.median / r.median).toFixed(1)}x`,
        `${(d.p95 / r.p95).toFixed(1)}x`,
        String(hits.median),
        t.expected > 0 ? `${t.found}/${t.expected}` : '',
      ]);
    }
    lines.push(`Desk opened on the file in ${ms(openMs)} ms; ${open.toLocaleString('en')} open tickets (board total ${board.total.toLocaleString('en')}).`);
    lines.push(`Per lookup, ms, ${queriesPerKind} distinct sampled queries each after ${warmUp} unmeasured; search limit ${LIMIT}.`);
    lines.push(`desk = 'tickets.search' / 'tickets.board' through desk.dispatch; raw = the service's same SQL on better-sqlite3 directly, in one read transaction.`);
    lines.push(table(rows));
    const mismatches = [...results, board, mine, ready].filter((t) => t.mismatches > 0);
    if (mismatches.length) lines.push(`WARNING: desk and raw answered differently for: ${mismatches.map((t) => `${t.label} (${t.mismatches})`).join(', ')}`);
    const scans = fullScans(raw);
    if (scans.length) {
      lines.push(`Statements whose plan scans a table or a whole index:`);
      for (const s of scans) lines.push(`  ${s.sql}\n    ${s.plan.join('\n    ')}`);
    } else {
      lines.push(`Every statement the search and board ran uses an index (EXPLAIN QUERY PLAN: no full table scan outside the FTS tables).`);
    }
  } finally {
    db.close();
    await desk.close();
  }
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
