// Sets a staff member's sign-in PIN: a manager sets anyone's; staff changing
// their own type the current PIN first. PINs are hashed in main.
import { Button, Group, PasswordInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Staff } from '../../../shared/contract';
import { useSession } from '../session/session-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';

const digitsOnly = (value: string) => value.replace(/\D/g, '');

export function StaffPinForm({ person }: { person: Staff }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { current } = useSession();
  const run = useSignedInCall();
  const [open, setOpen] = useState(false);
  const form = useForm({ initialValues: { currentPin: '', newPin: '' } });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ownPin = current?.staff.id === person.id;

  const submit = async ({ currentPin, newPin }: typeof form.values) => {
    const result = await run('auth.setPin', { staffId: person.id, currentPin: ownPin && currentPin ? currentPin : null, newPin });
    if (isCancelled(result)) return;
    if (result.ok) {
      setMessage({ ok: true, text: t('settings.pinSet') });
      form.reset();
      setOpen(false);
      return;
    }
    setMessage({ ok: false, text: errorText(result.error) });
  };

  const label = (key: 'settings.newPin' | 'settings.currentPin') => `${person.name}: ${t(key)}`;
  if (!open) {
    return (
      <Group gap="sm" mt={4}>
        <Button size="compact-sm" variant="subtle" onClick={() => setOpen(true)} aria-label={`${person.name}: ${t('settings.setPin')}`}>
          {t('settings.setPin')}
        </Button>
        {message && (
          <Text size="sm" c={message.ok ? 'teal' : 'red'} role="status">
            {message.text}
          </Text>
        )}
      </Group>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} aria-label={`${person.name}: ${t('settings.setPin')}`}>
      <Group gap="sm" mt={4} align="flex-start">
        {ownPin && (
          <PasswordInput
            aria-label={label('settings.currentPin')}
            placeholder={t('settings.currentPin')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            w={160}
            value={form.values.currentPin}
            onChange={(event) => form.setFieldValue('currentPin', digitsOnly(event.currentTarget.value))}
          />
        )}
        <PasswordInput
          aria-label={label('settings.newPin')}
          placeholder={t('settings.newPin')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          w={160}
          data-autofocus
          value={form.values.newPin}
          onChange={(event) => form.setFieldValue('newPin', digitsOnly(event.currentTarget.value))}
          error={message && !message.ok ? message.text : undefined}
        />
        <Button type="submit" size="sm" disabled={form.values.newPin.length === 0}>
          {t('settings.savePin')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setOpen(false)}>
          {t('session.cancel')}
        </Button>
      </Group>
    </form>
  );
}
