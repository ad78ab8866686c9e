// Settings > Money limits and repair warranty: what the shop gives away (the
// free-rework days after collection, the discount a clerk may give alone) and
// how soon an idle counter locks. A manager's, saved with settings.update,
// which main allows a manager only and writes to the history.
import { Fieldset, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsInput } from '../../../shared/contract';
import { useDesk } from '../desk/desk-context';
import { fieldId, issuesToFieldErrors, withoutField, type FieldErrors } from '../forms/field-errors';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { readFailure } from '../widgets/error-text';
import { RoleSection } from '../widgets/RoleSection';
import { SaveRow, type SaveStatus } from '../widgets/SaveRow';

const FORM = 'limits';
const FIELDS = [
  { key: 'repairWarrantyDays', max: 3650, min: 0 },
  { key: 'discountApprovalPercent', max: 100, min: 0 },
  { key: 'idleLockMinutes', max: 240, min: 1 },
] as const;
type Key = (typeof FIELDS)[number]['key'];
const limitsInput = settingsInput.pick({ repairWarrantyDays: true, discountApprovalPercent: true, idleLockMinutes: true });

export function MoneyLimitsSettings() {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('trust.limits.title')} variant="filled" aria-label={t('trust.limits.title')}>
      <RoleSection channel="settings.update" label={t('trust.limits.title')}>
        <LimitsForm />
      </RoleSection>
    </Fieldset>
  );
}

function LimitsForm() {
  const { t } = useTranslation();
  const desk = useDesk();
  const signedIn = useSignedInCall();
  const fromSettings = () => Object.fromEntries(FIELDS.map(({ key }) => [key, desk.settings[key] as string | number])) as Record<Key, string | number>;
  const [draft, setDraft] = useState(fromSettings);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState('');

  const save = async () => {
    if (status === 'saving') return;
    const parsed = limitsInput.safeParse(Object.fromEntries(FIELDS.map(({ key }) => [key, draft[key] === '' ? Number.NaN : Number(draft[key])])));
    if (!parsed.success) return setErrors(issuesToFieldErrors(parsed.error.issues));
    setStatus('saving');
    const result = await signedIn('settings.update', parsed.data);
    if (isCancelled(result)) return setStatus('idle');
    if (result.ok) {
      desk.settingsSaved(result.data);
      setErrors({});
      setStatus('saved');
      return;
    }
    const failure = readFailure(
      t,
      result.error,
      FIELDS.map(({ key }) => key),
    );
    setErrors(failure.fields);
    setFailure(failure.message ?? t('errors.validation'));
    setStatus('failed');
  };

  return (
    <form
      noValidate
      aria-label={t('trust.limits.title')}
      onKeyDown={keyboardFormKeyDown(() => void save())}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('trust.limits.intro')}
        </Text>
        <SimpleGrid cols={3} spacing="sm">
          {FIELDS.map(({ key, min, max }) => (
            <NumberInput
              key={key}
              id={fieldId(FORM, key)}
              label={t(`trust.limits.${key}`)}
              min={min}
              max={max}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              value={draft[key]}
              error={errors[key] ? t(`errors.field.${errors[key]}`) : undefined}
              onChange={(value) => {
                setDraft((current) => ({ ...current, [key]: value }));
                setErrors((current) => withoutField(current, key));
                setStatus('idle');
              }}
            />
          ))}
        </SimpleGrid>
        <SaveRow status={status} saveLabel={t('trust.limits.save')} savedLabel={t('trust.limits.saved')} failure={failure} />
      </Stack>
    </form>
  );
}
