// A fresh desk: no manager has a PIN yet, so the first manager sets one here.
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setPinInput, type SignInRoster } from '../../../shared/staff-contract';
import { contractValidate } from '../widgets/contract-form';
import { digitsOnly, staffIdValue } from './pin-fields';

interface Props {
  managers: SignInRoster['staff'];
  /** Resolves with an error message to show, or null when done. */
  onSubmit(staffId: number, pin: string): Promise<string | null>;
  onCancel(): void;
}

interface Values {
  staffId: string;
  newPin: string;
  repeat: string;
}

// Nobody is signed in on a fresh desk, so the PIN is set without a session.
const toInput = (values: Values) => ({ session: null, staffId: staffIdValue(values.staffId), currentPin: null, newPin: values.newPin });

export function FirstPinForm({ managers, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { staffId: managers[0] ? String(managers[0].id) : '', newPin: '', repeat: '' },
    validate: (values) => ({
      ...contractValidate(setPinInput, toInput, t)(values),
      ...(values.repeat === values.newPin ? {} : { repeat: t('session.pinsDiffer') }),
    }),
  });
  const { staffId, newPin } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    const input = setPinInput.parse(toInput(values));
    const message = await onSubmit(input.staffId, input.newPin);
    if (message !== null) form.setFieldError('repeat', message);
  });

  const digitsProps = (path: 'newPin' | 'repeat') => ({
    ...form.getInputProps(path),
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setFieldValue(path, digitsOnly(event.currentTarget.value)),
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Alert color="blue">{t('session.firstPinHint')}</Alert>
        <NativeSelect
          label={t('session.staffMember')}
          {...form.getInputProps('staffId')}
          data={managers.map((person) => ({ value: String(person.id), label: person.name }))}
        />
        <PasswordInput label={t('session.newPin')} inputMode="numeric" autoComplete="off" data-autofocus maxLength={8} {...digitsProps('newPin')} />
        <PasswordInput label={t('session.repeatPin')} inputMode="numeric" autoComplete="off" maxLength={8} {...digitsProps('repeat')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('session.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={staffIdValue(staffId) === undefined || newPin.length === 0}>
            {t('session.setPinAndSignIn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
