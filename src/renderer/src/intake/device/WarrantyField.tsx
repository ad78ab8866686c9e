// Purchase date and proof decide the warranty (main assesses it); the clerk
// then reads the fee standard when the repair may be charged and records consent.
import { Alert, Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../desk/useFormat';
import { DayInput } from '../../widgets/DayInput';
import type { WarrantyFieldProps } from './device-field-props';

export function WarrantyField({ device, field, onChange, warranty }: WarrantyFieldProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <DayInput
          {...field('purchaseDate')}
          offer="past"
          label={t('intake.purchaseDate')}
          value={device.purchaseDate}
          onChange={(purchaseDate) => onChange({ purchaseDate })}
          w={170}
        />
        <Checkbox
          {...field('proofOfPurchase')}
          label={t('intake.proofOfPurchase')}
          checked={device.proofOfPurchase}
          onChange={(event) => onChange({ proofOfPurchase: event.currentTarget.checked })}
          mb={8}
        />
      </Group>
      {warranty && (
        <Group gap="xs" role="status" aria-label={t('intake.warranty')}>
          <Text size="sm">{t('intake.warranty')}:</Text>
          <Badge color={warranty.status === 'in_warranty' ? 'teal' : 'orange'} variant="light">
            {t(`warrantyStatus.${warranty.status}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(`warrantyBasis.${warranty.basis}`)}
            {warranty.coveredUntil && ` · ${t('intake.coveredUntil', { date: format.day(warranty.coveredUntil) })}`}
          </Text>
        </Group>
      )}
      {warranty?.withinReturnWindow && (
        <Alert color="blue" variant="light" p="xs">
          <Text size="sm">{t('intake.returnWindow')}</Text>
        </Alert>
      )}
      {warranty?.mayBeCharged && (
        <Alert color="yellow" variant="light" p="xs">
          <Stack gap={6}>
            <Text size="sm">{t('intake.feeReminder')}</Text>
            <Checkbox
              {...field('feeConsent')}
              label={t('intake.feeConsent')}
              checked={device.feeConsent}
              onChange={(event) => onChange({ feeConsent: event.currentTarget.checked })}
            />
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
