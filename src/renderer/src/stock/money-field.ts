// Money typed into a form ("120", "120.50") as minor units, or the field's error code.
import type { FieldErrorCode } from '../../../shared/errors';
import { parseMoney } from '../../../shared/money';
import type { FieldErrors } from '../forms/field-errors';

export function readMoney(text: string, path: string, errors: FieldErrors, required = true): number | null {
  if (text.trim() === '') {
    if (required) errors[path] = 'required';
    return null;
  }
  const parsed = parseMoney(text);
  if (parsed.ok) return parsed.minor;
  errors[path] = `money_${parsed.reason}` as FieldErrorCode;
  return null;
}
