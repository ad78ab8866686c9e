// The Customers screen's search: name (any part, any case, Chinese or Latin),
// phone (any part of the digits) or a device's serial / IMEI.
//
// Index-only, as the ticket search: exact and prefix lookups are index range
// scans (customer.phone_digits, NOCASE name, NOCASE serial); substrings of 3+
// characters go through the FTS5 trigram tables; 1-2 character names go through
// the name gram index, over the whole history. Merged duplicates are left out.
//
// On PostgreSQL the engine's lower(column) comparisons and pg_trgm matches stand in for them.
import { engineOf, type Statement, type StorageEngine } from '../storage/engine';
import type { ReadTx } from '../storage/transactions';
import type { ArchiveHit } from '../../../shared/customer-care-contract';
import { phoneDigits } from './customers';
import { NAME, normaliseQuery, PHONE_DIGITS, prefixEnd, SERIAL } from './search';

const TRIGRAM = 3;
type MatchedOn = ArchiveHit['matchedOn'];

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

function idsOf(tx: ReadTx, { sql, params }: Statement): Promise<number[]> {
  return ids(tx, sql, params);
}

/** A case-blind prefix range on a column, with its two parameters after the text's. */
function startsWith(engine: StorageEngine, column: string): string {
  return `${engine.compareNoCase(column, '>=')} AND ${engine.compareNoCase(column, '<')}`;
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
    await idsOf(tx, engineOf(tx).newestContaining(PHONE_DIGITS, [digits], limit)),
    'phone',
    2,
  );
}

async function byName(tx: ReadTx, text: string, limit: number, found: Collector): Promise<void> {
  const engine = engineOf(tx);
  found.add(await ids(tx, `SELECT id FROM customer WHERE ${startsWith(engine, 'name')} ORDER BY id DESC LIMIT ?`, [text, prefixEnd(text), limit]), 'name', 1);
  const contains =
    [...text].length >= TRIGRAM
      ? await idsOf(tx, engine.newestContaining(NAME, [text], limit))
      : // Names holding the 1-2 characters anywhere (those at the start came with the prefix range above, ranked first).
        await idsOf(tx, engine.newestWithNamePart(text, false, limit));
  found.add(contains, 'name', 2);
}

async function bySerial(tx: ReadTx, text: string, limit: number, found: Collector): Promise<void> {
  if (text.length < TRIGRAM || text.includes(' ')) return;
  const engine = engineOf(tx);
  const add = async (deviceIds: number[], rank: number) => {
    if (deviceIds.length === 0) return;
    const rows: { customer_id: number; brand: string; model: string; serial: string }[] = await tx.query(
      `SELECT customer_id, brand, model, serial FROM device WHERE id IN (${deviceIds.map(() => '?').join(',')}) ORDER BY id DESC`,
      deviceIds,
    );
    for (const r of rows) found.add([r.customer_id], 'serial', rank, `${r.brand} ${r.model} · ${r.serial}`);
  };
  await add(await ids(tx, `SELECT id FROM device WHERE ${engine.compareNoCase('serial', '=')} ORDER BY id DESC LIMIT ?`, [text, limit]), 0);
  await add(await ids(tx, `SELECT id FROM device WHERE ${startsWith(engine, 'serial')} ORDER BY id DESC LIMIT ?`, [text, prefixEnd(text), limit]), 1);
  await add(await idsOf(tx, engine.newestContaining(SERIAL, [text], limit)), 2);
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
