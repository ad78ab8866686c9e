// 转交: the ticket moves to another technician, with a note on where the work stands.
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketWorkflow } from '../../../../../shared/repair-contract';
import { useDesk } from '../../../desk/desk-context';
import { useSignedInCall } from '../../../session/useSignedInCall';
import { required } from '../../../forms/required';
import { ActionCard } from '../../../widgets/ActionCard';
import { useWorkflowCall } from '../../../session/useWorkflowCall';

const FIELDS = ['toTechnicianId', 'note'] as const;

export function HandOverForm({ workflow, onChanged }: { workflow: TicketWorkflow; onChanged(next: TicketWorkflow): void }) {
  const { t } = useTranslation();
  const { staff } = useDesk();
  const run = useSignedInCall();
  const call = useWorkflowCall(FIELDS);
  // Checked by main, after the sign-in this bench action asks for: an empty form still asks who is working first.
  const form = useForm({ initialValues: { toTechnicianId: '', note: '' } });
  // The shop's rule is "technician"; the current one is not a choice.
  const technicians = staff.filter((s) => s.active && s.role === 'technician' && s.id !== workflow.technicianId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { toTechnicianId, note } = form.getValues();
    const next = await call.submit(() => run('tickets.handOver', { ticketId: workflow.ticketId, toTechnicianId: Number(toTechnicianId) || 0, note }));
    if (next === null) return;
    form.reset();
    onChanged(next);
  };

  return (
    <ActionCard title={t('ticketMore.handOver.title')} error={call.error}>
      <Text size="sm">
        {t('ticketMore.handOver.current')}: <strong>{workflow.technicianName ?? t('ticketMore.handOver.nobody')}</strong>
      </Text>
      {technicians.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ticketMore.handOver.noOther')}
        </Text>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="sm">
            <NativeSelect
              label={t('ticketMore.handOver.technician')}
              {...form.getInputProps('toTechnicianId')}
              onChange={(e) => {
                form.setFieldValue('toTechnicianId', e.currentTarget.value);
                call.clearField('toTechnicianId');
              }}
              data={[{ value: '', label: t('ticketMore.handOver.choose') }, ...technicians.map((s) => ({ value: String(s.id), label: s.name }))]}
              error={call.fieldErrors.toTechnicianId}
              {...required()}
              maw={320}
            />
            <Textarea
              label={t('ticketMore.handOver.note')}
              description={t('ticketMore.handOver.noteHint')}
              {...form.getInputProps('note')}
              onChange={(e) => {
                form.setFieldValue('note', e.currentTarget.value);
                call.clearField('note');
              }}
              error={call.fieldErrors.note}
              {...required()}
              autosize
              minRows={2}
              // Enter starts a new line in a note; Ctrl+Enter hands over.
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  e.currentTarget.form?.requestSubmit();
                }
              }}
            />
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={call.busy}>
              {t('ticketMore.handOver.submit')}
            </Button>
          </Group>
        </form>
      )}
    </ActionCard>
  );
}
