// Schema pieces shared by the contract (contract.ts) and the repair-workflow
// channels (workflow-contract.ts). Issue messages are field error codes, so
// main and the form translate them alike.
import { z } from 'zod';
import { LIMITS } from './domain';
import type { FieldErrorCode } from './errors';

export const code = (c: FieldErrorCode) => ({ error: c });

export const requiredText = (max: number) => z.string(code('required')).trim().min(1, code('required')).max(max, code('too_long'));
export const plainText = (max: number) => z.string(code('invalid')).trim().max(max, code('too_long'));
export const optionalText = (max: number) => plainText(max).default('');

/** A day in the calendar, YYYY-MM-DD, that exists and is not before 1990. */
export const calendarDate = z
  .string(code('date_invalid'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, code('date_invalid'))
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1990;
  }, code('date_invalid'));

/** An amount in minor units (fen): whole, not negative, not absurdly large. */
export const money = z
  .number(code('money_invalid'))
  .int(code('money_too_precise'))
  .min(0, code('money_negative'))
  .max(LIMITS.moneyMaxMinor, code('money_too_large'));
