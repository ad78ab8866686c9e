// 投诉处理: a complaint is opened (from a follow-up call, a ticket or the
// customer's page), owned by a manager unless someone else is named, worked
// through in steps (each with who and when), resolved with an outcome and the
// customer's acceptance, and closed by a manager only.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type {
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintStepKind,
  ComplaintSummary,
  ComplaintView,
} from '../../../../shared/customer-care-contract';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import { addDays, daysBetween, localIsoDate } from '../../../../shared/calendar';
import type { Actor } from '../staff';
import { loadTicket, recordEvent } from '../../record/ticket-record';
import {
  insertComplaint,
  insertComplaintStep,
  markComplaintClosed,
  markComplaintResolved,
  selectAllComplaints,
  selectComplaintById,
  selectComplaintStatus,
  selectComplaintSteps,
  selectComplaintsOfCustomer,
  selectUnclosedComplaints,
  setComplaintRework,
  type ComplaintRow,
  type ComplaintStatusRow,
} from './queries/complaints';
import { selectCustomerMergeTarget } from './queries/customers';
import { selectActiveStaff, selectFirstActiveManager } from './queries/staff';

/** Days a complaint is given when no due date is set. */
export const COMPLAINT_DEFAULT_DAYS = 3;

function toSummary(r: ComplaintRow, prefix: string, now: Date): ComplaintSummary {
  const today = localIsoDate(now);
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    ticketId: r.ticket_id,
    displayNumber: r.ticket_number === null ? null : displayTicketNumber(r.ticket_number, prefix),
    category: r.category,
    reason: r.reason,
    severity: r.severity,
    status: r.status,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    openedAt: r.opened_at,
    ageDays: daysBetween(localIsoDate(new Date(r.opened_at)), today),
    overdue: r.status === 'open' && r.due_date < today,
  };
}

export async function getComplaint(tx: ReadTx, complaintId: number, prefix: string, now: Date): Promise<ComplaintView> {
  const r = await selectComplaintById(tx, complaintId);
  if (!r) throw DeskError.field('complaintId', 'not_found');
  const steps = await selectComplaintSteps(tx, complaintId);
  return {
    ...toSummary(r, prefix, now),
    reworkTicketId: r.rework_ticket_id,
    reworkDisplayNumber: r.rework_number === null ? null : displayTicketNumber(r.rework_number, prefix),
    outcome: r.outcome,
    customerAccepted: r.customer_accepted === null ? null : Boolean(r.customer_accepted),
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, note: s.note, staffName: s.staff_name, at: s.at })),
  };
}

/** Complaints not closed yet (oldest first), or every complaint. */
export async function listComplaints(tx: ReadTx, includeClosed: boolean, prefix: string, now: Date): Promise<ComplaintSummary[]> {
  const rows = includeClosed ? await selectAllComplaints(tx) : await selectUnclosedComplaints(tx);
  return rows.map((r) => toSummary(r, prefix, now));
}

export async function complaintsOfCustomer(tx: ReadTx, customerId: number, prefix: string, now: Date): Promise<ComplaintSummary[]> {
  const rows = await selectComplaintsOfCustomer(tx, customerId);
  return rows.map((r) => toSummary(r, prefix, now));
}

async function addStep(tx: WriteTx, complaintId: number, kind: ComplaintStepKind, note: string, staffId: number, at: string): Promise<void> {
  await insertComplaintStep(tx, complaintId, kind, note, staffId, at);
}

async function defaultOwner(tx: ReadTx): Promise<number> {
  const manager = await selectFirstActiveManager(tx);
  if (!manager) throw DeskError.field('ownerId', 'required');
  return manager.id;
}

export interface NewComplaint {
  customerId: number | null;
  ticketId: number | null;
  category: ComplaintCategory;
  reason: string;
  severity: ComplaintSeverity;
  ownerId: number | null;
  dueDate: string | null;
  followUpCallId?: number | null;
  reworkTicketId?: number | null;
}

export async function openComplaint(tx: WriteTx, actor: Actor, input: NewComplaint, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  let customerId = input.customerId;
  if (input.ticketId !== null) {
    const ticket = await loadTicket(tx, input.ticketId);
    if (customerId !== null && customerId !== ticket.customerId) throw DeskError.field('ticketId', 'invalid');
    customerId = ticket.customerId;
  }
  const customer = await selectCustomerMergeTarget(tx, customerId);
  if (!customer) throw DeskError.field('customerId', 'not_found');
  const ownerId = input.ownerId ?? (await defaultOwner(tx));
  if (!(await selectActiveStaff(tx, ownerId))) throw DeskError.field('ownerId', 'not_found');
  const dueDate = input.dueDate ?? addDays(localIsoDate(now), COMPLAINT_DEFAULT_DAYS);
  const complaintId = await insertComplaint(tx, {
    // A complaint about a merged record goes to the record kept.
    customerId: customer.merged_into_id ?? customer.id,
    ticketId: input.ticketId,
    followUpCallId: input.followUpCallId ?? null,
    category: input.category,
    reason: input.reason,
    severity: input.severity,
    ownerId,
    dueDate,
    reworkTicketId: input.reworkTicketId ?? null,
    openedBy: actor.id,
    openedAt: nowIso,
  });
  await addStep(tx, complaintId, 'opened', input.reason, actor.id, nowIso);
  if (input.ticketId !== null) {
    await recordEvent(tx, { ticketId: input.ticketId, kind: 'complaint_opened', note: `#${complaintId} ${input.reason}`, staffId: actor.id, at: nowIso });
  }
  return complaintId;
}

async function loadStatus(tx: ReadTx, complaintId: number): Promise<ComplaintStatusRow> {
  const row = await selectComplaintStatus(tx, complaintId);
  if (!row) throw DeskError.field('complaintId', 'not_found');
  return row;
}

function refuseClosed(status: ComplaintStatus): void {
  if (status === 'closed') throw new DeskError('conflict', [{ path: 'complaintId', code: 'wrong_status' }]);
}

/** A step taken (called the customer back, offered a refund...): anyone on staff. */
export async function addComplaintStep(tx: WriteTx, actor: Actor, complaintId: number, note: string, nowIso: string): Promise<void> {
  refuseClosed((await loadStatus(tx, complaintId)).status);
  await addStep(tx, complaintId, 'step', note, actor.id, nowIso);
}

/** Links a rework ticket opened for the complaint. */
export async function linkRework(tx: WriteTx, actor: Actor, complaintId: number, reworkTicketId: number, label: string, nowIso: string): Promise<void> {
  refuseClosed((await loadStatus(tx, complaintId)).status);
  await setComplaintRework(tx, reworkTicketId, complaintId);
  await addStep(tx, complaintId, 'rework', label, actor.id, nowIso);
}

/** The outcome and whether the customer accepted it: the owner or a manager. */
export async function resolveComplaint(
  tx: WriteTx,
  actor: Actor,
  input: { complaintId: number; outcome: string; customerAccepted: boolean },
  nowIso: string,
): Promise<void> {
  const complaint = await loadStatus(tx, input.complaintId);
  refuseClosed(complaint.status);
  if (actor.role !== 'manager' && actor.id !== complaint.owner_id) throw new DeskError('forbidden', [{ path: 'session', code: 'manager_required' }]);
  await markComplaintResolved(tx, input.outcome, input.customerAccepted, nowIso, input.complaintId);
  await addStep(tx, input.complaintId, 'resolved', input.outcome, actor.id, nowIso);
}

/** Closing is the manager's: only a resolved complaint, only by a signed-in manager. */
export async function closeComplaint(tx: WriteTx, actor: Actor, input: { complaintId: number; note: string }, nowIso: string): Promise<void> {
  const complaint = await loadStatus(tx, input.complaintId);
  if (actor.role !== 'manager') throw new DeskError('forbidden', [{ path: 'session', code: 'manager_required' }]);
  refuseClosed(complaint.status);
  if (complaint.status !== 'resolved') throw new DeskError('conflict', [{ path: 'complaintId', code: 'wrong_status' }]);
  await markComplaintClosed(tx, actor.id, nowIso, input.complaintId);
  await addStep(tx, input.complaintId, 'closed', input.note, actor.id, nowIso);
  if (complaint.ticket_id !== null) {
    await recordEvent(tx, { ticketId: complaint.ticket_id, kind: 'complaint_closed', note: `#${input.complaintId}`, staffId: actor.id, at: nowIso });
  }
}
