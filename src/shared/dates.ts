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

const MONTH_NAMES_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month (1-12) of an English month name, whole or cut to three letters ("Dec", "December"). */
function monthOfName(name: string): number | null {
  const index = MONTH_NAMES_EN.findIndex((full) => full === name || full.slice(0, 3) === name);
  return index === -1 ? null : index + 1;
}

function isoDayOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

/**
 * A calendar day typed into a date input, as YYYY-MM-DD, or null while it is not
 * one yet. Either language's format is read in either language ("2 Dec 2026",
 * "2026-12-02"), and year-first numbers with any separator ("2026/12/2",
 * "2026年12月2日"). Day and month alone with slashes are refused: nobody can
 * tell 02/12 from 12/02.
 */
export function parseDateInput(text: string): string | null {
  const typed = text.trim().toLowerCase();
  const yearFirst = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(typed);
  if (yearFirst) return isoDayOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const dayFirst = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(typed);
  const month = dayFirst ? monthOfName(dayFirst[2] ?? '') : null;
  return dayFirst && month ? isoDayOf(Number(dayFirst[3]), month, Number(dayFirst[1])) : null;
}
