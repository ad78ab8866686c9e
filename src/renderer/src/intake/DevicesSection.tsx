import { Button, Fieldset, Group, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarrantyAssessment } from '../../../shared/contract';
import { LIMITS } from '../../../shared/domain';
import type { FieldErrors } from '../forms/field-errors';
import { DeviceFields } from './device/DeviceFields';
import type { DeviceDraft } from './draft';
import type { FieldProps } from './field-props';

interface Props {
  devices: DeviceDraft[];
  activeIndex: number;
  onActivate(index: number): void;
  warranties: Record<string, WarrantyAssessment | undefined>;
  errors: FieldErrors;
  field: FieldProps;
  onChange(index: number, patch: Partial<Omit<DeviceDraft, 'key'>>): void;
  onAdd(): void;
  onRemove(index: number): void;
}

function hasErrors(errors: FieldErrors, index: number): boolean {
  return Object.keys(errors).some((path) => path.startsWith(`devices.${index}.`));
}

export function DevicesSection({ devices, activeIndex, onActivate, warranties, errors, field, onChange, onAdd, onRemove }: Props) {
  const { t } = useTranslation();
  const active = devices[activeIndex];
  // An intake always holds at least one device, and the active index follows the list.
  if (!active) return null;
  return (
    <Fieldset legend={t('intake.deviceSection')} variant="filled">
      <Tabs
        value={active.key}
        onChange={(key) =>
          onActivate(
            Math.max(
              0,
              devices.findIndex((d) => d.key === key),
            ),
          )
        }
        keepMounted={false}
      >
        <Tabs.List>
          {devices.map((device, index) => (
            <Tabs.Tab key={device.key} value={device.key} c={hasErrors(errors, index) ? 'red' : undefined}>
              {t('intake.deviceTab', { index: index + 1 })}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={active.key} pt="sm">
          <DeviceFields
            key={active.key}
            device={active}
            warranty={warranties[active.key]}
            field={(name) => field(`devices.${activeIndex}.${name}`)}
            onChange={(patch) => onChange(activeIndex, patch)}
          />
        </Tabs.Panel>
      </Tabs>
      {/* After the device's fields, so Tab from the last field reaches them. */}
      <Group justify="flex-end" gap="xs" mt="sm">
        {devices.length > 1 && (
          <Button variant="subtle" color="red" size="xs" onClick={() => onRemove(activeIndex)}>
            {t('intake.removeDevice')}
          </Button>
        )}
        {/* A stop of the Enter chain: Enter adds the device, Tab goes on to the technician. */}
        <Button variant="light" size="xs" onClick={onAdd} disabled={devices.length >= LIMITS.devicesPerIntake} data-enter-target>
          {t('intake.addDevice')}
        </Button>
      </Group>
    </Fieldset>
  );
}
