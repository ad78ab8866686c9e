// The Customers screen on the generated file: 'archive.search' by part of the
// phone, part of a name and part of a serial, and the follow-up list of the
// bench's "today", each through the desk next to the service's same SQL run
// directly on better-sqlite3 (search.ts's RawRunner).
import type BetterSqlite3 from 'better-sqlite3';
import type { Desk } from '../src/main/core/desk';
import { localIsoDate } from '../src/main/core/rules/calendar';
import { searchArchive } from '../src/main/core/services/customer-archive-search';
import { followUpsDue } from '../src/main/core/services/follow-ups';
import { DEFAULT_SETTINGS } from '../src/main/core/services/settings';
import type { ArchiveHit, FollowUpDue } from '../src/shared/customer-care-contract';
import { DATA_NOW } from './generate-data';
import type { RawRunner } from './search';

const LIMIT = 20;

export interface CareTimed {
  label: string;
  desk: number[];
  raw: number[];
  hits: number[];
  mismatches: number;
}

async function dispatch<T>(desk: Desk, channel: 'archive.search' | 'followUps.due', input: unknown): Promise<T> {
  const result = await desk.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

function sample<T>(rows: T[], count: number, seed: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count && rows.length > 0; i++) out.push(rows[(i * 7919 + seed) % rows.length]);
  return out;
}

export async function timeCustomerSearch(desk: Desk, raw: RawRunner, db: BetterSqlite3.Database, count: number, warmUp: number): Promise<CareTimed[]> {
  const customers = db
    .prepare(
      `SELECT c.name, c.phone_digits, (SELECT d.serial FROM device d WHERE d.customer_id = c.id ORDER BY d.id LIMIT 1) AS serial
       FROM customer c WHERE c.id IN (SELECT id FROM customer ORDER BY random() LIMIT ?)`,
    )
    .all(count * 10) as { name: string; phone_digits: string; serial: string | null }[];
  const chinese = customers.filter((c) => /^\p{Script=Han}+$/u.test(c.name));
  const serials = customers.filter((c) => (c.serial ?? '').length >= 8);
  const kinds: { label: string; queries: string[] }[] = [
    { label: 'customers: phone, last 4 digits', queries: sample(customers, count, 1).map((c) => c.phone_digits.slice(-4)) },
    { label: 'customers: phone, middle 5 digits', queries: sample(customers, count, 2).map((c) => c.phone_digits.slice(-8, -3)) },
    { label: 'customers: name, Chinese given name', queries: sample(chinese, count, 3).map((c) => [...c.name].slice(1).join('')) },
    { label: 'customers: serial, last 6', queries: sample(serials, count, 4).map((c) => (c.serial ?? '').slice(-6)) },
  ];
  const out: CareTimed[] = [];
  for (const kind of kinds) {
    const timed: CareTimed = { label: kind.label, desk: [], raw: [], hits: [], mismatches: 0 };
    for (const [index, query] of kind.queries.entries()) {
      const t0 = performance.now();
      const hits = await dispatch<ArchiveHit[]>(desk, 'archive.search', { query, limit: LIMIT });
      const t1 = performance.now();
      const rawHits = await raw.read((tx) => searchArchive(tx, query, LIMIT));
      const t2 = performance.now();
      if (index < warmUp) continue;
      timed.desk.push(t1 - t0);
      timed.raw.push(t2 - t1);
      timed.hits.push(hits.length);
      if (hits.map((h) => h.id).join() !== rawHits.map((h) => h.id).join()) timed.mismatches++;
    }
    out.push(timed);
  }
  const followUps: CareTimed = { label: "follow-ups due on the bench's today", desk: [], raw: [], hits: [], mismatches: 0 };
  const day = localIsoDate(DATA_NOW);
  for (let i = 0; i < count + warmUp; i++) {
    const t0 = performance.now();
    const due = await dispatch<FollowUpDue[]>(desk, 'followUps.due', { date: day });
    const t1 = performance.now();
    // The generated file keeps the default settings.
    const rawDue = await raw.read((tx) => followUpsDue(tx, day, DEFAULT_SETTINGS));
    const t2 = performance.now();
    if (i < warmUp) continue;
    followUps.desk.push(t1 - t0);
    followUps.raw.push(t2 - t1);
    followUps.hits.push(due.length);
    if (due.length !== rawDue.length) followUps.mismatches++;
  }
  out.push(followUps);
  return out;
}
