// How the stock and fee screens read a failed call: the manager checks main
// makes, and one sentence for the clerk.
import type { TFunction } from 'i18next';
import type { ContractError } from '../../../shared/errors';
import { serverFieldErrors, type FieldErrors } from '../forms/field-errors';

/** Only a manager's own session may do this (parts.save, feeStandard.save). */
export function needsManagerSession(error: ContractError): boolean {
  return (error.fields ?? []).some((field) => field.path === 'session' && field.code === 'manager_required');
}

/** A manager's PIN typed at the counter would let it through (parts.adjust). */
export function needsManagerApproval(error: ContractError): boolean {
  return (error.fields ?? []).some((field) => field.path === 'managerApproval' && field.code === 'manager_required');
}

/** Errors on the form's own fields, shown under each field. */
export function formFieldErrors(error: ContractError, fields: readonly string[]): FieldErrors {
  const all = serverFieldErrors(error.fields);
  return Object.fromEntries(Object.entries(all).filter(([path]) => fields.includes(path)));
}

/** A failure not tied to one of the form's fields, as one sentence. */
export function errorSentence(t: TFunction, error: ContractError, fields: readonly string[] = []): string {
  const other = (error.fields ?? []).find((field) => !fields.includes(field.path));
  if (other) return t(`errors.field.${other.code}`);
  if ((error.fields ?? []).length > 0) return t('errors.validation');
  return error.message || t(`errors.${error.code}`);
}
