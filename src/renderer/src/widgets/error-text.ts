// A refused or failed call in the interface language: each field's reason when
// main named fields (e.g. "Not possible in the ticket's current status"), else
// the error's own message or its code's text.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/errors';

export function useErrorText(): (error: ContractError) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: ContractError) => {
      const fields = [...new Set((error.fields ?? []).map((field) => t(`errors.field.${field.code}` as 'errors.field.invalid')))];
      if (fields.length > 0) return fields.join(' · ');
      return error.message || t(`errors.${error.code}` as 'errors.internal');
    },
    [t],
  );
}

/** The code main gave one input field, if any (to show it under that field). */
export function fieldCode(error: ContractError, path: string): string | null {
  return error.fields?.find((field) => field.path === path)?.code ?? null;
}
