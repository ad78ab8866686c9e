// One complaint: its facts, the steps taken (who, when), and the forms to add
// a step, record the outcome and the customer's acceptance, and close it
// (a manager only; main refuses anyone else).
import { Alert, Badge, Button, Group, Loader, Radio, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../../shared/customer-care-contract';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { useSignedInCall } from '../../session/useSignedInCall';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import { LabelledValue } from '../../widgets/LabelledValue';
import { ActionCard } from '../../widgets/ActionCard';
import { ActionForm } from '../../widgets/ActionForm';
import { useWorkflowCall } from '../../session/useWorkflowCall';
import type { CareNavigation } from '../navigation';

interface Props {
  complaintId: number;
  onBack(): void;
  navigation: CareNavigation;
  refreshKey: number;
}

export function ComplaintPage({ complaintId, onBack, navigation, refreshKey }: Props) {
  const { t } = useTranslation();
  const [loaded, reload] = useLoaded(
    () => call('complaints.get', { complaintId }),
    (error) => loadFailure(t, error),
    `${complaintId}:${refreshKey}`,
  );
  if (loaded.state === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (loaded.state === 'failed')
    return (
      <Alert color="red" role="alert">
        {loaded.message}
      </Alert>
    );
  const complaint = loaded.data;
  const changed = () => void reload();
  return (
    <Stack gap="md">
      <Group>
        <Button variant="subtle" onClick={onBack}>
          {t('care.complaint.back')}
        </Button>
      </Group>
      <ComplaintFacts complaint={complaint} navigation={navigation} />
      <Steps complaint={complaint} />
      {complaint.status !== 'closed' && <StepForm complaint={complaint} onChanged={changed} />}
      {complaint.status !== 'closed' && <ResolveForm complaint={complaint} onChanged={changed} />}
      {complaint.status === 'resolved' && <CloseForm complaint={complaint} onChanged={changed} />}
    </Stack>
  );
}

function ComplaintFacts({ complaint, navigation }: { complaint: ComplaintView; navigation: CareNavigation }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={3}>{t('care.complaint.title', { id: complaint.id })}</Title>
        <Badge variant="light" tt="none" color={complaint.status === 'closed' ? 'gray' : complaint.status === 'resolved' ? 'blue' : 'red'}>
          {t(`care.status.${complaint.status}`)}
        </Badge>
        {complaint.overdue && (
          <Badge color="red" tt="none">
            {t('care.complaints.overdue')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <LabelledValue label={t('care.complaint.customer')}>
          <Button size="compact-sm" variant="subtle" px={0} onClick={() => navigation.openCustomer(complaint.customerId)}>
            {complaint.customerName} · {complaint.customerPhone}
          </Button>
        </LabelledValue>
        <LabelledValue label={t('care.complaint.ticket')}>{complaint.displayNumber ?? t('care.page.none')}</LabelledValue>
        <LabelledValue label={t('care.complaint.category')}>{t(`care.category.${complaint.category}`)}</LabelledValue>
        <LabelledValue label={t('care.complaint.severity')}>{t(`care.severity.${complaint.severity}`)}</LabelledValue>
        <LabelledValue label={t('care.complaint.owner')}>{complaint.ownerName}</LabelledValue>
        <LabelledValue label={t('care.complaints.opened')}>
          {format.instant(complaint.openedAt)} ({t('care.complaints.ageDays', { count: complaint.ageDays })})
        </LabelledValue>
        <LabelledValue label={t('care.complaint.dueDate')}>{format.day(complaint.dueDate)}</LabelledValue>
        <LabelledValue label={t('care.complaint.reworkTicket')}>{complaint.reworkDisplayNumber ?? t('care.page.none')}</LabelledValue>
        <LabelledValue label={t('care.complaint.reason')} span={2}>
          {complaint.reason}
        </LabelledValue>
        {complaint.outcome && (
          <LabelledValue label={t('care.complaint.outcome')} span={2}>
            {complaint.outcome} · {t(complaint.customerAccepted ? 'care.complaint.accepted' : 'care.complaint.notAccepted')}
          </LabelledValue>
        )}
      </SimpleGrid>
      {complaint.closedAt && (
        <Text size="sm" c="dimmed">
          {t('care.complaint.closedBy', { name: complaint.closedByName ?? '?', date: format.instant(complaint.closedAt) })}
        </Text>
      )}
    </Stack>
  );
}

function Steps({ complaint }: { complaint: ComplaintView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ActionCard title={t('care.complaint.steps')}>
      <Timeline bulletSize={14} lineWidth={2} active={complaint.steps.length - 1}>
        {complaint.steps.map((step) => (
          <Timeline.Item key={step.id} title={t(`care.stepKind.${step.kind}`)}>
            {step.note && <Text size="sm">{step.note}</Text>}
            <Text size="xs" c="dimmed">
              {t('care.page.by', { name: step.staffName ?? '?', date: format.instant(step.at) })}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </ActionCard>
  );
}

function StepForm({ complaint, onChanged }: { complaint: ComplaintView; onChanged(): void }) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['note']);
  const [note, setNote] = useState('');
  const submit = async () => {
    const next = await action.submit(() => signedIn('complaints.addStep', { complaintId: complaint.id, note }));
    if (next) {
      setNote('');
      onChanged();
    }
  };
  return (
    <ActionForm title={t('care.complaint.addStep')} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Textarea
          label={t('care.complaint.stepNote')}
          description={t('care.complaint.stepHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={action.fieldErrors.note}
          autosize
          minRows={2}
        />
        <Group>
          <Button type="submit" variant="light" loading={action.busy}>
            {t('care.complaint.saveStep')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}

function ResolveForm({ complaint, onChanged }: { complaint: ComplaintView; onChanged(): void }) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['outcome', 'customerAccepted']);
  const [outcome, setOutcome] = useState(complaint.outcome);
  const [accepted, setAccepted] = useState<string>(complaint.customerAccepted === null ? '' : String(complaint.customerAccepted));
  const submit = async () => {
    // Nothing chosen is sent as such: main answers with the field's own "required".
    const customerAccepted = accepted === '' ? (null as unknown as boolean) : accepted === 'true';
    const next = await action.submit(() => signedIn('complaints.resolve', { complaintId: complaint.id, outcome, customerAccepted }));
    if (next) onChanged();
  };
  return (
    <ActionForm title={t('care.complaint.resolve')} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Textarea
          label={t('care.complaint.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value)}
          error={action.fieldErrors.outcome}
          autosize
          minRows={2}
        />
        <Radio.Group label={t('care.complaint.acceptance')} value={accepted} onChange={setAccepted} error={action.fieldErrors.customerAccepted}>
          <Group mt={4}>
            <Radio value="true" label={t('care.complaint.accepted')} />
            <Radio value="false" label={t('care.complaint.notAccepted')} />
          </Group>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={action.busy} data-enter-target>
            {t('care.complaint.saveResolve')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}

function CloseForm({ complaint, onChanged }: { complaint: ComplaintView; onChanged(): void }) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(['note']);
  const [note, setNote] = useState('');
  const submit = async () => {
    const next = await action.submit(() => signedIn('complaints.close', { complaintId: complaint.id, note }));
    if (next) onChanged();
  };
  return (
    <ActionForm title={t('care.complaint.close')} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('care.complaint.closeHint')}
        </Text>
        <Textarea
          label={t('care.complaint.closeNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={action.fieldErrors.note}
          autosize
          minRows={1}
        />
        <Group>
          <Button type="submit" color="green" loading={action.busy} data-enter-target>
            {t('care.complaint.close')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}
