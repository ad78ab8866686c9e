// 回访: the list of follow-up calls due on a day, and recording a call.
//
// follow_up_state holds each collected ticket's call facts (collection starts
// it, every call updates it). A call is due from a fixed number of days after
// collection until it lapses, so the list is two index ranges over
// follow_up_state_due (same-day calls, window calls) that hold only the calls
// due, whatever the number of tickets; rules/follow-up.ts decides each one.
import type { ReadSql, ReadTx, SelectSql, WriteTx } from '../../storage/transactions';
import { isSqliteTx, sqlReaderOf } from '../../storage/sql-reader';
import type { ComplaintCategory, FollowUpDue, FollowUpResult } from '../../../../shared/customer-care-contract';
import type { Settings } from '../../../../shared/contract';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import { addDays, localIsoDate } from '../../../../shared/calendar';
import { FOLLOW_UP_LAPSE_DAYS, followUpState, type FollowUpFacts, type FollowUpPolicy } from '../../rules/follow-up';
import type { Actor } from '../staff';
import { openComplaint } from './complaints';
import { loadTicket, recordEvent, requireStatus } from '../../record/ticket-record';
import { reopenAsRework } from '../repair';
import { onlyRow } from '../../storage/rows';

export function policyOf(settings: Settings): FollowUpPolicy {
  // A window typed backwards is read as the one day it starts on.
  return { fromDay: settings.followUpFromDay, toDay: Math.max(settings.followUpFromDay, settings.followUpToDay), maxAttempts: settings.followUpMaxAttempts };
}

/** Starts a collected ticket's follow-up: part of the collection use case. */
export async function startFollowUp(tx: WriteTx, ticketId: number, collectedAt: Date, sameDay: boolean): Promise<void> {
  await tx.query(`INSERT INTO follow_up_state (ticket_id, collected_on, same_day) VALUES (?, ?, ?)`, [ticketId, localIsoDate(collectedAt), sameDay ? 1 : 0]);
}

interface StateRecord {
  ticket_id: number;
  collected_on: string;
  same_day: number;
  failed_attempts: number;
  last_failed_on: string | null;
  reached: number;
}

interface DueRecord extends StateRecord {
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

function factsOf(r: StateRecord): FollowUpFacts {
  return {
    collectedOn: r.collected_on,
    sameDay: r.same_day === 1,
    failedAttempts: r.failed_attempts,
    lastAttemptOn: r.last_failed_on,
    reached: r.reached === 1,
  };
}

export async function followUpsDue(tx: ReadTx, day: string, settings: Settings): Promise<FollowUpDue[]> {
  const policy = policyOf(settings);
  const lapsedBefore = addDays(day, -FOLLOW_UP_LAPSE_DAYS);
  const windowStarted = addDays(day, -policy.fromDay);
  const params = [1, lapsedBefore, day, policy.maxAttempts, day, 0, lapsedBefore, windowStarted, policy.maxAttempts, day];
  // The list is read when the tab opens: on SQLite its one statement stays prepared on the driver.
  const rows: DueRecord[] = isSqliteTx(tx) ? sqlReaderOf(tx).all<DueRecord>(DUE_SQLITE, params) : await tx.query(DUE_POSTGRES, params);
  const due: FollowUpDue[] = [];
  for (const r of rows) {
    const state = followUpState(factsOf(r), policy, day);
    if (state.kind !== 'due') continue;
    due.push({
      ticketId: r.ticket_id,
      displayNumber: displayTicketNumber(r.number, settings.ticketPrefix),
      customerId: r.customer_id,
      customerName: r.customer_name,
      customerPhone: r.customer_phone,
      device: `${r.brand} ${r.model}`,
      collectedAt: r.collected_at,
      dueFrom: state.dueFrom,
      dueTo: state.dueTo,
      reason: state.reason,
      overdue: state.overdue,
      attempts: r.failed_attempts,
      repaired: r.repaired !== 0,
      isRework: r.rework_of_ticket_id !== null,
    });
  }
  // Same-day calls and the most overdue first (ISO days compare as plain strings).
  return due.sort(
    (a, b) =>
      Number(b.reason === 'same_day') - Number(a.reason === 'same_day') || (a.dueTo < b.dueTo ? -1 : a.dueTo > b.dueTo ? 1 : 0) || a.ticketId - b.ticketId,
  );
}

export interface FollowUpCallInput {
  ticketId: number;
  reached: boolean;
  working: boolean | null;
  quality: number | null;
  attitude: number | null;
  remarks: string;
  then: 'nothing' | 'rework' | 'complaint';
  complaintCategory: ComplaintCategory;
}

/** Records a call; a "not working" or unhappy answer opens a rework ticket or a complaint in the same step. */
export async function recordFollowUp(tx: WriteTx, actor: Actor, input: FollowUpCallInput, settings: Settings, now: Date): Promise<FollowUpResult> {
  const nowIso = now.toISOString();
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, ['collected']);
  const states: StateRecord[] = await tx.query(`SELECT ${STATE_COLUMNS} FROM follow_up_state s WHERE s.ticket_id = ?`, [ticket.id]);
  if (states.length === 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const before = followUpState(factsOf(onlyRow(states)), policyOf(settings), localIsoDate(now));
  if (before.kind === 'closed' || before.kind === 'unreachable') throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const reached = input.reached;
  const inserted: { id: number }[] = await tx.query(
    `INSERT INTO follow_up_call (ticket_id, reached, working, quality, attitude, remarks, staff_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [
      ticket.id,
      reached ? 1 : 0,
      reached ? Number(input.working) : null,
      reached ? input.quality : null,
      reached ? input.attitude : null,
      input.remarks,
      actor.id,
      nowIso,
    ],
  );
  const callId = onlyRow(inserted).id;
  await tx.query(
    reached
      ? `UPDATE follow_up_state SET reached = 1 WHERE ticket_id = ?`
      : `UPDATE follow_up_state SET failed_attempts = failed_attempts + 1, last_failed_on = ? WHERE ticket_id = ?`,
    reached ? [ticket.id] : [localIsoDate(now), ticket.id],
  );
  const summary = reached ? `${input.working ? '✓' : '✗'} ${input.quality}/5 ${input.attitude}/5 ${input.remarks}`.trim() : `✗ ${input.remarks}`.trim();
  await recordEvent(tx, { ticketId: ticket.id, kind: reached ? 'follow_up_reached' : 'follow_up_not_reached', note: summary, staffId: actor.id, at: nowIso });

  let state: FollowUpResult['state'] = 'closed';
  if (!reached) state = onlyRow(states).failed_attempts + 1 >= settings.followUpMaxAttempts ? 'unreachable' : 'retry';
  const result: FollowUpResult = { callId, state, reworkTicketId: null, reworkDisplayNumber: null, complaintId: null };
  if (!reached || input.then === 'nothing') return result;
  if (input.then === 'rework') {
    const rework = await reopenAsRework(tx, actor, { session: '', ticketId: ticket.id, fault: input.remarks, note: '' }, settings, now);
    return { ...result, reworkTicketId: rework.ticketId, reworkDisplayNumber: rework.displayNumber };
  }
  const complaintId = await openComplaint(
    tx,
    actor,
    {
      customerId: null,
      ticketId: ticket.id,
      category: input.complaintCategory,
      reason: input.remarks,
      severity: input.working === false || (input.quality ?? 5) <= 2 || (input.attitude ?? 5) <= 2 ? 'high' : 'medium',
      ownerId: null,
      dueDate: null,
      followUpCallId: callId,
    },
    now,
  );
  return { ...result, complaintId };
}
