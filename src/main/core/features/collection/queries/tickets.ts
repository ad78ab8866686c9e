// The ticket table's statements for collection: tickets found for the hand-over
// (with when they became ready), unclaimed ones with their last notification, and
// a ticket's customer and device as the collection screen shows them.
import type { ReadTx, SelectSql } from '../../../storage/transactions';
import { COLLECTABLE_STATUSES } from '../../../../../shared/collection-contract';
import type { DeviceType, TicketStatus } from '../../../../../shared/domain';
import type { NotificationMethod, NotificationOutcome } from '../../../../../shared/workflow';
import { onlyRow } from '../../../storage/rows';

const STATUS_LIST = COLLECTABLE_STATUSES.map((s) => `'${s}'`).join(',');

export interface MatchRecord {
  id: number;
  number: number;
  status: TicketStatus;
  name: string;
  phone: string;
  type: DeviceType;
  brand: string;
  model: string;
  created_at: string;
  ready_at: string | null;
}

export interface UnclaimedRecord extends MatchRecord {
  notified_at: string | null;
  notified_method: NotificationMethod | null;
  notified_outcome: NotificationOutcome | null;
}

export interface TicketPartyRecord {
  name: string;
  phone: string;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  accessories: string;
  accessories_other: string;
  collected_at: string | null;
}

/** When the ticket entered its current waiting status (ready, declined, unrepairable). */
const READY_AT = `(SELECT MAX(e.at) FROM ticket_event e WHERE e.ticket_id = t.id AND e.kind = 'status_changed' AND e.to_status = t.status)`;

const MATCH_SELECT: SelectSql = `SELECT t.id, t.number, t.status, c.name, c.phone, d.type, d.brand, d.model, t.created_at,
    CASE WHEN t.status IN (${STATUS_LIST}) THEN ${READY_AT} END AS ready_at
  FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id`;

export function selectMatchesByNumber(tx: ReadTx, number: number): Promise<MatchRecord[]> {
  return tx.query<MatchRecord[]>(`${MATCH_SELECT} WHERE t.number = ?`, [number]);
}

export function selectMatchesByIds(tx: ReadTx, ticketIds: number[]): Promise<MatchRecord[]> {
  return tx.query<MatchRecord[]>(`${MATCH_SELECT} WHERE t.id IN (${ticketIds.map(() => '?').join(',')})`, ticketIds);
}

/** Every ticket waiting to be collected, with the customer's last notification; longest waiting first. */
export function selectWaitingWithLastNotification(tx: ReadTx): Promise<UnclaimedRecord[]> {
  return tx.query<UnclaimedRecord[]>(
    `SELECT w.*, n.at AS notified_at, n.method AS notified_method, n.outcome AS notified_outcome
       FROM (${MATCH_SELECT} WHERE t.status IN (${STATUS_LIST})) w
       LEFT JOIN notification n ON n.id = (SELECT MAX(id) FROM notification WHERE ticket_id = w.id)
       ORDER BY w.ready_at, w.id`,
  );
}

export async function selectTicketParty(tx: ReadTx, ticketId: number): Promise<TicketPartyRecord> {
  return onlyRow(
    await tx.query<TicketPartyRecord[]>(
      `SELECT c.name, c.phone, d.type, d.brand, d.model, d.serial, t.accessories, t.accessories_other, t.collected_at
     FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id WHERE t.id = ?`,
      [ticketId],
    ),
  );
}
