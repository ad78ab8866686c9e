// 客户档案: one customer's page (contact details, devices, every ticket with
// what was done and paid, totals, loaners out, complaints, edit history and
// contacts), editing with a history of who changed what, and merging two
// records of the same person.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ArchiveChange, ArchiveDevice, ArchiveTicket, CustomerArchive, MergeResult } from '../../../../shared/customer-care-contract';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import { recordAudit } from '../../record/audit';
import type { Actor } from '../staff';
import { complaintsOfCustomer } from './complaints';
import { contactsOfTickets } from './contact-history';
import { phoneDigits } from './customers';
import { moveUnclosedComplaints } from './queries/complaints';
import {
  insertCustomerChange,
  insertCustomerMerge,
  insertCustomerMergedChange,
  markCustomerMerged,
  selectCustomerById,
  selectCustomerChanges,
  updateCustomerContact,
  updateCustomerNotesAndAddress,
  type CustomerRow,
} from './queries/customers';
import { moveDevicesToCustomer, selectDevicesOfCustomer } from './queries/devices';
import { moveTicketsToCustomer, selectLoansOutOfCustomer, selectTicketsOfCustomer } from './queries/tickets';

async function loadCustomer(tx: ReadTx, customerId: number, path = 'customerId'): Promise<CustomerRow> {
  const row = await selectCustomerById(tx, customerId);
  if (!row) throw DeskError.field(path, 'not_found');
  return row;
}

async function devicesOf(tx: ReadTx, customerId: number): Promise<ArchiveDevice[]> {
  const rows = await selectDevicesOfCustomer(tx, customerId);
  return rows.map((r) => ({ id: r.id, type: r.type, brand: r.brand, model: r.model, serial: r.serial, colour: r.colour, ticketCount: r.ticket_count }));
}

async function ticketsOf(tx: ReadTx, customerId: number, prefix: string): Promise<ArchiveTicket[]> {
  const rows = await selectTicketsOfCustomer(tx, customerId);
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
  const rows = await selectCustomerChanges(tx, customerId);
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
  const rows = await selectLoansOutOfCustomer(tx, customerId);
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
    await insertCustomerChange(tx, { customerId: before.id, field, oldValue: before[field], newValue: input[field], staffId: actor.id, at: nowIso });
  }
  await updateCustomerContact(tx, {
    customerId: before.id,
    name: input.name,
    phone: input.phone,
    phoneDigits: phoneDigits(input.phone),
    address: input.address,
    notes: input.notes,
    updatedAt: nowIso,
  });
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
  const ticketsMoved = await moveTicketsToCustomer(tx, keep.id, merge.id);
  const devicesMoved = await moveDevicesToCustomer(tx, keep.id, merge.id);
  await moveUnclosedComplaints(tx, keep.id, merge.id);
  await markCustomerMerged(tx, keep.id, nowIso, merge.id);
  // The kept record gains what only the duplicate knew.
  const notes = [keep.notes, merge.notes].filter((n) => n.trim() !== '').join('\n');
  const address = keep.address || merge.address;
  if (notes !== keep.notes || address !== keep.address) {
    await updateCustomerNotesAndAddress(tx, notes, address, nowIso, keep.id);
  }
  const summary = `#${merge.id} ${merge.name} ${merge.phone}`;
  for (const [customerId, oldValue, newValue] of [
    [keep.id, summary, `#${keep.id} ${keep.name} ${keep.phone}`],
    [merge.id, summary, `#${keep.id} ${keep.name} ${keep.phone}`],
  ] as const) {
    await insertCustomerMergedChange(tx, { customerId, oldValue, newValue, staffId: actor.id, approvedBy: manager.id, at: nowIso });
  }
  await insertCustomerMerge(tx, { keptId: keep.id, mergedId: merge.id, ticketsMoved, devicesMoved, staffId: actor.id, approvedBy: manager.id, at: nowIso });
  return { keptId: keep.id, ticketsMoved, devicesMoved };
}
