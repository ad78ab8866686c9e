import { describe, expect, it } from 'vitest';
import { followUpState, FOLLOW_UP_LAPSE_DAYS, type FollowUpFacts } from '../../src/main/core/rules/follow-up';
import { addDays } from '../../src/shared/calendar';

const policy = { fromDay: 3, toDay: 7, maxAttempts: 3 };
const COLLECTED = '2026-11-10';
const plain: FollowUpFacts = { collectedOn: COLLECTED, sameDay: false, failedAttempts: 0, lastAttemptOn: null, reached: false };

describe('which collected repairs are due for a follow-up call on which day', () => {
  const cases: { name: string; facts: Partial<FollowUpFacts>; day: number; expected: string }[] = [
    { name: 'collection day, ordinary repair', facts: {}, day: 0, expected: 'not_yet' },
    { name: 'day 2: one day before the window', facts: {}, day: 2, expected: 'not_yet' },
    { name: 'day 3: first day of the window', facts: {}, day: 3, expected: 'due window' },
    { name: 'day 7: last day of the window', facts: {}, day: 7, expected: 'due window' },
    { name: 'day 8: overdue', facts: {}, day: 8, expected: 'due window overdue' },
    { name: 'last day before it lapses', facts: {}, day: FOLLOW_UP_LAPSE_DAYS, expected: 'due window overdue' },
    { name: 'lapsed after the lapse days', facts: {}, day: FOLLOW_UP_LAPSE_DAYS + 1, expected: 'lapsed' },
    { name: 'rework or not fully fixed: due the same day', facts: { sameDay: true }, day: 0, expected: 'due same_day' },
    { name: 'same-day call not made: overdue next day', facts: { sameDay: true }, day: 1, expected: 'due same_day overdue' },
    { name: 'not reached on day 3: not again the same day', facts: { failedAttempts: 1, lastAttemptOn: addDays(COLLECTED, 3) }, day: 3, expected: 'not_yet' },
    { name: 'not reached on day 3: retried on day 4', facts: { failedAttempts: 1, lastAttemptOn: addDays(COLLECTED, 3) }, day: 4, expected: 'due retry' },
    { name: 'not reached twice: still due', facts: { failedAttempts: 2, lastAttemptOn: addDays(COLLECTED, 4) }, day: 5, expected: 'due retry' },
    {
      name: 'reached after two failed tries: closed',
      facts: { failedAttempts: 2, lastAttemptOn: addDays(COLLECTED, 4), reached: true },
      day: 5,
      expected: 'closed',
    },
    { name: 'third failed try: unreachable', facts: { failedAttempts: 3, lastAttemptOn: addDays(COLLECTED, 5) }, day: 6, expected: 'unreachable' },
    { name: 'reached: closed at once', facts: { reached: true }, day: 3, expected: 'closed' },
  ];

  it.each(cases)('$name', ({ facts, day, expected }) => {
    const state = followUpState({ ...plain, ...facts }, policy, addDays(COLLECTED, day));
    const described = state.kind === 'due' ? ['due', state.reason, state.overdue ? 'overdue' : ''].filter(Boolean).join(' ') : state.kind;
    expect(described).toBe(expected);
  });

  it('reports the window of an ordinary repair and the single day of a same-day call', () => {
    expect(followUpState(plain, policy, addDays(COLLECTED, 5))).toEqual({
      kind: 'due',
      dueFrom: '2026-11-13',
      dueTo: '2026-11-17',
      overdue: false,
      reason: 'window',
    });
    expect(followUpState({ ...plain, sameDay: true }, policy, COLLECTED)).toEqual({
      kind: 'due',
      dueFrom: COLLECTED,
      dueTo: COLLECTED,
      overdue: false,
      reason: 'same_day',
    });
  });

  it('follows the window set in the settings', () => {
    const narrow = { fromDay: 1, toDay: 2, maxAttempts: 1 };
    expect(followUpState(plain, narrow, addDays(COLLECTED, 1)).kind).toBe('due');
    expect(followUpState(plain, narrow, addDays(COLLECTED, 3))).toMatchObject({ kind: 'due', overdue: true });
    expect(followUpState({ ...plain, failedAttempts: 1, lastAttemptOn: addDays(COLLECTED, 1) }, narrow, addDays(COLLECTED, 2)).kind).toBe('unreachable');
  });
});
