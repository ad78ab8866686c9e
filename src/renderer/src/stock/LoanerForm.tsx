// Adds or edits a loaner unit (备机). One that is out cannot be retired until it is back.
import { Checkbox, Group, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { loanerInput, type LoanerView } from '../../../shared/repair-contract';
import { useForm } from '@mantine/form';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';

const FIELDS = ['name', 'serial', 'notes', 'active'] as const;
const draftSchema = loanerInput.omit({ session: true });

interface Props {
  loaner?: LoanerView;
  onSaved(loaner: LoanerView): void;
  onCancel(): void;
}

interface Values {
  name: string;
  serial: string;
  notes: string;
  active: boolean;
}

const toInput = (loaner: LoanerView | undefined) => (values: Values) => ({ id: loaner?.id ?? null, ...values });

export function LoanerForm({ loaner, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const form = useForm<Values>({
    initialValues: { name: loaner?.name ?? '', serial: loaner?.serial ?? '', notes: loaner?.notes ?? '', active: loaner?.active ?? true },
    validate: contractValidate(draftSchema, toInput(loaner), t),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    if (form.validate().hasErrors) return;
    setSaving(true);
    const result = await run('loaners.save', draftSchema.parse(toInput(loaner)(form.getValues())));
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onSaved(result.data);
    const refusal = readFailure(t, result.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal.message);
  };

  return (
    <StockFormFrame
      titleId="loaner-form-title"
      title={loaner ? t('stock.loaners.editTitle', { name: loaner.name }) : t('stock.loaners.addTitle')}
      submitLabel={loaner ? t('stock.loaners.save') : t('stock.loaners.add')}
      saving={saving}
      failure={failure}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <Group gap="sm" align="flex-start" grow>
        <TextInput label={t('stock.loaners.name')} maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
        <TextInput label={t('stock.loaners.serial')} maxLength={LIMITS.shortTextMax} {...form.getInputProps('serial')} />
      </Group>
      <TextInput label={t('stock.loaners.notes')} maxLength={LIMITS.notesMax} {...form.getInputProps('notes')} />
      {loaner && <Checkbox label={t('stock.loaners.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </StockFormFrame>
  );
}
