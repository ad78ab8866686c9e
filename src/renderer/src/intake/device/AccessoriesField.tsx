import { Chip, Group, Input, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCESSORIES, type Accessory } from '../../../../shared/domain';
import { useRovingFocus } from '../../forms/useRovingFocus';
import overlay from '../../forms/OverlayInput.module.css';
import type { DeviceFieldProps } from './device-field-props';

export function AccessoriesField({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const group = field('accessories');
  const roving = useRovingFocus(ACCESSORIES.length);
  return (
    <Stack gap={6}>
      <Input.Wrapper id={`${group.id}-group`} labelProps={{ id: `${group.id}-label` }} label={t('intake.accessories')} labelElement="div" error={group.error}>
        <div role="group" aria-labelledby={`${group.id}-label`} onKeyDown={roving.onKeyDown}>
          <Chip.Group multiple value={device.accessories} onChange={(value) => onChange({ accessories: value as Accessory[] })}>
            <Group gap={6} mt={4}>
              {ACCESSORIES.map((accessory, index) => (
                <Chip
                  key={accessory}
                  id={index === 0 ? group.id : undefined}
                  value={accessory}
                  size="xs"
                  variant="outline"
                  classNames={{ root: overlay.root, input: overlay.input }}
                  {...roving.itemProps(index)}
                >
                  {t(`accessory.${accessory}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
      </Input.Wrapper>
      <TextInput
        {...field('accessoriesOther')}
        label={t('intake.accessoriesOther')}
        value={device.accessoriesOther}
        onChange={(event) => onChange({ accessoriesOther: event.currentTarget.value })}
      />
    </Stack>
  );
}
