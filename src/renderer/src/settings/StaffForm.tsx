// One staff member, new or existing: name, role, active. Deactivating keeps
// their name on past tickets.
import { Button, Checkbox, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffInput, type Staff } from '../../../shared/contract';
import { LIMITS, STAFF_ROLES, type StaffRole } from '../../../shared/domain';
import { useForm } from '@mantine/form';
import { serverFieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';

interface Props {
  /** Absent for the "add staff" line. */
  person?: Staff;
  onSaved(): Promise<void>;
}

const draftSchema = staffInput.omit({ session: true });

interface Values {
  name: string;
  role: StaffRole;
  active: boolean;
}

export function StaffForm({ person, onSaved }: Props) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const toInput = (values: Values) => ({ id: person?.id ?? null, ...values });
  const form = useForm<Values>({
    initialValues: { name: person?.name ?? '', role: person?.role ?? 'clerk', active: person?.active ?? true },
    validate: contractValidate(draftSchema, toInput, t),
    onValuesChange: () => setSaved(false),
  });
  const dirty = !person || form.isDirty();

  const save = async () => {
    if (saving || form.validate().hasErrors) return;
    setSaving(true);
    // A manager signed in saves; anyone else is asked to sign in first (and refused if not a manager).
    const result = await signedIn('staff.save', draftSchema.parse(toInput(form.getValues())));
    setSaving(false);
    if (isCancelled(result)) return;
    if (!result.ok) return form.setErrors(fieldMessages(t, serverFieldErrors(result.error.fields)));
    if (!person) form.setValues({ name: '', role: 'clerk' });
    form.clearErrors();
    setSaved(Boolean(person));
    await onSaved();
  };

  const rowLabel = person ? person.name : t('settings.addStaff');
  return (
    <form
      noValidate
      aria-label={rowLabel}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <TextInput
          aria-label={`${rowLabel}: ${t('settings.staffName')}`}
          placeholder={t('settings.staffName')}
          maxLength={LIMITS.nameMax}
          {...form.getInputProps('name')}
          w={240}
        />
        <NativeSelect
          aria-label={`${rowLabel}: ${t('settings.staffRole')}`}
          {...form.getInputProps('role')}
          data={STAFF_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          w={160}
        />
        {person && (
          <Checkbox
            mt={8}
            label={t('settings.staffActive')}
            aria-label={`${rowLabel}: ${t('settings.staffActive')}`}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Button type="submit" variant={person ? 'default' : 'filled'} disabled={!dirty || saving}>
          {person ? t('settings.saveStaff') : t('settings.addStaff')}
        </Button>
        {saved && (
          <Text size="sm" c="teal" mt={8} role="status">
            {t('settings.staffSaved')}
          </Text>
        )}
        {form.errors.session && (
          <Text size="sm" c="red" mt={8} role="alert">
            {form.errors.session}
          </Text>
        )}
      </Group>
    </form>
  );
}
