// First run: the shop's header and the first manager's PIN, before anything
// can be checked in. Saving signs the manager in and opens the desk.
import { Alert, Button, Center, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { setupInput } from '../../../shared/trust-contract';
import { invoke } from '../api';
import { serverFieldErrors } from '../forms/field-errors';
import { required } from '../forms/required';
import { applyLanguage } from '../i18n';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { markPrintersStep } from './printers-step';

const SESSION_KEY = 'repairDesk.session';

interface Values {
  shopName: string;
  shopAddress: string;
  shopPhone: string;
  language: Language;
  managerName: string;
  managerPin: string;
  repeat: string;
}

const toInput = ({ repeat: _repeat, ...draft }: Values) => draft;
const digitsOnly = (value: string) => value.replace(/\D/g, '');

export function SetupScreen({ language, onDone }: { language: Language; onDone(): void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    initialValues: { shopName: '', shopAddress: '', shopPhone: '', language, managerName: '', managerPin: '', repeat: '' },
    validate: contractValidate(setupInput, toInput, t),
  });
  const [failure, setFailure] = useState<string | null>(null);
  // The repeated PIN is not part of the contract: a mismatch is said once, above the button.
  const pinsDiffer = (values: Values) => (values.repeat === values.managerPin ? null : t('trust.setup.pinsDiffer'));

  const submit = form.onSubmit(
    async (values) => {
      const differ = pinsDiffer(values);
      setFailure(differ);
      if (differ) return;
      const result = await invoke('setup.complete', setupInput.parse(toInput(values)));
      if (!result.ok) {
        form.setErrors(fieldMessages(t, serverFieldErrors(result.error.fields)));
        setFailure(result.error.message);
        return;
      }
      // The manager is signed in at this counter, as after any sign-in.
      window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(result.data));
      markPrintersStep(true);
      onDone();
    },
    (_errors, values) => setFailure(pinsDiffer(values)),
  );

  const digitsProps = (path: 'managerPin' | 'repeat') => ({
    ...form.getInputProps(path),
    onChange: (event: ChangeEvent<HTMLInputElement>) => form.setFieldValue(path, digitsOnly(event.currentTarget.value)),
  });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="lg" w={520}>
        <form noValidate onSubmit={submit} aria-labelledby="setup-title">
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
              {...form.getInputProps('language')}
              onChange={(event) => {
                const next = event.currentTarget.value as Language;
                form.setFieldValue('language', next);
                applyLanguage(next);
              }}
              data={LANGUAGES.map((value) => ({ value, label: t(`languageName.${value}`) }))}
            />
            <Title order={3} size="h5">
              {t('trust.setup.shopStep')}
            </Title>
            <TextInput label={t('trust.setup.shopName')} {...required()} {...form.getInputProps('shopName')} />
            <TextInput label={t('trust.setup.shopAddress')} {...required()} {...form.getInputProps('shopAddress')} />
            <TextInput label={t('trust.setup.shopPhone')} {...required()} type="tel" {...form.getInputProps('shopPhone')} />
            <Title order={3} size="h5">
              {t('trust.setup.managerStep')}
            </Title>
            <TextInput label={t('trust.setup.managerName')} {...required()} {...form.getInputProps('managerName')} />
            <PasswordInput label={t('trust.setup.managerPin')} {...required()} inputMode="numeric" {...digitsProps('managerPin')} maxLength={8} />
            <PasswordInput label={t('trust.setup.repeatPin')} {...required()} inputMode="numeric" {...digitsProps('repeat')} maxLength={8} />
            {failure && <Alert color="red">{failure}</Alert>}
            <Button type="submit" loading={form.submitting}>
              {t('trust.setup.finish')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
