// The pure rules behind the figures: working days on the shop's calendar, which
// period money is booked in, and the report's preset ranges.
import { describe, expect, it } from 'vitest';
import { bookPeriod, type MoneyMovement } from '../../src/main/core/rules/money-booking';
import { isWorkingDay, workingDayCounter, workingDaysBetween } from '../../src/main/core/rules/shop-calendar';
import { addDays } from '../../src/shared/calendar';
import { presetRange } from '../../src/renderer/src/figures/report-range';
import { firstItem, itemAt } from '../support/lists';

describe('working days', () => {
  const calendar = { closedWeekdays: [0, 6], holidays: ['2026-10-01', '2026-10-02'] };
  it.each([
    ['2026-09-28', '2026-09-28', 0, 'in and out the same day'],
    ['2026-09-25', '2026-09-28', 1, 'Friday to Monday over a closed weekend'],
    ['2026-09-30', '2026-10-05', 1, 'over two holidays and a weekend'],
    ['2026-09-28', '2026-10-09', 7, 'two weeks less the holidays'],
  ])('%s to %s is %i (%s)', (from, to, days) => {
    expect(workingDaysBetween(from, to, calendar)).toBe(days);
  });
  it('knows a closed weekday and a holiday, and refuses a backwards span', () => {
    expect([isWorkingDay('2026-10-03', calendar), isWorkingDay('2026-10-01', calendar), isWorkingDay('2026-10-05', calendar)]).toEqual([false, false, true]);
    expect(() => workingDaysBetween('2026-10-05', '2026-10-01', calendar)).toThrow(RangeError);
  });
  it('counts many spans at once as one span at a time does, over a year end and a leap day', () => {
    const days = Array.from({ length: 90 }, (_, i) => addDays('2027-12-20', i * 7 - 300));
    const between = workingDayCounter(days, calendar);
    for (const from of days) for (const to of days) if (from <= to) expect(between(from, to), `${from} to ${to}`).toBe(workingDaysBetween(from, to, calendar));
    expect(() => between('2026-10-05', '2026-10-01')).toThrow(RangeError);
    expect(() => between('2020-01-01', itemAt(days, 3))).toThrow(RangeError);
  });
});

describe('booking money in a period', () => {
  const day = { from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' };
  const row = (over: Partial<MoneyMovement>): MoneyMovement => ({
    kind: 'payment',
    method: 'cash',
    amountMinor: 1000,
    at: '2026-11-23T10:00:00.000Z',
    voidedAt: null,
    ...over,
  });
  it.each([
    ['a payment of the day', row({}), 1000, 1, 0],
    ['a refund of the day, counted apart', row({ kind: 'refund' }), -1000, 0, 0],
    ['a payment voided the same day: no trace but the void count', row({ voidedAt: '2026-11-23T11:00:00.000Z' }), 0, 0, 1],
    ['a payment of the day voided the next day: still the day’s', row({ voidedAt: '2026-11-24T09:00:00.000Z' }), 1000, 1, 0],
    ['an earlier payment voided today: booked today', row({ at: '2026-11-20T10:00:00.000Z', voidedAt: '2026-11-23T09:00:00.000Z' }), -1000, 0, 1],
    [
      'an earlier refund voided today: given back today',
      row({ kind: 'refund', at: '2026-11-20T10:00:00.000Z', voidedAt: '2026-11-23T09:00:00.000Z' }),
      1000,
      0,
      1,
    ],
    ['another day altogether', row({ at: '2026-11-22T10:00:00.000Z' }), 0, 0, 0],
  ])('%s', (_what, movement, amount, payments, voids) => {
    const booked = bookPeriod([movement], day);
    expect([booked.totalMinor, firstItem(booked.byMethod).count, booked.voids.count]).toEqual([amount, payments, voids]);
    expect(booked.cash.inMinor - booked.cash.outMinor).toBe(amount);
  });
});

describe('report presets', () => {
  // Wednesday 18 March 2026.
  const today = new Date(2026, 2, 18, 15, 0);
  it.each([
    ['today', '2026-03-18', '2026-03-18'],
    ['week', '2026-03-16', '2026-03-18'],
    ['month', '2026-03-01', '2026-03-18'],
    ['lastMonth', '2026-02-01', '2026-02-28'],
    ['year', '2026-01-01', '2026-03-18'],
  ] as const)('%s runs from %s to %s', (preset, from, to) => {
    expect(presetRange(preset, today)).toEqual({ from, to });
  });
  it('starts the week on Monday even on a Sunday', () => {
    expect(presetRange('week', new Date(2026, 2, 22))).toEqual({ from: '2026-03-16', to: '2026-03-22' });
  });
});
