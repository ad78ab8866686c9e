import { Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceFieldProps } from './device-field-props';
import { required } from '../../forms/required';

export function FaultFields({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Textarea
        {...field('fault')}
        label={t('intake.fault')}
        description={t('intake.faultHint')}
        {...required()}
        autosize
        minRows={2}
        maxRows={5}
        value={device.fault}
        onChange={(event) => onChange({ fault: event.currentTarget.value })}
      />
      <TextInput
        {...field('customerRequest')}
        label={t('intake.customerRequest')}
        value={device.customerRequest}
        onChange={(event) => onChange({ customerRequest: event.currentTarget.value })}
      />
    </Stack>
  );
}
