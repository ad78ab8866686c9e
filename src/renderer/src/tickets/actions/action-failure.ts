// What to show when a workflow action fails: errors of fields the form shows
// go next to them; everything else (a missing quote, a refused move, stock
// that is short) becomes one message above the button, already translated.
import type { ContractError, FieldErrorCode } from '../../../../shared/errors';
import { serverFieldErrors, type FieldErrors } from '../../forms/field-errors';

export interface Failure {
  /** Shown above the form's button; null when the field messages say it all. */
  message: string | null;
  /** Errors of the fields the form shows, by contract path. */
  fields: FieldErrors;
}

export function describeFailure(error: ContractError, shownFields: readonly string[], fieldText: (code: FieldErrorCode) => string): Failure {
  const all = serverFieldErrors(error.fields);
  const fields: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const [path, code] of Object.entries(all)) {
    if (shownFields.includes(path)) fields[path] = code;
    else {
      const text = fieldText(code);
      if (!elsewhere.includes(text)) elsewhere.push(text);
    }
  }
  const message = elsewhere.length > 0 ? elsewhere.join(' ') : Object.keys(fields).length > 0 ? null : error.message || null;
  return { message, fields };
}

/** The call was refused only because a manager has to approve it. */
export function needsManagerApproval(error: ContractError): boolean {
  return (error.fields ?? []).some((field) => field.path === 'managerApproval' && field.code === 'manager_required');
}
