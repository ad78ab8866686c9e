import { Input, Radio, Stack } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_ANSWERS, type DataAnswer } from '../../../../shared/domain';
import type { DeviceFieldProps } from './device-field-props';
import { required } from '../../forms/required';

/**
 * Must be answered before any work: no answer is preselected. The whole field
 * (question, answers and the error under them) is the radio group, so the
 * error is part of the group a clerk or a screen reader lands on.
 */
export function DataQuestionField({ device, field, onChange }: DeviceFieldProps) {
  const { t } = useTranslation();
  const answer = field('dataAnswer');
  const name = useId();
  const groupId = `${answer.id}-group`;
  return (
    <div
      role="radiogroup"
      id={groupId}
      aria-labelledby={`${groupId}-label`}
      aria-describedby={answer.error ? `${groupId}-error` : undefined}
      aria-required
      aria-invalid={answer.error ? true : undefined}
    >
      <Input.Wrapper
        label={t('intake.dataQuestion')}
        labelElement="div"
        {...required()}
        labelProps={{ ...required().labelProps, id: `${groupId}-label` }}
        error={answer.error}
        errorProps={{ id: `${groupId}-error`, mt: 6 }}
      >
        <Stack gap={4} mt={4}>
          {DATA_ANSWERS.map((value, index) => (
            <Radio
              key={value}
              id={index === 0 ? answer.id : undefined}
              name={name}
              value={value}
              checked={device.dataAnswer === value}
              onChange={() => onChange({ dataAnswer: value as DataAnswer })}
              error={Boolean(answer.error)}
              label={t(`dataAnswer.${value}`)}
              size="xs"
            />
          ))}
        </Stack>
      </Input.Wrapper>
    </div>
  );
}
