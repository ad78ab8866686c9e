import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../forms/field-errors';

export const INTAKE_FORM = 'intake';

/** id and translated error for the control of a contract path. */
export function useFieldProps(errors: FieldErrors) {
  const { t } = useTranslation();
  return useCallback(
    (path: string) => {
      const code = errors[path];
      return { id: fieldId(INTAKE_FORM, path), error: code ? t(`errors.field.${code}`) : undefined };
    },
    [errors, t],
  );
}

export type FieldProps = ReturnType<typeof useFieldProps>;
