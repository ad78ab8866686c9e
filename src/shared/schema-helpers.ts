// Schema pieces shared by the contract (contract.ts) and the repair-workflow
// channels (the per-feature *-contract.ts files). Issue messages are field error codes, so
// main and the form translate them alike.
import { z } from 'zod';
import { LIMITS } from './domain';
import type { FieldErrorCode } from './errors';

export const code = (c: FieldErrorCode) => ({ error: c });

// SQLite's text functions stop at a NUL, so a name starting with one would look
// empty to the database's own checks; control characters never belong in text a
// clerk typed (tabs and line breaks do).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const typedText = (missing: 'required' | 'invalid') => z.string(code(missing)).refine((value) => !CONTROL_CHARACTERS.test(value), code('invalid'));

export const requiredText = (max: number) => typedText('required').trim().min(1, code('required')).max(max, code('too_long'));
export const plainText = (max: number) => typedText('invalid').trim().max(max, code('too_long'));
export const optionalText = (max: number) => plainText(max).default('');

/** The last year a date may name: far enough for any promise, near enough that adding a warranty stays a valid date. */
export const LAST_CALENDAR_YEAR = 2199;

/** A day in the calendar, YYYY-MM-DD, that exists and lies between 1990 and LAST_CALENDAR_YEAR. */
export const calendarDate = z
  .string(code('date_invalid'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, code('date_invalid'))
  .refine((value) => {
    // The regex above guarantees three numeric parts.
    const [y = 0, m = 0, d = 0] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1990 && y <= LAST_CALENDAR_YEAR;
  }, code('date_invalid'));

/** An amount in minor units (fen): whole, not negative, not absurdly large. */
export const money = z
  .number(code('money_invalid'))
  .int(code('money_too_precise'))
  .min(0, code('money_negative'))
  .max(LIMITS.moneyMaxMinor, code('money_too_large'));
