// The customer archive search's own statements, as steps of one Lookup
// (storage/lookup.ts: the driver's prepared statements on SQLite): customers by
// their whole phone, devices with what a hit shows of them, and the hit rows.
// The phone, name and serial ranges it shares with the ticket search come from
// the tickets feature. Each text stays the same string from call to call.
import { placeholders, rowsOf, type Lookup } from '../../../storage/lookup';
import { limitedText } from '../../../storage/row-limit';
import type { ReadSql } from '../../../storage/transactions';

export interface DeviceMatch {
  customer_id: number;
  brand: string;
  model: string;
  serial: string;
}

/** The devices with these ids, newest first, with what the hit shows of them. */
export function* devicesWithIds(deviceIds: number[]): Lookup<DeviceMatch[]> {
  if (deviceIds.length === 0) return [];
  return yield* rowsOf<DeviceMatch>(
    `SELECT customer_id, brand, model, serial FROM device WHERE id IN (${placeholders(deviceIds)}) ORDER BY id DESC`,
    deviceIds,
  );
}

export interface ArchiveHitRecord {
  id: number;
  name: string;
  phone: string;
  merged_into_id: number | null;
  ticket_count: number;
  last_visit_at: string | null;
}

const ARCHIVE_HIT_SELECT = `SELECT c.id, c.name, c.phone, c.merged_into_id,
       (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
       (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at
     FROM customer c`;

const HITS_WITH_PHONE = limitedText<ReadSql>(`${ARCHIVE_HIT_SELECT} WHERE c.phone_digits = ? AND c.merged_into_id IS NULL ORDER BY c.id DESC`);

/** Customers not merged away with exactly these phone digits, newest first, with their hit rows. */
export function* archiveHitsWithPhone(digits: string, limit: number): Lookup<ArchiveHitRecord[]> {
  return yield* rowsOf<ArchiveHitRecord>(HITS_WITH_PHONE(limit), [digits]);
}

/** The hit rows of some customers: name, phone, whether merged away, how many tickets and the last visit. */
export function* archiveHitsWithIds(customerIds: number[]): Lookup<ArchiveHitRecord[]> {
  return yield* rowsOf<ArchiveHitRecord>(`${ARCHIVE_HIT_SELECT} WHERE c.id IN (${placeholders(customerIds)})`, customerIds);
}
