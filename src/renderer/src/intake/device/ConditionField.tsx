import { Checkbox, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONDITION_CHECKS } from '../../../../shared/domain';
import { useDesk } from '../../desk/desk-context';
import { useRovingFocus } from '../../forms/useRovingFocus';
import type { DeviceFieldProps } from './device-field-props';
import { required } from '../../forms/required';

export function ConditionField({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const { settings } = useDesk();
  const checks = CONDITION_CHECKS[device.type || 'other'];
  const group = field('conditionChecks');
  const roving = useRovingFocus(checks.length);
  return (
    <Stack gap={6}>
      <Checkbox.Group
        id={`${group.id}-group`}
        label={t('intake.condition')}
        description={settings.conditionRequired ? t('intake.conditionRequiredHint') : undefined}
        {...required(settings.conditionRequired)}
        error={group.error}
        value={device.conditionChecks}
        onChange={(conditionChecks) => onChange({ conditionChecks })}
      >
        <Group gap="xs" mt={4} onKeyDown={roving.onKeyDown}>
          {checks.map((check, index) => (
            <Checkbox
              key={check}
              id={index === 0 ? group.id : undefined}
              value={check}
              label={t(`condition.${check}` as 'condition.screen_cracked')}
              size="xs"
              {...roving.itemProps(index)}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        {...field('conditionNotes')}
        label={t('intake.conditionNotes')}
        autosize
        minRows={1}
        maxRows={3}
        value={device.conditionNotes}
        onChange={(event) => onChange({ conditionNotes: event.currentTarget.value })}
      />
    </Stack>
  );
}
