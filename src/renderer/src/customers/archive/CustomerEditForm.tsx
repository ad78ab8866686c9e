// Edits the contact details; main writes each changed field to the history.
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomerArchive } from '../../../../shared/customer-care-contract';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { useSignedInCall } from '../../session/useSignedInCall';
import { ActionCard } from '../../widgets/ActionCard';
import { useWorkflowCall } from '../../session/useWorkflowCall';

const FIELDS = ['name', 'phone', 'address', 'notes'] as const;

export function CustomerEditForm({ customer, onDone, onCancel }: { customer: CustomerArchive; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(FIELDS);
  const form = useForm({ initialValues: { name: customer.name, phone: customer.phone, address: customer.address, notes: customer.notes } });
  const save = async () => {
    const saved = await action.submit(() => signedIn('archive.update', { customerId: customer.id, ...form.getValues() }));
    if (saved) onDone();
  };
  const props = (field: (typeof FIELDS)[number]) => ({
    ...form.getInputProps(field),
    error: action.fieldErrors[field],
    label: t(`care.page.${field}`),
  });
  return (
    <ActionCard title={t('care.edit.title')} error={action.error}>
      <form
        noValidate
        onKeyDown={keyboardFormKeyDown(() => void save())}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Group grow align="flex-start">
            <TextInput {...props('name')} data-autofocus autoFocus />
            <TextInput {...props('phone')} />
          </Group>
          <TextInput {...props('address')} />
          <Textarea {...props('notes')} autosize minRows={2} />
          <Group>
            <Button type="submit" loading={action.busy}>
              {t('care.edit.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('care.edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionCard>
  );
}
