// 客户档案: one customer's page (contact details, devices, every ticket with
// what was done and paid, totals, loaners out, complaints, edit history and
// contacts), editing with a history of who changed what, and merging two
// records of the same person.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ArchiveChange, ArchiveDevice, ArchiveTicket, CustomerArchive, CustomerField, MergeResult } from '../../../../shared/customer-care-contract';
import type { DeviceType, TicketStatus } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import { recordAudit } from '../../record/audit';
import type { Actor } from '../staff';
import { complaintsOfCustomer } from './complaints';
import { contactsOfTickets } from './contact-history';
import { phoneDigits } from './customers';

interface CustomerRecord {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  created_at: string;
  merged_into_id: number | null;
}

async function loadCustomer(tx: ReadTx, customerId: number, path = 'customerId'): Promise<CustomerRecord> {
  const rows: CustomerRecord[] = await tx.query(`SELECT id, name, phone, address, notes, created_at, merged_into_id FROM customer WHERE id = ?`, [customerId]);
  const [row] = rows;
  if (!row) throw DeskError.field(path, 'not_found');
  return row;
}

async function devicesOf(tx: ReadTx, customerId: number): Promise<ArchiveDevice[]> {
  const rows: { id: number; type: DeviceType; brand: string; model: string; serial: string; colour: string; ticket_count: number }[] = await tx.query(
    `SELECT d.id, d.type, d.brand, d.model, d.serial, d.colour, (SELECT COUNT(*) FROM ticket t WHERE t.device_id = d.id) AS ticket_count
     FROM device d WHERE d.customer_id = ? ORDER BY d.id DESC`,
    [customerId],
  );
  return rows.map((r) => ({ id: r.id, type: r.type, brand: r.brand, model: r.model, serial: r.serial, colour: r.colour, ticketCount: r.ticket_count }));
}

async function ticketsOf(tx: ReadTx, customerId: number, prefix: string): Promise<ArchiveTicket[]> {
  const rows: {
    id: number;
    number: number;
    status: TicketStatus;
    device_id: number;
    brand: string;
    model: string;
    fault: string;
    created_at: string;
    collected_at: string | null;
    technician_name: string | null;
    solution: string | null;
    paid_minor: number;
    rework_of_ticket_id: number | null;
  }[] = await tx.query(
    `SELECT t.id, t.number, t.status, t.device_id, d.brand, d.model, t.fault, t.created_at, t.collected_at, s.name AS technician_name,
       g.solution, t.rework_of_ticket_id,
       t.deposit_minor + COALESCE((SELECT SUM(CASE p.kind WHEN 'payment' THEN p.amount_minor ELSE -p.amount_minor END)
         FROM payment p WHERE p.ticket_id = t.id AND p.voided_at IS NULL), 0) AS paid_minor
     FROM ticket t JOIN device d ON d.id = t.device_id LEFT JOIN staff s ON s.id = t.technician_id LEFT JOIN diagnosis g ON g.ticket_id = t.id
     WHERE t.customer_id = ? ORDER BY t.number DESC`,
    [customerId],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    displayNumber: displayTicketNumber(r.number, prefix),
    status: r.status,
    deviceId: r.device_id,
    device: `${r.brand} ${r.model}`,
    fault: r.fault,
    createdAt: r.created_at,
    collectedAt: r.collected_at,
    technicianName: r.technician_name,
    workDone: r.solution ?? '',
    paidMinor: r.paid_minor,
    reworkOfTicketId: r.rework_of_ticket_id,
  }));
}

async function changesOf(tx: ReadTx, customerId: number): Promise<ArchiveChange[]> {
  const rows: { field: CustomerField; old_value: string; new_value: string; staff_name: string | null; approved_by_name: string | null; at: string }[] =
    await tx.query(
      `SELECT c.field, c.old_value, c.new_value, s.name AS staff_name, a.name AS approved_by_name, c.at
       FROM customer_change c LEFT JOIN staff s ON s.id = c.staff_id LEFT JOIN staff a ON a.id = c.approved_by
       WHERE c.customer_id = ? ORDER BY c.id DESC`,
      [customerId],
    );
  return rows.map((r) => ({
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    staffName: r.staff_name,
    approvedByName: r.approved_by_name,
    at: r.at,
  }));
}

async function loansOutOf(tx: ReadTx, customerId: number, prefix: string): Promise<CustomerArchive['loansOut']> {
  const rows: { ticket_id: number; number: number; loaner_name: string; lent_at: string }[] = await tx.query(
    `SELECT o.ticket_id, t.number, l.name AS loaner_name, o.lent_at FROM ticket t JOIN loan o ON o.ticket_id = t.id JOIN loaner l ON l.id = o.loaner_id
     WHERE t.customer_id = ? AND o.returned_at IS NULL ORDER BY o.id`,
    [customerId],
  );
  return rows.map((r) => ({ ticketId: r.ticket_id, displayNumber: displayTicketNumber(r.number, prefix), loanerName: r.loaner_name, lentAt: r.lent_at }));
}

export async function getArchive(tx: ReadTx, customerId: number, settings: { ticketPrefix: string; currency: string }, now: Date): Promise<CustomerArchive> {
  const customer = await loadCustomer(tx, customerId);
  const tickets = await ticketsOf(tx, customer.id, settings.ticketPrefix);
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    address: customer.address,
    notes: customer.notes,
    createdAt: customer.created_at,
    mergedIntoId: customer.merged_into_id,
    currency: settings.currency,
    devices: await devicesOf(tx, customer.id),
    tickets,
    totals: {
      visits: new Set(tickets.map((t) => t.createdAt.slice(0, 10))).size,
      spentMinor: tickets.reduce((sum, t) => sum + t.paidMinor, 0),
    },
    loansOut: await loansOutOf(tx, customer.id, settings.ticketPrefix),
    complaints: await complaintsOfCustomer(tx, customer.id, settings.ticketPrefix, now),
    changes: await changesOf(tx, customer.id),
    contacts: await contactsOfTickets(
      tx,
      tickets.map((t) => t.id),
      settings.ticketPrefix,
    ),
  };
}

/**
 * Saves the contact details, from the customer's page or from "Update customer"
 * at intake: each field that changed goes to the customer's history with its old
 * and new value, and to the audit trail. Answers whether anything changed.
 */
export async function updateCustomer(
  tx: WriteTx,
  actor: Actor,
  input: { customerId: number; name: string; phone: string; address: string; notes: string },
  nowIso: string,
  /** The input field naming the customer, for its error (intake's channel calls it `id`). */
  idPath = 'customerId',
): Promise<boolean> {
  const before = await loadCustomer(tx, input.customerId, idPath);
  if (before.merged_into_id !== null) throw new DeskError('conflict', [{ path: idPath, code: 'wrong_status' }]);
  const changed = (['name', 'phone', 'address', 'notes'] as const).filter((field) => before[field] !== input[field]);
  if (changed.length === 0) return false;
  for (const field of changed) {
    await tx.query(`INSERT INTO customer_change (customer_id, field, old_value, new_value, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
      before.id,
      field,
      before[field],
      input[field],
      actor.id,
      nowIso,
    ]);
  }
  await tx.query(`UPDATE customer SET name = ?, phone = ?, phone_digits = ?, address = ?, notes = ?, updated_at = ? WHERE id = ?`, [
    input.name,
    input.phone,
    phoneDigits(input.phone),
    input.address,
    input.notes,
    nowIso,
    before.id,
  ]);
  const oldValue = Object.fromEntries(changed.map((field) => [field, before[field]]));
  const newValue = Object.fromEntries(changed.map((field) => [field, input[field]]));
  await recordAudit(tx, { kind: 'customer', subjectId: before.id, oldValue, newValue, staffId: actor.id, at: nowIso });
  return true;
}

/**
 * Two records of the same person become one: every ticket, device and
 * complaint of the duplicate moves to the record kept; the duplicate stays,
 * marked merged, so its old details and history remain readable.
 */
export async function mergeCustomers(
  tx: WriteTx,
  actor: Actor,
  manager: Actor,
  input: { keepId: number; mergeId: number },
  nowIso: string,
): Promise<MergeResult> {
  const keep = await loadCustomer(tx, input.keepId, 'keepId');
  const merge = await loadCustomer(tx, input.mergeId, 'mergeId');
  if (keep.merged_into_id !== null) throw new DeskError('conflict', [{ path: 'keepId', code: 'wrong_status' }]);
  if (merge.merged_into_id !== null) throw new DeskError('conflict', [{ path: 'mergeId', code: 'wrong_status' }]);
  const tickets: { id: number }[] = await tx.query(`UPDATE ticket SET customer_id = ? WHERE customer_id = ? RETURNING id`, [keep.id, merge.id]);
  const devices: { id: number }[] = await tx.query(`UPDATE device SET customer_id = ? WHERE customer_id = ? RETURNING id`, [keep.id, merge.id]);
  await tx.query(`UPDATE complaint SET customer_id = ? WHERE customer_id = ? AND status <> 'closed'`, [keep.id, merge.id]);
  await tx.query(`UPDATE customer SET merged_into_id = ?, updated_at = ? WHERE id = ?`, [keep.id, nowIso, merge.id]);
  // The kept record gains what only the duplicate knew.
  const notes = [keep.notes, merge.notes].filter((n) => n.trim() !== '').join('\n');
  const address = keep.address || merge.address;
  if (notes !== keep.notes || address !== keep.address) {
    await tx.query(`UPDATE customer SET notes = ?, address = ?, updated_at = ? WHERE id = ?`, [notes, address, nowIso, keep.id]);
  }
  const summary = `#${merge.id} ${merge.name} ${merge.phone}`;
  for (const [customerId, oldValue, newValue] of [
    [keep.id, summary, `#${keep.id} ${keep.name} ${keep.phone}`],
    [merge.id, summary, `#${keep.id} ${keep.name} ${keep.phone}`],
  ] as const) {
    await tx.query(`INSERT INTO customer_change (customer_id, field, old_value, new_value, staff_id, approved_by, at) VALUES (?, 'merged', ?, ?, ?, ?, ?)`, [
      customerId,
      oldValue,
      newValue,
      actor.id,
      manager.id,
      nowIso,
    ]);
  }
  await tx.query(
    `INSERT INTO customer_merge (kept_customer_id, merged_customer_id, tickets_moved, devices_moved, staff_id, approved_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [keep.id, merge.id, tickets.length, devices.length, actor.id, manager.id, nowIso],
  );
  return { keptId: keep.id, ticketsMoved: tickets.length, devicesMoved: devices.length };
}
