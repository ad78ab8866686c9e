// The customer rows and their family: customer_change (each edit's old and new
// value) and customer_merge (two records of one person made one).
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { placeholders, rowsOf, type Lookup } from '../../../storage/lookup';
import type { CustomerField } from '../../../../../shared/customer-care-contract';

export interface CustomerSummaryRow {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  owner_technician_id: number | null;
  ticket_count: number;
  last_visit_at: string | null;
}

export interface CustomerRow {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  created_at: string;
  merged_into_id: number | null;
}

export interface CustomerMergeTargetRow {
  id: number;
  merged_into_id: number | null;
}

export interface CustomerChangeRow {
  field: CustomerField;
  old_value: string;
  new_value: string;
  staff_name: string | null;
  approved_by_name: string | null;
  at: string;
}

const SUMMARY_COLUMNS = `c.id, c.name, c.phone, c.address, c.notes, c.owner_technician_id,
  (SELECT COUNT(*) FROM ticket t WHERE t.customer_id = c.id) AS ticket_count,
  (SELECT MAX(t.created_at) FROM ticket t WHERE t.customer_id = c.id) AS last_visit_at`;

/** The summaries of these customers, merged duplicates left out (in no particular order). */
export function* customerSummariesWithIds(customerIds: number[]): Lookup<CustomerSummaryRow[]> {
  return yield* rowsOf<CustomerSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM customer c WHERE c.id IN (${placeholders(customerIds)}) AND c.merged_into_id IS NULL`,
    customerIds,
  );
}

export async function selectCustomerSummaryById(tx: ReadTx, customerId: number): Promise<CustomerSummaryRow | undefined> {
  const rows = await tx.query<CustomerSummaryRow[]>(`SELECT ${SUMMARY_COLUMNS} FROM customer c WHERE c.id = ?`, [customerId]);
  return rows[0];
}

export async function selectCustomerById(tx: ReadTx, customerId: number): Promise<CustomerRow | undefined> {
  const rows = await tx.query<CustomerRow[]>(`SELECT id, name, phone, address, notes, created_at, merged_into_id FROM customer WHERE id = ?`, [customerId]);
  return rows[0];
}

/** The record a complaint goes to: the customer's, or the record it was merged into. */
export async function selectCustomerMergeTarget(tx: ReadTx, customerId: number | null): Promise<CustomerMergeTargetRow | undefined> {
  const rows = await tx.query<CustomerMergeTargetRow[]>(`SELECT id, merged_into_id FROM customer WHERE id = ?`, [customerId]);
  return rows[0];
}

export async function selectCustomerChanges(tx: ReadTx, customerId: number): Promise<CustomerChangeRow[]> {
  return tx.query<CustomerChangeRow[]>(
    `SELECT c.field, c.old_value, c.new_value, s.name AS staff_name, a.name AS approved_by_name, c.at
       FROM customer_change c LEFT JOIN staff s ON s.id = c.staff_id LEFT JOIN staff a ON a.id = c.approved_by
       WHERE c.customer_id = ? ORDER BY c.id DESC`,
    [customerId],
  );
}

export async function insertCustomerChange(
  tx: WriteTx,
  change: { customerId: number; field: CustomerField; oldValue: string; newValue: string; staffId: number; at: string },
): Promise<void> {
  await tx.query<unknown>(`INSERT INTO customer_change (customer_id, field, old_value, new_value, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    change.customerId,
    change.field,
    change.oldValue,
    change.newValue,
    change.staffId,
    change.at,
  ]);
}

export async function updateCustomerContact(
  tx: WriteTx,
  contact: { customerId: number; name: string; phone: string; phoneDigits: string; address: string; notes: string; updatedAt: string },
): Promise<void> {
  await tx.query<unknown>(`UPDATE customer SET name = ?, phone = ?, phone_digits = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?`, [
    contact.name,
    contact.phone,
    contact.phoneDigits,
    contact.address,
    contact.notes,
    contact.updatedAt,
    contact.customerId,
  ]);
}

export async function markCustomerMerged(tx: WriteTx, mergedIntoId: number, updatedAt: string, customerId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE customer SET merged_into_id = ?, updated_at = ? WHERE id = ?`, [mergedIntoId, updatedAt, customerId]);
}

export async function updateCustomerNotesAndAddress(tx: WriteTx, notes: string, address: string, updatedAt: string, customerId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE customer SET notes = ?, address = ?, updated_at = ? WHERE id = ?`, [notes, address, updatedAt, customerId]);
}

/** The 'merged' line of a customer's history, approved by a manager. */
export async function insertCustomerMergedChange(
  tx: WriteTx,
  change: { customerId: number; oldValue: string; newValue: string; staffId: number; approvedBy: number; at: string },
): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO customer_change (customer_id, field, old_value, new_value, staff_id, approved_by, at) VALUES (?, 'merged', ?, ?, ?, ?, ?)`,
    [change.customerId, change.oldValue, change.newValue, change.staffId, change.approvedBy, change.at],
  );
}

export async function insertCustomerMerge(
  tx: WriteTx,
  merge: { keptId: number; mergedId: number; ticketsMoved: number; devicesMoved: number; staffId: number; approvedBy: number; at: string },
): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO customer_merge (kept_customer_id, merged_customer_id, tickets_moved, devices_moved, staff_id, approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [merge.keptId, merge.mergedId, merge.ticketsMoved, merge.devicesMoved, merge.staffId, merge.approvedBy, merge.at],
  );
}
