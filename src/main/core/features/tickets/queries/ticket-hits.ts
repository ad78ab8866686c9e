// The ticket search's statements on the ticket table: ticket ids by number,
// customer or device, and the hit rows (ticket with its customer and device).
import type { DeviceType, TicketStatus } from '../../../../../shared/domain';
import type { StorageEngine } from '../../../storage/engine';
import { ids, placeholders, probeRowsOf, rowsOf, type Lookup } from '../../../storage/lookup';
import { limitedText, rowLimit } from '../../../storage/row-limit';
import type { ReadSql } from '../../../storage/transactions';
import { STORED_TICKET_PREFIX } from '../../settings';

/** The columns of a ticket with its customer and device that a hit and a board row both read. */
export interface TicketLineRecord {
  id: number;
  number: number;
  status: TicketStatus;
  customer_name: string;
  customer_phone: string;
  type: DeviceType;
  brand: string;
  model: string;
  created_at: string;
}

export interface HitRecord extends TicketLineRecord {
  serial: string;
  /** The shop's stored ticket prefix, read with the hit (null while the default holds). */
  stored_prefix: string | null;
}

// The prefix comes with the hits, in their snapshot: the search needs no statement of its own to learn it.
const HIT_COLUMNS = `t.id, t.number, t.status, c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model, d.serial, t.created_at,
  ${STORED_TICKET_PREFIX} AS stored_prefix`;
const HIT_SELECT = `SELECT ${HIT_COLUMNS}
  FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id`;
/** The hit columns, for a statement that starts from the customer. */
const HIT_SELECT_BY_CUSTOMER = `SELECT ${HIT_COLUMNS}`;

/** The ticket with that whole number, with its hit columns (a scanned claim ticket needs nothing more). */
export function* hitsWithNumber(number: number): Lookup<HitRecord[]> {
  return yield* probeRowsOf<HitRecord>(HITS_WITH_NUMBER, [number]);
}
// Built once: the commonest lookup's text is then the same string object each time, not a new one to hash.
const HITS_WITH_NUMBER = `${HIT_SELECT} WHERE t.number = ?`;

/** The newest tickets of some devices, with their hit columns. */
export function* hitsOfDevices(deviceIds: number[], limit: number): Lookup<HitRecord[]> {
  return yield* rowsOf<HitRecord>(`${HIT_SELECT} WHERE t.device_id IN (${placeholders(deviceIds)}) ORDER BY t.id DESC ${rowLimit(limit)}`, deviceIds);
}

/** A hit whose customer's phone ends with some digits, and whether it is exactly those digits. */
export interface PhoneHitRecord extends HitRecord {
  /** 1 / true when the customer's phone is exactly the digits looked up, 0 / false when it only ends with them. */
  exact_phone: number | boolean;
}

/**
 * The newest tickets of customers whose phone ends with the digits (given reversed, by the reversed-digits
 * index): the number itself and the same number with a country code, the exact ones first.
 */
export function* hitsWithPhoneEnding(digits: string, reversed: string, limit: number): Lookup<PhoneHitRecord[]> {
  return yield* probeRowsOf<PhoneHitRecord>(HITS_WITH_PHONE_ENDING(limit), [digits, reversed, `${reversed}:`]);
}
const HITS_WITH_PHONE_ENDING = limitedText<ReadSql>(`${HIT_SELECT_BY_CUSTOMER}, c.phone_digits = ? AS exact_phone
  FROM customer c JOIN ticket t ON t.customer_id = c.id JOIN device d ON d.id = t.device_id
  WHERE c.phone_digits_reversed >= ? AND c.phone_digits_reversed < ? ORDER BY exact_phone DESC, t.id DESC`);

/** The newest tickets of the devices with that whole serial / IMEI, case ignored, with their hit columns. */
export function* hitsWithSerial(engine: StorageEngine, serial: string, limit: number): Lookup<HitRecord[]> {
  return yield* probeRowsOf<HitRecord>(`${HIT_SELECT} WHERE ${engine.compareNoCase('d.serial', '=')} ORDER BY t.id DESC ${rowLimit(limit)}`, [serial]);
}

export function* hitsWithIds(ticketIds: number[]): Lookup<HitRecord[]> {
  return yield* rowsOf<HitRecord>(`${HIT_SELECT} WHERE t.id IN (${placeholders(ticketIds)})`, ticketIds);
}

export function* ticketIdsWithNumber(number: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM ticket WHERE number = ?`, [number]);
}

/** Tickets whose number lies in [low, high), newest number first. */
export function* ticketIdsInNumberRange(low: number, high: number, limit: number): Lookup<number[]> {
  return yield* ids(`SELECT id FROM ticket WHERE number >= ? AND number < ? ORDER BY number DESC ${rowLimit(limit)}`, [low, high]);
}

/** The most recent tickets of some customers. */
export function* ticketIdsOfCustomers(customerIds: number[], limit: number): Lookup<number[]> {
  if (customerIds.length === 0) return [];
  return yield* ids(`SELECT id FROM ticket WHERE customer_id IN (${placeholders(customerIds)}) ORDER BY id DESC ${rowLimit(limit)}`, customerIds);
}

/** The most recent tickets of some devices. */
export function* ticketIdsOfDevices(deviceIds: number[], limit: number): Lookup<number[]> {
  if (deviceIds.length === 0) return [];
  return yield* ids(`SELECT id FROM ticket WHERE device_id IN (${placeholders(deviceIds)}) ORDER BY id DESC ${rowLimit(limit)}`, deviceIds);
}
