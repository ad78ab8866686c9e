// Where backups go (a second disk or USB stick; empty: the data folder) and how
// often. Inside Electron the folder can be chosen in the system's dialog; it is
// typed otherwise. Main checks it (exists, writable, outside the data folder).
import { Button, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/data-safety-contract';
import { pickFolder } from '../api';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';

export function BackupDestinationForm({ status, onSaved }: { status: BackupStatus; onSaved: (status: BackupStatus) => void }) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const [saved, setSaved] = useState(false);
  const form = useForm({ initialValues: { folder: status.folder ?? '', intervalHours: status.intervalHours } });

  const choose = async () => {
    const chosen = await pickFolder?.(t('dataSafety.backups.destination'));
    if (chosen) form.setFieldValue('folder', chosen);
  };

  const submit = form.onSubmit(async (values) => {
    setSaved(false);
    const result = await run('backups.configure', { folder: values.folder, intervalHours: Number(values.intervalHours) });
    if (isCancelled(result)) return;
    if (result.ok) {
      setSaved(true);
      onSaved(result.data);
      return;
    }
    for (const field of result.error.fields ?? []) form.setFieldError(field.path, t(`errors.field.${field.code}`));
  });

  return (
    <form onSubmit={submit} aria-label={t('dataSafety.backups.destination')}>
      <Group align="flex-start">
        <TextInput
          label={t('dataSafety.backups.destination')}
          description={t('dataSafety.backups.destinationHint')}
          placeholder={status.effectiveFolder}
          style={{ flex: 1 }}
          {...form.getInputProps('folder')}
        />
        {pickFolder && (
          <Button variant="default" mt={24} onClick={() => void choose()}>
            {t('dataSafety.backups.choose')}
          </Button>
        )}
        <NumberInput label={t('dataSafety.backups.intervalHours')} min={1} max={24} w={220} {...form.getInputProps('intervalHours')} />
        <Button type="submit" mt={24}>
          {t('dataSafety.backups.save')}
        </Button>
      </Group>
      {saved && (
        <Text size="sm" c="teal" role="status">
          {t('dataSafety.backups.saved')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {t('dataSafety.backups.retention')}
      </Text>
    </form>
  );
}
