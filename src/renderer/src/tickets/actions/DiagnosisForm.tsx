// 故障诊断: fault category, cause, proposed solution, severity level with what
// it means, whether the user caused it, and internal notes. Prefilled from the
// saved diagnosis; saving again revises it.
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import { diagnosisInput } from '../../../../shared/repair-contract';
import { FAULT_CATEGORIES, SEVERITY_LEVELS, type SeverityLevel } from '../../../../shared/workflow';
import { REPAIR_CLASSES } from '../../../../shared/repair-class';
import { useForm } from '@mantine/form';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import { useFormat } from '../../desk/useFormat';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { severityMeaning, severityName } from './severity-text';
import { contractValidate, fieldMessages } from '../../widgets/contract-form';
import { readFailure, type Failure } from '../../widgets/error-text';

const FIELDS = ['category', 'severity', 'repairClass', 'cause', 'solution', 'internalNotes'];
const diagnosisDraft = diagnosisInput.omit({ session: true });

interface Values {
  category: string;
  severity: string;
  repairClass: string;
  cause: string;
  solution: string;
  userCaused: boolean;
  internalNotes: string;
}

const toInput = (ticketId: number) => (values: Values) => ({
  ticketId,
  category: values.category || undefined,
  severity: values.severity ? Number(values.severity) : undefined,
  cause: values.cause,
  solution: values.solution,
  userCaused: values.userCaused,
  internalNotes: values.internalNotes,
  repairClass: values.repairClass || null,
});

export function DiagnosisForm({ workflow, perform }: ActionFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const saved = workflow.diagnosis;
  const form = useForm<Values>({
    initialValues: {
      category: saved?.category ?? '',
      severity: saved ? String(saved.severity) : '',
      repairClass: saved?.repairClass ?? '',
      cause: saved?.cause ?? '',
      solution: saved?.solution ?? '',
      userCaused: saved?.userCaused ?? false,
      internalNotes: saved?.internalNotes ?? '',
    },
    validate: contractValidate(diagnosisDraft, toInput(workflow.ticketId), t),
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const save = async () => {
    if (busy) return;
    setFailure(null);
    if (form.validate().hasErrors) return;
    setBusy(true);
    const outcome = await perform('diagnosis.save', diagnosisDraft.parse(toInput(workflow.ticketId)(form.getValues())));
    setBusy(false);
    if (outcome.kind !== 'failed') return;
    const refusal = readFailure(t, outcome.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  return (
    <form noValidate aria-label={t('ticketActions.diagnosis.title')} onSubmit={onSubmit} onKeyDown={keyboardFormKeyDown(() => void save())}>
      <Stack gap="sm">
        <SimpleGrid cols={2} spacing="sm">
          <NativeSelect
            label={t('ticketActions.diagnosis.category')}
            {...required()}
            {...form.getInputProps('category')}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...FAULT_CATEGORIES.map((value) => ({ value, label: t(`workflow.faultCategory.${value}`) })),
            ]}
          />
          <NativeSelect
            label={t('ticketActions.diagnosis.severity')}
            {...required()}
            {...form.getInputProps('severity')}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...SEVERITY_LEVELS.map((level) => ({ value: String(level), label: severityName(t, level) })),
            ]}
            // What the chosen level means (故障等级), under the list so both lists line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              form.values.severity
                ? severityMeaning(t, Number(form.values.severity) as SeverityLevel)
                : SEVERITY_LEVELS.map((level) => `${level}: ${severityMeaning(t, level)}`).join(' · ')
            }
          />
        </SimpleGrid>
        {/* 大中小修及保养: how the reports class the work. */}
        <NativeSelect
          label={t('figures.diagnosisClass')}
          w="50%"
          {...form.getInputProps('repairClass')}
          data={[
            { value: '', label: t('figures.reports.repairClass.none') },
            ...REPAIR_CLASSES.map((value) => ({ value, label: t(`figures.reports.repairClass.${value}`) })),
          ]}
        />
        <Textarea
          label={t('ticketActions.diagnosis.cause')}
          {...required()}
          autosize
          minRows={2}
          maxLength={LIMITS.notesMax}
          {...form.getInputProps('cause')}
        />
        <Textarea label={t('ticketActions.diagnosis.solution')} autosize minRows={2} maxLength={LIMITS.notesMax} {...form.getInputProps('solution')} />
        <Checkbox label={t('ticketActions.diagnosis.userCaused')} {...form.getInputProps('userCaused', { type: 'checkbox' })} />
        <Textarea
          label={t('ticketActions.diagnosis.internalNotes')}
          autosize
          minRows={1}
          maxLength={LIMITS.notesMax}
          {...form.getInputProps('internalNotes')}
        />
        <FailureAlert failure={failure} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {saved ? t('ticketActions.diagnosis.savedBy', { name: saved.staffName ?? '—', when: format.instant(saved.updatedAt) }) : null}
          </Text>
          <Button type="submit" data-enter-target loading={busy}>
            {t('ticketActions.diagnosis.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
