// What the workflow use cases share: loading a ticket's facts, writing an
// audit event (with the approving manager), and refusing work in the wrong status.
import type { ReadTx, WriteTx } from '../storage/transactions';
import type { TicketStatus } from '../../../shared/domain';
import type { TicketEventKind } from '../../../shared/ticket-events';
import { DeskError } from '../../../shared/errors';
import { localIsoDate } from '../../../shared/calendar';
import type { PricingFacts } from '../rules/pricing';
import type { WrittenNote } from './history-notes';
import { TicketEventEntity, type TicketEventRow, type TicketRow } from '../storage/entities/tickets';
import { insertRow } from '../storage/row-insert';
import { selectDiagnosisFacts, type DiagnosisFacts } from './queries/diagnoses';
import { claimCustomerOwner, claimTicketTechnician, selectTicketCore, touchTicketRow, type TicketCoreRecord } from './queries/tickets';

/** What the workflow's use cases read of a ticket: the ticket entity's own row, in part (one shape for a ticket's row). */
export type TicketCore = Omit<TicketCoreRecord, 'proofOfPurchase'> & Pick<TicketRow, 'proofOfPurchase'>;

export async function loadTicket(tx: ReadTx, ticketId: number, path = 'ticketId'): Promise<TicketCore> {
  const row = await selectTicketCore(tx, ticketId);
  if (!row) throw DeskError.field(path, 'not_found');
  // The flag comes back as the engine stores it (0/1 or a smallint): a boolean here, as on the entity.
  return { ...row, proofOfPurchase: Boolean(row.proofOfPurchase) };
}

export function requireStatus(ticket: TicketCore, allowed: readonly TicketStatus[], path = 'ticketId'): void {
  if (!allowed.includes(ticket.status)) throw new DeskError('conflict', [{ path, code: 'wrong_status' }]);
}

export interface WorkflowEvent {
  ticketId: number;
  kind: TicketEventKind;
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
  await touchTicketRow(tx, ticketId, nowIso);
}

export type { DiagnosisFacts };

export async function loadDiagnosisFacts(tx: ReadTx, ticketId: number): Promise<DiagnosisFacts | null> {
  return (await selectDiagnosisFacts(tx, ticketId)) ?? null;
}

/** The facts the warranty rules need, or null before the diagnosis. */
export function pricingFactsOf(ticket: TicketCore, diagnosis: DiagnosisFacts | null): PricingFacts | null {
  if (diagnosis === null) return null;
  return {
    warrantyStatus: ticket.warrantyStatus,
    purchaseDate: ticket.purchaseDate,
    faultDate: localIsoDate(new Date(ticket.createdAt)),
    faultCategory: diagnosis.category,
    userCaused: Boolean(diagnosis.user_caused),
    // A rework is only opened inside the repair warranty of the ticket it reworks.
    reworkWithinRepairWarranty: ticket.reworkOfTicketId !== null,
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
  await claimTicketTechnician(tx, ticketId, actor.id, nowIso);
  await claimCustomerOwner(tx, ticketId, actor.id);
}
