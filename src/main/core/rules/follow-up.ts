// When a collected repair is due for its follow-up call (回访), from the facts
// of its collection and the calls made so far. Pure: no storage, no clock.
//
// - A repair is called from day `fromDay` to day `toDay` after the day it was
//   collected; after that it is listed as overdue until LAPSE_DAYS.
// - A repair returned not fully fixed, or a rework, is called the same day.
// - A call that did not reach the customer is tried again the next day; after
//   `maxAttempts` such calls the follow-up closes as unreachable.
// - A call that reached the customer closes it.
import { addDays } from '../../../shared/calendar';

/** After this many days from collection an unmade call leaves the list. */
export const FOLLOW_UP_LAPSE_DAYS = 30;

export interface FollowUpPolicy {
  fromDay: number;
  toDay: number;
  maxAttempts: number;
}

export interface FollowUpFacts {
  /** The local calendar day of the collection. */
  collectedOn: string;
  /** Returned not fully fixed, or a rework. */
  sameDay: boolean;
  /** Calls made that did not reach the customer. */
  failedAttempts: number;
  /** Local day of the last failed call. */
  lastAttemptOn: string | null;
  reached: boolean;
}

export type FollowUpState =
  | { kind: 'closed' }
  | { kind: 'unreachable' }
  | { kind: 'not_yet'; dueFrom: string }
  | { kind: 'lapsed' }
  | { kind: 'due'; dueFrom: string; dueTo: string; overdue: boolean; reason: 'window' | 'same_day' | 'retry' };

export function followUpState(facts: FollowUpFacts, policy: FollowUpPolicy, today: string): FollowUpState {
  if (facts.reached) return { kind: 'closed' };
  if (facts.failedAttempts >= policy.maxAttempts) return { kind: 'unreachable' };
  const windowFrom = facts.sameDay ? facts.collectedOn : addDays(facts.collectedOn, policy.fromDay);
  const dueTo = facts.sameDay ? facts.collectedOn : addDays(facts.collectedOn, policy.toDay);
  const retryFrom = facts.lastAttemptOn === null ? windowFrom : addDays(facts.lastAttemptOn, 1);
  const dueFrom = retryFrom > windowFrom ? retryFrom : windowFrom;
  if (today < dueFrom) return { kind: 'not_yet', dueFrom };
  if (today > addDays(facts.collectedOn, FOLLOW_UP_LAPSE_DAYS)) return { kind: 'lapsed' };
  const reason = facts.failedAttempts > 0 ? 'retry' : facts.sameDay ? 'same_day' : 'window';
  return { kind: 'due', dueFrom, dueTo, overdue: today > dueTo, reason };
}
