// 回访: the list of follow-up calls due on a day, and recording a call.
//
// The list reads only tickets collected in the last FOLLOW_UP_LAPSE_DAYS days
// (index ticket_collected_at: a range, whatever the number of tickets), with
// their calls through follow_up_call_ticket; rules/follow-up.ts decides which
// are due.
import type { ReadTx, WriteTx } from '../storage/transactions';
import type { ComplaintCategory, FollowUpDue, FollowUpResult } from '../../../shared/customer-care-contract';
import type { Settings } from '../../../shared/contract';
import { DeskError } from '../../../shared/errors';
import { displayTicketNumber } from '../../../shared/ticket-number';
import { addDays, localIsoDate } from '../rules/calendar';
import { FOLLOW_UP_LAPSE_DAYS, followUpState, type FollowUpFacts, type FollowUpPolicy } from '../rules/follow-up';
import type { Actor } from './auth';
import { openComplaint } from './complaints';
import { loadTicket, recordEvent, requireStatus } from './workflow-common';
import { reopenAsRework } from './workflow';

/** The UTC instant a local calendar day starts at. */
function localDayStartUtc(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toISOString();
}

export function policyOf(settings: Settings): FollowUpPolicy {
  // A window typed backwards is read as the one day it starts on.
  return { fromDay: settings.followUpFromDay, toDay: Math.max(settings.followUpFromDay, settings.followUpToDay), maxAttempts: settings.followUpMaxAttempts };
}

interface CandidateRecord {
  id: number;
  number: number;
  customer_id: number;
  customer_name: string;
  customer_phone: string;
  brand: string;
  model: string;
  collected_at: string;
  rework_of_ticket_id: number | null;
  repaired: number | null;
  failed: number;
  reached: number;
  last_failed_at: string | null;
}

const CANDIDATE_SELECT = `SELECT t.id, t.number, t.customer_id, c.name AS customer_name, c.phone AS customer_phone, d.brand, d.model, t.collected_at,
    t.rework_of_ticket_id, k.repaired,
    (SELECT COUNT(*) FROM follow_up_call f WHERE f.ticket_id = t.id AND NOT f.reached) AS failed,
    (SELECT COUNT(*) FROM follow_up_call f WHERE f.ticket_id = t.id AND f.reached) AS reached,
    (SELECT MAX(f.at) FROM follow_up_call f WHERE f.ticket_id = t.id AND NOT f.reached) AS last_failed_at
  FROM ticket t JOIN customer c ON c.id = t.customer_id JOIN device d ON d.id = t.device_id LEFT JOIN collection k ON k.ticket_id = t.id`;

function factsOf(r: CandidateRecord): FollowUpFacts {
  return {
    collectedOn: localIsoDate(new Date(r.collected_at)),
    // Returned not fully fixed (collected unrepaired), or a rework: called back the same day.
    sameDay: r.rework_of_ticket_id !== null || r.repaired === 0,
    failedAttempts: r.failed,
    lastAttemptOn: r.last_failed_at === null ? null : localIsoDate(new Date(r.last_failed_at)),
    reached: r.reached > 0,
  };
}

export async function followUpsDue(tx: ReadTx, day: string, settings: Settings): Promise<FollowUpDue[]> {
  const rows: CandidateRecord[] = await tx.query(
    `${CANDIDATE_SELECT} WHERE t.collected_at >= ? AND t.collected_at < ? AND t.status = 'collected' ORDER BY t.collected_at`,
    [localDayStartUtc(addDays(day, -FOLLOW_UP_LAPSE_DAYS)), localDayStartUtc(addDays(day, 1))],
  );
  const policy = policyOf(settings);
  const due: FollowUpDue[] = [];
  for (const r of rows) {
    const state = followUpState(factsOf(r), policy, day);
    if (state.kind !== 'due') continue;
    due.push({
      ticketId: r.id,
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
      attempts: r.failed,
      repaired: r.repaired !== 0,
      isRework: r.rework_of_ticket_id !== null,
    });
  }
  // Same-day calls and the most overdue first.
  return due.sort((a, b) => Number(b.reason === 'same_day') - Number(a.reason === 'same_day') || a.dueTo.localeCompare(b.dueTo) || a.ticketId - b.ticketId);
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
  const rows: CandidateRecord[] = await tx.query(`${CANDIDATE_SELECT} WHERE t.id = ?`, [ticket.id]);
  const before = followUpState(factsOf(rows[0]), policyOf(settings), localIsoDate(now));
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
  const callId = inserted[0].id;
  const summary = reached ? `${input.working ? '✓' : '✗'} ${input.quality}/5 ${input.attitude}/5 ${input.remarks}`.trim() : `✗ ${input.remarks}`.trim();
  await recordEvent(tx, { ticketId: ticket.id, kind: reached ? 'follow_up_reached' : 'follow_up_not_reached', note: summary, staffId: actor.id, at: nowIso });

  let state: FollowUpResult['state'] = 'closed';
  if (!reached) state = rows[0].failed + 1 >= settings.followUpMaxAttempts ? 'unreachable' : 'retry';
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
