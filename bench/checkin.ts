// Check-in timings: one 'intake.checkIn' through the desk (contract
// validation, settings, staff, TypeORM, one transaction on a WAL file) against
// the same rows written with raw SQL through better-sqlite3 on the same kind
// of file; and the time from check-in to the three PDFs handed to the folder
// backend.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE, openDesk, type Desk } from '../src/main/core/desk';
import { sampleCheckInInput } from '../src/main/core/documents/sample';
import { setUpSampleDesk } from '../src/main/core/sample-desk';
import { createDirectoryBackend } from '../src/main/core/features/printing/spooler';
import { SecretBox } from '../src/main/core/security/secret-box';
import { BUSY_TIMEOUT_MS } from '../src/main/core/storage/database';
import { GENESIS, linkHash, rowHash } from '../src/main/core/storage/history-chain';
import type { ChannelInput, CheckInResult, PrintResult } from '../src/shared/contract';
import { localDayCode, composeTicketNumber } from '../src/shared/ticket-number';
import { BENCH_NOW } from './documents';
import { itemAt } from '../src/shared/lists';

const FONTS_DIR = join(__dirname, '..', 'resources', 'fonts');
const clock = { now: () => new Date(BENCH_NOW) };

/** The sample walk-in with a phone of its own, so each check-in files a new customer. */
export function benchIntake(index: number): Omit<ChannelInput<'intake.checkIn'>, 'session'> {
  return sampleCheckInInput({ phone: `139${String(10_000_000 + index)}` });
}

async function call<T>(desk: Desk, channel: Parameters<Desk['dispatch']>[0], input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

/** The signed-in manager of each bench desk (set up as a shop would on its first day). */
const benchSessions = new WeakMap<Desk, string>();

export async function openBenchDesk(dir: string): Promise<Desk> {
  const desk = await openDesk({
    dataDir: dir,
    fontsDir: FONTS_DIR,
    clock,
    printBackend: createDirectoryBackend({ dir: join(dir, 'printed') }),
    logError: (where, error) => console.error(where, error),
  });
  const setup = await desk.dispatch('setup.status', {});
  if (setup.ok && !(setup.data as { done: boolean }).done) benchSessions.set(desk, await setUpSampleDesk(desk));
  return desk;
}

function benchSession(desk: Desk): string {
  const session = benchSessions.get(desk);
  if (!session) throw new Error('bench desk was not set up');
  return session;
}

export function checkInThroughDesk(desk: Desk, index: number): Promise<CheckInResult> {
  return call<CheckInResult>(desk, 'intake.checkIn', { ...benchIntake(index), session: benchSession(desk) });
}

/** The sample device of a bench check-in. */
type BenchDevice = ReturnType<typeof benchIntake>['devices'][number];

/** The ticket's own values, intake_batch to deposit_minor in the baselines' column order (the same on both engines). */
export function benchTicketValues(index: number, device: BenchDevice): unknown[] {
  return [
    `batch-${index}`,
    device.fault,
    device.customerRequest ?? '',
    JSON.stringify(device.accessories ?? []),
    device.accessoriesOther ?? '',
    JSON.stringify(device.conditionChecks ?? []),
    device.conditionNotes ?? '',
    device.dataAnswer,
    device.estimateMinor,
    device.depositMinor,
  ];
}

export interface BenchEvent {
  kind: string;
  toStatus: string | null;
  amountMinor: number | null;
}

/** The three events a check-in of the sample laptop records. */
export function benchEvents(device: BenchDevice): BenchEvent[] {
  return [
    { kind: 'checked_in', toStatus: 'received', amountMinor: null },
    { kind: 'estimate', toStatus: null, amountMinor: device.estimateMinor },
    { kind: 'deposit', toStatus: null, amountMinor: device.depositMinor },
  ];
}

/** The history-chain link of a written event row, after the link `prev`, as the desk computes it. */
export function benchEventLink(prev: string, id: number, event: BenchEvent, ticketId: number, staffId: number, at: string): { rowHash: string; hash: string } {
  const row = {
    id,
    ticket_id: ticketId,
    kind: event.kind,
    from_status: null,
    to_status: event.toStatus,
    amount_minor: event.amountMinor,
    note: '',
    staff_id: staffId,
    at,
  };
  const hashed = rowHash('ticket_event', row);
  return { rowHash: hashed, hash: linkHash(prev, 'ticket_event', id, hashed) };
}

/** The raw baseline on a file of its own: one check-in's rows per call, and a close that checks what was written. */
export interface RawCheckIns {
  checkIn(index: number): void;
  /** Checks that every call wrote its ticket and chained its three events, then closes the file. */
  close(): void;
}

/**
 * The same rows as a check-in of the sample laptop (customer look-up and
 * insert, device, day counter, ticket with a sealed passcode, three events
 * and their links in the history's hash chain),
 * written with prepared statements in one BEGIN IMMEDIATE transaction on a
 * file with the desk's pragmas (WAL, synchronous FULL, foreign keys, busy
 * timeout) and the desk's schema (made by its migrations).
 */
export async function openRawCheckIns(dir: string): Promise<RawCheckIns> {
  await (await openBenchDesk(dir)).close();
  const db = new BetterSqlite3(join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  const secrets = SecretBox.fromKeyFile(join(dir, 'secret.key'));
  const findCustomer = db.prepare('SELECT id FROM customer WHERE phone_digits = ? AND lower(trim(name)) = lower(?) ORDER BY id LIMIT 1');
  const insertCustomer = db.prepare(
    `INSERT INTO customer (name, phone, phone_digits, address, notes, owner_technician_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', NULL, ?, ?)`,
  );
  const insertDevice = db.prepare('INSERT INTO device (customer_id, type, brand, model, serial, colour, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const nextSequence = db.prepare(
    `INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, 1)
     ON CONFLICT(day) DO UPDATE SET last_sequence = last_sequence + 1 WHERE last_sequence < 9999
     RETURNING last_sequence`,
  );
  const insertTicket = db.prepare(
    `INSERT INTO ticket (number, status, customer_id, device_id, intake_batch, fault, customer_request, accessories,
       accessories_other, condition_checks, condition_notes, purchase_date, proof_of_purchase, warranty_status,
       warranty_basis, fee_consent, data_answer, estimate_minor, deposit_minor, currency, promised_date,
       technician_id, clerk_id, passcode_kind, passcode_sealed, created_at, updated_at)
     VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, 'out_of_warranty', 'no_purchase_date', 1, ?, ?, ?, 'CNY', NULL,
       NULL, 1, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare(
    "INSERT INTO ticket_event (ticket_id, kind, from_status, to_status, amount_minor, note, staff_id, at) VALUES (?, ?, NULL, ?, ?, '', 1, ?)",
  );
  // The desk links every event into the history's hash chain in the same transaction: so does the baseline.
  const lastLink = db.prepare('SELECT hash FROM history_link ORDER BY id DESC LIMIT 1');
  const insertLink = db.prepare('INSERT INTO history_link (source, row_id, row_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?)');
  const writeEvent = (event: BenchEvent, ticketId: number, at: string) => {
    const id = Number(insertEvent.run(ticketId, event.kind, event.toStatus, event.amountMinor, at).lastInsertRowid);
    const prev = (lastLink.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    const link = benchEventLink(prev, id, event, ticketId, 1, at);
    insertLink.run('ticket_event', id, link.rowHash, prev, link.hash);
  };
  const checkIn = db.transaction((index: number) => {
    const input = benchIntake(index);
    const { customer } = input;
    const device = itemAt(input.devices, 0);
    const now = clock.now();
    const nowIso = now.toISOString();
    const digits = customer.phone.replace(/\D/g, '');
    let customerId = (findCustomer.get(digits, customer.name) as { id: number } | undefined)?.id;
    if (customerId === undefined) {
      customerId = Number(insertCustomer.run(customer.name, customer.phone, digits, customer.address ?? '', nowIso, nowIso).lastInsertRowid);
    }
    const deviceId = Number(
      insertDevice.run(customerId, device.type, device.brand, device.model, device.serial ?? '', device.colour ?? '', nowIso).lastInsertRowid,
    );
    const day = localDayCode(now);
    const { last_sequence } = nextSequence.get(day) as { last_sequence: number };
    const ticketId = Number(
      insertTicket.run(
        composeTicketNumber(day, last_sequence),
        customerId,
        deviceId,
        ...benchTicketValues(index, device),
        device.passcode?.kind ?? null,
        device.passcode ? secrets.seal(device.passcode.value) : null,
        nowIso,
        nowIso,
      ).lastInsertRowid,
    );
    for (const event of benchEvents(device)) writeEvent(event, ticketId, nowIso);
  });
  let written = 0;
  return {
    checkIn(index) {
      checkIn.immediate(index);
      written++;
    },
    close() {
      const tickets = (db.prepare('SELECT COUNT(*) AS n FROM ticket').get() as { n: number }).n;
      if (tickets !== written) throw new Error(`raw baseline wrote ${tickets} tickets, expected ${written}`);
      const links = (db.prepare(`SELECT COUNT(*) AS n FROM history_link WHERE source = 'ticket_event'`).get() as { n: number }).n;
      if (links !== 3 * written) throw new Error(`raw baseline chained ${links} events, expected ${3 * written}`);
      db.close();
    },
  };
}

export interface CheckInPairs {
  desk: number[];
  raw: number[];
}

/**
 * The desk's check-in and the raw baseline's, taking turns on two files in the same folder: each commit
 * waits on the disk's flush, whose time drifts over a run (one after the other, the same code measured
 * 0.96x to 1.93x), so both see the same disk. Which one goes first alternates, as in the lookups.
 */
export async function timeCheckInPairs(count: number, warmUp = 10): Promise<CheckInPairs> {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-bench-pairs-'));
  const deskDir = join(dir, 'desk');
  const rawDir = join(dir, 'raw');
  const desk = await openBenchDesk(deskDir);
  const raw = await openRawCheckIns(rawDir);
  try {
    const times: CheckInPairs = { desk: [], raw: [] };
    const timeDesk = async (i: number) => {
      const started = performance.now();
      await checkInThroughDesk(desk, i);
      if (i >= warmUp) times.desk.push(performance.now() - started);
    };
    const timeRaw = (i: number) => {
      const started = performance.now();
      raw.checkIn(i);
      if (i >= warmUp) times.raw.push(performance.now() - started);
    };
    for (let i = 0; i < warmUp + count; i++) {
      if (i % 2 === 0) {
        await timeDesk(i);
        timeRaw(i);
      } else {
        timeRaw(i);
        await timeDesk(i);
      }
      // Between two customers the desk finishes what it left for after the answer (the identity note), untimed.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return times;
  } finally {
    raw.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CheckInToPrintTiming {
  checkInMs: number;
  printMs: number;
  totalMs: number;
}

/** Check-in, then the three enabled documents rendered, archived and handed to the folder backend. */
export async function checkInAndPrint(desk: Desk, index: number): Promise<CheckInToPrintTiming> {
  const started = performance.now();
  const { tickets } = await checkInThroughDesk(desk, index);
  const checkedIn = performance.now();
  const results = await call<PrintResult[]>(desk, 'printing.printTicket', {
    number: itemAt(tickets, 0).displayNumber,
    documents: ['intake-form', 'claim-ticket', 'device-label'],
    labelCaptions: [],
    onlyEnabled: true,
    session: benchSession(desk),
  });
  const printed = performance.now();
  if (results.length !== 3 || results.some((r) => !r.ok)) throw new Error(`printing failed: ${JSON.stringify(results)}`);
  return { checkInMs: checkedIn - started, printMs: printed - checkedIn, totalMs: printed - started };
}

export async function timeCheckInToPrint(count: number, warmUp = 3): Promise<CheckInToPrintTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-bench-print-'));
  const desk = await openBenchDesk(dir);
  try {
    const timings: CheckInToPrintTiming[] = [];
    for (let i = 0; i < warmUp + count; i++) {
      const timing = await checkInAndPrint(desk, i);
      if (i >= warmUp) timings.push(timing);
    }
    return timings;
  } finally {
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
