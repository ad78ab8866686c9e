// 回访: the list of follow-up calls due on a day, and recording a call.
//
// follow_up_state holds each collected ticket's call facts (collection starts
// it, every call updates it). A call is due from a fixed number of days after
// collection until it lapses, so the list is two index ranges over
// follow_up_state_due (same-day calls, window calls) that hold only the calls
// due, whatever the number of tickets; rules/follow-up.ts decides each one.
import type { ReadTx, WriteTx } from '../../storage/transactions';
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
import {
  countFailedFollowUpAttempt,
  insertFollowUpCall,
  insertFollowUpState,
  markFollowUpReached,
  selectDueFollowUps,
  selectFollowUpState,
  type FollowUpStateRow,
} from './queries/follow-ups';

export function policyOf(settings: Settings): FollowUpPolicy {
  // A window typed backwards is read as the one day it starts on.
  return { fromDay: settings.followUpFromDay, toDay: Math.max(settings.followUpFromDay, settings.followUpToDay), maxAttempts: settings.followUpMaxAttempts };
}

/** Starts a collected ticket's follow-up: part of the collection use case. */
export async function startFollowUp(tx: WriteTx, ticketId: number, collectedAt: Date, sameDay: boolean): Promise<void> {
  await insertFollowUpState(tx, ticketId, localIsoDate(collectedAt), sameDay);
}

function factsOf(r: FollowUpStateRow): FollowUpFacts {
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
  const rows = await selectDueFollowUps(tx, { day, lapsedBefore, windowStarted, maxAttempts: policy.maxAttempts });
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
  const facts = await selectFollowUpState(tx, ticket.id);
  if (!facts) throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const before = followUpState(factsOf(facts), policyOf(settings), localIsoDate(now));
  if (before.kind === 'closed' || before.kind === 'unreachable') throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const reached = input.reached;
  // An unreached call records no answers.
  const callId = await insertFollowUpCall(tx, {
    ticketId: ticket.id,
    reached,
    working: reached ? Number(input.working) : null,
    quality: reached ? input.quality : null,
    attitude: reached ? input.attitude : null,
    remarks: input.remarks,
    staffId: actor.id,
    at: nowIso,
  });
  if (reached) await markFollowUpReached(tx, ticket.id);
  else await countFailedFollowUpAttempt(tx, localIsoDate(now), ticket.id);
  const summary = reached ? `${input.working ? '✓' : '✗'} ${input.quality}/5 ${input.attitude}/5 ${input.remarks}`.trim() : `✗ ${input.remarks}`.trim();
  await recordEvent(tx, { ticketId: ticket.id, kind: reached ? 'follow_up_reached' : 'follow_up_not_reached', note: summary, staffId: actor.id, at: nowIso });

  let state: FollowUpResult['state'] = 'closed';
  if (!reached) state = facts.failed_attempts + 1 >= settings.followUpMaxAttempts ? 'unreachable' : 'retry';
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
