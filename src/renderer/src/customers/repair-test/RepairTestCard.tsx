// On a ticket's page while it is in testing (试机通检): what was tested and the
// result; earlier tests stay listed afterwards.
import { Badge, Button, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/contract';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { useSignedInCall } from '../../session/useSignedInCall';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import { useWorkflowCall } from '../../session/useWorkflowCall';
import { ActionCard } from '../../widgets/ActionCard';
import { ActionForm } from '../../widgets/ActionForm';

export function RepairTestCard({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['tested', 'passed', 'note']);
  const [tests, reload] = useLoaded(
    () => call('repairTests.ofTicket', { ticketId: ticket.id }),
    (error) => loadFailure(t, error),
    `${ticket.id}:${ticket.updatedAt}`,
  );
  const [tested, setTested] = useState('');
  const [passed, setPassed] = useState('true');
  const [note, setNote] = useState('');
  const list = tests.state === 'done' ? tests.data : [];
  if (ticket.status !== 'testing' && list.length === 0) return null;

  const submit = async () => {
    const saved = await action.submit(() => signedIn('repairTests.record', { ticketId: ticket.id, tested, passed: passed === 'true', note }));
    if (saved) {
      setNote('');
      await reload();
    }
  };
  const done = list.map((test) => (
    <Group key={test.id} gap="xs" align="baseline">
      <Badge color={test.passed ? 'green' : 'red'} tt="none">
        {t(test.passed ? 'care.repairTest.passed' : 'care.repairTest.failed')}
      </Badge>
      <Text size="sm">{test.tested}</Text>
      {test.note && <Text size="sm">· {test.note}</Text>}
      <Text size="xs" c="dimmed">
        {t('care.page.by', { name: test.staffName ?? '?', date: format.instant(test.at) })}
      </Text>
    </Group>
  ));
  // Out of testing the earlier tests stay listed, with nothing to record.
  if (ticket.status !== 'testing') return <ActionCard title={t('care.repairTest.title')}>{done}</ActionCard>;
  return (
    <ActionForm title={t('care.repairTest.title')} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        {done}
        <Textarea
          label={t('care.repairTest.tested')}
          description={t('care.repairTest.testedHint')}
          value={tested}
          onChange={(e) => setTested(e.currentTarget.value)}
          error={action.fieldErrors.tested}
          autosize
          minRows={1}
        />
        <Radio.Group label={t('care.repairTest.result')} value={passed} onChange={setPassed}>
          <Group mt={4}>
            <Radio value="true" label={t('care.repairTest.passed')} />
            <Radio value="false" label={t('care.repairTest.failed')} />
          </Group>
        </Radio.Group>
        <TextInput label={t('care.repairTest.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={action.fieldErrors.note} />
        <Group>
          <Button type="submit" variant="light" loading={action.busy} data-enter-target>
            {t('care.repairTest.submit')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}
