// One staff member, new or existing: name, role, active. Deactivating keeps
// their name on past tickets.
import { Button, Checkbox, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { staffInput, type Staff } from '../../../shared/contract';
import { LIMITS, STAFF_ROLES, type StaffRole } from '../../../shared/domain';
import { issuesToFieldErrors, serverFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';

interface Props {
  /** Absent for the "add staff" line. */
  person?: Staff;
  onSaved(): Promise<void>;
}

export function StaffForm({ person, onSaved }: Props) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const [name, setName] = useState(person?.name ?? '');
  const [role, setRole] = useState<StaffRole>(person?.role ?? 'clerk');
  const [active, setActive] = useState(person?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const dirty = !person || name !== person.name || role !== person.role || active !== person.active;

  const save = async () => {
    if (saving) return;
    const input = { id: person?.id ?? null, name, role, active };
    const parsed = staffInput.omit({ session: true }).safeParse(input);
    if (!parsed.success) return setErrors(issuesToFieldErrors(parsed.error.issues));
    setSaving(true);
    // A manager signed in saves; anyone else is asked to sign in first (and refused if not a manager).
    const result = await signedIn('staff.save', parsed.data);
    setSaving(false);
    if (isCancelled(result)) return;
    if (!result.ok) return setErrors(serverFieldErrors(result.error.fields));
    setErrors({});
    if (!person) {
      setName('');
      setRole('clerk');
    }
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
          value={name}
          error={errors.name ? t(`errors.field.${errors.name}`) : undefined}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setSaved(false);
          }}
          w={240}
        />
        <NativeSelect
          aria-label={`${rowLabel}: ${t('settings.staffRole')}`}
          value={role}
          onChange={(event) => {
            setRole(event.currentTarget.value as StaffRole);
            setSaved(false);
          }}
          data={STAFF_ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          w={160}
        />
        {person && (
          <Checkbox
            mt={8}
            label={t('settings.staffActive')}
            aria-label={`${rowLabel}: ${t('settings.staffActive')}`}
            checked={active}
            onChange={(event) => {
              setActive(event.currentTarget.checked);
              setSaved(false);
            }}
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
        {errors.session && (
          <Text size="sm" c="red" mt={8} role="alert">
            {t(`errors.field.${errors.session}`)}
          </Text>
        )}
      </Group>
    </form>
  );
}
