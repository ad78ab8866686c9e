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
import { engineNamed, engineOf, type StorageEngine } from '../../storage/engine';
import { idsOf, runInTx, runOnReader, type Lookup } from '../../storage/lookup';
import { isSqliteTx, sqlReaderOf, type SqlReader } from '../../storage/sql-reader';
import type { ReadTx } from '../../storage/transactions';
import { archiveHitsWithIds, archiveHitsWithPhone, devicesWithIds, type ArchiveHitRecord, type DeviceMatch } from './queries/archive-lookups';
import type { ArchiveHit } from '../../../../shared/customer-care-contract';
import { phoneDigits } from './customers';
import { customerIdsWithPhonePrefix, deviceIdsWithSerial, NAME, normaliseQuery, PHONE_DIGITS, phoneLike, SERIAL, startingWith, TRIGRAM } from '../tickets';
import { itemAt } from '../../../../shared/lists';

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

const serialLike = (text: string) => text.length >= TRIGRAM && !text.includes(' ');

/**
 * The whole phone and the whole serial; returns whether either matched someone not merged away.
 * A whole phone's customers come with their hit rows (one probe, as a scan at the counter needs).
 */
function* byExact(engine: StorageEngine, text: string, limit: number, more: boolean, found: Collector, rows: Map<number, ArchiveHitRecord>): Lookup<boolean> {
  let whole = false;
  if (phoneLike(text)) {
    const digits = phoneDigits(text);
    if (digits.length >= TRIGRAM) {
      const exact = yield* archiveHitsWithPhone(digits, limit);
      for (const row of exact) rows.set(row.id, row);
      found.add(
        exact.map((row) => row.id),
        'phone',
        0,
      );
      whole ||= exact.length > 0;
    }
  }
  // A whole phone that found its customer answers the search, as in the ticket search: a serial of the same digits waits for "more".
  if (whole && !more) return true;
  if (serialLike(text)) {
    // The serial index alone first: every whole phone number is also tried as a serial, and a miss then costs a fifth of the joined read.
    const deviceIds = yield* deviceIdsWithSerial(engine, text, limit);
    // A merge hands the merged customer's devices to the one kept, so these are all a current customer's.
    const devices = yield* devicesWithIds(deviceIds);
    addDevices(found, devices, 0);
    whole ||= devices.length > 0;
  }
  return whole;
}

function* byPhone(engine: StorageEngine, digits: string, limit: number, found: Collector): Lookup<void> {
  if (digits.length < TRIGRAM) return;
  found.add(yield* customerIdsWithPhonePrefix(digits, limit), 'phone', 1);
  found.add(yield* idsOf(engine.newestContaining(PHONE_DIGITS, [digits], limit)), 'phone', 2);
}

function* byName(engine: StorageEngine, text: string, limit: number, found: Collector): Lookup<void> {
  found.add(yield* startingWith(engine, 'customer', 'name', text, limit), 'name', 1);
  const contains =
    [...text].length >= TRIGRAM
      ? yield* idsOf(engine.newestContaining(NAME, [text], limit))
      : // Names holding the 1-2 characters anywhere (those at the start came with the prefix range above, ranked first).
        yield* idsOf(engine.newestWithNamePart(text, false, limit));
  found.add(contains, 'name', 2);
}

function* bySerial(engine: StorageEngine, text: string, limit: number, found: Collector): Lookup<void> {
  if (!serialLike(text)) return;
  const prefixed = yield* startingWith(engine, 'device', 'serial', text, limit);
  addDevices(found, yield* devicesWithIds(prefixed), 1);
  addDevices(found, yield* devicesWithIds(yield* idsOf(engine.newestContaining(SERIAL, [text], limit))), 2);
}

const MATCH_OF_RANK: ArchiveHit['match'][] = ['exact', 'prefix', 'contains'];

export interface ArchiveSearchOptions {
  /** Run the partial matchers even when something matched exactly. */
  more?: boolean;
}

/** The archive search on SQLite's driver reader, inside a transaction its caller holds. */
export function searchArchive(sql: SqlReader, query: string, limit: number, options: ArchiveSearchOptions = {}): ArchiveHit[] {
  return runOnReader(archiveSearch(engineNamed('sqlite'), query, limit, options), sql);
}

/** The archive search inside a use case's transaction, on either engine. */
export function searchArchiveIn(tx: ReadTx, query: string, limit: number, options: ArchiveSearchOptions = {}): Promise<ArchiveHit[]> {
  const search = archiveSearch(engineOf(tx), query, limit, options);
  return isSqliteTx(tx) ? Promise.resolve(runOnReader(search, sqlReaderOf(tx))) : runInTx(search, tx);
}

function* archiveSearch(engine: StorageEngine, query: string, limit: number, { more = false }: ArchiveSearchOptions): Lookup<ArchiveHit[]> {
  const text = normaliseQuery(query);
  if (text === '') return [];
  const found = new Collector();
  const byId = new Map<number, ArchiveHitRecord>();
  const exact = yield* byExact(engine, text, limit, more, found, byId);
  if (!exact || more) {
    if (phoneLike(text)) yield* byPhone(engine, phoneDigits(text), limit, found);
    if (/\p{L}/u.test(text)) yield* byName(engine, text, limit, found);
    yield* bySerial(engine, text, limit, found);
  }
  const candidates = [...found.byCustomer.values()];
  if (candidates.length === 0) return [];
  // The rows the whole phone brought along are not read again.
  const missing = candidates.filter((c) => !byId.has(c.customerId)).map((c) => c.customerId);
  if (missing.length > 0) for (const row of yield* archiveHitsWithIds(missing)) byId.set(row.id, row);
  return candidates
    .filter((c) => byId.get(c.customerId)?.merged_into_id === null)
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
