// The Customers screen's search: name (any part, any case, Chinese or Latin),
// phone (any part of the digits) or a device's serial / IMEI.
//
// Index-only, as the ticket search: exact and prefix lookups are index range
// scans (customer.phone_digits, NOCASE name, NOCASE serial); substrings of 3+
// characters go through the FTS5 trigram tables; 1-2 character names go through
// the name gram index, over the whole history. Merged duplicates are left out.
//
// As the ticket search: a whole phone number or serial stops at its exact
// match (an index probe), and the partial matchers run only when nothing
// matched exactly or when asked for more.
//
// On PostgreSQL the engine's lower(column) comparisons and pg_trgm matches stand in for them.
import type { StorageEngine } from '../../storage/engine';
import type { RowReader } from '../../storage/sql-reader';
import {
  archiveHitsWithIds,
  customerIdsWithNamePrefix,
  customerIdsWithPhone,
  customerIdsWithPhonePrefix,
  deviceIdsWithSerial,
  deviceIdsWithSerialPrefix,
  devicesWithIds,
  idsOf,
  type ArchiveHitRecord,
  type DeviceMatch,
} from './queries/archive-lookups';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { phoneDigits } from './customers';
import { NAME, normaliseQuery, PHONE_DIGITS, prefixEnd, SERIAL } from '../tickets';
import { itemAt } from '../../../../shared/lists';

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

function addDevices(found: Collector, devices: DeviceMatch[], rank: number): void {
  for (const r of devices) found.add([r.customer_id], 'serial', rank, `${r.brand} ${r.model} · ${r.serial}`);
}

const phoneLike = (text: string) => /^[\d\s()+-]+$/.test(text);
const serialLike = (text: string) => text.length >= TRIGRAM && !text.includes(' ');

/** The whole phone and the whole serial; returns whether either matched someone not merged away. */
async function byExact(rows: RowReader, engine: StorageEngine, text: string, limit: number, found: Collector): Promise<boolean> {
  let whole = false;
  if (phoneLike(text)) {
    const digits = phoneDigits(text);
    if (digits.length >= TRIGRAM) {
      const exact = await customerIdsWithPhone(rows, digits, limit);
      found.add(exact, 'phone', 0);
      whole ||= exact.length > 0;
    }
  }
  if (serialLike(text)) {
    // The serial index alone first: every whole phone number is also tried as a serial, and a miss then costs a fifth of the joined read.
    const deviceIds = await deviceIdsWithSerial(rows, engine, text, limit);
    // A merge hands the merged customer's devices to the one kept, so these are all a current customer's.
    const devices = await devicesWithIds(rows, deviceIds);
    addDevices(found, devices, 0);
    whole ||= devices.length > 0;
  }
  return whole;
}

async function byPhone(rows: RowReader, engine: StorageEngine, digits: string, limit: number, found: Collector): Promise<void> {
  if (digits.length < TRIGRAM) return;
  found.add(await customerIdsWithPhonePrefix(rows, digits, limit), 'phone', 1);
  found.add(await idsOf(rows, engine.newestContaining(PHONE_DIGITS, [digits], limit)), 'phone', 2);
}

async function byName(rows: RowReader, engine: StorageEngine, text: string, limit: number, found: Collector): Promise<void> {
  found.add(await customerIdsWithNamePrefix(rows, engine, text, prefixEnd(text), limit), 'name', 1);
  const contains =
    [...text].length >= TRIGRAM
      ? await idsOf(rows, engine.newestContaining(NAME, [text], limit))
      : // Names holding the 1-2 characters anywhere (those at the start came with the prefix range above, ranked first).
        await idsOf(rows, engine.newestWithNamePart(text, false, limit));
  found.add(contains, 'name', 2);
}

async function bySerial(rows: RowReader, engine: StorageEngine, text: string, limit: number, found: Collector): Promise<void> {
  if (!serialLike(text)) return;
  const prefixed = await deviceIdsWithSerialPrefix(rows, engine, text, prefixEnd(text), limit);
  addDevices(found, await devicesWithIds(rows, prefixed), 1);
  addDevices(found, await devicesWithIds(rows, await idsOf(rows, engine.newestContaining(SERIAL, [text], limit))), 2);
}

const MATCH_OF_RANK: ArchiveHit['match'][] = ['exact', 'prefix', 'contains'];

export interface ArchiveSearchOptions {
  /** Run the partial matchers even when something matched exactly. */
  more?: boolean;
}

export async function searchArchive(
  rows: RowReader,
  engine: StorageEngine,
  query: string,
  limit: number,
  { more = false }: ArchiveSearchOptions = {},
): Promise<ArchiveHit[]> {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  const exact = await byExact(rows, engine, text, limit, found);
  if (!exact || more) {
    if (phoneLike(text)) await byPhone(rows, engine, phoneDigits(text), limit, found);
    if (/\p{L}/u.test(text)) await byName(rows, engine, text, limit, found);
    await bySerial(rows, engine, text, limit, found);
  }
  const candidates = [...found.byCustomer.values()];
  if (candidates.length === 0) return [];
  const records = await archiveHitsWithIds(
    rows,
    candidates.map((c) => c.customerId),
  );
  const byId = new Map(records.filter((r) => r.merged_into_id === null).map((r) => [r.id, r]));
  return candidates
    .filter((c) => byId.has(c.customerId))
    .sort((a, b) => a.rank - b.rank || b.customerId - a.customerId)
    .slice(0, limit)
    .map((c) => {
      const r = byId.get(c.customerId) as ArchiveHitRecord;
      return {
        id: r.id,
        name: r.name,
        phone: r.phone,
        matchedOn: c.matchedOn,
        match: itemAt(MATCH_OF_RANK, c.rank),
        device: c.device,
        ticketCount: r.ticket_count,
        lastVisitAt: r.last_visit_at,
      };
    });
}
