// The repair status machine: every legal move of a ticket, as one table.
// Pure: no storage, no clock. The workflow use case consults it before it
// changes a ticket and writes the event.
//
// received → diagnosing → awaiting_approval → approved → in_repair ⇄ awaiting_parts
//   in_repair / approved / awaiting_parts → at_manufacturer (返厂) ⇄ back_from_manufacturer
//   in_repair / back_from_manufacturer → testing (试机通检) → ready → collected
// Ends of the repair: declined (the customer said no), unrepairable and
// cancelled. A declined or unrepairable device still has to be handed back,
// so they lead to collected; collected and cancelled are terminal. A repair
// returned under the repair warranty (返修) is not a move of the collected
// ticket: it opens a new ticket linked to it (see features/repair/workflow.ts).
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/domain';
import type { MoveVia } from '../../../shared/workflow';

export type { MoveVia };

export interface MoveRule {
  from: TicketStatus;
  to: TicketStatus;
  via: MoveVia;
  /** A note saying why is required (e.g. why it is unrepairable, which manufacturer). */
  requiresNote: boolean;
  /** Only a manager may make it, or approve it with their PIN (a void). */
  requiresManager: boolean;
}

type RuleOptions = Partial<Pick<MoveRule, 'via' | 'requiresNote' | 'requiresManager'>>;

function rule(from: TicketStatus, to: TicketStatus, options: RuleOptions = {}): MoveRule {
  return { from, to, via: options.via ?? 'move', requiresNote: options.requiresNote ?? false, requiresManager: options.requiresManager ?? false };
}

const CANCEL: RuleOptions = { requiresNote: true, requiresManager: true };
const WITH_NOTE: RuleOptions = { requiresNote: true };

/** Every legal move. Anything not listed is refused. */
export const MOVES: readonly MoveRule[] = [
  rule('received', 'diagnosing'),
  rule('received', 'cancelled', CANCEL),

  rule('diagnosing', 'awaiting_approval'),
  rule('diagnosing', 'unrepairable', WITH_NOTE),
  rule('diagnosing', 'cancelled', CANCEL),

  rule('awaiting_approval', 'approved', { via: 'approval' }),
  rule('awaiting_approval', 'declined', { via: 'approval' }),
  // More diagnosis is needed before the customer can decide.
  rule('awaiting_approval', 'diagnosing', WITH_NOTE),
  rule('awaiting_approval', 'cancelled', CANCEL),

  rule('approved', 'in_repair'),
  rule('approved', 'awaiting_parts'),
  rule('approved', 'at_manufacturer', WITH_NOTE),
  rule('approved', 'cancelled', CANCEL),

  rule('awaiting_parts', 'in_repair'),
  // The part cannot be had: the device goes to the manufacturer instead.
  rule('awaiting_parts', 'at_manufacturer', WITH_NOTE),
  rule('awaiting_parts', 'unrepairable', WITH_NOTE),
  rule('awaiting_parts', 'cancelled', CANCEL),

  rule('in_repair', 'awaiting_parts'),
  rule('in_repair', 'at_manufacturer', WITH_NOTE),
  rule('in_repair', 'testing'),
  rule('in_repair', 'unrepairable', WITH_NOTE),

  rule('at_manufacturer', 'back_from_manufacturer'),

  rule('back_from_manufacturer', 'at_manufacturer', WITH_NOTE),
  rule('back_from_manufacturer', 'in_repair'),
  rule('back_from_manufacturer', 'testing'),
  rule('back_from_manufacturer', 'unrepairable', WITH_NOTE),

  // A failed test sends the device back to the bench, with what failed.
  rule('testing', 'in_repair', WITH_NOTE),
  rule('testing', 'ready'),

  rule('ready', 'collected', { via: 'collection' }),
  // The customer reports something new before collecting it.
  rule('ready', 'testing', WITH_NOTE),

  rule('declined', 'collected', { via: 'collection' }),
  // The customer reconsidered: the quote goes back for a decision.
  rule('declined', 'awaiting_approval', WITH_NOTE),

  rule('unrepairable', 'collected', { via: 'collection' }),
];

/** No move leaves these. */
export const TERMINAL_STATUSES: readonly TicketStatus[] = ['collected', 'cancelled'];

/** The device is still in the shop: shown on the board. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s));

export function isTerminal(status: TicketStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function findMove(from: TicketStatus, to: TicketStatus): MoveRule | null {
  return MOVES.find((m) => m.from === from && m.to === to) ?? null;
}

export function movesFrom(from: TicketStatus): MoveRule[] {
  return MOVES.filter((m) => m.from === from);
}

export type MoveRefusal = 'illegal_move' | 'wrong_channel' | 'note_required' | 'manager_required';

export interface MoveRequest {
  from: TicketStatus;
  to: TicketStatus;
  /** How the caller makes the move. */
  via: MoveVia;
  note: string;
  /** The actor is a manager, or a manager approved with their PIN. */
  managerApproved: boolean;
}

/** Decides a move: the rule that allows it, or why it is refused. */
export function checkMove(request: MoveRequest): { ok: true; rule: MoveRule } | { ok: false; reason: MoveRefusal } {
  const found = findMove(request.from, request.to);
  if (!found) return { ok: false, reason: 'illegal_move' };
  if (found.via !== request.via) return { ok: false, reason: 'wrong_channel' };
  if (found.requiresNote && request.note.trim() === '') return { ok: false, reason: 'note_required' };
  if (found.requiresManager && !request.managerApproved) return { ok: false, reason: 'manager_required' };
  return { ok: true, rule: found };
}
