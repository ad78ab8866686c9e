// The complaint rows and their complaint_step history: reading complaints with
// their customer, owner and tickets, opening, stepping, resolving, closing, moving.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { ComplaintCategory, ComplaintSeverity, ComplaintStatus, ComplaintStepKind } from '../../../../../shared/customer-care-contract';
import { onlyRow } from '../../../storage/rows';
import type { ComplaintRow as StoredComplaint } from '../../../storage/entities/care';

export interface ComplaintRow {
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

export interface ComplaintStepRow {
  id: number;
  kind: ComplaintStepKind;
  note: string;
  staff_name: string | null;
  at: string;
}

export interface ComplaintStatusRow {
  status: ComplaintStatus;
  owner_id: number;
  ticket_id: number | null;
}

const SELECT = `SELECT k.id, k.customer_id, c.name AS customer_name, c.phone AS customer_phone, k.ticket_id, t.number AS ticket_number,
    k.category, k.reason, k.severity, k.status, k.owner_id, o.name AS owner_name, k.due_date, k.opened_at, k.rework_ticket_id,
    r.number AS rework_number, k.outcome, k.customer_accepted, k.resolved_at, k.closed_at, cb.name AS closed_by_name
  FROM complaint k JOIN customer c ON c.id = k.customer_id JOIN staff o ON o.id = k.owner_id
  LEFT JOIN ticket t ON t.id = k.ticket_id LEFT JOIN ticket r ON r.id = k.rework_ticket_id LEFT JOIN staff cb ON cb.id = k.closed_by`;

export async function selectComplaintById(tx: ReadTx, complaintId: number): Promise<ComplaintRow | undefined> {
  const rows = await tx.query<ComplaintRow[]>(`${SELECT} WHERE k.id = ?`, [complaintId]);
  return rows[0];
}

export async function selectComplaintSteps(tx: ReadTx, complaintId: number): Promise<ComplaintStepRow[]> {
  return tx.query<ComplaintStepRow[]>(
    `SELECT p.id, p.kind, p.note, s.name AS staff_name, p.at FROM complaint_step p LEFT JOIN staff s ON s.id = p.staff_id
     WHERE p.complaint_id = ? ORDER BY p.id`,
    [complaintId],
  );
}

/** The newest 500 complaints, closed ones included. */
export async function selectAllComplaints(tx: ReadTx): Promise<ComplaintRow[]> {
  return tx.query<ComplaintRow[]>(`${SELECT} ORDER BY k.id DESC LIMIT 500`);
}

/** Complaints not closed yet, oldest first. */
export async function selectUnclosedComplaints(tx: ReadTx): Promise<ComplaintRow[]> {
  return tx.query<ComplaintRow[]>(`${SELECT} WHERE k.status <> 'closed' ORDER BY k.opened_at`);
}

export async function selectComplaintsOfCustomer(tx: ReadTx, customerId: number): Promise<ComplaintRow[]> {
  return tx.query<ComplaintRow[]>(`${SELECT} WHERE k.customer_id = ? ORDER BY k.id DESC`, [customerId]);
}

export async function insertComplaintStep(tx: WriteTx, complaintId: number, kind: ComplaintStepKind, note: string, staffId: number, at: string): Promise<void> {
  await tx.query<unknown>(`INSERT INTO complaint_step (complaint_id, kind, note, staff_id, at) VALUES (?, ?, ?, ?, ?)`, [complaintId, kind, note, staffId, at]);
}

/** Opens a complaint; answers its id. */
export async function insertComplaint(
  tx: WriteTx,
  complaint: Pick<
    StoredComplaint,
    'customerId' | 'ticketId' | 'followUpCallId' | 'category' | 'reason' | 'severity' | 'ownerId' | 'dueDate' | 'reworkTicketId' | 'openedBy' | 'openedAt'
  >,
): Promise<number> {
  const rows = await tx.query<{ id: number }[]>(
    `INSERT INTO complaint (customer_id, ticket_id, follow_up_call_id, category, reason, severity, owner_id, due_date, status, rework_ticket_id, opened_by, opened_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id`,
    [
      complaint.customerId,
      complaint.ticketId,
      complaint.followUpCallId,
      complaint.category,
      complaint.reason,
      complaint.severity,
      complaint.ownerId,
      complaint.dueDate,
      complaint.reworkTicketId,
      complaint.openedBy,
      complaint.openedAt,
    ],
  );
  return onlyRow(rows).id;
}

export async function selectComplaintStatus(tx: ReadTx, complaintId: number): Promise<ComplaintStatusRow | undefined> {
  const rows = await tx.query<ComplaintStatusRow[]>(`SELECT status, owner_id, ticket_id FROM complaint WHERE id = ?`, [complaintId]);
  return rows[0];
}

export async function setComplaintRework(tx: WriteTx, reworkTicketId: number, complaintId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE complaint SET rework_ticket_id = ? WHERE id = ?`, [reworkTicketId, complaintId]);
}

export async function markComplaintResolved(tx: WriteTx, outcome: string, customerAccepted: boolean, resolvedAt: string, complaintId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE complaint SET status = 'resolved', outcome = ?, customer_accepted = ?, resolved_at = ? WHERE id = ?`, [
    outcome,
    customerAccepted ? 1 : 0,
    resolvedAt,
    complaintId,
  ]);
}

export async function markComplaintClosed(tx: WriteTx, closedBy: number, closedAt: string, complaintId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE complaint SET status = 'closed', closed_by = ?, closed_at = ? WHERE id = ?`, [closedBy, closedAt, complaintId]);
}

/** A merge moves the duplicate's complaints still open to the record kept. */
export async function moveUnclosedComplaints(tx: WriteTx, toCustomerId: number, fromCustomerId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE complaint SET customer_id = ? WHERE customer_id = ? AND status <> 'closed'`, [toCustomerId, fromCustomerId]);
}
