// The shop's own settings. Saving switches the interface language at once.
import { Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsInput, type Settings } from '../../../shared/contract';
import { LANGUAGES, LIMITS, type Language } from '../../../shared/domain';
import { useDesk } from '../desk/desk-context';
import { fieldId, issuesToFieldErrors, serverFieldErrors, withoutField, type FieldErrors } from '../forms/field-errors';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { SaveRow, type SaveStatus } from '../widgets/SaveRow';

type SettingsDraft = Omit<Settings, 'warrantyMonths'> & { warrantyMonths: string };

const FORM = 'settings';

// Only the fields of this form are sent: the rest of the settings (printing,
// terms) are saved by their own sections and must not be overwritten with the
// values this form started from.
const shopInput = settingsInput.pick({
  shopName: true,
  shopPhone: true,
  shopAddress: true,
  ticketPrefix: true,
  warrantyMonths: true,
  currency: true,
  language: true,
  conditionRequired: true,
});

export function ShopSettingsForm() {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const desk = useDesk();
  const [draft, setDraft] = useState<SettingsDraft>(() => ({ ...desk.settings, warrantyMonths: String(desk.settings.warrantyMonths) }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState('');

  const change = (patch: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.keys(patch).reduce(withoutField, current));
    setStatus('idle');
  };
  const field = (name: keyof Settings) => ({
    id: fieldId(FORM, name),
    error: errors[name] ? t(`errors.field.${errors[name]}`) : undefined,
  });

  const save = async () => {
    if (status === 'saving') return;
    const parsed = shopInput.safeParse({ ...draft, warrantyMonths: draft.warrantyMonths.trim() === '' ? Number.NaN : Number(draft.warrantyMonths) });
    if (!parsed.success) {
      setErrors(issuesToFieldErrors(parsed.error.issues));
      return;
    }
    setStatus('saving');
    const result = await signedIn('settings.update', parsed.data);
    if (isCancelled(result)) return setStatus('idle');
    if (result.ok) {
      desk.settingsSaved(result.data);
      setDraft({ ...result.data, warrantyMonths: String(result.data.warrantyMonths) });
      setStatus('saved');
    } else {
      setErrors(serverFieldErrors(result.error.fields));
      setFailure(result.error.message);
      setStatus('failed');
    }
  };

  return (
    <form
      noValidate
      onKeyDown={keyboardFormKeyDown(() => void save())}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Fieldset legend={t('settings.shop')} variant="filled">
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm">
            <TextInput
              {...field('shopName')}
              label={t('settings.shopName')}
              maxLength={LIMITS.nameMax}
              value={draft.shopName}
              onChange={(e) => change({ shopName: e.currentTarget.value })}
            />
            <TextInput
              {...field('shopPhone')}
              label={t('settings.shopPhone')}
              maxLength={30}
              value={draft.shopPhone}
              onChange={(e) => change({ shopPhone: e.currentTarget.value })}
            />
            <TextInput
              {...field('shopAddress')}
              label={t('settings.shopAddress')}
              maxLength={LIMITS.addressMax}
              value={draft.shopAddress}
              onChange={(e) => change({ shopAddress: e.currentTarget.value })}
            />
          </SimpleGrid>
          <SimpleGrid cols={4} spacing="sm">
            <TextInput
              {...field('ticketPrefix')}
              label={t('settings.ticketPrefix')}
              maxLength={6}
              value={draft.ticketPrefix}
              onChange={(e) => change({ ticketPrefix: e.currentTarget.value.toUpperCase() })}
            />
            <TextInput
              {...field('warrantyMonths')}
              label={t('settings.warrantyMonths')}
              inputMode="numeric"
              maxLength={3}
              value={draft.warrantyMonths}
              onChange={(e) => change({ warrantyMonths: e.currentTarget.value })}
            />
            <TextInput
              {...field('currency')}
              label={t('settings.currency')}
              maxLength={3}
              value={draft.currency}
              onChange={(e) => change({ currency: e.currentTarget.value.toUpperCase() })}
            />
            <NativeSelect
              {...field('language')}
              label={t('settings.language')}
              value={draft.language}
              onChange={(e) => change({ language: e.currentTarget.value as Language })}
              data={LANGUAGES.map((language) => ({ value: language, label: t(`languageName.${language}`) }))}
            />
          </SimpleGrid>
          <Checkbox
            {...field('conditionRequired')}
            label={t('settings.conditionRequired')}
            checked={draft.conditionRequired}
            onChange={(e) => change({ conditionRequired: e.currentTarget.checked })}
          />
          <SaveRow status={status} saveLabel={t('settings.save')} savedLabel={t('settings.saved')} failure={failure} />
        </Stack>
      </Fieldset>
    </form>
  );
}
