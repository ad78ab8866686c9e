// What the workflow use cases share: loading a ticket's facts, writing an
// audit event (with the approving manager), and refusing work in the wrong status.
import type { ReadTx, WriteTx } from '../storage/transactions';
import type { DataAnswer, TicketStatus, WarrantyStatus } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import type { FaultCategory, SeverityLevel } from '../../../shared/workflow';
import { localIsoDate } from '../../../shared/calendar';
import type { PricingFacts } from '../rules/pricing';
import type { WrittenNote } from './history-notes';
import { TicketEventEntity, type TicketEventRow } from '../storage/entities/tickets';
import { insertRow } from '../storage/row-insert';

export interface TicketCore {
  id: number;
  number: number;
  status: TicketStatus;
  customer_id: number;
  device_id: number;
  technician_id: number | null;
  warranty_status: WarrantyStatus;
  purchase_date: string | null;
  proof_of_purchase: number;
  data_answer: DataAnswer;
  created_at: string;
  promised_date: string | null;
  repair_warranty_until: string | null;
  rework_of_ticket_id: number | null;
  severity: SeverityLevel | null;
  currency: string;
  deposit_minor: number;
}

const CORE_COLUMNS = `id, number, status, customer_id, device_id, technician_id, warranty_status, purchase_date, proof_of_purchase,
  data_answer, created_at, promised_date, repair_warranty_until, rework_of_ticket_id, severity, currency, deposit_minor`;

export async function loadTicket(tx: ReadTx, ticketId: number, path = 'ticketId'): Promise<TicketCore> {
  const rows: TicketCore[] = await tx.query(`SELECT ${CORE_COLUMNS} FROM ticket WHERE id = ?`, [ticketId]);
  const [row] = rows;
  if (!row) throw DeskError.field(path, 'not_found');
  return row;
}

export function requireStatus(ticket: TicketCore, allowed: readonly TicketStatus[], path = 'ticketId'): void {
  if (!allowed.includes(ticket.status)) throw new DeskError('conflict', [{ path, code: 'wrong_status' }]);
}

export interface WorkflowEvent {
  ticketId: number;
  kind: string;
  fromStatus?: TicketStatus | null;
  toStatus?: TicketStatus | null;
  amountMinor?: number | null;
  /** Text as typed, or a note written as data (rendered in the shop's language when read). */
  note?: string | WrittenNote;
  staffId: number | null;
  approvedBy?: number | null;
  at: string;
}

/**
 * Appends to the ticket's audit trail (the one writer of its events): who, when, from, to, amount, note
 * (its data too), and the approving manager. Returns the event's id.
 */
export function recordEvent(tx: WriteTx, event: WorkflowEvent): Promise<number> {
  const row: Omit<TicketEventRow, 'id'> = {
    ticketId: event.ticketId,
    kind: event.kind,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    amountMinor: event.amountMinor ?? null,
    note: typeof event.note === 'object' ? event.note.text : (event.note ?? ''),
    noteData: typeof event.note === 'object' ? JSON.stringify(event.note.data) : null,
    staffId: event.staffId,
    approvedBy: event.approvedBy ?? null,
    at: event.at,
  };
  return insertRow(tx, TicketEventEntity, row);
}

export async function touchTicket(tx: WriteTx, ticketId: number, nowIso: string): Promise<void> {
  await tx.query(`UPDATE ticket SET updated_at = ? WHERE id = ?`, [nowIso, ticketId]);
}

export interface DiagnosisFacts {
  category: FaultCategory;
  user_caused: number;
}

export async function loadDiagnosisFacts(tx: ReadTx, ticketId: number): Promise<DiagnosisFacts | null> {
  const rows: DiagnosisFacts[] = await tx.query(`SELECT category, user_caused FROM diagnosis WHERE ticket_id = ?`, [ticketId]);
  return rows[0] ?? null;
}

/** The facts the warranty rules need, or null before the diagnosis. */
export function pricingFactsOf(ticket: TicketCore, diagnosis: DiagnosisFacts | null): PricingFacts | null {
  if (diagnosis === null) return null;
  return {
    warrantyStatus: ticket.warranty_status,
    purchaseDate: ticket.purchase_date,
    faultDate: localIsoDate(new Date(ticket.created_at)),
    faultCategory: diagnosis.category,
    userCaused: Boolean(diagnosis.user_caused),
    // A rework is only opened inside the repair warranty of the ticket it reworks.
    reworkWithinRepairWarranty: ticket.rework_of_ticket_id !== null,
  };
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One owner (单个客户专人负责): whoever starts the diagnosis becomes the
 * ticket's technician when none is set, and the customer's owner when they have
 * none. A clerk never becomes one; a hand-over is how the owner changes.
 */
export async function claimTicket(tx: WriteTx, ticketId: number, actor: { id: number; role: string }, nowIso: string): Promise<void> {
  if (actor.role === 'clerk') return;
  await tx.query(`UPDATE ticket SET technician_id = ?, updated_at = ? WHERE id = ? AND technician_id IS NULL`, [actor.id, nowIso, ticketId]);
  await tx.query(`UPDATE customer SET owner_technician_id = ? WHERE owner_technician_id IS NULL AND id = (SELECT customer_id FROM ticket WHERE id = ?)`, [
    actor.id,
    ticketId,
  ]);
}
