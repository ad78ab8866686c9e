// One date format per language, the same on screens, paper and labels:
//   en     2 Dec 2026      2 Dec 2026 14:05
//   zh-CN  2026-12-02      2026-12-02 14:05
// A calendar day (YYYY-MM-DD) has no time zone; a moment (ISO instant) is shown
// in the shop's local time. DATE_INPUT_FORMAT is the same format for the date
// inputs (dayjs tokens), so what the clerk types looks like what is printed.
import type { Language } from './domain';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The dayjs format of a date in each language (Mantine date inputs). */
export const DATE_INPUT_FORMAT: Record<Language, string> = { en: 'D MMM YYYY', 'zh-CN': 'YYYY-MM-DD' };

/** The dayjs locale of each language. */
export const DAYJS_LOCALE: Record<Language, string> = { en: 'en', 'zh-CN': 'zh-cn' };

/** The language of an i18next language code (anything not Chinese is English). */
export function asLanguage(code: string): Language {
  return code === 'zh-CN' ? 'zh-CN' : 'en';
}

const two = (n: number) => String(n).padStart(2, '0');

function dayText(year: number, month: number, day: number, language: Language): string {
  return language === 'zh-CN' ? `${year}-${two(month)}-${two(day)}` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** A calendar day (YYYY-MM-DD) in the language. */
export function formatDate(isoDay: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new Error(`not a calendar date: ${isoDay}`);
  return dayText(Number(match[1]), Number(match[2]), Number(match[3]), language);
}

function asDate(at: string | Date): Date {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(at)}`);
  return date;
}

/** The local calendar day of a moment, in the language. */
export function formatDay(at: string | Date, language: Language): string {
  const date = asDate(at);
  return dayText(date.getFullYear(), date.getMonth() + 1, date.getDate(), language);
}

/** A moment as the local date and time (24-hour clock) in the language. */
export function formatDateTime(at: string | Date, language: Language): string {
  const date = asDate(at);
  return `${formatDay(date, language)} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
