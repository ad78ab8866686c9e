// Staff member and PIN, the form both the sign-in and a manager's approval use.
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { signInInput, type SignInRoster } from '../../../shared/staff-contract';
import { contractValidate } from '../widgets/contract-form';
import { digitsOnly, staffIdValue } from './pin-fields';

interface Props {
  staff: SignInRoster['staff'];
  /** Preselected person (the one working at this counter). */
  initialStaffId: number | null;
  submitLabel: string;
  /** Resolves with an error message to show, or null when done. */
  onSubmit(staffId: number, pin: string): Promise<string | null>;
  onCancel(): void;
}

interface Values {
  staffId: string;
  pin: string;
}

const toInput = (values: Values) => ({ staffId: staffIdValue(values.staffId), pin: values.pin });

export function PinForm({ staff, initialStaffId, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const preselected = staff.some((s) => s.id === initialStaffId) ? initialStaffId : (staff[0]?.id ?? null);
  const form = useForm<Values>({
    initialValues: { staffId: preselected === null ? '' : String(preselected), pin: '' },
    validate: contractValidate(signInInput, toInput, t),
  });
  const { staffId, pin } = form.getValues();

  const submit = form.onSubmit(async (values) => {
    const input = signInInput.parse(toInput(values));
    const message = await onSubmit(input.staffId, input.pin);
    if (message === null) return;
    // The PIN is typed again; the message stays under it until then.
    form.setFieldValue('pin', '');
    form.setFieldError('pin', message);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NativeSelect
          label={t('session.staffMember')}
          {...form.getInputProps('staffId')}
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
          {...form.getInputProps('pin')}
          onChange={(event) => form.setFieldValue('pin', digitsOnly(event.currentTarget.value))}
          maxLength={8}
        />
        {staff.length === 0 && <Alert color="yellow">{t('session.nobodyHasPin')}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('session.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={staffIdValue(staffId) === undefined || pin.length === 0}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
