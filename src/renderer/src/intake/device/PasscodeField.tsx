import { Input, PasswordInput, SegmentedControl, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import type { PasscodeChoice } from '../draft';
import overlay from '../../forms/OverlayInput.module.css';
import type { DeviceFieldProps } from './device-field-props';
import { PatternPad } from './PatternPad';

export function PasscodeField({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const kind = field('passcode.kind');
  const value = field('passcode.value');
  return (
    <Stack gap={6}>
      <Input.Wrapper id={kind.id} label={t('intake.passcode')} labelElement="div" description={t('intake.passcodeHint')}>
        <SegmentedControl
          mt={4}
          size="xs"
          classNames={{ input: overlay.input }}
          aria-labelledby={`${kind.id}-label`}
          value={device.passcodeChoice}
          onChange={(passcodeChoice) => onChange({ passcodeChoice: passcodeChoice as PasscodeChoice })}
          data={[
            { value: 'none', label: t('intake.passcodeNone') },
            { value: 'pin', label: t('intake.passcodePin') },
            { value: 'pattern', label: t('intake.passcodePattern') },
          ]}
        />
      </Input.Wrapper>
      {device.passcodeChoice === 'pin' && (
        <PasswordInput
          {...value}
          label={t('intake.passcodeValue')}
          maxLength={LIMITS.passcodeMax}
          autoComplete="off"
          value={device.pin}
          onChange={(event) => onChange({ pin: event.currentTarget.value })}
          w={220}
        />
      )}
      {device.passcodeChoice === 'pattern' && (
        <PatternPad id={value.id} error={value.error} value={device.pattern} onChange={(pattern) => onChange({ pattern })} />
      )}
    </Stack>
  );
}
