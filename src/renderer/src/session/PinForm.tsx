// Staff member and PIN, the form both the sign-in and a manager's approval use.
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInRoster } from '../../../shared/staff-contract';

interface Props {
  staff: SignInRoster['staff'];
  /** Preselected person (the one working at this counter). */
  initialStaffId: number | null;
  submitLabel: string;
  /** Resolves with an error message to show, or null when done. */
  onSubmit(staffId: number, pin: string): Promise<string | null>;
  onCancel(): void;
}

export function PinForm({ staff, initialStaffId, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState<number | null>(staff.some((s) => s.id === initialStaffId) ? initialStaffId : (staff[0]?.id ?? null));
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (staffId === null || busy) return;
    setBusy(true);
    const message = await onSubmit(staffId, pin);
    setBusy(false);
    if (message !== null) {
      setError(message);
      setPin('');
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <NativeSelect
          label={t('session.staffMember')}
          value={staffId === null ? '' : String(staffId)}
          onChange={(event) => setStaffId(Number(event.currentTarget.value) || null)}
          data={staff.map((person) => ({
            value: String(person.id),
            label: `${person.name} (${t(`role.${person.role}`)})`,
            disabled: !person.hasPin,
          }))}
        />
        <PasswordInput
          label={t('session.pin')}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          value={pin}
          onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
          error={error}
          maxLength={8}
        />
        {staff.length === 0 && <Alert color="yellow">{t('session.nobodyHasPin')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('session.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={staffId === null || pin.length === 0}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
