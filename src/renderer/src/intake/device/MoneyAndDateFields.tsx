import { SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/desk-context';
import { localIsoDay } from '../payload';
import type { DeviceFieldProps } from './device-field-props';

export function MoneyAndDateFields({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const { settings } = useDesk();
  const moneyHint = t('intake.moneyHint', { currency: settings.currency });
  return (
    <SimpleGrid cols={3} spacing="sm">
      <TextInput
        {...field('estimateMinor')}
        label={t('intake.estimate')}
        description={moneyHint}
        inputMode="decimal"
        autoComplete="off"
        value={device.estimateText}
        onChange={(event) => onChange({ estimateText: event.currentTarget.value })}
      />
      <TextInput
        {...field('depositMinor')}
        label={t('intake.deposit')}
        description={moneyHint}
        inputMode="decimal"
        autoComplete="off"
        value={device.depositText}
        onChange={(event) => onChange({ depositText: event.currentTarget.value })}
      />
      <TextInput
        {...field('promisedDate')}
        type="date"
        min={localIsoDay(new Date())}
        label={t('intake.promisedDate')}
        description={'\u00a0'}
        value={device.promisedDate}
        onChange={(event) => onChange({ promisedDate: event.currentTarget.value })}
      />
    </SimpleGrid>
  );
}
