// Calendar dates (YYYY-MM-DD) in the shop's local time zone.

export function localIsoDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function toUtcDay(date: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const start = toUtcDay(date);
  const targetMonth = start.getUTCMonth() + months;
  const lastDayOfTarget = new Date(Date.UTC(start.getUTCFullYear(), targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDayOfTarget);
  return fromUtcDay(new Date(Date.UTC(start.getUTCFullYear(), targetMonth, day)));
}

export function addDays(date: string, days: number): string {
  const start = toUtcDay(date);
  start.setUTCDate(start.getUTCDate() + days);
  return fromUtcDay(start);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcDay(b).getTime() - toUtcDay(a).getTime()) / 86_400_000);
}
