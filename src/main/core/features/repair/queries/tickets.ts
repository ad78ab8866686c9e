// The repair feature's statements on the ticket table: status moves, collection, reworks,
// hand-overs, promised dates, severity, and the links between a ticket and its reworks.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { WarrantyAssessment } from '../../../../../shared/contract';
import type { TicketStatus } from '../../../../../shared/domain';
import type { SeverityLevel } from '../../../../../shared/workflow';
import { onlyRow } from '../../../storage/rows';

export interface TicketIdRow {
  id: number;
}

export interface CountRow {
  n: number;
}

export interface TicketRefRow {
  id: number;
  number: number;
}

/** Moves a ticket from the status read to `to`; answers false when a move made meanwhile won (the status is no longer `from`). */
export async function updateTicketStatusIfUnchanged(tx: WriteTx, ticketId: number, from: TicketStatus, to: TicketStatus, at: string): Promise<boolean> {
  const rows = await tx.query<TicketIdRow[]>(`UPDATE ticket SET status = ?, updated_at = ? WHERE id = ? AND status = ? RETURNING id`, [to, at, ticketId, from]);
  return rows.length > 0;
}

export async function markTicketCollected(tx: WriteTx, ticketId: number, collectedAt: string, repairWarrantyUntil: string | null): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET collected_at = ?, repair_warranty_until = ? WHERE id = ?`, [collectedAt, repairWarrantyUntil, ticketId]);
}

/** How many reworks of a ticket are still in the shop. */
export async function countOpenReworks(tx: ReadTx, ticketId: number): Promise<number> {
  const rows = await tx.query<CountRow[]>(`SELECT COUNT(*) AS n FROM ticket WHERE rework_of_ticket_id = ? AND status NOT IN ('collected', 'cancelled')`, [
    ticketId,
  ]);
  return onlyRow(rows).n;
}

interface NewRework {
  number: number;
  intakeBatch: string;
  fault: string;
  warranty: Pick<WarrantyAssessment, 'status' | 'basis'>;
  clerkId: number;
  at: string;
  originalTicketId: number;
}

/** Opens a rework ticket copied from the original (customer, device, purchase, technician, repair warranty); answers its id. */
export async function insertReworkTicket(tx: WriteTx, rework: NewRework): Promise<number> {
  const rows = await tx.query<TicketIdRow[]>(
    `INSERT INTO ticket (number, status, customer_id, device_id, intake_batch, fault, customer_request, accessories, accessories_other,
       condition_checks, condition_notes, purchase_date, proof_of_purchase, warranty_status, warranty_basis, fee_consent, data_answer,
       estimate_minor, deposit_minor, currency, promised_date, technician_id, clerk_id, passcode_kind, passcode_sealed,
       created_at, updated_at, rework_of_ticket_id, repair_warranty_until)
     SELECT ?, 'received', customer_id, device_id, ?, ?, '', '[]', '', '[]', '', purchase_date, proof_of_purchase, ?, ?, fee_consent, data_answer,
       0, 0, currency, NULL, technician_id, ?, passcode_kind, passcode_sealed, ?, ?, id, repair_warranty_until
     FROM ticket WHERE id = ? RETURNING id`,
    [
      rework.number,
      rework.intakeBatch,
      rework.fault,
      rework.warranty.status,
      rework.warranty.basis,
      rework.clerkId,
      rework.at,
      rework.at,
      rework.originalTicketId,
    ],
  );
  return onlyRow(rows).id;
}

export async function setTicketTechnician(tx: WriteTx, ticketId: number, technicianId: number, at: string): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET technician_id = ?, updated_at = ? WHERE id = ?`, [technicianId, at, ticketId]);
}

export async function setTicketPromisedDate(tx: WriteTx, ticketId: number, promisedDate: string | null, at: string): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET promised_date = ?, updated_at = ? WHERE id = ?`, [promisedDate, at, ticketId]);
}

export async function setTicketSeverity(tx: WriteTx, ticketId: number, severity: SeverityLevel, at: string): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET severity = ?, updated_at = ? WHERE id = ?`, [severity, at, ticketId]);
}

/** The two ways a ticket page names related tickets, each its own fixed statement. */
const TICKET_REFS_BY = {
  id: `SELECT id, number FROM ticket WHERE id = ? ORDER BY id`,
  reworkOf: `SELECT id, number FROM ticket WHERE rework_of_ticket_id = ? ORDER BY id`,
} as const;

export type TicketRefsBy = keyof typeof TICKET_REFS_BY;

/** The tickets whose column is `value` (the ticket itself by id, or the reworks of one). */
export function selectTicketRefs(tx: ReadTx, by: TicketRefsBy, value: number): Promise<TicketRefRow[]> {
  return tx.query<TicketRefRow[]>(TICKET_REFS_BY[by], [value]);
}
