// The one reading of a refused or failed call, in the interface language:
// errors of fields the form shows go under those fields; everything else
// (another field's reason, a refused move, stock that is short) becomes one
// sentence; with no field named, the error's own message or its code's text.
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, FieldErrorCode } from '../../../shared/errors';
import { serverFieldErrors, type FieldErrors } from '../forms/field-errors';

export interface Failure {
  /** One sentence for what no shown field says; null when the field messages say it all. */
  message: string | null;
  /** Codes of the fields the form shows, by contract path. */
  fields: FieldErrors;
}

export function describeFailure(
  error: ContractError,
  shownFields: readonly string[],
  fieldText: (code: FieldErrorCode) => string,
  codeText: (code: ContractError['code']) => string | null = () => null,
): Failure {
  const fields: FieldErrors = {};
  const elsewhere: string[] = [];
  for (const [path, code] of Object.entries(serverFieldErrors(error.fields))) {
    if (shownFields.includes(path)) fields[path] = code;
    else {
      const text = fieldText(code);
      if (!elsewhere.includes(text)) elsewhere.push(text);
    }
  }
  if (elsewhere.length > 0) return { message: elsewhere.join(' · '), fields };
  if (Object.keys(fields).length > 0) return { message: null, fields };
  return { message: error.message || codeText(error.code), fields };
}

/** describeFailure in the interface language. */
export function readFailure(t: TFunction, error: ContractError, shownFields: readonly string[] = []): Failure {
  return describeFailure(
    error,
    shownFields,
    (code) => t(`errors.field.${code}` as 'errors.field.invalid'),
    (code) => t(`errors.${code}` as 'errors.internal'),
  );
}

/** The whole failure as one sentence (for a screen with no fields of its own). */
export function useErrorText(): (error: ContractError) => string {
  const { t } = useTranslation();
  return useCallback((error: ContractError) => readFailure(t, error).message ?? t('errors.validation'), [t]);
}

/** The code main gave one input field, if any (to show it under that field). */
export function fieldCode(error: ContractError, path: string): string | null {
  return error.fields?.find((field) => field.path === path)?.code ?? null;
}
