// Adds or edits a loaner unit (备机). One that is out cannot be retired until it is back.
import { Alert, Button, Checkbox, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { loanerInput, type LoanerView } from '../../../shared/workflow-contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { errorSentence, formFieldErrors } from './contract-errors';

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
    setErrors(formFieldErrors(result.error, FIELDS));
    setFailure(errorSentence(t, result.error, FIELDS));
  };

  const error = (path: string) => (errors[path] ? t(`errors.field.${errors[path]}`) : undefined);
  return (
    <Paper withBorder p="md">
      <form
        noValidate
        aria-labelledby="loaner-form-title"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Title order={4} id="loaner-form-title">
            {loaner ? t('stock.loaners.editTitle', { name: loaner.name }) : t('stock.loaners.addTitle')}
          </Title>
          <Group gap="sm" align="flex-start" grow>
            <TextInput label={t('stock.loaners.name')} value={name} maxLength={LIMITS.nameMax} error={error('name')} onChange={(event) => setName(event.currentTarget.value)} />
            <TextInput label={t('stock.loaners.serial')} value={serial} maxLength={LIMITS.shortTextMax} error={error('serial')} onChange={(event) => setSerial(event.currentTarget.value)} />
          </Group>
          <TextInput label={t('stock.loaners.notes')} value={notes} maxLength={LIMITS.notesMax} error={error('notes')} onChange={(event) => setNotes(event.currentTarget.value)} />
          {loaner && <Checkbox label={t('stock.loaners.active')} checked={active} error={error('active')} onChange={(event) => setActive(event.currentTarget.checked)} />}
          {failure && (
            <Alert color="red" p="xs" role="alert">
              {failure}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" loading={saving}>
              {loaner ? t('stock.loaners.save') : t('stock.loaners.add')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('stock.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
