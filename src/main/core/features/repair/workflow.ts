// The repair workflow's use cases: status moves through the status machine,
// the customer's decision on a quote, hand-over, promised-date changes, the
// "customer notified" log, collection (for the collection feature), rework
// under the repair warranty, and the ticket page's workflow view.
//
// Rework model (返修): a collected ticket is never re-opened. A repair that
// comes back within its repair warranty gets a NEW ticket linked to the old
// one (ticket.rework_of_ticket_id). Why:
// - the collected ticket's receipt, payment and signature stay exactly as they
//   were printed and signed, and the day's and month's reports keep counting
//   the original collection;
// - the device needs a new claim ticket and label for the bag, i.e. a number;
// - the rework has its own diagnosis, parts and test trail, and every rework
//   is countable per technician (quality of work).
// The rework inherits the original's repair-warranty end date: a warranty
// repair never restarts or extends the warranty, and a second claim inside the
// same period is allowed (a rework of a rework). Pricing makes it free.
import { randomUUID } from 'node:crypto';
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput, Settings } from '../../../../shared/contract';
import type { Language, TicketStatus } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { barcodeText, displayTicketNumber } from '../../../../shared/ticket-number';
import type { ApprovalView, NextMove, NotificationView, ReopenResult, TicketRef, TicketWorkflow, TimelineEvent } from '../../../../shared/repair-contract';
import type { WorkflowAction } from '../../../../shared/workflow';
import { addDays, localIsoDate } from '../../../../shared/calendar';
import { coverageOf } from '../../rules/pricing';
import { checkMove, isTerminal, movesFrom, OPEN_STATUSES, type MoveVia } from '../../rules/status-machine';
import { assessWarranty } from '../../../../shared/warranty';
import { approvingManager, type Actor } from '../staff';
import { DIAGNOSIS_STATUSES, getDiagnosis } from './diagnosis';
import { approvalNote, noteText, notificationNote, promisedDateNote, typedNote, type WrittenNote } from '../../record/history-notes';
import { listTicketLoans } from './loaners';
import { latestQuote, listQuotes, QUOTE_STATUSES_EDITABLE } from './quotes';
import { HAND_BACK_STATUSES, listOldPartsHandedBack, listTicketParts, PART_USE_STATUSES, restockFittedParts } from '../stock';
import { allocateTicketNumber } from '../intake';
import { claimTicket, loadDiagnosisFacts, loadTicket, pricingFactsOf, recordEvent, requireStatus, type TicketCore } from '../../record/ticket-record';
import { roleMayMove } from '../../../../shared/roles';
import { insertApproval, selectTicketApprovals } from './queries/approvals';
import { insertNotification, selectTicketNotifications } from './queries/notifications';
import { markQuoteDecided, markQuoteSent } from './queries/quotes';
import { selectHandOverStaff, selectStaffName } from './queries/staff';
import { selectTicketEvents } from '../../record/queries/ticket-events';
import {
  countOpenReworks,
  insertReworkTicket,
  markTicketCollected,
  selectTicketRefs,
  setTicketPromisedDate,
  setTicketTechnician,
  updateTicketStatusIfUnchanged,
  type TicketRefsBy,
} from './queries/tickets';

interface MoveArgs {
  ticket: TicketCore;
  to: TicketStatus;
  via: MoveVia;
  note: string | WrittenNote;
  actor: Actor;
  manager: Actor | null;
  amountMinor?: number | null;
  at: string;
}

/** Moves a ticket through the status machine and writes the event; refuses an illegal move with the reason. */
export async function moveTicket(tx: WriteTx, args: MoveArgs): Promise<void> {
  const { ticket, to } = args;
  const check = checkMove({
    from: ticket.status,
    to,
    via: args.via,
    note: typeof args.note === 'object' ? args.note.text : args.note,
    managerApproved: args.manager !== null,
  });
  if (!check.ok) {
    switch (check.reason) {
      case 'illegal_move':
        throw new DeskError('conflict', [{ path: 'toStatus', code: 'illegal_move' }], `${ticket.status} -> ${to}`);
      case 'wrong_channel': {
        const rule = movesFrom(ticket.status).find((m) => m.to === to)!;
        throw new DeskError('conflict', [{ path: 'toStatus', code: rule.via === 'approval' ? 'use_approval' : 'use_collection' }]);
      }
      case 'note_required':
        throw DeskError.field('note', 'required');
      case 'manager_required':
        throw new DeskError('forbidden', [{ path: 'managerApproval', code: 'manager_required' }]);
    }
  }
  // Guard on the status read: a move made meanwhile on another counter wins.
  const moved = await updateTicketStatusIfUnchanged(tx, ticket.id, ticket.status, to, args.at);
  if (!moved) throw new DeskError('conflict', [], 'ticket changed meanwhile');
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'status_changed',
    fromStatus: ticket.status,
    toStatus: to,
    amountMinor: args.amountMinor ?? null,
    note: args.note,
    staffId: args.actor.id,
    approvedBy: check.rule.requiresManager ? args.manager!.id : null,
    at: args.at,
  });
  ticket.status = to;
}

/** workflow.move: a plain move, with what each target status needs first. */
export async function workflowMove(
  tx: WriteTx,
  actor: Actor,
  approver: Actor | null,
  input: ChannelParsedInput<'workflow.move'>,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  const manager = await approvingManager(tx, actor, approver);
  // Technicians move the repair along, clerks the counter's part (shared/roles.ts); a manager's PIN covers either.
  if (!roleMayMove(input.toStatus, actor.role) && manager === null) {
    throw new DeskError('forbidden', [{ path: 'toStatus', code: 'move_not_for_role' }], `${actor.role} -> ${input.toStatus}`);
  }
  let quoteToSend: number | null = null;
  if (input.toStatus === 'awaiting_approval' && (ticket.status === 'diagnosing' || ticket.status === 'declined')) {
    if ((await loadDiagnosisFacts(tx, ticket.id)) === null) throw new DeskError('conflict', [{ path: 'toStatus', code: 'diagnosis_required' }]);
    const quote = await latestQuote(tx, ticket.id);
    if (quote === null || (quote.status !== 'draft' && quote.status !== 'sent')) {
      throw new DeskError('conflict', [{ path: 'toStatus', code: 'quote_required' }]);
    }
    if (quote.status === 'draft') quoteToSend = quote.id;
  }
  await moveTicket(tx, { ticket, to: input.toStatus, via: 'move', note: input.note, actor, manager, at: nowIso });
  if (input.toStatus === 'diagnosing') await claimTicket(tx, ticket.id, actor, nowIso);
  if (input.toStatus === 'cancelled') await restockFittedParts(tx, actor, ticket.id, language, nowIso);
  if (quoteToSend !== null) await markQuoteSent(tx, quoteToSend);
}

/**
 * The hand-back at collection, for the collection use case (which adds the
 * payment): moves to collected and, when the device was repaired, starts the
 * repair warranty — or keeps the inherited one for a rework.
 */
export async function collectTicket(tx: WriteTx, actor: Actor, ticketId: number, note: string | WrittenNote, settings: Settings, now: Date): Promise<void> {
  const ticket = await loadTicket(tx, ticketId);
  const repaired = ticket.status === 'ready';
  await moveTicket(tx, { ticket, to: 'collected', via: 'collection', note, actor, manager: null, at: now.toISOString() });
  const warrantyUntil = !repaired
    ? null
    : ticket.reworkOfTicketId !== null
      ? ticket.repairWarrantyUntil
      : addDays(localIsoDate(now), settings.repairWarrantyDays);
  await markTicketCollected(tx, ticket.id, now.toISOString(), warrantyUntil);
}

export function withinRepairWarranty(ticket: Pick<TicketCore, 'status' | 'repairWarrantyUntil'>, today: string): boolean {
  return ticket.status === 'collected' && ticket.repairWarrantyUntil !== null && today <= ticket.repairWarrantyUntil;
}

/** 返修: opens a linked rework ticket for a collected repair that came back within its repair warranty. */
export async function reopenAsRework(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'workflow.reopen'>,
  settings: Settings,
  now: Date,
): Promise<ReopenResult> {
  const nowIso = now.toISOString();
  const today = localIsoDate(now);
  const original = await loadTicket(tx, input.ticketId);
  requireStatus(original, ['collected']);
  if (!withinRepairWarranty(original, today)) throw new DeskError('conflict', [{ path: 'ticketId', code: 'outside_repair_warranty' }]);
  // One open rework at a time (a second click, or the other counter PC, must not open another).
  if ((await countOpenReworks(tx, original.id)) > 0) throw new DeskError('conflict', [{ path: 'ticketId', code: 'duplicate' }]);
  const warranty = assessWarranty({
    purchaseDate: original.purchaseDate,
    proofOfPurchase: original.proofOfPurchase,
    today,
    warrantyMonths: settings.warrantyMonths,
  });
  const number = await allocateTicketNumber(tx, now);
  const reworkId = await insertReworkTicket(tx, {
    number,
    intakeBatch: randomUUID(),
    fault: input.fault,
    warranty,
    clerkId: actor.id,
    at: nowIso,
    originalTicketId: original.id,
  });
  const displayNumber = displayTicketNumber(number, settings.ticketPrefix);
  const originalNumber = displayTicketNumber(original.number, settings.ticketPrefix);
  const suffix = input.note ? `: ${input.note}` : '';
  await recordEvent(tx, { ticketId: reworkId, kind: 'checked_in', toStatus: 'received', staffId: actor.id, at: nowIso });
  await recordEvent(tx, { ticketId: reworkId, kind: 'rework_opened', note: `${originalNumber}${suffix}`, staffId: actor.id, at: nowIso });
  await recordEvent(tx, { ticketId: original.id, kind: 'reopened_as_rework', note: `${displayNumber}${suffix}`, staffId: actor.id, at: nowIso });
  return { ticketId: reworkId, number, displayNumber, barcode: barcodeText(number), reworkOfTicketId: original.id };
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function isPngDataUrl(value: string): boolean {
  const match = PNG_DATA_URL.exec(value);
  const base64 = match?.[1];
  if (!base64) return false;
  const bytes = Buffer.from(base64, 'base64');
  // A blank canvas is a few hundred bytes; a real signature is more.
  return bytes.length > 100 && bytes.subarray(0, 8).equals(PNG_MAGIC);
}

/** 方案确认: records the customer's decision on the quote in front of them, and moves the ticket. */
export async function recordApproval(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'approvals.record'>, language: Language, now: Date): Promise<void> {
  const nowIso = now.toISOString();
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, ['awaiting_approval']);
  const quote = await latestQuote(tx, ticket.id);
  if (quote === null || quote.id !== input.quoteId || quote.status !== 'sent') {
    throw new DeskError('conflict', [{ path: 'quoteId', code: 'quote_not_current' }]);
  }
  if (input.method === 'in_person') {
    if (input.signaturePng === null || !isPngDataUrl(input.signaturePng)) throw DeskError.field('signaturePng', 'signature_invalid');
  } else {
    if (input.contactName === '') throw DeskError.field('contactName', 'required');
    if (input.contactedAt === null) throw DeskError.field('contactedAt', 'required');
    if (Date.parse(input.contactedAt) > now.getTime() + 60_000) throw DeskError.field('contactedAt', 'date_in_future');
  }
  await insertApproval(tx, {
    ticketId: ticket.id,
    quoteId: quote.id,
    decision: input.decision,
    method: input.method,
    signaturePng: input.method === 'in_person' ? input.signaturePng : null,
    contactName: input.method === 'phone' ? input.contactName : '',
    contactedAt: input.method === 'phone' ? new Date(input.contactedAt!).toISOString() : null,
    note: input.note,
    staffId: actor.id,
    at: nowIso,
  });
  await markQuoteDecided(tx, quote.id, input.decision, nowIso);
  await moveTicket(tx, {
    ticket,
    to: input.decision === 'accepted' ? 'approved' : 'declined',
    via: 'approval',
    note: approvalNote(language, { version: quote.version, decision: input.decision, method: input.method, contactName: input.contactName, note: input.note }),
    actor,
    manager: null,
    amountMinor: quote.total_minor,
    at: nowIso,
  });
}

/** One owner per customer: a hand-over names the next technician and says where the work stands. */
export async function handOver(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'tickets.handOver'>, language: Language, nowIso: string): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  if (isTerminal(ticket.status)) throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const rows = await selectHandOverStaff(tx, input.toTechnicianId, ticket.technicianId ?? 0);
  const next = rows.find((r) => r.id === input.toTechnicianId);
  if (!next || !next.active) throw DeskError.field('toTechnicianId', 'not_found');
  if (next.role === 'clerk') throw DeskError.field('toTechnicianId', 'not_technician');
  if (next.id === ticket.technicianId) throw DeskError.field('toTechnicianId', 'invalid');
  const previous = rows.find((r) => r.id === ticket.technicianId);
  await setTicketTechnician(tx, ticket.id, next.id, nowIso);
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'handed_over',
    note: typedNote(language, `${previous?.name ?? '—'} → ${next.name}`, input.note),
    staffId: actor.id,
    at: nowIso,
  });
}

export async function changePromisedDate(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'tickets.changePromisedDate'>,
  language: Language,
  now: Date,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  if (isTerminal(ticket.status)) throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  if (input.promisedDate !== null && input.promisedDate < localIsoDate(now)) throw DeskError.field('promisedDate', 'date_in_past');
  if (input.promisedDate === ticket.promisedDate) throw DeskError.field('promisedDate', 'invalid');
  const nowIso = now.toISOString();
  await setTicketPromisedDate(tx, ticket.id, input.promisedDate, nowIso);
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'promised_date_changed',
    note: promisedDateNote(language, { from: ticket.promisedDate, to: input.promisedDate, reason: input.reason }),
    staffId: actor.id,
    at: nowIso,
  });
}

/** The shop is offline: who called the customer, when, and what came of it. */
export async function logNotification(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'notifications.log'>,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  if (ticket.status === 'cancelled') throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  await insertNotification(tx, ticket.id, actor.id, input.method, input.outcome, input.note, nowIso);
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'customer_notified',
    note: notificationNote(language, { method: input.method, outcome: input.outcome, note: input.note }),
    staffId: actor.id,
    at: nowIso,
  });
}

// ---- the ticket page's workflow view ------------------------------------------

async function listApprovals(tx: ReadTx, ticketId: number): Promise<ApprovalView[]> {
  const rows = await selectTicketApprovals(tx, ticketId);
  return rows.map((r) => ({
    id: r.id,
    quoteId: r.quote_id,
    quoteVersion: r.version,
    decision: r.decision,
    method: r.method,
    signaturePng: r.signature_png,
    contactName: r.contact_name,
    contactedAt: r.contacted_at,
    note: r.note,
    staffName: r.staff_name,
    at: r.at,
  }));
}

async function listNotifications(tx: ReadTx, ticketId: number): Promise<NotificationView[]> {
  const rows = await selectTicketNotifications(tx, ticketId);
  return rows.map((r) => ({ id: r.id, method: r.method, outcome: r.outcome, note: r.note, staffName: r.staff_name, at: r.at }));
}

async function listTimeline(tx: ReadTx, ticketId: number, language: Language): Promise<TimelineEvent[]> {
  const rows = await selectTicketEvents(tx, ticketId);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    amountMinor: r.amount_minor,
    note: noteText(language, r.note, r.note_data),
    staffName: r.staff_name,
    approvedByName: r.approved_by_name,
    at: r.at,
  }));
}

/** The tickets whose `column` is `value` (the ticket itself by id, or the reworks of one), as links. */
async function ticketRefs(tx: ReadTx, by: TicketRefsBy, value: number, prefix: string): Promise<TicketRef[]> {
  const rows = await selectTicketRefs(tx, by, value);
  return rows.map((r) => ({ ticketId: r.id, number: r.number, displayNumber: displayTicketNumber(r.number, prefix) }));
}

/** What the ticket page may offer now, besides the status moves. */
export function availableActions(
  status: TicketStatus,
  facts: { hasSentQuote: boolean; hasOpenLoan: boolean; withinRepairWarranty: boolean },
): WorkflowAction[] {
  const actions: WorkflowAction[] = [];
  if (DIAGNOSIS_STATUSES.includes(status)) actions.push('diagnosis.save');
  if (QUOTE_STATUSES_EDITABLE.includes(status)) actions.push('quotes.save');
  if (status === 'awaiting_approval' && facts.hasSentQuote) actions.push('approvals.record');
  if (PART_USE_STATUSES.includes(status)) actions.push('parts.use', 'parts.returnToStores');
  if (HAND_BACK_STATUSES.includes(status)) actions.push('parts.returnToCustomer');
  if (OPEN_STATUSES.includes(status)) actions.push('tickets.handOver', 'tickets.changePromisedDate', 'notifications.log', 'loans.lend');
  else if (status === 'collected') actions.push('notifications.log');
  if (facts.hasOpenLoan) actions.push('loans.return');
  if (facts.withinRepairWarranty) actions.push('workflow.reopen');
  return actions;
}

export async function getWorkflow(tx: ReadTx, ticketId: number, settings: Settings, now: Date): Promise<TicketWorkflow> {
  const ticket = await loadTicket(tx, ticketId);
  const today = localIsoDate(now);
  const prefix = settings.ticketPrefix;
  const facts = pricingFactsOf(ticket, await loadDiagnosisFacts(tx, ticket.id));
  const tech = ticket.technicianId === null ? undefined : await selectStaffName(tx, ticket.technicianId);
  const quotes = await listQuotes(tx, ticket.id, settings.language);
  const loans = await listTicketLoans(tx, ticket.id);
  const inRepairWarranty = withinRepairWarranty(ticket, today);
  const reworkOf = ticket.reworkOfTicketId === null ? [] : await ticketRefs(tx, 'id', ticket.reworkOfTicketId, prefix);
  const nextMoves: NextMove[] = movesFrom(ticket.status).map((m) => ({
    to: m.to,
    via: m.via,
    requiresNote: m.requiresNote,
    requiresManager: m.requiresManager,
  }));
  return {
    ticketId: ticket.id,
    number: ticket.number,
    displayNumber: displayTicketNumber(ticket.number, prefix),
    status: ticket.status,
    technicianId: ticket.technicianId,
    technicianName: tech?.name ?? null,
    promisedDate: ticket.promisedDate,
    overdue: isOverdue(ticket.status, ticket.promisedDate, today),
    severity: ticket.severity,
    warrantyStatus: ticket.warrantyStatus,
    currency: ticket.currency,
    depositMinor: ticket.depositMinor,
    repairWarrantyUntil: ticket.repairWarrantyUntil,
    withinRepairWarranty: inRepairWarranty,
    reworkOf: reworkOf[0] ?? null,
    reworks: await ticketRefs(tx, 'reworkOf', ticket.id, prefix),
    pricingBasis: facts === null ? null : coverageOf(facts).reason,
    diagnosis: await getDiagnosis(tx, ticket.id),
    quotes,
    approvals: await listApprovals(tx, ticket.id),
    partsUsed: await listTicketParts(tx, ticket.id, prefix, settings.language),
    oldPartsHandedBack: await listOldPartsHandedBack(tx, ticket.id),
    loans,
    notifications: await listNotifications(tx, ticket.id),
    nextMoves,
    actions: availableActions(ticket.status, {
      hasSentQuote: quotes[0]?.status === 'sent',
      hasOpenLoan: loans.some((l) => l.returnedAt === null),
      withinRepairWarranty: inRepairWarranty && (await countOpenReworks(tx, ticket.id)) === 0,
    }),
    timeline: await listTimeline(tx, ticket.id, settings.language),
  };
}

/** Promised for a day that has passed, and not ready yet. */
export function isOverdue(status: TicketStatus, promisedDate: string | null, today: string): boolean {
  if (promisedDate === null || promisedDate >= today) return false;
  return OPEN_STATUSES.includes(status) && status !== 'ready' && status !== 'declined' && status !== 'unrepairable';
}
