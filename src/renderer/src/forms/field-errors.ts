// One error code per field, keyed by the contract's dotted path
// ("customer.phone", "devices.0.purchaseDate"), whether the form's own check
// or main found it.
import type { z } from 'zod';
import { FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from '../../../shared/errors';

export type FieldErrors = Record<string, FieldErrorCode>;

function asCode(message: string): FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(message) ? (message as FieldErrorCode) : 'invalid';
}

/** The contract's schemas use field error codes as issue messages. */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= asCode(issue.message);
  }
  return errors;
}

export function serverFieldErrors(fields: readonly FieldError[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of fields ?? []) errors[field.path] ??= field.code;
  return errors;
}

/** Earlier sources win: a field shows the first rule it broke. */
export function mergeFieldErrors(...sources: FieldErrors[]): FieldErrors {
  const merged: FieldErrors = {};
  for (const source of sources) for (const [path, code] of Object.entries(source)) merged[path] ??= code;
  return merged;
}

export function withoutField(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _removed, ...rest } = errors;
  return rest;
}

/** DOM id of the control for a path, so an error can move focus to it. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}
