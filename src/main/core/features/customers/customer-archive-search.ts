// The Customers screen's search: name (any part, any case, Chinese or Latin),
// phone (any part of the digits) or a device's serial / IMEI.
//
// Index-only, as the ticket search: exact and prefix lookups are index range
// scans (customer.phone_digits, NOCASE name, NOCASE serial); substrings of 3+
// characters go through the FTS5 trigram tables; 1-2 character names go through
// the name gram index, over the whole history. Merged duplicates are left out.
import type { ReadTx } from '../../storage/transactions';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { phoneDigits } from './customers';
import { foldAscii, normaliseQuery } from '../tickets';

const TRIGRAM = 3;
type MatchedOn = ArchiveHit['matchedOn'];

function phrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function prefixEnd(prefix: string): string {
  return `${prefix}\u{10FFFF}`;
}

interface Found {
  customerId: number;
  matchedOn: MatchedOn;
  rank: number;
  device: string | null;
}

class Collector {
  readonly byCustomer = new Map<number, Found>();
  add(customerIds: number[], matchedOn: MatchedOn, rank: number, device: string | null = null): void {
    for (const customerId of customerIds) {
      const seen = this.byCustomer.get(customerId);
      if (!seen || rank < seen.rank) this.byCustomer.set(customerId, { customerId, matchedOn, rank, device });
    }
  }
}

async function ids(tx: ReadTx, sql: string, params: unknown[]): Promise<number[]> {
  const rows: { id: number }[] = await tx.query(sql, params);
  return rows.map((r) => r.id);
}

async function byPhone(tx: ReadTx, digits: string, limit: number, found: Collector): Promise<void> {
  if (digits.length < TRIGRAM) return;
  found.add(await ids(tx, `SELECT id FROM customer WHERE phone_digits = ? ORDER BY id DESC LIMIT ?`, [digits, limit]), 'phone', 0);
  found.add(
    await ids(tx, `SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC LIMIT ?`, [digits, `${digits}:`, limit]),
    'phone',
    1,
  );
  found.add(
    await ids(tx, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [`phone_digits : ${phrase(digits)}`, limit]),
    'phone',
    2,
  );
}

async function byName(tx: ReadTx, text: string, limit: number, found: Collector): Promise<void> {
  found.add(
    await ids(tx, `SELECT id FROM customer WHERE name >= ? COLLATE NOCASE AND name < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`, [text, prefixEnd(text), limit]),
    'name',
    1,
  );
  const contains =
    [...text].length >= TRIGRAM
      ? await ids(tx, `SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid DESC LIMIT ?`, [`name : ${phrase(text)}`, limit])
      : // Names holding the 1-2 characters past their start (those at the start came with the prefix range above).
        await ids(tx, `SELECT customer_id AS id FROM customer_name_gram WHERE gram = ? AND at_start = 0 ORDER BY customer_id DESC LIMIT ?`, [foldAscii(text), limit]);
  found.add(contains, 'name', 2);
}

async function bySerial(tx: ReadTx, text: string, limit: number, found: Collector): Promise<void> {
  if (text.length < TRIGRAM || text.includes(' ')) return;
  const add = async (sql: string, params: unknown[], rank: number) => {
    const rows: { customer_id: number; brand: string; model: string; serial: string }[] = await tx.query(sql, params);
    for (const r of rows) found.add([r.customer_id], 'serial', rank, `${r.brand} ${r.model} · ${r.serial}`);
  };
  await add(`SELECT customer_id, brand, model, serial FROM device WHERE serial = ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`, [text, limit], 0);
  await add(
    `SELECT customer_id, brand, model, serial FROM device WHERE serial >= ? COLLATE NOCASE AND serial < ? COLLATE NOCASE ORDER BY id DESC LIMIT ?`,
    [text, prefixEnd(text), limit],
    1,
  );
  await add(
    `SELECT d.customer_id, d.brand, d.model, d.serial FROM device_fts f JOIN device d ON d.id = f.rowid
     WHERE device_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
    [`serial : ${phrase(text)}`, limit],
    2,
  );
}

interface HitRecord {
  id: number;
  name: string;
  phone: string;
  merged_into_id: number | null;
  ticket_count: number;
  last_visit_at: string | null;
}

export async function searchArchive(tx: ReadTx, query: string, limit: number): Promise<ArchiveHit[]> {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  if (/^[\d\s()+-]+$/.test(text)) await byPhone(tx, phoneDigits(text), limit, found);
  if (/\p{L}/u.test(text)) await byName(tx, text, limit, found);
  await bySerial(tx, text, limit, found);
  const candidates = [...found.byCustomer.values()];
  if (candidates.length === 0) return [];
  const rows: HitRecord[] = await tx.query(
    `SELECT c.id, c.name, c.phone, c.merged_into_id,
       (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
       (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at
     FROM customer c WHERE c.id IN (${candidates.map(() => '?').join(',')})`,
    candidates.map((c) => c.customerId),
  );
  const byId = new Map(rows.filter((r) => r.merged_into_id === null).map((r) => [r.id, r]));
  return candidates
    .filter((c) => byId.has(c.customerId))
    .sort((a, b) => a.rank - b.rank || b.customerId - a.customerId)
    .slice(0, limit)
    .map((c) => {
      const r = byId.get(c.customerId) as HitRecord;
      return { id: r.id, name: r.name, phone: r.phone, matchedOn: c.matchedOn, device: c.device, ticketCount: r.ticket_count, lastVisitAt: r.last_visit_at };
    });
}
