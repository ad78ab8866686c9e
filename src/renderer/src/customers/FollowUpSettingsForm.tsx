// Settings of the follow-up calls: the window after collection (from day,
// until day) and how many unanswered calls close a follow-up as unreachable.
import { Group, NumberInput, Paper, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../widgets/error-text';
import { useDesk } from '../desk/desk-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { SaveRow, type SaveStatus } from '../widgets/SaveRow';

const FIELDS = ['followUpFromDay', 'followUpToDay', 'followUpMaxAttempts'] as const;

export function FollowUpSettingsForm() {
  const { t } = useTranslation();
  const { settings, settingsSaved } = useDesk();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState('');
  const form = useForm({
    initialValues: { followUpFromDay: settings.followUpFromDay, followUpToDay: settings.followUpToDay, followUpMaxAttempts: settings.followUpMaxAttempts },
  });
  const save = async (values: typeof form.values) => {
    if (status === 'saving') return;
    setStatus('saving');
    const result = await signedIn('settings.update', values);
    if (isCancelled(result)) return setStatus('idle');
    if (!result.ok) {
      for (const field of result.error.fields ?? []) form.setFieldError(field.path, t(`errors.field.${field.code}` as 'errors.field.invalid'));
      setFailure(errorText(result.error));
      setStatus('failed');
      return;
    }
    setStatus('saved');
    settingsSaved(result.data);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('care.settings.title')}>
      <form noValidate onSubmit={form.onSubmit((values) => void save(values))}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('care.settings.title')}
          </Title>
          <Group grow align="flex-start">
            {FIELDS.map((name) => (
              <NumberInput
                key={name}
                label={t(`care.settings.${name === 'followUpFromDay' ? 'fromDay' : name === 'followUpToDay' ? 'toDay' : 'maxAttempts'}`)}
                allowDecimal={false}
                allowNegative={false}
                {...form.getInputProps(name)}
              />
            ))}
          </Group>
          <SaveRow status={status} saveLabel={t('care.edit.save')} savedLabel={t('care.edit.saved')} failure={failure} />
        </Stack>
      </form>
    </Paper>
  );
}
