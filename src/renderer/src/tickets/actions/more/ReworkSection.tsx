// 返修: a collected repair that comes back within its repair warranty gets a new,
// linked ticket (the collected one stays as it was printed and signed). Shows
// the links both ways: the original of a rework, the reworks of a repair.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReopenResult, TicketWorkflow } from '../../../../../shared/repair-contract';
import { invoke } from '../../../api';
import { useFormat } from '../../../desk/useFormat';
import { isCancelled, useSignedInCall } from '../../../session/useSignedInCall';
import { required } from '../../../forms/required';
import { ActionCard } from '../../../widgets/ActionCard';
import { useOpenTicket } from './open-ticket';
import { TicketLink } from './TicketLink';
import { useWorkflowCall } from '../../../session/useWorkflowCall';

interface Props {
  workflow: TicketWorkflow;
  onChanged(next: TicketWorkflow): void;
}

function ReopenForm({ workflow, onChanged, onOpened }: Props & { onOpened(rework: ReopenResult): void }) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const call = useWorkflowCall(['fault', 'note']);
  const [fault, setFault] = useState('');
  const [note, setNote] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await call.submit(async () => {
      const result = await run('workflow.reopen', { ticketId: workflow.ticketId, fault, note });
      if (isCancelled(result) || !result.ok) return result;
      // workflow.reopen answers with the new ticket; this page still shows the original, now with its rework. It is
      // read while the button is still busy, so the notice, the new link and the form's going land in one render.
      const read = await invoke('tickets.getWorkflow', { ticketId: workflow.ticketId });
      return { ok: true as const, data: { rework: result.data, fresh: read.ok ? read.data : null } };
    });
    if (done === null) return;
    setFault('');
    setNote('');
    onOpened(done.rework);
    if (done.fresh) onChanged(done.fresh);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('ticketMore.rework.fault')}
          value={fault}
          onChange={(e) => {
            setFault(e.currentTarget.value);
            call.clearField('fault');
          }}
          error={call.fieldErrors.fault}
          {...required()}
        />
        <TextInput label={t('ticketMore.rework.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={call.fieldErrors.note} />
        <Group justify="flex-end">
          <Button type="submit" loading={call.busy}>
            {t('ticketMore.rework.submit')}
          </Button>
        </Group>
        {call.error ? (
          <Text size="sm" c="red" role="alert">
            {call.error}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

export function ReworkSection({ workflow, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const openTicket = useOpenTicket();
  const [opened, setOpened] = useState<ReopenResult | null>(null);
  const canReopen = workflow.actions.includes('workflow.reopen');

  return (
    <ActionCard title={t('ticketMore.rework.title')}>
      {workflow.repairWarrantyUntil ? <Text size="sm">{t('ticketMore.rework.until', { date: format.day(workflow.repairWarrantyUntil) })}</Text> : null}
      {opened ? (
        <Alert color="green" title={t('ticketMore.rework.opened')} role="status">
          <Stack gap={4} align="flex-start">
            <TicketLink ticket={opened} size="lg" />
            {openTicket === null ? <Text size="sm">{t('ticketMore.rework.noNavigation')}</Text> : null}
          </Stack>
        </Alert>
      ) : null}
      {workflow.reworkOf ? (
        <Group gap="xs">
          <Text size="sm">{t('ticketMore.rework.reworkOf')}</Text>
          <TicketLink ticket={workflow.reworkOf} />
        </Group>
      ) : null}
      {workflow.reworks.length > 0 ? (
        <Group gap="xs">
          <Text size="sm">{t('ticketMore.rework.reworks')}</Text>
          {workflow.reworks.map((r) => (
            <TicketLink key={r.ticketId} ticket={r} />
          ))}
        </Group>
      ) : null}
      {/* Once opened, the form goes: a second press must not open a second rework. */}
      {canReopen && opened === null ? <ReopenForm workflow={workflow} onChanged={onChanged} onOpened={setOpened} /> : null}
    </ActionCard>
  );
}
