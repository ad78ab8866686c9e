// A fresh desk: no manager has a PIN yet, so the first manager sets one here.
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInRoster } from '../../../shared/staff-contract';

interface Props {
  managers: SignInRoster['staff'];
  /** Resolves with an error message to show, or null when done. */
  onSubmit(staffId: number, pin: string): Promise<string | null>;
  onCancel(): void;
}

export function FirstPinForm({ managers, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [staffId, setStaffId] = useState<number | null>(managers[0]?.id ?? null);
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (staffId === null || busy) return;
    if (pin !== repeat) {
      setError(t('session.pinsDiffer'));
      return;
    }
    setBusy(true);
    const message = await onSubmit(staffId, pin);
    setBusy(false);
    setError(message);
  };

  const digitsOnly = (value: string) => value.replace(/\D/g, '');
  return (
    <form onSubmit={(event) => void submit(event)}>
      <Stack gap="sm">
        <Alert color="blue">{t('session.firstPinHint')}</Alert>
        <NativeSelect
          label={t('session.staffMember')}
          value={staffId === null ? '' : String(staffId)}
          onChange={(event) => setStaffId(Number(event.currentTarget.value) || null)}
          data={managers.map((person) => ({ value: String(person.id), label: person.name }))}
        />
        <PasswordInput
          label={t('session.newPin')}
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          maxLength={8}
          value={pin}
          onChange={(event) => setPin(digitsOnly(event.currentTarget.value))}
        />
        <PasswordInput
          label={t('session.repeatPin')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={repeat}
          onChange={(event) => setRepeat(digitsOnly(event.currentTarget.value))}
          error={error}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('session.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={staffId === null || pin.length === 0}>
            {t('session.setPinAndSignIn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
