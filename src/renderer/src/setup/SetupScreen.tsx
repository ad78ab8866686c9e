// First run: the shop's header and the first manager's PIN, before anything
// can be checked in. Saving signs the manager in and opens the desk.
import { Alert, Button, Center, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { setupInput } from '../../../shared/trust-contract';
import { invoke } from '../api';
import { issuesToFieldErrors, serverFieldErrors, type FieldErrors } from '../forms/field-errors';
import { required } from '../forms/required';
import { applyLanguage } from '../i18n';
import { markPrintersStep } from './printers-step';

const SESSION_KEY = 'repairDesk.session';

export function SetupScreen({ language, onDone }: { language: Language; onDone(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({ shopName: '', shopAddress: '', shopPhone: '', language, managerName: '', managerPin: '' });
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }));
  const error = (key: string) => (errors[key] ? t(`errors.field.${errors[key]}` as 'errors.field.invalid') : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = setupInput.safeParse(draft);
    const found = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (!parsed.success || repeat !== draft.managerPin) {
      setErrors(found);
      setFailure(repeat !== draft.managerPin ? t('trust.setup.pinsDiffer') : null);
      return;
    }
    setBusy(true);
    const result = await invoke('setup.complete', parsed.data);
    setBusy(false);
    if (!result.ok) {
      setErrors(serverFieldErrors(result.error.fields));
      setFailure(result.error.message);
      return;
    }
    // The manager is signed in at this counter, as after any sign-in.
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(result.data));
    markPrintersStep(true);
    onDone();
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w={520}>
        <form onSubmit={(event) => void submit(event)} aria-labelledby="setup-title">
          <Stack gap="sm">
            <Title order={2} id="setup-title">
              {t('trust.setup.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('trust.setup.stepOf', { step: 1, count: 2, name: `${t('trust.setup.shopStep')} · ${t('trust.setup.managerStep')}` })}
            </Text>
            <Text size="sm">{t('trust.setup.intro')}</Text>
            <NativeSelect
              label={t('trust.setup.language')}
              value={draft.language}
              onChange={(event) => {
                const next = event.currentTarget.value as Language;
                set('language')(next);
                applyLanguage(next);
              }}
              data={LANGUAGES.map((value) => ({ value, label: t(`languageName.${value}`) }))}
            />
            <Title order={3} size="h5">
              {t('trust.setup.shopStep')}
            </Title>
            <TextInput
              label={t('trust.setup.shopName')}
              {...required()}
              value={draft.shopName}
              error={error('shopName')}
              onChange={(e) => set('shopName')(e.currentTarget.value)}
            />
            <TextInput
              label={t('trust.setup.shopAddress')}
              {...required()}
              value={draft.shopAddress}
              error={error('shopAddress')}
              onChange={(e) => set('shopAddress')(e.currentTarget.value)}
            />
            <TextInput
              label={t('trust.setup.shopPhone')}
              {...required()}
              type="tel"
              value={draft.shopPhone}
              error={error('shopPhone')}
              onChange={(e) => set('shopPhone')(e.currentTarget.value)}
            />
            <Title order={3} size="h5">
              {t('trust.setup.managerStep')}
            </Title>
            <TextInput
              label={t('trust.setup.managerName')}
              {...required()}
              value={draft.managerName}
              error={error('managerName')}
              onChange={(e) => set('managerName')(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('trust.setup.managerPin')}
              {...required()}
              inputMode="numeric"
              value={draft.managerPin}
              error={error('managerPin')}
              onChange={(e) => set('managerPin')(e.currentTarget.value.replace(/\D/g, ''))}
              maxLength={8}
            />
            <PasswordInput
              label={t('trust.setup.repeatPin')}
              {...required()}
              inputMode="numeric"
              value={repeat}
              onChange={(e) => setRepeat(e.currentTarget.value.replace(/\D/g, ''))}
              maxLength={8}
            />
            {failure && <Alert color="red">{failure}</Alert>}
            <Button type="submit" loading={busy}>
              {t('trust.setup.finish')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
