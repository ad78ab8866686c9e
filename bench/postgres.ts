// The same generated shop on PostgreSQL: a copy of the bench file is moved onto
// a throwaway local server by the desk's own move (as a shop adding a second
// counter would), then its exact lookups, the board and check-ins go through
// the desk, next to the minimal statement for the same rows on the pg driver.
// The server is the tests' one (loopback, fsync off): desk and baseline share
// it, so the ratios hold, while absolute write times are a server's without
// durable commits.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DATABASE_FILE, SECRET_KEY_FILE, openDesk, type Desk } from '../src/main/core/desk';
import { createDirectoryBackend } from '../src/main/core/features/printing/spooler';
import { SAMPLE_MANAGER_PIN } from '../src/main/core/sample-desk';
import { GENESIS } from '../src/main/core/storage/history-chain';
import { DESK_WRITE_LOCK, TICKET_NUMBER_LOCK } from '../src/main/core/storage/engine/postgres';
import type { PostgresConnection } from '../src/main/core/storage/engine';
import type { MoveProgress } from '../src/shared/shared-database-contract';
import type { AuthSession, SignInRoster } from '../src/shared/staff-contract';
import type { TicketBoard, TicketSearchHit } from '../src/shared/tickets-contract';
import type { CheckInResult } from '../src/shared/contract';
import { composeTicketNumber, displayTicketNumber, localDayCode } from '../src/shared/ticket-number';
import { itemAt } from '../src/shared/lists';
import { SecretBox } from '../src/main/core/security/secret-box';
import { startTestPostgres } from '../tests/support/postgres';
import { benchEventLink, benchEvents, benchIntake, benchTicketValues } from './checkin';
import { DATA_NOW, ensureBenchData } from './generate-data';
import { ms, summarize, table } from './stats';

const LIMIT = 20;
const PREFIX = 'RD';
const PASSWORD = 'bench-only-password';
const HIT_COLUMNS = `t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at`;

/** The minimal statement for an exact lookup's rows on PostgreSQL (its indexes: ticket.number, reversed phone digits, lower(serial)). */
const MINIMAL = {
  number: `SELECT ${HIT_COLUMNS} FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id WHERE t.number = $1`,
  phone: `SELECT ${HIT_COLUMNS} FROM customer c JOIN ticket t ON t.customer_id = c.id JOIN device d ON d.id = t.device_id
          WHERE c.phone_digits_reversed >= $1 AND c.phone_digits_reversed < $2 ORDER BY c.phone_digits = $3 DESC, t.id DESC LIMIT ${LIMIT}`,
  serial: `SELECT ${HIT_COLUMNS} FROM device d JOIN ticket t ON t.device_id = d.id JOIN customer c ON c.id = t.customer_id
           WHERE lower(d.serial) = lower($1) ORDER BY t.id DESC LIMIT ${LIMIT}`,
};
const reversed = (digits: string) => [...digits].reverse().join('');

interface Kind {
  label: string;
  queries: { query: string; expect: number }[];
  /** The minimal statement and its parameters; none for the substring lookups (desk only). */
  minimal?: { sql: string; params: (query: string) => unknown[] };
}

async function call<T>(desk: Desk, channel: string, input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

async function signIn(desk: Desk, managerId: number): Promise<string> {
  return (await call<AuthSession>(desk, 'auth.signIn', { staffId: managerId, pin: SAMPLE_MANAGER_PIN })).token;
}

/** Moves the desk's shop onto the server with the desk's own move, waiting for it to finish. */
async function moveOnto(desk: Desk, session: string, connection: PostgresConnection): Promise<MoveProgress> {
  const form = { session, host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: PASSWORD, tls: false };
  let progress = await call<MoveProgress>(desk, 'sharedDatabase.move', form);
  while (progress.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    progress = await call<MoveProgress>(desk, 'sharedDatabase.moveProgress', { jobId: progress.jobId });
  }
  if (progress.state !== 'done') throw new Error(`the move onto the server failed: ${JSON.stringify(progress)}`);
  return progress;
}

function kinds(rows: { id: number; number: number; phone_digits: string; serial: string; name: string; model: string }[], count: number): Kind[] {
  const pick = <T>(list: T[], seed: number) => Array.from({ length: Math.min(count, list.length) }, (_, i) => itemAt(list, (i * 7919 + seed) % list.length));
  const withSerial = rows.filter((r) => r.serial.length >= 8);
  const chinese = rows.filter((r) => /^\p{Script=Han}+$/u.test(r.name));
  return [
    {
      label: 'ticket number, no prefix (scanned)',
      queries: pick(rows, 1).map((r) => ({ query: String(r.number).padStart(10, '0'), expect: r.id })),
      minimal: { sql: MINIMAL.number, params: (q) => [Number(q)] },
    },
    {
      label: 'ticket number with prefix',
      queries: pick(rows, 2).map((r) => ({ query: displayTicketNumber(r.number, PREFIX), expect: r.id })),
      minimal: { sql: MINIMAL.number, params: (q) => [Number(q.replace(/\D/g, ''))] },
    },
    {
      label: 'phone, full 11 digits',
      queries: pick(rows, 3).map((r) => ({ query: r.phone_digits.slice(-11), expect: r.id })),
      minimal: { sql: MINIMAL.phone, params: (q) => [reversed(q), `${reversed(q)}:`, q] },
    },
    {
      label: 'serial / IMEI, full',
      queries: pick(withSerial, 9).map((r) => ({ query: r.serial, expect: r.id })),
      minimal: { sql: MINIMAL.serial, params: (q) => [q] },
    },
    { label: 'name, Chinese given name', queries: pick(chinese, 7).map((r) => ({ query: [...r.name].slice(1).join(''), expect: r.id })) },
    { label: 'model', queries: pick(rows, 11).map((r) => ({ query: r.model, expect: r.id })) },
  ];
}

/** The one row a statement RETURNING gives back. */
async function returning<Row extends pg.QueryResultRow>(client: pg.Client, sql: string, params: unknown[]): Promise<Row> {
  return itemAt((await client.query<Row>(sql, params)).rows, 0);
}

/** The rows of a check-in of the sample laptop, written on the pg driver in one transaction under the desk's locks. */
async function rawCheckIn(client: pg.Client, secrets: SecretBox, index: number, staffId: number): Promise<void> {
  const input = benchIntake(index);
  const device = itemAt(input.devices, 0);
  const nowIso = DATA_NOW.toISOString();
  const digits = input.customer.phone.replace(/\D/g, '');
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${DESK_WRITE_LOCK})`);
    const known = await client.query<{ id: number }>(`SELECT id FROM customer WHERE phone_digits = $1 AND lower(trim(name)) = lower($2) ORDER BY id LIMIT 1`, [
      digits,
      input.customer.name,
    ]);
    const customerId =
      known.rows[0]?.id ??
      (
        await returning<{ id: number }>(
          client,
          `INSERT INTO customer (name, phone, phone_digits, address, notes, owner_technician_id, created_at, updated_at)
             VALUES ($1, $2, $3, $4, '', NULL, $5, $5) RETURNING id`,
          [input.customer.name, input.customer.phone, digits, input.customer.address ?? '', nowIso],
        )
      ).id;
    const deviceId = (
      await returning<{ id: number }>(
        client,
        `INSERT INTO device (customer_id, type, brand, model, serial, colour, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [customerId, device.type, device.brand, device.model, device.serial ?? '', device.colour ?? '', nowIso],
      )
    ).id;
    await client.query(`SELECT pg_advisory_xact_lock(${TICKET_NUMBER_LOCK})`);
    const day = localDayCode(DATA_NOW);
    const sequence = (
      await returning<{ last_sequence: number }>(
        client,
        `INSERT INTO ticket_day_counter (day, last_sequence) VALUES ($1, 1)
           ON CONFLICT (day) DO UPDATE SET last_sequence = ticket_day_counter.last_sequence + 1 WHERE ticket_day_counter.last_sequence < 9999
           RETURNING last_sequence`,
        [day],
      )
    ).last_sequence;
    const ticketId = (
      await returning<{ id: number }>(
        client,
        `INSERT INTO ticket (number, status, customer_id, device_id, intake_batch, fault, customer_request, accessories,
             accessories_other, condition_checks, condition_notes, purchase_date, proof_of_purchase, warranty_status,
             warranty_basis, fee_consent, data_answer, estimate_minor, deposit_minor, currency, promised_date,
             technician_id, clerk_id, passcode_kind, passcode_sealed, created_at, updated_at)
           VALUES ($1, 'received', $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, 0, 'out_of_warranty', 'no_purchase_date', 1, $11, $12, $13, 'CNY', NULL,
             NULL, $14, $15, $16, $17, $17) RETURNING id`,
        [
          composeTicketNumber(day, sequence),
          customerId,
          deviceId,
          ...benchTicketValues(index, device),
          staffId,
          device.passcode?.kind ?? null,
          device.passcode ? secrets.seal(device.passcode.value) : null,
          nowIso,
        ],
      )
    ).id;
    // The desk links every new event into the history's hash chain in the same transaction: so does the baseline.
    let prev = (await client.query<{ hash: string }>(`SELECT hash FROM history_link ORDER BY id DESC LIMIT 1`)).rows[0]?.hash ?? GENESIS;
    for (const event of benchEvents(device)) {
      const { id } = await returning<{ id: number }>(
        client,
        `INSERT INTO ticket_event (ticket_id, kind, from_status, to_status, amount_minor, note, staff_id, at) VALUES ($1, $2, NULL, $3, $4, '', $5, $6) RETURNING id`,
        [ticketId, event.kind, event.toStatus, event.amountMinor, staffId, nowIso],
      );
      const link = benchEventLink(prev, id, event, ticketId, staffId, nowIso);
      await client.query(`INSERT INTO history_link (source, row_id, row_hash, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)`, [
        'ticket_event',
        id,
        link.rowHash,
        prev,
        link.hash,
      ]);
      prev = link.hash;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface PostgresBenchOptions {
  tickets: number;
  queriesPerKind: number;
  checkIns: number;
  log: (text: string) => void;
}

/** Runs the PostgreSQL section and returns its report. */
export async function runPostgresBench({ tickets, queriesPerKind, checkIns, log }: PostgresBenchOptions): Promise<string> {
  const data = await ensureBenchData(tickets, { log });
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-bench-pg-'));
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, SECRET_KEY_FILE, 'desk-identity.json']) {
    if (existsSync(join(data.dir, name))) copyFileSync(join(data.dir, name), join(dir, name));
  }
  log('postgres: starting a local server');
  const server = await startTestPostgres({ password: PASSWORD });
  let desk: Desk | null = null;
  try {
    const connection = { ...(await server.createDatabase('bench')), password: PASSWORD };
    desk = await openDesk({
      dataDir: dir,
      fontsDir: join(__dirname, '..', 'resources', 'fonts'),
      clock: { now: () => DATA_NOW },
      printBackend: createDirectoryBackend({ dir: join(dir, 'printed') }),
      automaticBackups: false,
      primeDocuments: false,
      logError: (where, error) => console.error(where, error),
    });
    const roster = await call<SignInRoster>(desk, 'auth.roster', {});
    const manager = roster.staff.find((person) => person.role === 'manager');
    if (!manager) throw new Error('the generated shop has no manager');
    const managerId = manager.id;
    const hasPin = await desk.dispatch('auth.signIn', { staffId: managerId, pin: SAMPLE_MANAGER_PIN });
    if (!hasPin.ok) await call(desk, 'auth.setPin', { session: null, staffId: managerId, currentPin: null, newPin: SAMPLE_MANAGER_PIN });
    log(`postgres: moving ${data.tickets.toLocaleString('en')} tickets onto the server`);
    const moveStarted = performance.now();
    const moved = await moveOnto(desk, await signIn(desk, managerId), connection);
    const moveMs = performance.now() - moveStarted;
    if (desk.context.db.engine.name !== 'postgres') throw new Error('the desk did not switch to the server');
    const session = await signIn(desk, managerId);

    const raw = new pg.Client({ host: connection.host, port: connection.port, database: connection.database, user: connection.user, password: PASSWORD });
    await raw.connect();
    try {
      const picked = (
        await raw.query<{ id: number; number: number; phone_digits: string; serial: string; name: string; model: string }>(
          `SELECT t.id, t.number, c.phone_digits, d.serial, c.name, d.model FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
           WHERE t.id IN (SELECT id FROM ticket ORDER BY random() LIMIT $1)`,
          [queriesPerKind * 20],
        )
      ).rows;
      const warmUp = Math.min(10, Math.ceil(queriesPerKind / 10));
      const lines = [['lookup (PostgreSQL)', 'n', 'desk p50', 'desk p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'target found', 'same rows']];
      for (const kind of kinds(picked, queriesPerKind + warmUp)) {
        log(`postgres: ${kind.label} x ${kind.queries.length}`);
        const desks: number[] = [];
        const raws: number[] = [];
        let found = 0;
        let same = 0;
        for (const [index, { query, expect }] of kind.queries.entries()) {
          const runRaw = async () => (kind.minimal ? (await raw.query<{ id: number }>(kind.minimal.sql, kind.minimal.params(query))).rows : []);
          let rawRows: { id: number }[] = [];
          let rawMs = 0;
          if (index % 2 === 1) {
            const r0 = performance.now();
            rawRows = await runRaw();
            rawMs = performance.now() - r0;
          }
          const t0 = performance.now();
          const hits = await call<TicketSearchHit[]>(desk, 'tickets.search', { query, limit: LIMIT });
          const deskMs = performance.now() - t0;
          if (index % 2 === 0) {
            const r0 = performance.now();
            rawRows = await runRaw();
            rawMs = performance.now() - r0;
          }
          if (index < warmUp) continue;
          desks.push(deskMs);
          if (kind.minimal) raws.push(rawMs);
          if (hits.some((hit) => hit.ticketId === expect)) found++;
          if (kind.minimal && hits.map((h) => h.ticketId).join() === rawRows.map((r) => r.id).join()) same++;
        }
        const d = summarize(desks);
        const r = kind.minimal ? summarize(raws) : null;
        lines.push([
          kind.label,
          String(desks.length),
          `${ms(d.median)} ms`,
          `${ms(d.p95)} ms`,
          r ? `${ms(r.median)} ms` : '-',
          r ? `${ms(r.p95)} ms` : '-',
          r ? `${(d.median / r.median).toFixed(1)}x` : '-',
          r ? `${(d.p95 / r.p95).toFixed(1)}x` : '-',
          `${found}/${desks.length}`,
          kind.minimal ? `${same}/${desks.length}` : '-',
        ]);
      }

      log('postgres: board');
      const boardTimes: number[] = [];
      for (let i = 0; i < queriesPerKind + warmUp; i++) {
        const t0 = performance.now();
        const board = await call<TicketBoard>(desk, 'tickets.board', { statuses: null, technicianId: null, page: 1, pageSize: 50 });
        if (i >= warmUp) boardTimes.push(performance.now() - t0);
        if (board.items.length === 0) throw new Error('the board on the server is empty');
      }
      const b = summarize(boardTimes);
      lines.push(['board, first page (desk only)', String(boardTimes.length), `${ms(b.median)} ms`, `${ms(b.p95)} ms`, '-', '-', '-', '-', '-', '-']);

      log(`postgres: check-in x ${checkIns} through the desk and on the driver`);
      const secrets = SecretBox.fromKeyFile(join(dir, SECRET_KEY_FILE));
      const deskCheckIns: number[] = [];
      const rawCheckIns: number[] = [];
      for (let i = 0; i < checkIns + warmUp; i++) {
        const t0 = performance.now();
        const result = await call<CheckInResult>(desk, 'intake.checkIn', { ...benchIntake(500_000 + i), session });
        const t1 = performance.now();
        await rawCheckIn(raw, secrets, 700_000 + i, managerId);
        const t2 = performance.now();
        if (result.tickets.length !== 1) throw new Error('a check-in on the server filed no ticket');
        if (i >= warmUp) {
          deskCheckIns.push(t1 - t0);
          rawCheckIns.push(t2 - t1);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const dc = summarize(deskCheckIns);
      const rc = summarize(rawCheckIns);
      lines.push([
        'check-in (one walk-in, one device)',
        String(deskCheckIns.length),
        `${ms(dc.median)} ms`,
        `${ms(dc.p95)} ms`,
        `${ms(rc.median)} ms`,
        `${ms(rc.p95)} ms`,
        `${(dc.median / rc.median).toFixed(1)}x`,
        `${(dc.p95 / rc.p95).toFixed(1)}x`,
        '-',
        '-',
      ]);
      return [
        `\nPostgreSQL: the ${data.tickets.toLocaleString('en')}-ticket shop moved onto a local server (fsync off) by the desk's own move in ${(moveMs / 1000).toFixed(1)} s (${moved.rowsDone.toLocaleString('en')} rows, ${moved.tablesDone} tables)`,
        `desk = through desk.dispatch on the server; raw = on the pg driver directly: the minimal indexed statement for the same rows (lookups), the same rows written in one transaction under the desk's locks with their hash-chain links (check-in).`,
        table(lines),
      ].join('\n');
    } finally {
      await raw.end();
    }
  } finally {
    if (desk) await desk.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
