// Adds or edits a loaner unit (备机). One that is out cannot be retired until it is back.
import { Checkbox, Group, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { loanerInput, type LoanerView } from '../../../shared/workflow-contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { readFailure } from '../widgets/error-text';

const FIELDS = ['name', 'serial', 'notes', 'active'] as const;
const draftSchema = loanerInput.omit({ session: true });

interface Props {
  loaner?: LoanerView;
  onSaved(loaner: LoanerView): void;
  onCancel(): void;
}

export function LoanerForm({ loaner, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const [name, setName] = useState(loaner?.name ?? '');
  const [serial, setSerial] = useState(loaner?.serial ?? '');
  const [notes, setNotes] = useState(loaner?.notes ?? '');
  const [active, setActive] = useState(loaner?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const parsed = draftSchema.safeParse({ id: loaner?.id ?? null, name, serial, notes, active });
    setErrors(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues));
    setFailure(null);
    if (!parsed.success) return;
    setSaving(true);
    const result = await run('loaners.save', parsed.data);
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onSaved(result.data);
    const failure = readFailure(t, result.error, FIELDS);
    setErrors(failure.fields);
    setFailure(failure.message);
  };

  const error = (path: string) => (errors[path] ? t(`errors.field.${errors[path]}`) : undefined);
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
        <TextInput
          label={t('stock.loaners.name')}
          value={name}
          maxLength={LIMITS.nameMax}
          error={error('name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('stock.loaners.serial')}
          value={serial}
          maxLength={LIMITS.shortTextMax}
          error={error('serial')}
          onChange={(event) => setSerial(event.currentTarget.value)}
        />
      </Group>
      <TextInput
        label={t('stock.loaners.notes')}
        value={notes}
        maxLength={LIMITS.notesMax}
        error={error('notes')}
        onChange={(event) => setNotes(event.currentTarget.value)}
      />
      {loaner && (
        <Checkbox label={t('stock.loaners.active')} checked={active} error={error('active')} onChange={(event) => setActive(event.currentTarget.checked)} />
      )}
    </StockFormFrame>
  );
}
