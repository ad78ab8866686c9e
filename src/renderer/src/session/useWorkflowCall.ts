// One action's call state: busy while it runs, the refusal translated for the
// form (per field, plus a message for the rest, as describeFailure reads it). A cancelled sign-in does nothing.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/errors';
import { readFailure } from '../widgets/error-text';
import { isCancelled, type SignedInResult } from './useSignedInCall';

export interface WorkflowCall {
  busy: boolean;
  /** Translated messages by input field ("note", "toTechnicianId"...). */
  fieldErrors: Record<string, string>;
  /** A refusal that belongs to no field of the form. */
  error: string | null;
  /** Runs the call; the answer when it succeeded, null otherwise. */
  submit<T>(call: () => Promise<SignedInResult<T>>): Promise<T | null>;
  clearField(path: string): void;
}

export function useWorkflowCall(formFields: readonly string[]): WorkflowCall {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const fieldsKey = formFields.join(',');

  const explain = useCallback(
    (refusal: ContractError) => {
      const failure = readFailure(t, refusal, fieldsKey.split(','));
      setFieldErrors(Object.fromEntries(Object.entries(failure.fields).map(([path, code]) => [path, t(`errors.field.${code}` as 'errors.field.invalid')])));
      setError(failure.message);
    },
    [t, fieldsKey],
  );

  const submit = useCallback(
    async <T>(call: () => Promise<SignedInResult<T>>): Promise<T | null> => {
      setBusy(true);
      try {
        const result = await call();
        if (isCancelled(result)) return null;
        if (!result.ok) {
          explain(result.error);
          return null;
        }
        setFieldErrors({});
        setError(null);
        return result.data;
      } finally {
        setBusy(false);
      }
    },
    [explain],
  );

  const clearField = useCallback((path: string) => {
    setFieldErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _gone, ...rest } = current;
      return rest;
    });
  }, []);

  return { busy, fieldErrors, error, submit, clearField };
}
