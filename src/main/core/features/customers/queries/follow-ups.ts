// The follow-up rows: follow_up_state (each collected ticket's call facts, and
// the calls due read through its follow_up_state_due index) and follow_up_call.
import type { ReadSql, ReadTx, SelectSql, WriteTx } from '../../../storage/transactions';
import { isSqliteTx, sqlReaderOf } from '../../../storage/sql-reader';
import { onlyRow } from '../../../storage/rows';

export interface FollowUpStateRow {
  ticket_id: number;
  collected_on: string;
  same_day: number;
  failed_attempts: number;
  last_failed_on: string | null;
  reached: number;
}

export interface DueFollowUpRow extends FollowUpStateRow {
  number: number;
  customer_id: number;
  customer_name: string;
  customer_phone: string;
  brand: string;
  model: string;
  collected_at: string;
  rework_of_ticket_id: number | null;
  repaired: number | null;
}

const STATE_COLUMNS = `s.ticket_id, s.collected_on, s.same_day, s.failed_attempts, s.last_failed_on, s.reached`;

/**
 * One range of follow_up_state_due: calls not reached, under the tries allowed,
 * not already tried on the day, of tickets still collected (a rework reopened
 * the rest). `hint` names the index on SQLite, which otherwise may start from
 * the ticket table.
 */
function dueRange(hint: string): SelectSql {
  return `SELECT ${STATE_COLUMNS}, t.number, t.customer_id, c.name AS customer_name, c.phone AS customer_phone, d.brand, d.model,
    t.collected_at, t.rework_of_ticket_id, k.repaired
  FROM follow_up_state s ${hint}
    JOIN ticket t ON t.id = s.ticket_id JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id LEFT JOIN collection k ON k.ticket_id = t.id
  WHERE s.reached = 0 AND s.same_day = ? AND s.collected_on >= ? AND s.collected_on <= ? AND s.failed_attempts < ?
    AND (s.last_failed_on IS NULL OR s.last_failed_on < ?) AND t.status = 'collected'`;
}

/** Same-day calls from the day back to the lapse, then window calls from the window's start back to the lapse. */
const DUE_SQLITE: ReadSql = `${dueRange('INDEXED BY follow_up_state_due')} UNION ALL ${dueRange('INDEXED BY follow_up_state_due')}`;
const DUE_POSTGRES: ReadSql = `${dueRange('')} UNION ALL ${dueRange('')}`;

export async function insertFollowUpState(tx: WriteTx, ticketId: number, collectedOn: string, sameDay: boolean): Promise<void> {
  await tx.query<unknown>(`INSERT INTO follow_up_state (ticket_id, collected_on, same_day) VALUES (?, ?, ?)`, [ticketId, collectedOn, sameDay ? 1 : 0]);
}

/** The calls that may be due on `day`: same-day calls collected since the lapse, window calls collected between the lapse and the window's start. */
export async function selectDueFollowUps(
  tx: ReadTx,
  range: { day: string; lapsedBefore: string; windowStarted: string; maxAttempts: number },
): Promise<DueFollowUpRow[]> {
  const { day, lapsedBefore, windowStarted, maxAttempts } = range;
  const params = [1, lapsedBefore, day, maxAttempts, day, 0, lapsedBefore, windowStarted, maxAttempts, day];
  // The list is read when the tab opens: on SQLite its one statement stays prepared on the driver.
  return isSqliteTx(tx) ? sqlReaderOf(tx).all<DueFollowUpRow>(DUE_SQLITE, params) : await tx.query<DueFollowUpRow[]>(DUE_POSTGRES, params);
}

export async function selectFollowUpState(tx: ReadTx, ticketId: number): Promise<FollowUpStateRow | undefined> {
  const rows = await tx.query<FollowUpStateRow[]>(`SELECT ${STATE_COLUMNS} FROM follow_up_state s WHERE s.ticket_id = ?`, [ticketId]);
  return rows[0];
}

/** Records a call; answers its id. */
export async function insertFollowUpCall(
  tx: WriteTx,
  call: {
    ticketId: number;
    reached: boolean;
    working: number | null;
    quality: number | null;
    attitude: number | null;
    remarks: string;
    staffId: number;
    at: string;
  },
): Promise<number> {
  const inserted = await tx.query<{ id: number }[]>(
    `INSERT INTO follow_up_call (ticket_id, reached, working, quality, attitude, remarks, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [call.ticketId, call.reached ? 1 : 0, call.working, call.quality, call.attitude, call.remarks, call.staffId, call.at],
  );
  return onlyRow(inserted).id;
}

export async function markFollowUpReached(tx: WriteTx, ticketId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE follow_up_state SET reached = 1 WHERE ticket_id = ?`, [ticketId]);
}

export async function countFailedFollowUpAttempt(tx: WriteTx, failedOn: string, ticketId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE follow_up_state SET failed_attempts = failed_attempts + 1, last_failed_on = ? WHERE ticket_id = ?`, [failedOn, ticketId]);
}
