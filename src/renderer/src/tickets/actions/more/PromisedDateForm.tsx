// The date promised to the customer, and a change to it with the reason (told to the customer).
import { Badge, Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketWorkflow } from '../../../../../shared/repair-contract';
import { useFormat } from '../../../desk/useFormat';
import { useSignedInCall } from '../../../session/useSignedInCall';
import { required } from '../../../forms/required';
import { ActionCard } from '../../../widgets/ActionCard';
import { DayInput } from '../../../widgets/DayInput';
import { useWorkflowCall } from '../../../session/useWorkflowCall';

const FIELDS = ['promisedDate', 'reason'] as const;

export function PromisedDateForm({ workflow, onChanged }: { workflow: TicketWorkflow; onChanged(next: TicketWorkflow): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const call = useWorkflowCall(FIELDS);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await call.submit(() => run('tickets.changePromisedDate', { ticketId: workflow.ticketId, promisedDate: date === '' ? null : date, reason }));
    if (next === null) return;
    setDate('');
    setReason('');
    onChanged(next);
  };

  return (
    <ActionCard title={t('ticketMore.promised.title')} error={call.error}>
      <Group gap="sm">
        <Text size="sm" data-testid="promised-date">
          {t('ticketMore.promised.current')}: <strong>{workflow.promisedDate ? format.day(workflow.promisedDate) : t('ticketMore.promised.none')}</strong>
        </Text>
        {workflow.overdue ? (
          <Badge color="red" variant="filled">
            {t('workflow.overdue')}
          </Badge>
        ) : null}
      </Group>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <DayInput
            label={t('ticketMore.promised.newDate')}
            description={t('ticketMore.promised.newDateHint')}
            value={date}
            offer="future"
            onChange={(day) => {
              setDate(day);
              call.clearField('promisedDate');
            }}
            error={call.fieldErrors.promisedDate}
            w={240}
          />
          <TextInput
            label={t('ticketMore.promised.reason')}
            description={t('ticketMore.promised.reasonHint')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              call.clearField('reason');
            }}
            error={call.fieldErrors.reason}
            {...required()}
            style={{ flex: 1, minWidth: 240 }}
          />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={call.busy}>
            {t('ticketMore.promised.submit')}
          </Button>
        </Group>
      </form>
    </ActionCard>
  );
}
