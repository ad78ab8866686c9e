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
// from a primary-key or unique-index probe (every exact probe in one prepared
// statement that brings the hits' columns along), and the substring matchers run only
// when nothing matched exactly (or when asked for more). A full phone number
// also brings the same number written with a country code (the phones ending
// with it, by the reversed-digits index). A short number (1-4 digits) is also
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
// Statements run straight on the driver (SqlReader), inside the caller's transaction.
import type { DeviceType, TicketStatus } from '../../../shared/domain';
import { displayTicketNumber, localDayCode, parseTicketNumber } from '../../../shared/ticket-number';
import type { SqlReader } from '../storage/sql-reader';
import type { TicketSearchHit } from '../../../shared/workflow-contract';
import type { SearchMatchField, SearchMatchKind } from '../../../shared/workflow';
import { escapeLike } from './workflow-common';

const TRIGRAM = 3;

interface Candidate {
  rank: number;
  matchedOn: SearchMatchField;
  match: SearchMatchKind;
}

const RANK: Record<SearchMatchKind | 'exact_number', number> = { exact_number: 0, exact: 1, prefix: 2, contains: 3 };

/** A quoted FTS5 phrase: the text is matched literally, whatever it contains. */
function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Upper bound for a prefix range under NOCASE / BINARY: every string starting with `prefix` sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

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

function ids(sql: SqlReader, statement: string, params: unknown[]): number[] {
  return sql.all<{ id: number }>(statement, params).map((r) => r.id);
}

/** ASCII letters to lower case, as SQLite's lower(), LIKE and NOCASE fold them (and nothing else). */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(',');
}

/** The most recent tickets of some customers. */
function ticketsOfCustomers(sql: SqlReader, customerIds: number[], limit: number): number[] {
  if (customerIds.length === 0) return [];
  return ids(sql, `SELECT id FROM ticket WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY id DESC LIMIT ?`, [...customerIds, limit]);
}

/** The most recent tickets of some devices. */
function ticketsOfDevices(sql: SqlReader, deviceIds: number[], limit: number): number[] {
  if (deviceIds.length === 0) return [];
  return ids(sql, `SELECT id FROM ticket WHERE device_id IN (${placeholders(deviceIds)}) ORDER BY id DESC LIMIT ?`, [...deviceIds, limit]);
}

function searchNumber(sql: SqlReader, text: string, limit: number, found: Collector): void {
  if (parseTicketNumber(text) !== null) return; // a whole number was looked up exactly
  // The first digits of a number (its date part, typed or scanned, prefix optional).
  const match = /^(?:[A-Za-z]+[-\s]*)?([\d][\d\s-]*)$/.exec(text);
  if (!match) return;
  const digits = match[1].replace(/[\s-]/g, '');
  if (digits.length < TRIGRAM || digits.length >= 10) return;
  const scale = 10 ** (10 - digits.length);
  const low = Number(digits) * scale;
  found.add(
    ids(sql, `SELECT id FROM ticket WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?`, [low, low + scale, limit]),
    'number',
    'prefix',
  );
}

function searchPhone(sql: SqlReader, digits: string, limit: number, found: Collector): void {
  if (digits.length < TRIGRAM) return;
  const prefix = ids(sql, `SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC LIMIT ?`, [
    digits,
    `${digits}:`, // ':' follows '9'
    limit,
  ]);
  found.add(ticketsOfCustomers(sql, prefix, limit), 'phone', 'prefix');
  const contains = ids(sql, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
    `phone_digits : ${phrase(digits)}`,
    limit,
  ]);
  found.add(ticketsOfCustomers(sql, contains, limit), 'phone', 'contains');
}

function searchSerial(sql: SqlReader, text: string, limit: number, found: Collector): void {
  if (!serialLike(text)) return;
  const prefix = ids(
    sql,
    `SELECT id FROM device WHERE serial >= ? COLLATE NOCASE AND serial < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(ticketsOfDevices(sql, prefix, limit), 'serial', 'prefix');
  const contains = ids(sql, `SELECT rowid AS id FROM device_fts WHERE device_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
    `serial : ${phrase(text)}`,
    limit,
  ]);
  found.add(ticketsOfDevices(sql, contains, limit), 'serial', 'contains');
}

function searchName(sql: SqlReader, text: string, limit: number, found: Collector): void {
  if ([...text].length < TRIGRAM) {
    // One or two characters: the name gram index, newest first; at_start marks a name's first characters.
    const gram = foldAscii(text);
    const byGram = `SELECT customer_id AS id FROM customer_name_gram WHERE gram = ? AND at_start = ? ORDER BY customer_id DESC LIMIT ?`;
    found.add(ticketsOfCustomers(sql, ids(sql, byGram, [gram, 1, limit]), limit), 'name', 'prefix');
    found.add(ticketsOfCustomers(sql, ids(sql, byGram, [gram, 0, limit]), limit), 'name', 'contains');
    return;
  }
  const prefix = ids(
    sql,
    `SELECT id FROM customer WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(ticketsOfCustomers(sql, prefix, limit), 'name', 'prefix');
  const contains = ids(sql, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
    `name : ${phrase(text)}`,
    limit,
  ]);
  found.add(ticketsOfCustomers(sql, contains, limit), 'name', 'contains');
}

function searchModel(sql: SqlReader, text: string, limit: number, found: Collector): void {
  const prefix = ids(
    sql,
    `SELECT id FROM device WHERE model >= ? COLLATE NOCASE AND model < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(ticketsOfDevices(sql, prefix, limit), 'model', 'prefix');
  // "Huawei Mate 60": every word must appear in the brand or the model.
  const words = text.toLowerCase().split(' ');
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  if (long.length === 0) {
    // Only short words ("X1", "13"): too short for the trigram index. The
    // brand and model pairs in use are few; each matching pair's newest
    // devices come from the model index.
    const like = words.map(() => `(brand || ' ' || model) LIKE ? ESCAPE '\\'`).join(' AND ');
    const models = sql.all<{ brand: string; model: string }>(`SELECT brand, model FROM device_model WHERE ${like}`, words.map((w) => `%${escapeLike(w)}%`));
    const devices = new Set(
      models.flatMap(({ brand, model }) =>
        ids(sql, `SELECT id FROM device WHERE model = ? COLLATE NOCASE AND brand = ? ORDER BY id DESC LIMIT ?`, [model, brand, limit]),
      ),
    );
    const newest = [...devices].sort((a, b) => b - a).slice(0, limit);
    found.add(ticketsOfDevices(sql, newest, limit), 'model', 'contains');
    return;
  }
  const shortWords = words.length > long.length;
  const rows = sql.all<{ id: number; brand: string; model: string }>(
    `SELECT rowid AS id, brand, model FROM device_fts WHERE device_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
    [`{brand model} : (${long.map(phrase).join(' AND ')})`, shortWords ? limit * 10 : limit],
  );
  const matching = rows.filter((r) => {
    const haystack = `${r.brand} ${r.model}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  found.add(ticketsOfDevices(sql, matching.slice(0, limit).map((r) => r.id), limit), 'model', 'contains');
}

interface HitRecord {
  id: number;
  number: number;
  status: TicketStatus;
  customer_name: string;
  customer_phone: string;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  created_at: string;
}

const phoneLike = (text: string) => /^[\d\s()+-]+$/.test(text);
const serialLike = (text: string) => text.length >= TRIGRAM && !text.includes(' ');

/** A ticket's hit, as the exact lookups and the final read return it. */
interface ExactRecord extends HitRecord {
  arm: number;
}

/**
 * The exact lookups in one statement, each arm an index probe, with the hit's
 * columns joined in: arm 0 the whole ticket number, 1 today's ticket of a
 * short number, 2 the tickets of the customers with exactly this phone, 3 those
 * of the same number with a country code (phones ending with it, only when the
 * phone matched exactly), 4 the tickets of the devices with exactly this
 * serial. Rows with arm 5 or 6 and no ticket say a customer with this phone or
 * a device with this serial exists (which ends the search, tickets or not).
 * A parameter that does not apply is null and its arm finds nothing. Named
 * parameters, one object (the driver binds it by name).
 */
const EXACT_LOOKUPS = `WITH
  phone_customer(id) AS (SELECT id FROM customer WHERE phone_digits = @phone ORDER BY id DESC LIMIT @limit),
  longer_customer(id) AS (SELECT id FROM customer
    WHERE phone_digits_reversed > @reversed AND phone_digits_reversed < @reversed || ':' AND EXISTS (SELECT 1 FROM phone_customer)
    ORDER BY id DESC LIMIT @limit),
  serial_device(id) AS (SELECT id FROM device WHERE serial = @serial COLLATE NOCASE ORDER BY id DESC LIMIT @limit),
  found(arm, id) AS (
    SELECT 0, id FROM ticket WHERE number = @number
    UNION ALL SELECT 1, id FROM ticket WHERE number = @todays
    UNION ALL SELECT * FROM (SELECT 2, id FROM ticket WHERE customer_id IN (SELECT id FROM phone_customer) ORDER BY id DESC LIMIT @limit)
    UNION ALL SELECT * FROM (SELECT 3, id FROM ticket WHERE customer_id IN (SELECT id FROM longer_customer) ORDER BY id DESC LIMIT @limit)
    UNION ALL SELECT * FROM (SELECT 4, id FROM ticket WHERE device_id IN (SELECT id FROM serial_device) ORDER BY id DESC LIMIT @limit))
SELECT found.arm, t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at
  FROM found JOIN ticket t ON t.id = found.id JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
UNION ALL SELECT 5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM phone_customer)
UNION ALL SELECT 6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE EXISTS (SELECT 1 FROM serial_device)`;

/** What each arm of EXACT_LOOKUPS found, in the order the matches rank when a ticket is found twice. */
const EXACT_ARMS: { matchedOn: SearchMatchField; match: SearchMatchKind; rank: number }[] = [
  { matchedOn: 'number', match: 'exact', rank: RANK.exact_number },
  { matchedOn: 'number', match: 'exact', rank: RANK.exact_number },
  { matchedOn: 'phone', match: 'exact', rank: RANK.exact },
  { matchedOn: 'phone', match: 'contains', rank: RANK.contains },
  { matchedOn: 'serial', match: 'exact', rank: RANK.exact },
];
const PHONE_FOUND = 5;
const SERIAL_FOUND = 6;

/**
 * The exact lookups: the whole ticket number, today's ticket of a short number,
 * the whole phone (and the same number with a country code), the whole serial.
 * Returns whether a whole number, phone or serial matched, which ends the
 * search, and the hit rows found, by ticket id.
 */
function searchExact(sql: SqlReader, text: string, limit: number, today: Date | null, found: Collector): { whole: boolean; rows: Map<number, HitRecord> } {
  const number = parseTicketNumber(text);
  const sequence = /^\d{1,4}$/.test(text) && today && Number(text) > 0 ? Number(localDayCode(today)) * 10_000 + Number(text) : null;
  const digits = phoneLike(text) ? text.replace(/\D/g, '') : '';
  const phone = digits.length >= TRIGRAM ? digits : null;
  const reversed = phone === null ? null : [...phone].reverse().join('');
  const serial = serialLike(text) ? text : null;
  const records = sql.all<ExactRecord>(EXACT_LOOKUPS, [{ number, todays: sequence, phone, reversed, serial, limit }]);
  let whole = false;
  const rows = new Map<number, HitRecord>();
  // Arms in order, as the matchers used to add them one after the other.
  records.sort((a, b) => a.arm - b.arm);
  for (const record of records) {
    if (record.arm === PHONE_FOUND || record.arm === SERIAL_FOUND) {
      whole = true;
      continue;
    }
    if (record.arm === 0) whole = true;
    const arm = EXACT_ARMS[record.arm];
    found.add([record.id], arm.matchedOn, arm.match, arm.rank);
    rows.set(record.id, record);
  }
  return { whole, rows };
}

export interface SearchOptions {
  /** The desk's day, for short numbers (today's ticket 0003); null leaves them to the other matchers. */
  today: Date | null;
  /** Run the partial matchers even when something matched exactly. */
  more?: boolean;
}

export function searchTickets(sql: SqlReader, query: string, limit: number, prefix: string, { today, more = false }: SearchOptions): TicketSearchHit[] {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  const exact = searchExact(sql, text, limit, today, found);
  if (!exact.whole || more) {
    searchNumber(sql, text, limit, found);
    if (phoneLike(text)) {
      searchPhone(sql, text.replace(/\D/g, ''), limit, found);
      searchSerial(sql, text, limit, found);
    } else {
      searchName(sql, text, limit, found);
      searchSerial(sql, text, limit, found);
      searchModel(sql, text, limit, found);
    }
  }
  const ranked = [...found.byTicket.entries()].sort((a, b) => a[1].rank - b[1].rank || b[0] - a[0]).slice(0, limit);
  if (ranked.length === 0) return [];
  // The exact lookups brought their rows along; the others' are read here.
  const missing = ranked.filter(([id]) => !exact.rows.has(id)).map(([id]) => id);
  const byId = exact.rows;
  if (missing.length > 0) {
    const rows = sql.all<HitRecord>(
      `SELECT t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at
       FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
       WHERE t.id IN (${placeholders(missing)})`,
      missing,
    );
    for (const row of rows) byId.set(row.id, row);
  }
  return ranked.map(([id, candidate]) => {
    const r = byId.get(id)!;
    return {
      ticketId: r.id,
      number: r.number,
      displayNumber: displayTicketNumber(r.number, prefix),
      status: r.status,
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
      deviceType: r.type,
      brand: r.brand,
      model: r.model,
      serial: r.serial,
      createdAt: r.created_at,
      matchedOn: candidate.matchedOn,
      match: candidate.match,
    };
  });
}
