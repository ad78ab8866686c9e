import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEVICE_TYPES, type DeviceType } from '../../../../shared/domain';
import type { DeviceDraft } from '../draft';
import type { DeviceFieldProps } from './device-field-props';
import { required } from '../../forms/required';

export function DeviceIdentityFields({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const text = (name: 'brand' | 'model' | 'serial' | 'colour') => ({
    ...field(name),
    value: device[name],
    autoComplete: 'off',
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: event.currentTarget.value } as Partial<DeviceDraft>),
  });
  return (
    <SimpleGrid cols={5} spacing="sm">
      <NativeSelect
        {...field('type')}
        label={t('intake.deviceType')}
        {...required()}
        value={device.type}
        data={[{ value: '', label: t('intake.chooseDeviceType') }, ...DEVICE_TYPES.map((type) => ({ value: type, label: t(`deviceType.${type}`) }))]}
        onChange={(event) => onChange({ type: event.currentTarget.value as DeviceType | '' })}
      />
      <TextInput {...text('brand')} label={t('intake.brand')} {...required()} />
      <TextInput {...text('model')} label={t('intake.model')} {...required()} />
      <TextInput {...text('serial')} label={t('intake.serial')} />
      <TextInput {...text('colour')} label={t('intake.colour')} />
    </SimpleGrid>
  );
}
