// One search box for tickets: number (with or without the prefix, or its first
// digits), phone (any part of it), customer name (Chinese or Latin, any part,
// any case), serial / IMEI, brand and model.
//
// Ranking: exact ticket number, then exact phone or serial, then prefixes
// (number, phone, serial, name, model), then substrings; within a rank the most
// recent ticket first.
//
// Exact lookups come first and stop the search when they find something: a
// scanned claim ticket, a full phone number or a full serial / IMEI answers
// from a primary-key or unique-index probe, and the substring matchers run only
// when nothing matched exactly (or when asked for more). A whole ticket number
// that matched stops even the other exact probes: a phone or serial made of the
// same digits comes with "more". A full phone number
// also brings the same number written with a country code (the phones ending
// with it, by the reversed-digits index); a whole mobile number stored only
// with its country code is an exact answer too. A short number (1-4 digits) is also
// read as today's ticket of that sequence, ranked first.
//
// Speed on ten years of tickets comes from indexes only, never a table scan:
// - exact and prefix lookups are index range scans (ticket.number, customer
//   phone_digits, and NOCASE indexes on customer.name, device.serial, device.model);
// - substrings of 3+ characters use the FTS5 trigram indexes customer_fts and
//   device_fts (kept in sync by triggers; works for Chinese), read newest first;
// - 1-2 character names (a Chinese surname or given name) use the name gram
//   index (every character and pair of characters of every name, kept by
//   triggers), newest first over the whole history;
// - models typed as short words only ("X1") are matched against the few brand
//   and model pairs in use (device_model, kept by triggers), then read from
//   the model index, newest first.
//
// On PostgreSQL the same lookups use the lower(column) indexes for case-blind
// exact and prefix matches, and pg_trgm indexes for substrings of any length.
//
// The search is one Lookup (storage/lookup.ts): on SQLite its statements run
// straight on the driver (SqlReader), inside the caller's transaction; on
// PostgreSQL through the transaction's queries. The exact probes that often
// answer alone are marked (probeRowsOf): a scanned claim ticket at the counter
// then runs as that one statement, with no BEGIN and COMMIT (lone-read.ts).
import { localDayCode, parseTicketNumber } from '../../../../shared/ticket-number';
import { ticketLineWith } from './ticket-line';
import { engineOf, type StorageEngine, type TextColumns } from '../../storage/engine';
import { foldAscii, sqliteEngine } from '../../storage/engine/sqlite';
import { runInTx, runOnReader, type Lookup } from '../../storage/lookup';
import { isSqliteTx, sqlReaderOf, type SqlReader } from '../../storage/sql-reader';
import type { ReadTx } from '../../storage/transactions';
import type { TicketSearchHit } from '../../../../shared/tickets-contract';
import type { SearchMatchField, SearchMatchKind } from '../../../../shared/workflow';
import { idsOf } from '../../storage/lookup';
import { ticketPrefixOf } from '../settings';
import { prefixEnd, startingWith } from './queries/lookup-ids';
import {
  hitsOfDevices,
  hitsWithPhoneEnding,
  hitsWithSerial,
  hitsWithIds,
  hitsWithNumber,
  ticketIdsInNumberRange,
  ticketIdsOfCustomers,
  ticketIdsOfDevices,
  ticketIdsWithNumber,
  type HitRecord,
} from './queries/ticket-hits';
import { customerIdsWithPhone, customerIdsWithPhoneEnding, customerIdsWithPhonePrefix } from './queries/customer-phones';
import { deviceIdsOfModel, deviceIdsWithSerial, devicesContaining, modelPairsWithWords } from './queries/devices';

/** The shortest text the trigram indexes find anywhere in a column. */
export const TRIGRAM = 3;

interface Candidate {
  rank: number;
  matchedOn: SearchMatchField;
  match: SearchMatchKind;
}

const RANK: Record<SearchMatchKind | 'exact_number', number> = { exact_number: 0, exact: 1, prefix: 2, contains: 3 };
const EXACT_NUMBER = { matchedOn: 'number', match: 'exact' } as const;

export { foldAscii, prefixEnd };

export function normaliseQuery(query: string): string {
  return query.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

class Collector {
  readonly byTicket = new Map<number, Candidate>();

  add(ticketIds: number[], matchedOn: SearchMatchField, match: SearchMatchKind, rank = RANK[match]): void {
    for (const id of ticketIds) {
      const seen = this.byTicket.get(id);
      if (!seen || rank < seen.rank) this.byTicket.set(id, { rank, matchedOn, match });
    }
  }
}

const CUSTOMER_TEXT = { table: 'customer', ftsTable: 'customer_fts' } as const;
const DEVICE_TEXT = { table: 'device', ftsTable: 'device_fts' } as const;
export const PHONE_DIGITS: TextColumns = { ...CUSTOMER_TEXT, columns: ['phone_digits'] };
export const NAME: TextColumns = { ...CUSTOMER_TEXT, columns: ['name'] };
export const SERIAL: TextColumns = { ...DEVICE_TEXT, columns: ['serial'] };
const BRAND_MODEL: TextColumns = { ...DEVICE_TEXT, columns: ['brand', 'model'] };

function* searchNumber(text: string, limit: number, found: Collector): Lookup<void> {
  if (parseTicketNumber(text) !== null) return; // a whole number was looked up exactly
  // The first digits of a number (its date part, typed or scanned, prefix optional).
  const match = /^(?:[A-Za-z]+[-\s]*)?([\d][\d\s-]*)$/.exec(text);
  const typed = match?.[1];
  if (!typed) return;
  const digits = typed.replace(/[\s-]/g, '');
  if (digits.length < TRIGRAM || digits.length >= 10) return;
  const scale = 10 ** (10 - digits.length);
  const low = Number(digits) * scale;
  found.add(yield* ticketIdsInNumberRange(low, low + scale, limit), 'number', 'prefix');
}

function* searchPhone(engine: StorageEngine, digits: string, limit: number, found: Collector): Lookup<void> {
  if (digits.length < TRIGRAM) return;
  const prefix = yield* customerIdsWithPhonePrefix(digits, limit);
  found.add(yield* ticketIdsOfCustomers(prefix, limit), 'phone', 'prefix');
  const contains = yield* idsOf(engine.newestContaining(PHONE_DIGITS, [digits], limit));
  found.add(yield* ticketIdsOfCustomers(contains, limit), 'phone', 'contains');
}

function* searchSerial(engine: StorageEngine, text: string, limit: number, found: Collector): Lookup<void> {
  if (!serialLike(text)) return;
  const prefix = yield* startingWith(engine, 'device', 'serial', text, limit);
  found.add(yield* ticketIdsOfDevices(prefix, limit), 'serial', 'prefix');
  const contains = yield* idsOf(engine.newestContaining(SERIAL, [text], limit));
  found.add(yield* ticketIdsOfDevices(contains, limit), 'serial', 'contains');
}

function* searchName(engine: StorageEngine, text: string, limit: number, found: Collector): Lookup<void> {
  if ([...text].length < TRIGRAM) {
    // One or two characters (a Chinese surname or given name): at a name's start, or anywhere in it.
    found.add(yield* ticketIdsOfCustomers(yield* idsOf(engine.newestWithNamePart(text, true, limit)), limit), 'name', 'prefix');
    found.add(yield* ticketIdsOfCustomers(yield* idsOf(engine.newestWithNamePart(text, false, limit)), limit), 'name', 'contains');
    return;
  }
  const prefix = yield* startingWith(engine, 'customer', 'name', text, limit);
  found.add(yield* ticketIdsOfCustomers(prefix, limit), 'name', 'prefix');
  const contains = yield* idsOf(engine.newestContaining(NAME, [text], limit));
  found.add(yield* ticketIdsOfCustomers(contains, limit), 'name', 'contains');
}

function* searchModel(engine: StorageEngine, text: string, limit: number, found: Collector): Lookup<void> {
  const prefix = yield* startingWith(engine, 'device', 'model', text, limit);
  found.add(yield* ticketIdsOfDevices(prefix, limit), 'model', 'prefix');
  // "Huawei Mate 60": every word must appear in the brand or the model.
  const words = text.toLowerCase().split(' ');
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  if (long.length === 0) {
    // Only short words ("X1", "13"): too short for the trigram index. The
    // brand and model pairs in use are few; each matching pair's newest
    // devices come from the model index.
    const models = yield* modelPairsWithWords(engine, words);
    const devices = new Set<number>();
    for (const pair of models) {
      for (const id of yield* deviceIdsOfModel(engine, pair, limit)) devices.add(id);
    }
    const newest = [...devices].sort((a, b) => b - a).slice(0, limit);
    found.add(yield* ticketIdsOfDevices(newest, limit), 'model', 'contains');
    return;
  }
  const shortWords = words.length > long.length;
  const rows = yield* devicesContaining(engine, BRAND_MODEL, long, shortWords ? limit * 10 : limit);
  const matching = rows.filter((r) => {
    const haystack = `${r.brand} ${r.model}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  found.add(
    yield* ticketIdsOfDevices(
      matching.slice(0, limit).map((r) => r.id),
      limit,
    ),
    'model',
    'contains',
  );
}

/** Digits of a whole mobile number (China's are 11): fewer may be only the end of someone else's. */
const WHOLE_MOBILE_DIGITS = 11;
/** The most digits a phone number has, country code included (E.164). */
const LONGEST_PHONE_DIGITS = 15;
/** Text made only of what a phone number is written with (digits, spaces, brackets, plus and dashes). */
export const phoneLike = (text: string) => /^[\d\s()+-]+$/.test(text);
const serialLike = (text: string) => text.length >= TRIGRAM && !text.includes(' ');
const reversedDigits = (digits: string) => [...digits].reverse().join('');

/**
 * The exact lookups after the whole ticket number (ticketSearch probes it first): today's ticket of a
 * short number, the whole phone (and the same number with a country code), the whole serial.
 * Returns whether a whole phone or serial matched, which ends the search.
 */
function* searchExact(
  engine: StorageEngine,
  text: string,
  limit: number,
  today: Date | null,
  more: boolean,
  found: Collector,
  rows: Map<number, HitRecord>,
): Lookup<boolean> {
  let whole = false;
  const sequence = /^\d{1,4}$/.exec(text);
  if (sequence && today && Number(text) > 0) {
    const todays = Number(localDayCode(today)) * 10_000 + Number(text);
    found.add(yield* ticketIdsWithNumber(todays), 'number', 'exact', RANK.exact_number);
  }
  const phone = phoneLike(text);
  const digits = phone ? text.replace(/\D/g, '') : '';
  // Fifteen digits are an IMEI far more often than a phone with its country code: the serial goes first, and
  // one that matched answers the search, as a scanned number does (a phone of the same digits waits for "more").
  const imeiFirst = phone && digits.length >= LONGEST_PHONE_DIGITS && serialLike(text);
  if (imeiFirst) {
    // (Not `whole ||=`: the probe must run even when something matched already.)
    if (yield* exactSerial(engine, text, limit, false, found, rows)) whole = true;
    if (whole && !more) return true;
  }
  if (phone) {
    if (digits.length >= WHOLE_MOBILE_DIGITS && digits.length < LONGEST_PHONE_DIGITS) {
      // A whole mobile number, typed or read off a form: its own tickets and the same number with a
      // country code (phones ending with it, by the reversed-digits index), exact ones first, in one probe.
      const tickets = yield* hitsWithPhoneEnding(digits, reversedDigits(digits), limit);
      for (const row of tickets) rows.set(row.id, row);
      found.add(
        tickets.filter((row) => Boolean(row.exact_phone)).map((row) => row.id),
        'phone',
        'exact',
      );
      found.add(
        tickets.filter((row) => !row.exact_phone).map((row) => row.id),
        'phone',
        'contains',
      );
      whole ||= tickets.length > 0;
    } else if (digits.length >= TRIGRAM) {
      const exact = yield* customerIdsWithPhone(digits, limit);
      found.add(yield* ticketIdsOfCustomers(exact, limit), 'phone', 'exact');
      whole ||= exact.length > 0;
      // No phone number is longer than 15 digits with its country code (E.164): 15 digits (an IMEI) have no longer form to look for.
      if (exact.length > 0 && digits.length < LONGEST_PHONE_DIGITS) {
        // Phones ending with these digits: the same number with a country code.
        const longer = yield* customerIdsWithPhoneEnding(reversedDigits(digits), limit);
        found.add(yield* ticketIdsOfCustomers(longer, limit), 'phone', 'contains');
      }
    }
    // A whole phone that found its tickets answers the search too: a serial of the same digits waits for "more".
    if (whole && !more) return true;
  }
  // Shorter text made like a phone number (every whole phone number is tried as a serial too) nearly always misses.
  if (!imeiFirst && serialLike(text) && (yield* exactSerial(engine, text, limit, phone, found, rows))) whole = true;
  return whole;
}

/**
 * The whole serial / IMEI. Text that is likely to miss is probed on the serial index alone first, the
 * cheaper miss; other text reads its tickets' hit columns in the same probe, the cheaper hit.
 */
function* exactSerial(
  engine: StorageEngine,
  text: string,
  limit: number,
  likelyMiss: boolean,
  found: Collector,
  rows: Map<number, HitRecord>,
): Lookup<boolean> {
  const devices = likelyMiss ? yield* deviceIdsWithSerial(engine, text, limit) : [];
  const tickets = likelyMiss ? (devices.length === 0 ? [] : yield* hitsOfDevices(devices, limit)) : yield* hitsWithSerial(engine, text, limit);
  for (const row of tickets) rows.set(row.id, row);
  found.add(
    tickets.map((row) => row.id),
    'serial',
    'exact',
  );
  return tickets.length > 0;
}

export interface SearchOptions {
  /** The desk's day, for short numbers (today's ticket 0003); null leaves them to the other matchers. */
  today: Date | null;
  /** Run the partial matchers even when something matched exactly. */
  more?: boolean;
}

/** The search on SQLite's driver reader, inside a transaction its caller holds. */
export function searchTickets(sql: SqlReader, query: string, limit: number, options: SearchOptions): TicketSearchHit[] {
  return runOnReader(ticketSearch(sqliteEngine, query, limit, options), sql);
}

/** The search inside a use case's transaction, on either engine. */
export function searchTicketsIn(tx: ReadTx, query: string, limit: number, options: SearchOptions): Promise<TicketSearchHit[]> {
  const search = ticketSearch(engineOf(tx), query, limit, options);
  return isSqliteTx(tx) ? Promise.resolve(runOnReader(search, sqlReaderOf(tx))) : runInTx(search, tx);
}

// The hits' display numbers carry the shop's prefix as stored when they were read (each hit row brings it).
function* ticketSearch(engine: StorageEngine, query: string, limit: number, { today, more = false }: SearchOptions): Lookup<TicketSearchHit[]> {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  const byId = new Map<number, HitRecord>();
  const number = parseTicketNumber(text);
  if (number !== null) {
    // A scanned claim ticket, the commonest lookup: its hit's columns come with the probe.
    const tickets = yield* hitsWithNumber(number);
    // The ticket itself answers a scan (numbers are unique): a phone or serial of the same digits waits
    // for "more". It is answered here, not ranked with the rest below: a few microseconds of about thirty.
    if (tickets.length > 0 && !more) return tickets.map((row) => hitOf(row, EXACT_NUMBER));
    for (const row of tickets) byId.set(row.id, row);
    found.add(
      tickets.map((row) => row.id),
      'number',
      'exact',
      RANK.exact_number,
    );
  }
  const exact = yield* searchExact(engine, text, limit, today, more, found, byId);
  if (!exact || more) {
    yield* searchNumber(text, limit, found);
    if (phoneLike(text)) {
      yield* searchPhone(engine, text.replace(/\D/g, ''), limit, found);
      yield* searchSerial(engine, text, limit, found);
    } else {
      yield* searchName(engine, text, limit, found);
      yield* searchSerial(engine, text, limit, found);
      yield* searchModel(engine, text, limit, found);
    }
  }
  const ranked = [...found.byTicket.entries()].sort((a, b) => a[1].rank - b[1].rank || b[0] - a[0]).slice(0, limit);
  if (ranked.length === 0) return [];
  // The rows the exact number brought along are not read again.
  const missing = ranked.filter(([id]) => !byId.has(id)).map(([id]) => id);
  if (missing.length > 0) for (const row of yield* hitsWithIds(missing)) byId.set(row.id, row);
  return ranked.map(([id, candidate]) => hitOf(byId.get(id)!, candidate));
}

function hitOf(r: HitRecord, { matchedOn, match }: Pick<Candidate, 'matchedOn' | 'match'>): TicketSearchHit {
  return ticketLineWith(r, ticketPrefixOf(r.stored_prefix), { serial: r.serial, matchedOn, match });
}
