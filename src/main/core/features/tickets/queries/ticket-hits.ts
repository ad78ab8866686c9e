// The ticket search's statements on the ticket table: ticket ids by number,
// customer or device, and the hit rows (ticket with its customer and device).
import type { DeviceType, TicketStatus } from '../../../../../shared/domain';
import { ids, placeholders, rowsOf, type Lookup } from '../../../storage/lookup';

export interface HitRecord {
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

/** The ticket with that whole number, with its hit columns (a scanned claim ticket needs nothing more). */
export function* hitsWithNumber(number: number): Lookup<HitRecord[]> {
  return yield* rowsOf<HitRecord>(`${HIT_SELECT} WHERE t.number = ?`, [number]);
}

/** The newest tickets of some devices, with their hit columns. */
export function* hitsOfDevices(deviceIds: number[], limit: number): Lookup<HitRecord[]> {
  return yield* rowsOf<HitRecord>(`${HIT_SELECT} WHERE t.device_id IN (${placeholders(deviceIds)}) ORDER BY t.id DESC LIMIT ?`, [...deviceIds, limit]);
}

export function* hitsWithIds(ticketIds: number[]): Lookup<HitRecord[]> {
  return yield* rowsOf<HitRecord>(`${HIT_SELECT} WHERE t.id IN (${placeholders(ticketIds)})`, ticketIds);
}

export function* ticketIdsWithNumber(number: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM ticket WHERE number = ?`, [number]);
}

/** Tickets whose number lies in [low, high), newest number first. */
export function* ticketIdsInNumberRange(low: number, high: number, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM ticket WHERE number >= ? AND number < ? ORDER BY number DESC LIMIT ?`, [low, high, limit]);
}

/** The most recent tickets of some customers. */
export function* ticketIdsOfCustomers(customerIds: number[], limit: number): Lookup<number[]> {
  if (customerIds.length === 0) return [];
  return yield* ids(`SELECT id FROM ticket WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY id DESC LIMIT ?`, [...customerIds, limit]);
}

/** The most recent tickets of some devices. */
export function* ticketIdsOfDevices(deviceIds: number[], limit: number): Lookup<number[]> {
  if (deviceIds.length === 0) return [];
  return yield* ids(`SELECT id FROM ticket WHERE device_id IN (${placeholders(deviceIds)}) ORDER BY id DESC LIMIT ?`, [...deviceIds, limit]);
}
