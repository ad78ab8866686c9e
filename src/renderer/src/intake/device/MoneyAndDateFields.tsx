import { NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain';
import { useTranslation } from 'react-i18next';
import { useDesk } from '../../desk/desk-context';
import { DayInput } from '../../widgets/DayInput';
import type { DeviceFieldProps } from './device-field-props';
import { MoneyInput } from '../../widgets/MoneyInput';

export function MoneyAndDateFields({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const { settings } = useDesk();
  const moneyHint = t('intake.moneyHint', { currency: settings.currency });
  const hasDeposit = /[1-9]/.test(device.depositText);
  return (
    <SimpleGrid cols={3} spacing="sm">
      <MoneyInput
        {...field('estimateMinor')}
        label={t('intake.estimate')}
        description={moneyHint}
        value={device.estimateText}
        onChange={(event) => onChange({ estimateText: event.currentTarget.value })}
      />
      <Stack gap={6}>
        <MoneyInput
          {...field('depositMinor')}
          label={t('intake.deposit')}
          description={moneyHint}
          value={device.depositText}
          onChange={(event) => onChange({ depositText: event.currentTarget.value })}
        />
        {/* Asked only once a deposit is typed (Enter skips it otherwise); the day's takings count it by method. */}
        {hasDeposit && (
          <NativeSelect
            {...field('depositMethod')}
            aria-label={t('intake.depositMethod')}
            size="xs"
            value={device.depositMethod}
            onChange={(event) => onChange({ depositMethod: event.currentTarget.value as PaymentMethod })}
            data={PAYMENT_METHODS.map((method) => ({ value: method, label: t(`collection.payment.methods.${method}`) }))}
          />
        )}
      </Stack>
      <DayInput
        {...field('promisedDate')}
        offer="future"
        label={t('intake.promisedDate')}
        description={'\u00a0'}
        value={device.promisedDate}
        onChange={(promisedDate) => onChange({ promisedDate })}
      />
    </SimpleGrid>
  );
}
