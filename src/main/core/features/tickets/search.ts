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
import type { DeviceType, TicketStatus } from '../../../../shared/domain';
import { displayTicketNumber, localDayCode, parseTicketNumber } from '../../../../shared/ticket-number';
import type { SqlReader } from '../../storage/sql-reader';
import type { TicketSearchHit } from '../../../../shared/workflow-contract';
import type { SearchMatchField, SearchMatchKind } from '../../../../shared/workflow';
import { escapeLike } from '../../record/ticket-record';

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
  const typed = match?.[1];
  if (!typed) return;
  const digits = typed.replace(/[\s-]/g, '');
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

const HIT_SELECT = `SELECT t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at
  FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id`;

const phoneLike = (text: string) => /^[\d\s()+-]+$/.test(text);
const serialLike = (text: string) => text.length >= TRIGRAM && !text.includes(' ');

/**
 * The exact lookups: the whole ticket number, today's ticket of a short number,
 * the whole phone (and the same number with a country code), the whole serial.
 * Returns whether a whole number, phone or serial matched, which ends the search.
 */
function searchExact(
  sql: SqlReader,
  text: string,
  limit: number,
  today: Date | null,
  more: boolean,
  found: Collector,
  rows: Map<number, HitRecord>,
): boolean {
  let whole = false;
  const number = parseTicketNumber(text);
  if (number !== null) {
    // A scanned claim ticket, the commonest lookup: its hit's columns come with the probe.
    const tickets = sql.all<HitRecord>(`${HIT_SELECT} WHERE t.number = ?`, [number]);
    for (const row of tickets) rows.set(row.id, row);
    found.add(
      tickets.map((row) => row.id),
      'number',
      'exact',
      RANK.exact_number,
    );
    // The ticket itself answers a scan: a phone or serial of the same digits waits for "more".
    if (tickets.length > 0 && !more) return true;
    whole ||= tickets.length > 0;
  }
  const sequence = /^\d{1,4}$/.exec(text);
  if (sequence && today && Number(text) > 0) {
    const todays = Number(localDayCode(today)) * 10_000 + Number(text);
    found.add(ids(sql, `SELECT id FROM ticket WHERE number = ?`, [todays]), 'number', 'exact', RANK.exact_number);
  }
  if (phoneLike(text)) {
    const digits = text.replace(/\D/g, '');
    if (digits.length >= TRIGRAM) {
      const exact = ids(sql, `SELECT id FROM customer WHERE phone_digits = ? ORDER BY id DESC LIMIT ?`, [digits, limit]);
      found.add(ticketsOfCustomers(sql, exact, limit), 'phone', 'exact');
      whole ||= exact.length > 0;
      if (exact.length > 0) {
        // Phones ending with these digits: the same number with a country code.
        const reversed = [...digits].reverse().join('');
        const longer = ids(
          sql,
          `SELECT id FROM customer WHERE phone_digits_reversed > ? AND phone_digits_reversed < ? ORDER BY id DESC LIMIT ?`,
          [reversed, `${reversed}:`, limit],
        );
        found.add(ticketsOfCustomers(sql, longer, limit), 'phone', 'contains');
      }
    }
  }
  if (serialLike(text)) {
    const exact = ids(sql, `SELECT id FROM device WHERE serial = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`, [text, limit]);
    found.add(ticketsOfDevices(sql, exact, limit), 'serial', 'exact');
    whole ||= exact.length > 0;
  }
  return whole;
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
  const byId = new Map<number, HitRecord>();
  const exact = searchExact(sql, text, limit, today, more, found, byId);
  if (!exact || more) {
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
  // The rows the exact number brought along are not read again.
  const missing = ranked.filter(([id]) => !byId.has(id)).map(([id]) => id);
  if (missing.length > 0) for (const row of sql.all<HitRecord>(`${HIT_SELECT} WHERE t.id IN (${placeholders(missing)})`, missing)) byId.set(row.id, row);
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
