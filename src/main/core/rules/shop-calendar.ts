// Working days of the shop: the weekdays it is open, less its holidays. Pure
// functions of calendar dates (YYYY-MM-DD); no clock, no storage.
import { addDays, daysBetween } from '../../../shared/calendar';

export interface ShopCalendar {
  /** Weekdays the shop is closed: 0 Sunday ... 6 Saturday. */
  closedWeekdays: readonly number[];
  /** Extra days the shop is closed (public holidays, 春节), YYYY-MM-DD. */
  holidays: readonly string[];
}

function weekday(date: string): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWorkingDay(date: string, calendar: ShopCalendar): boolean {
  return !calendar.closedWeekdays.includes(weekday(date)) && !calendar.holidays.includes(date);
}

/**
 * Working days a repair took: the open days after the day it came in, up to
 * and including the day it was finished. In and out the same day is 0; in on
 * Friday, out on Monday with the weekend closed is 1.
 */
export function workingDaysBetween(from: string, to: string, calendar: ShopCalendar): number {
  const span = daysBetween(from, to);
  if (span < 0) throw new RangeError(`${to} is before ${from}`);
  let count = 0;
  for (let i = 1; i <= span; i += 1) if (isWorkingDay(addDays(from, i), calendar)) count += 1;
  return count;
}

/**
 * workingDaysBetween for many spans at once: the open days are counted once
 * over the whole range the spans cover (a running total per day), so each
 * span is one subtraction instead of a walk over its days.
 */
export function workingDayCounter(days: Iterable<string>, calendar: ShopCalendar): (from: string, to: string) => number {
  const sorted = [...new Set(days)].sort();
  const running = new Map<string, number>();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first !== undefined && last !== undefined) {
    // One Date stepped a day at a time (no parsing per day): the range may span years.
    const [y = 1970, m = 1, d = 1] = first.split('-').map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    const closed = new Set(calendar.closedWeekdays);
    const holidays = new Set(calendar.holidays);
    let total = 0;
    for (let iso = first; iso <= last;) {
      running.set(iso, total);
      day.setUTCDate(day.getUTCDate() + 1);
      iso = day.toISOString().slice(0, 10);
      if (!closed.has(day.getUTCDay()) && !holidays.has(iso)) total += 1;
    }
  }
  return (from, to) => {
    const a = running.get(from);
    const b = running.get(to);
    if (a === undefined || b === undefined) throw new RangeError(`${from} or ${to} was not among the counter's days`);
    if (b < a || to < from) throw new RangeError(`${to} is before ${from}`);
    return b - a;
  };
}
