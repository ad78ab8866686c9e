import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATA_ANSWERS, type DataAnswer } from '../../../../shared/domain';
import type { DeviceFieldProps } from './device-field-props';
import { required } from '../../forms/required';

/** Must be answered before any work: no answer is preselected. */
export function DataQuestionField({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const answer = field('dataAnswer');
  return (
    <Radio.Group
      id={`${answer.id}-group`}
      label={t('intake.dataQuestion')}
      {...required()}
      error={answer.error}
      value={device.dataAnswer ?? ''}
      onChange={(value) => onChange({ dataAnswer: value as DataAnswer })}
    >
      <Stack gap={4} mt={4}>
        {DATA_ANSWERS.map((value, index) => (
          <Radio key={value} id={index === 0 ? answer.id : undefined} value={value} label={t(`dataAnswer.${value}`)} size="xs" />
        ))}
      </Stack>
    </Radio.Group>
  );
}
