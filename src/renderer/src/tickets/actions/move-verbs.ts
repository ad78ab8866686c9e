// Which verb names a status move on the ticket page. The verb depends on where
// the ticket is going and, for a few targets, where it comes from ("Start
// repair" after approval, "Resume repair" once the parts or the manufacturer
// are back). Pure, so it is unit-tested.
import type { TicketStatus } from '../../../../shared/domain';
import type { NextMove } from '../../../../shared/repair-contract';

export const MOVE_VERBS = [
  'startDiagnosis',
  'sendQuote',
  'diagnoseAgain',
  'startRepair',
  'resumeRepair',
  'waitForParts',
  'sendToManufacturer',
  'sendBackToManufacturer',
  'backFromManufacturer',
  'startTesting',
  'testFailed',
  'markReady',
  'reopenTesting',
  'customerReconsidered',
  'markUnrepairable',
  'cancelRepair',
  'moveTo',
] as const;
export type MoveVerb = (typeof MOVE_VERBS)[number];

/** The verb of a move; 'moveTo' ("Move to …") for a move no verb was chosen for. */
export function moveVerb(from: TicketStatus, to: TicketStatus): MoveVerb {
  switch (to) {
    case 'diagnosing':
      return from === 'received' ? 'startDiagnosis' : 'diagnoseAgain';
    case 'awaiting_approval':
      return from === 'declined' ? 'customerReconsidered' : 'sendQuote';
    case 'in_repair':
      if (from === 'approved') return 'startRepair';
      if (from === 'testing') return 'testFailed';
      return 'resumeRepair';
    case 'awaiting_parts':
      return 'waitForParts';
    case 'at_manufacturer':
      return from === 'back_from_manufacturer' ? 'sendBackToManufacturer' : 'sendToManufacturer';
    case 'back_from_manufacturer':
      return 'backFromManufacturer';
    case 'testing':
      return from === 'ready' ? 'reopenTesting' : 'startTesting';
    case 'ready':
      return 'markReady';
    case 'unrepairable':
      return 'markUnrepairable';
    case 'cancelled':
      return 'cancelRepair';
    default:
      return 'moveTo';
  }
}

/** The moves that take the repair forward: shown first, as the main button. */
const FORWARD: readonly MoveVerb[] = ['startDiagnosis', 'sendQuote', 'startRepair', 'resumeRepair', 'backFromManufacturer', 'startTesting', 'markReady'];
/** Moves that end or undo work: shown last, in red. */
const DANGER: readonly MoveVerb[] = ['testFailed', 'markUnrepairable', 'cancelRepair'];

export type MoveTone = 'forward' | 'other' | 'danger';

export function moveTone(verb: MoveVerb): MoveTone {
  if (FORWARD.includes(verb)) return 'forward';
  return DANGER.includes(verb) ? 'danger' : 'other';
}

export interface MoveButton extends NextMove {
  verb: MoveVerb;
  tone: MoveTone;
}

const TONE_ORDER: Record<MoveTone, number> = { forward: 0, other: 1, danger: 2 };

/**
 * The plain status moves as buttons, forward first and the ones that end the
 * repair last. Moves made by recording the customer's decision or at
 * collection are not buttons: their own forms make them.
 */
export function moveButtons(from: TicketStatus, moves: readonly NextMove[]): MoveButton[] {
  return moves
    .filter((move) => move.via === 'move')
    .map((move) => {
      const verb = moveVerb(from, move.to);
      return { ...move, verb, tone: moveTone(verb) };
    })
    .sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone]);
}
