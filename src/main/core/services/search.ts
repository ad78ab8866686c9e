// One search box for tickets: number (with or without the prefix, or its first
// digits), phone (any part of it), customer name (Chinese or Latin, any part,
// any case), serial / IMEI, brand and model.
//
// Ranking: exact ticket number, then exact phone or serial, then prefixes
// (number, phone, serial, name, model), then substrings; within a rank the most
// recent ticket first.
//
// Speed on ten years of tickets comes from indexes only, never a table scan:
// - exact and prefix lookups are index range scans (ticket.number, customer
//   phone_digits, and NOCASE indexes on customer.name, device.serial, device.model);
// - substrings of 3+ characters use the FTS5 trigram indexes customer_fts and
//   device_fts (kept in sync by triggers; works for Chinese), read newest first;
// - 1-2 character names (a Chinese surname or given name) use the name prefix
//   index plus a LIKE bounded to the most recent customers (SHORT_SCAN_ROWS);
//   models typed as short words only ("X1") likewise over the recent devices.
import type { EntityManager } from 'typeorm';
import type { DeviceType, TicketStatus } from '../../../shared/domain';
import { displayTicketNumber, parseTicketNumber } from '../../../shared/ticket-number';
import type { TicketSearchHit } from '../../../shared/workflow-contract';
import type { SearchMatchField, SearchMatchKind } from '../../../shared/workflow';
import { escapeLike } from './workflow-common';

/** How many of the most recent customers a 1-2 character substring search reads. */
export const SHORT_SCAN_ROWS = 50_000;
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

async function ids(tx: EntityManager, sql: string, params: unknown[]): Promise<number[]> {
  const rows: { id: number }[] = await tx.query(sql, params);
  return rows.map((r) => r.id);
}

function placeholders(values: unknown[]): string {
  return values.map(() => '?').join(',');
}

/** The most recent tickets of some customers. */
async function ticketsOfCustomers(tx: EntityManager, customerIds: number[], limit: number): Promise<number[]> {
  if (customerIds.length === 0) return [];
  return ids(tx, `SELECT id FROM ticket WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY id DESC LIMIT ?`, [...customerIds, limit]);
}

/** The most recent tickets of some devices. */
async function ticketsOfDevices(tx: EntityManager, deviceIds: number[], limit: number): Promise<number[]> {
  if (deviceIds.length === 0) return [];
  return ids(tx, `SELECT id FROM ticket WHERE device_id IN (${placeholders(deviceIds)}) ORDER BY id DESC LIMIT ?`, [...deviceIds, limit]);
}

async function searchNumber(tx: EntityManager, text: string, limit: number, found: Collector): Promise<void> {
  const exact = parseTicketNumber(text);
  if (exact !== null) {
    found.add(await ids(tx, `SELECT id FROM ticket WHERE number = ?`, [exact]), 'number', 'exact', RANK.exact_number);
    return;
  }
  // The first digits of a number (its date part, typed or scanned, prefix optional).
  const match = /^(?:[A-Za-z]+[-\s]*)?([\d][\d\s-]*)$/.exec(text);
  if (!match) return;
  const digits = match[1].replace(/[\s-]/g, '');
  if (digits.length < TRIGRAM || digits.length >= 10) return;
  const scale = 10 ** (10 - digits.length);
  const low = Number(digits) * scale;
  found.add(
    await ids(tx, `SELECT id FROM ticket WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?`, [low, low + scale, limit]),
    'number',
    'prefix',
  );
}

async function searchPhone(tx: EntityManager, digits: string, limit: number, found: Collector): Promise<void> {
  if (digits.length < TRIGRAM) return;
  const exact = await ids(tx, `SELECT id FROM customer WHERE phone_digits = ? ORDER BY id DESC LIMIT ?`, [digits, limit]);
  found.add(await ticketsOfCustomers(tx, exact, limit), 'phone', 'exact');
  const prefix = await ids(tx, `SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC LIMIT ?`, [
    digits,
    `${digits}:`, // ':' follows '9'
    limit,
  ]);
  found.add(await ticketsOfCustomers(tx, prefix, limit), 'phone', 'prefix');
  const contains = await ids(tx, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
    `phone_digits : ${phrase(digits)}`,
    limit,
  ]);
  found.add(await ticketsOfCustomers(tx, contains, limit), 'phone', 'contains');
}

async function searchSerial(tx: EntityManager, text: string, limit: number, found: Collector): Promise<void> {
  if (text.length < TRIGRAM || text.includes(' ')) return;
  const exact = await ids(tx, `SELECT id FROM device WHERE serial = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`, [text, limit]);
  found.add(await ticketsOfDevices(tx, exact, limit), 'serial', 'exact');
  const prefix = await ids(
    tx,
    `SELECT id FROM device WHERE serial >= ? COLLATE NOCASE AND serial < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(await ticketsOfDevices(tx, prefix, limit), 'serial', 'prefix');
  const contains = await ids(tx, `SELECT rowid AS id FROM device_fts WHERE device_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
    `serial : ${phrase(text)}`,
    limit,
  ]);
  found.add(await ticketsOfDevices(tx, contains, limit), 'serial', 'contains');
}

async function searchName(tx: EntityManager, text: string, limit: number, found: Collector): Promise<void> {
  const prefix = await ids(
    tx,
    `SELECT id FROM customer WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(await ticketsOfCustomers(tx, prefix, limit), 'name', 'prefix');
  let contains: number[];
  if ([...text].length >= TRIGRAM) {
    contains = await ids(tx, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [
      `name : ${phrase(text)}`,
      limit,
    ]);
  } else {
    contains = await ids(
      tx,
      `SELECT id FROM customer WHERE id > (SELECT COALESCE(MAX(id), 0) FROM customer) - ? AND name LIKE ? ESCAPE '\\'
       ORDER BY id DESC LIMIT ?`,
      [SHORT_SCAN_ROWS, `%${escapeLike(text)}%`, limit],
    );
  }
  found.add(await ticketsOfCustomers(tx, contains, limit), 'name', 'contains');
}

async function searchModel(tx: EntityManager, text: string, limit: number, found: Collector): Promise<void> {
  const prefix = await ids(
    tx,
    `SELECT id FROM device WHERE model >= ? COLLATE NOCASE AND model < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
  );
  found.add(await ticketsOfDevices(tx, prefix, limit), 'model', 'prefix');
  // "Huawei Mate 60": every word must appear in the brand or the model.
  const words = text.toLowerCase().split(' ');
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  if (long.length === 0) {
    // Only short words ("X1", "13"): too short for the trigram index, so the
    // most recent devices are read, as for short names.
    const like = words.map(() => `(brand || ' ' || model) LIKE ? ESCAPE '\\'`).join(' AND ');
    const recent = await ids(
      tx,
      `SELECT id FROM device WHERE id > (SELECT COALESCE(MAX(id), 0) FROM device) - ? AND ${like} ORDER BY id DESC LIMIT ?`,
      [SHORT_SCAN_ROWS, ...words.map((w) => `%${escapeLike(w)}%`), limit],
    );
    found.add(await ticketsOfDevices(tx, recent, limit), 'model', 'contains');
    return;
  }
  const shortWords = words.length > long.length;
  const rows: { id: number; brand: string; model: string }[] = await tx.query(
    `SELECT rowid AS id, brand, model FROM device_fts WHERE device_fts MATCH ? ORDER BY rowid DESC LIMIT ?`,
    [`{brand model} : (${long.map(phrase).join(' AND ')})`, shortWords ? limit * 10 : limit],
  );
  const matching = rows.filter((r) => {
    const haystack = `${r.brand} ${r.model}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  found.add(await ticketsOfDevices(tx, matching.slice(0, limit).map((r) => r.id), limit), 'model', 'contains');
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

export async function searchTickets(tx: EntityManager, query: string, limit: number, prefix: string): Promise<TicketSearchHit[]> {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  await searchNumber(tx, text, limit, found);
  const phoneLike = /^[\d\s()+-]+$/.test(text);
  if (phoneLike) {
    await searchPhone(tx, text.replace(/\D/g, ''), limit, found);
    await searchSerial(tx, text, limit, found);
  } else {
    await searchName(tx, text, limit, found);
    await searchSerial(tx, text, limit, found);
    await searchModel(tx, text, limit, found);
  }
  const ranked = [...found.byTicket.entries()].sort((a, b) => a[1].rank - b[1].rank || b[0] - a[0]).slice(0, limit);
  if (ranked.length === 0) return [];
  const rows: HitRecord[] = await tx.query(
    `SELECT t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at
     FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id
     WHERE t.id IN (${placeholders(ranked)})`,
    ranked.map(([id]) => id),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
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
