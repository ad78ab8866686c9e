// 通知客户: the shop is offline, so each call or text to the customer is logged
// by hand (how, what came of it), and the log shows who called when.
import { Button, Group, List, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_METHODS, NOTIFICATION_OUTCOMES, type NotificationMethod, type NotificationOutcome } from '../../../../../shared/workflow';
import type { NotificationView, TicketWorkflow } from '../../../../../shared/repair-contract';
import { useFormat } from '../../../desk/useFormat';
import { useSignedInCall } from '../../../session/useSignedInCall';
import { ActionCard } from '../../../widgets/ActionCard';
import { useWorkflowCall } from '../../../session/useWorkflowCall';

const FIELDS = ['method', 'outcome', 'note'] as const;

function NotificationList({ notifications }: { notifications: NotificationView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (notifications.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ticketMore.notify.empty')}
      </Text>
    );
  }
  // Newest first: the last call is the one the counter asks about.
  return (
    <List size="sm" spacing={4} aria-label={t('ticketMore.notify.history')} listStyleType="none">
      {[...notifications].reverse().map((n) => (
        <List.Item key={n.id}>
          <Text size="sm" span fw={600}>
            {t(`workflow.notificationOutcome.${n.outcome}`)}
          </Text>
          <Text size="sm" span>
            {' · '}
            {t(`workflow.notificationMethod.${n.method}`)} · {n.staffName ?? t('ticketMore.notify.unknownStaff')} · {format.instant(n.at)}
            {n.note ? ` · ${n.note}` : ''}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function NotificationLog({ workflow, onChanged }: { workflow: TicketWorkflow; onChanged(next: TicketWorkflow): void }) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const call = useWorkflowCall(FIELDS);
  const [method, setMethod] = useState<NotificationMethod>('phone');
  const [outcome, setOutcome] = useState<NotificationOutcome>('reached');
  const [note, setNote] = useState('');
  const canLog = workflow.actions.includes('notifications.log');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = await call.submit(() => run('notifications.log', { ticketId: workflow.ticketId, method, outcome, note }));
    if (next === null) return;
    setNote('');
    onChanged(next);
  };

  return (
    <ActionCard title={t('ticketMore.notify.title')} error={call.error}>
      {canLog ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <NativeSelect
              label={t('ticketMore.notify.method')}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value as NotificationMethod)}
              data={NOTIFICATION_METHODS.map((m) => ({ value: m, label: t(`workflow.notificationMethod.${m}`) }))}
              error={call.fieldErrors.method}
              w={160}
            />
            <NativeSelect
              label={t('ticketMore.notify.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value as NotificationOutcome)}
              data={NOTIFICATION_OUTCOMES.map((o) => ({ value: o, label: t(`workflow.notificationOutcome.${o}`) }))}
              error={call.fieldErrors.outcome}
              w={180}
            />
            <TextInput
              label={t('ticketMore.notify.note')}
              value={note}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                call.clearField('note');
              }}
              error={call.fieldErrors.note}
              style={{ flex: 1, minWidth: 200 }}
            />
          </Group>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" loading={call.busy}>
              {t('ticketMore.notify.submit')}
            </Button>
          </Group>
        </form>
      ) : null}
      <Text size="sm" fw={600}>
        {t('ticketMore.notify.history')}
      </Text>
      <NotificationList notifications={workflow.notifications} />
    </ActionCard>
  );
}
