// Working days of the shop: the weekdays it is open, less its holidays. Pure
// functions of calendar dates (YYYY-MM-DD); no clock, no storage.
import { addDays, daysBetween } from './calendar';

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
