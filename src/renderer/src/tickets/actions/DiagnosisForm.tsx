// 故障诊断: fault category, cause, proposed solution, severity level with what
// it means, whether the user caused it, and internal notes. Prefilled from the
// saved diagnosis; saving again revises it.
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import { diagnosisInput } from '../../../../shared/workflow-contract';
import { FAULT_CATEGORIES, SEVERITY_LEVELS, type SeverityLevel } from '../../../../shared/workflow';
import { REPAIR_CLASSES } from '../../../../shared/repair-class';
import { issuesToFieldErrors } from '../../forms/field-errors';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import { useFormat } from '../../desk/useFormat';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { severityMeaning, severityName } from './severity-text';
import { useFailure } from '../../widgets/useFailure';

const FIELDS = ['category', 'severity', 'repairClass', 'cause', 'solution', 'internalNotes'];
const diagnosisDraft = diagnosisInput.omit({ session: true });

export function DiagnosisForm({ workflow, perform }: ActionFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const saved = workflow.diagnosis;
  const [category, setCategory] = useState<string>(saved?.category ?? '');
  const [severity, setSeverity] = useState<string>(saved ? String(saved.severity) : '');
  const [cause, setCause] = useState(saved?.cause ?? '');
  const [solution, setSolution] = useState(saved?.solution ?? '');
  const [userCaused, setUserCaused] = useState(saved?.userCaused ?? false);
  const [internalNotes, setInternalNotes] = useState(saved?.internalNotes ?? '');
  const [repairClass, setRepairClass] = useState<string>(saved?.repairClass ?? '');
  const [busy, setBusy] = useState(false);
  const { failure, fail, failFields, clear, edited, fieldError } = useFailure(FIELDS);

  const save = async () => {
    if (busy) return;
    const parsed = diagnosisDraft.safeParse({
      ticketId: workflow.ticketId,
      category: category || undefined,
      severity: severity ? Number(severity) : undefined,
      cause,
      solution,
      userCaused,
      internalNotes,
      repairClass: repairClass || null,
    });
    if (!parsed.success) return failFields(issuesToFieldErrors(parsed.error.issues));
    setBusy(true);
    clear();
    const outcome = await perform('diagnosis.save', parsed.data);
    setBusy(false);
    if (outcome.kind === 'failed') fail(outcome.error);
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
            value={category}
            onChange={(event) => {
              setCategory(event.currentTarget.value);
              edited('category');
            }}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...FAULT_CATEGORIES.map((value) => ({ value, label: t(`workflow.faultCategory.${value}`) })),
            ]}
            error={fieldError('category')}
          />
          <NativeSelect
            label={t('ticketActions.diagnosis.severity')}
            {...required()}
            value={severity}
            onChange={(event) => {
              setSeverity(event.currentTarget.value);
              edited('severity');
            }}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...SEVERITY_LEVELS.map((level) => ({ value: String(level), label: severityName(t, level) })),
            ]}
            // What the chosen level means (故障等级), under the list so both lists line up.
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            description={
              severity
                ? severityMeaning(t, Number(severity) as SeverityLevel)
                : SEVERITY_LEVELS.map((level) => `${level}: ${severityMeaning(t, level)}`).join(' · ')
            }
            error={fieldError('severity')}
          />
        </SimpleGrid>
        {/* 大中小修及保养: how the reports class the work. */}
        <NativeSelect
          label={t('figures.diagnosisClass')}
          w="50%"
          value={repairClass}
          onChange={(event) => {
            setRepairClass(event.currentTarget.value);
            edited('repairClass');
          }}
          data={[
            { value: '', label: t('figures.reports.repairClass.none') },
            ...REPAIR_CLASSES.map((value) => ({ value, label: t(`figures.reports.repairClass.${value}`) })),
          ]}
          error={fieldError('repairClass')}
        />
        <Textarea
          label={t('ticketActions.diagnosis.cause')}
          {...required()}
          autosize
          minRows={2}
          maxLength={LIMITS.notesMax}
          value={cause}
          onChange={(event) => {
            setCause(event.currentTarget.value);
            edited('cause');
          }}
          error={fieldError('cause')}
        />
        <Textarea
          label={t('ticketActions.diagnosis.solution')}
          autosize
          minRows={2}
          maxLength={LIMITS.notesMax}
          value={solution}
          onChange={(event) => setSolution(event.currentTarget.value)}
          error={fieldError('solution')}
        />
        <Checkbox label={t('ticketActions.diagnosis.userCaused')} checked={userCaused} onChange={(event) => setUserCaused(event.currentTarget.checked)} />
        <Textarea
          label={t('ticketActions.diagnosis.internalNotes')}
          autosize
          minRows={1}
          maxLength={LIMITS.notesMax}
          value={internalNotes}
          onChange={(event) => setInternalNotes(event.currentTarget.value)}
          error={fieldError('internalNotes')}
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
