// The customer archive search's statements, read through a row reader (the
// driver's prepared statements on SQLite): customers by phone or name, devices
// by serial, and the hit rows. Each text stays the same string from call to call.
import type { Statement, StorageEngine } from '../../../storage/engine';
import type { RowReader } from '../../../storage/sql-reader';
import type { ReadSql } from '../../../storage/transactions';

async function ids(rows: RowReader, sql: ReadSql, params: unknown[]): Promise<number[]> {
  return (await rows<{ id: number }>(sql, params)).map((r) => r.id);
}

/** The ids of a statement the engine wrote (a substring or name-part search). */
export function idsOf(rows: RowReader, { sql, params }: Statement): Promise<number[]> {
  return ids(rows, sql, params);
}

/** A case-blind prefix range on a column, with its two parameters after the text's. */
function startsWith(engine: StorageEngine, column: string): string {
  return `${engine.compareNoCase(column, '>=')} AND ${engine.compareNoCase(column, '<')}`;
}

/** Customers not merged away with exactly these phone digits, newest first. */
export function customerIdsWithPhone(rows: RowReader, digits: string, limit: number): Promise<number[]> {
  return ids(rows, `SELECT id FROM customer WHERE phone_digits = ? AND merged_into_id IS NULL ORDER BY id DESC LIMIT ?`, [digits, limit]);
}

export function customerIdsWithPhonePrefix(rows: RowReader, digits: string, limit: number): Promise<number[]> {
  return ids(rows, `SELECT id FROM customer WHERE phone_digits >= ? AND phone_digits < ? ORDER BY id DESC LIMIT ?`, [digits, `${digits}:`, limit]);
}

/** Customers whose name starts with the text, case ignored (`end` bounds the range), newest first. */
export function customerIdsWithNamePrefix(rows: RowReader, engine: StorageEngine, text: string, end: string, limit: number): Promise<number[]> {
  return ids(rows, `SELECT id FROM customer WHERE ${startsWith(engine, 'name')} ORDER BY id DESC LIMIT ?`, [text, end, limit]);
}

/** Devices with that whole serial / IMEI, case ignored: the serial index alone. */
export function deviceIdsWithSerial(rows: RowReader, engine: StorageEngine, serial: string, limit: number): Promise<number[]> {
  return ids(rows, `SELECT id FROM device WHERE ${engine.compareNoCase('serial', '=')} ORDER BY id DESC LIMIT ?`, [serial, limit]);
}

/** Devices whose serial starts with the text, case ignored (`end` bounds the range), newest first. */
export function deviceIdsWithSerialPrefix(rows: RowReader, engine: StorageEngine, text: string, end: string, limit: number): Promise<number[]> {
  return ids(rows, `SELECT id FROM device WHERE ${startsWith(engine, 'serial')} ORDER BY id DESC LIMIT ?`, [text, end, limit]);
}

export interface DeviceMatch {
  customer_id: number;
  brand: string;
  model: string;
  serial: string;
}

/** The devices with these ids, newest first, with what the hit shows of them. */
export async function devicesWithIds(rows: RowReader, deviceIds: number[]): Promise<DeviceMatch[]> {
  if (deviceIds.length === 0) return [];
  return rows<DeviceMatch>(
    `SELECT customer_id, brand, model, serial FROM device WHERE id IN (${deviceIds.map(() => '?').join(',')}) ORDER BY id DESC`,
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

/** The hit rows of some customers: name, phone, whether merged away, how many tickets and the last visit. */
export function archiveHitsWithIds(rows: RowReader, customerIds: number[]): Promise<ArchiveHitRecord[]> {
  return rows<ArchiveHitRecord>(
    `SELECT c.id, c.name, c.phone, c.merged_into_id,
       (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
       (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at
     FROM customer c WHERE c.id IN (${customerIds.map(() => '?').join(',')})`,
    customerIds,
  );
}
