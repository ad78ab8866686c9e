// A form's failure state, translated: field messages by path and one message
// for everything else (see describeFailure).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/errors';
import { withoutField, type FieldErrors } from '../forms/field-errors';
import { readFailure, type Failure } from './error-text';

export function useFailure(shownFields: readonly string[]) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<Failure | null>(null);
  const key = shownFields.join('|');

  const fail = useCallback((error: ContractError) => setFailure(readFailure(t, error, key.split('|'))), [key, t]);
  /** Errors found before calling main (the form's own checks), with an optional sentence. */
  const failFields = useCallback((fields: FieldErrors, message: string | null = null) => setFailure({ message, fields }), []);
  const clear = useCallback(() => setFailure(null), []);
  /** The field was edited: its message goes until it is checked again. */
  const edited = useCallback(
    (path: string) => setFailure((current) => (current && path in current.fields ? { ...current, fields: withoutField(current.fields, path) } : current)),
    [],
  );
  /** The translated message of a field, for its `error` prop. */
  const fieldError = (path: string): string | undefined => {
    const code = failure?.fields[path];
    return code ? t(`errors.field.${code}` as 'errors.field.invalid') : undefined;
  };
  return { failure, fail, failFields, clear, edited, fieldError };
}
