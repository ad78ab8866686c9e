// @mantine/form validated by the contract's own zod schemas: the same rules
// main applies, with their field error codes shown in the interface language.
// Also puts main's own field errors on the form's fields.
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from '../forms/field-errors';
import { issuesToFieldErrors } from '../forms/field-errors';

/** Translated messages by field path, for form.setErrors. */
export function fieldMessages(t: TFunction, errors: FieldErrors): FormErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, code]) => [path, t(`errors.field.${code}` as 'errors.field.invalid')]));
}

/** A `validate` for useForm: the form's values become the channel's input, which the schema checks. */
export function contractValidate<Values, S extends z.ZodType>(schema: S, toInput: (values: Values) => unknown, t: TFunction) {
  return (values: Values): FormErrors => {
    const parsed = schema.safeParse(toInput(values));
    return parsed.success ? {} : fieldMessages(t, issuesToFieldErrors(parsed.error.issues));
  };
}
