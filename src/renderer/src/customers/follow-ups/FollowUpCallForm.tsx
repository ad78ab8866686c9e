// Records one follow-up call: reached or not; if reached, is the device
// working and how satisfied (1-5) the customer is with the quality and the
// attitude; remarks; and, when something is wrong, a rework ticket or a
// complaint opened in the same step.
import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CATEGORIES, type ComplaintCategory, type FollowUpDue, type FollowUpResult } from '../../../../shared/customer-care-contract';
import { useSignedInCall } from '../../session/useSignedInCall';
import { ActionForm } from '../../widgets/ActionForm';
import { useWorkflowCall } from '../../session/useWorkflowCall';
import type { CareNavigation } from '../navigation';

const FIELDS = ['reached', 'working', 'quality', 'attitude', 'remarks', 'then', 'complaintCategory'];
type Then = 'nothing' | 'rework' | 'complaint';

interface Props {
  due: FollowUpDue;
  navigation: CareNavigation;
  onClose(): void;
}

export function FollowUpCallForm({ due, navigation, onClose }: Props) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const action = useWorkflowCall(FIELDS);
  const [reached, setReached] = useState('true');
  const [working, setWorking] = useState('');
  const [quality, setQuality] = useState('');
  const [attitude, setAttitude] = useState('');
  const [remarks, setRemarks] = useState('');
  const [then, setThen] = useState<Then>('nothing');
  const [category, setCategory] = useState<ComplaintCategory>('quality');
  const [result, setResult] = useState<FollowUpResult | null>(null);
  const isReached = reached === 'true';

  const submit = async () => {
    const saved = await action.submit(() =>
      signedIn('followUps.record', {
        ticketId: due.ticketId,
        reached: isReached,
        working: isReached && working !== '' ? working === 'true' : null,
        quality: isReached && quality !== '' ? Number(quality) : null,
        attitude: isReached && attitude !== '' ? Number(attitude) : null,
        remarks,
        then: isReached ? then : 'nothing',
        complaintCategory: category,
      }),
    );
    if (saved) setResult(saved);
  };

  if (result) return <CallSaved result={result} navigation={navigation} onClose={onClose} />;

  const scores = [
    { value: '', label: t('care.call.choose') },
    ...(['5', '4', '3', '2', '1'] as const).map((value) => ({ value, label: t(`care.call.score.${value}`) })),
  ];
  return (
    <ActionForm title={t('care.call.title', { number: due.displayNumber })} error={action.error} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Text fw={600}>{t('care.call.phone', { name: due.customerName, phone: due.customerPhone })}</Text>
        <Text size="sm" c="dimmed">
          {due.device}
        </Text>
        <Radio.Group label={t('care.call.reached')} value={reached} onChange={setReached} error={action.fieldErrors.reached}>
          <Group mt={4}>
            <Radio value="true" label={t('care.call.reachedYes')} />
            <Radio value="false" label={t('care.call.reachedNo')} />
          </Group>
        </Radio.Group>
        {isReached && (
          <>
            <Radio.Group label={t('care.call.working')} value={working} onChange={setWorking} error={action.fieldErrors.working}>
              <Group mt={4}>
                <Radio value="true" label={t('care.call.yes')} />
                <Radio value="false" label={t('care.call.no')} />
              </Group>
            </Radio.Group>
            <Group grow align="flex-start">
              <NativeSelect
                label={t('care.call.quality')}
                value={quality}
                onChange={(e) => setQuality(e.currentTarget.value)}
                data={scores}
                error={action.fieldErrors.quality}
              />
              <NativeSelect
                label={t('care.call.attitude')}
                value={attitude}
                onChange={(e) => setAttitude(e.currentTarget.value)}
                data={scores}
                error={action.fieldErrors.attitude}
              />
            </Group>
          </>
        )}
        <Textarea
          label={t('care.call.remarks')}
          description={t('care.call.remarksHint')}
          value={remarks}
          onChange={(e) => setRemarks(e.currentTarget.value)}
          error={action.fieldErrors.remarks}
          autosize
          minRows={2}
        />
        {isReached && (
          <Group grow align="flex-start">
            <NativeSelect
              label={t('care.call.then')}
              value={then}
              onChange={(e) => setThen(e.currentTarget.value as Then)}
              data={[
                { value: 'nothing', label: t('care.call.thenNothing') },
                { value: 'rework', label: t('care.call.thenRework') },
                { value: 'complaint', label: t('care.call.thenComplaint') },
              ]}
            />
            {then === 'complaint' && (
              <NativeSelect
                label={t('care.call.category')}
                value={category}
                onChange={(e) => setCategory(e.currentTarget.value as ComplaintCategory)}
                data={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`care.category.${value}`) }))}
              />
            )}
          </Group>
        )}
        <Group>
          <Button type="submit" loading={action.busy} data-enter-target>
            {t('care.call.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('care.call.cancel')}
          </Button>
        </Group>
      </Stack>
    </ActionForm>
  );
}

function CallSaved({ result, navigation, onClose }: { result: FollowUpResult; navigation: CareNavigation; onClose(): void }) {
  const { t } = useTranslation();
  const message = { closed: t('care.call.savedClosed'), retry: t('care.call.savedRetry'), unreachable: t('care.call.savedUnreachable') }[result.state];
  return (
    <Stack gap="sm">
      <Title order={4}>{message}</Title>
      {result.reworkDisplayNumber && <Alert color="orange">{t('care.call.reworkOpened', { number: result.reworkDisplayNumber })}</Alert>}
      {result.complaintId !== null && <Alert color="red">{t('care.call.complaintOpened', { id: result.complaintId })}</Alert>}
      <Group>
        {result.complaintId !== null && (
          <Button color="red" autoFocus onClick={() => navigation.openComplaint(result.complaintId as number)}>
            {t('care.call.openComplaint', { id: result.complaintId })}
          </Button>
        )}
        <Button variant={result.complaintId !== null ? 'default' : 'filled'} autoFocus={result.complaintId === null} onClick={onClose}>
          {t('care.followUps.back')}
        </Button>
      </Group>
    </Stack>
  );
}
