// Day arithmetic by integer day numbers must agree with the calendar as Date
// counts it: every day of two centuries, across month ends and leap days.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/shared/calendar';

function byDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`not a YYYY-MM-DD day: ${date}`);
  const at = new Date(Date.UTC(y, m - 1, d));
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

describe('calendar days', () => {
  it('adds and counts days as the Gregorian calendar does, 1950 to 2150', () => {
    const wrong: string[] = [];
    for (let day = '1950-01-01'; day < '2150-01-01'; day = byDate(day, 1)) {
      for (const offset of [-400, -31, -1, 0, 1, 28, 366]) {
        if (addDays(day, offset) !== byDate(day, offset)) wrong.push(`${day} ${offset}: ${addDays(day, offset)}`);
        if (daysBetween(day, byDate(day, offset)) !== offset) wrong.push(`${day} to ${offset} days on: ${daysBetween(day, byDate(day, offset))}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('knows leap days and century years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});
