// Confirms a restore after showing what the backup holds. On the recovery
// screen a manager of that backup approves with their PIN (nobody can sign in
// while the data is missing); in Settings the signed-in manager does.
import { Alert, Button, Group, PasswordInput, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContentsView } from '../../../shared/data-safety-contract';
import type { ContractResult } from '../../../shared/errors';
import { BackupHolds } from './BackupHolds';
import { useErrorText } from '../widgets/error-text';

export interface RestoreFormProps {
  contents: BackupContentsView;
  /** Ask for a manager of the backup and their PIN (recovery screen). */
  askManagerPin: boolean;
  restore(approval: { staffId: number; pin: string } | null): Promise<ContractResult<unknown> | null>;
  onCancel?: () => void;
}

export function RestoreForm({ contents, askManagerPin, restore, onCancel }: RestoreFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsPin = askManagerPin && contents.managers.length > 0;
  const form = useForm({
    initialValues: { staffId: contents.managers[0] ? String(contents.managers[0].id) : '', pin: '' },
    validate: { pin: (value) => (needsPin && !/^\d{4,8}$/.test(value) ? t('errors.field.pin_format') : null) },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setFailure(null);
    const result = await restore(needsPin ? { staffId: Number(values.staffId), pin: values.pin } : null);
    setBusy(false);
    if (!result || result.ok) return;
    const field = result.error.fields?.[0];
    if (field?.path.endsWith('pin')) form.setFieldError('pin', t(`errors.field.${field.code}`));
    else setFailure(errorText(result.error));
  });

  return (
    <form onSubmit={submit} aria-label={t('dataSafety.restore.title')}>
      <Stack gap="sm">
        <BackupHolds contents={contents} />
        <Alert color="orange">{t('dataSafety.restore.warning')}</Alert>
        {needsPin && (
          <Group align="flex-start">
            <Select
              label={t('dataSafety.restore.manager')}
              data={contents.managers.map((m) => ({ value: String(m.id), label: m.name }))}
              allowDeselect={false}
              {...form.getInputProps('staffId')}
            />
            <PasswordInput label={t('dataSafety.restore.managerPin')} inputMode="numeric" autoComplete="off" w={160} {...form.getInputProps('pin')} />
          </Group>
        )}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" color="red" loading={busy}>
            {t('dataSafety.restore.confirm')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('dataSafety.restore.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
