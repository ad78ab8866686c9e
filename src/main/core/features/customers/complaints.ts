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
import { onlyRow } from '../../storage/rows';

/** Days a complaint is given when no due date is set. */
export const COMPLAINT_DEFAULT_DAYS = 3;

interface ComplaintRecord {
  id: number;
  customer_id: number;
  customer_name: string;
  customer_phone: string;
  ticket_id: number | null;
  ticket_number: number | null;
  category: ComplaintCategory;
  reason: string;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  owner_id: number;
  owner_name: string;
  due_date: string;
  opened_at: string;
  rework_ticket_id: number | null;
  rework_number: number | null;
  outcome: string;
  customer_accepted: number | null;
  resolved_at: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
}

const SELECT = `SELECT k.id, k.customer_id, c.name AS customer_name, c.phone AS customer_phone, k.ticket_id, t.number AS ticket_number,
    k.category, k.reason, k.severity, k.status, k.owner_id, o.name AS owner_name, k.due_date, k.opened_at, k.rework_ticket_id,
    r.number AS rework_number, k.outcome, k.customer_accepted, k.resolved_at, k.closed_at, cb.name AS closed_by_name
  FROM complaint k JOIN customer c ON c.id = k.customer_id JOIN staff o ON o.id = k.owner_id
  LEFT JOIN ticket t ON t.id = k.ticket_id LEFT JOIN ticket r ON r.id = k.rework_ticket_id LEFT JOIN staff cb ON cb.id = k.closed_by`;

function toSummary(r: ComplaintRecord, prefix: string, now: Date): ComplaintSummary {
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
  const rows: ComplaintRecord[] = await tx.query(`${SELECT} WHERE k.id = ?`, [complaintId]);
  const r = rows[0];
  if (!r) throw DeskError.field('complaintId', 'not_found');
  const steps: { id: number; kind: ComplaintStepKind; note: string; staff_name: string | null; at: string }[] = await tx.query(
    `SELECT p.id, p.kind, p.note, s.name AS staff_name, p.at FROM complaint_step p LEFT JOIN staff s ON s.id = p.staff_id
     WHERE p.complaint_id = ? ORDER BY p.id`,
    [complaintId],
  );
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
  const rows: ComplaintRecord[] = includeClosed
    ? await tx.query(`${SELECT} ORDER BY k.id DESC LIMIT 500`)
    : await tx.query(`${SELECT} WHERE k.status <> 'closed' ORDER BY k.opened_at`);
  return rows.map((r) => toSummary(r, prefix, now));
}

export async function complaintsOfCustomer(tx: ReadTx, customerId: number, prefix: string, now: Date): Promise<ComplaintSummary[]> {
  const rows: ComplaintRecord[] = await tx.query(`${SELECT} WHERE k.customer_id = ? ORDER BY k.id DESC`, [customerId]);
  return rows.map((r) => toSummary(r, prefix, now));
}

async function addStep(tx: WriteTx, complaintId: number, kind: ComplaintStepKind, note: string, staffId: number, at: string): Promise<void> {
  await tx.query(`INSERT INTO complaint_step (complaint_id, kind, note, staff_id, at) VALUES (?, ?, ?, ?, ?)`, [complaintId, kind, note, staffId, at]);
}

async function defaultOwner(tx: ReadTx): Promise<number> {
  const rows: { id: number }[] = await tx.query(`SELECT id FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1`);
  if (rows.length === 0) throw DeskError.field('ownerId', 'required');
  return onlyRow(rows).id;
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
  const customers: { id: number; merged_into_id: number | null }[] = await tx.query(`SELECT id, merged_into_id FROM customer WHERE id = ?`, [customerId]);
  if (customers.length === 0) throw DeskError.field('customerId', 'not_found');
  const ownerId = input.ownerId ?? (await defaultOwner(tx));
  const owners: { id: number }[] = await tx.query(`SELECT id FROM staff WHERE id = ? AND active = 1`, [ownerId]);
  if (owners.length === 0) throw DeskError.field('ownerId', 'not_found');
  const dueDate = input.dueDate ?? addDays(localIsoDate(now), COMPLAINT_DEFAULT_DAYS);
  const rows: { id: number }[] = await tx.query(
    `INSERT INTO complaint (customer_id, ticket_id, follow_up_call_id, category, reason, severity, owner_id, due_date, status, rework_ticket_id, opened_by, opened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id`,
    [
      onlyRow(customers).merged_into_id ?? onlyRow(customers).id,
      input.ticketId,
      input.followUpCallId ?? null,
      input.category,
      input.reason,
      input.severity,
      ownerId,
      dueDate,
      input.reworkTicketId ?? null,
      actor.id,
      nowIso,
    ],
  );
  const complaintId = onlyRow(rows).id;
  await addStep(tx, complaintId, 'opened', input.reason, actor.id, nowIso);
  if (input.ticketId !== null) {
    await recordEvent(tx, { ticketId: input.ticketId, kind: 'complaint_opened', note: `#${complaintId} ${input.reason}`, staffId: actor.id, at: nowIso });
  }
  return complaintId;
}

async function loadStatus(tx: ReadTx, complaintId: number): Promise<{ status: ComplaintStatus; owner_id: number; ticket_id: number | null }> {
  const rows: { status: ComplaintStatus; owner_id: number; ticket_id: number | null }[] = await tx.query(
    `SELECT status, owner_id, ticket_id FROM complaint WHERE id = ?`,
    [complaintId],
  );
  const [row] = rows;
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
  await tx.query(`UPDATE complaint SET rework_ticket_id = ? WHERE id = ?`, [reworkTicketId, complaintId]);
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
  await tx.query(`UPDATE complaint SET status = 'resolved', outcome = ?, customer_accepted = ?, resolved_at = ? WHERE id = ?`, [
    input.outcome,
    input.customerAccepted ? 1 : 0,
    nowIso,
    input.complaintId,
  ]);
  await addStep(tx, input.complaintId, 'resolved', input.outcome, actor.id, nowIso);
}

/** Closing is the manager's: only a resolved complaint, only by a signed-in manager. */
export async function closeComplaint(tx: WriteTx, actor: Actor, input: { complaintId: number; note: string }, nowIso: string): Promise<void> {
  const complaint = await loadStatus(tx, input.complaintId);
  if (actor.role !== 'manager') throw new DeskError('forbidden', [{ path: 'session', code: 'manager_required' }]);
  refuseClosed(complaint.status);
  if (complaint.status !== 'resolved') throw new DeskError('conflict', [{ path: 'complaintId', code: 'wrong_status' }]);
  await tx.query(`UPDATE complaint SET status = 'closed', closed_by = ?, closed_at = ? WHERE id = ?`, [actor.id, nowIso, input.complaintId]);
  await addStep(tx, input.complaintId, 'closed', input.note, actor.id, nowIso);
  if (complaint.ticket_id !== null) {
    await recordEvent(tx, { ticketId: complaint.ticket_id, kind: 'complaint_closed', note: `#${input.complaintId}`, staffId: actor.id, at: nowIso });
  }
}
