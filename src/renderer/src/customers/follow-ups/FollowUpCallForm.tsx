// Records one follow-up call: reached or not; if reached, is the device
// working and how satisfied (1-5) the customer is with the quality and the
// attitude; remarks; and, when something is wrong, a rework ticket or a
// complaint opened in the same step.
import { Alert, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_CATEGORIES,
  followUpRecordFields,
  followUpRecordRules,
  type ComplaintCategory,
  type FollowUpDue,
  type FollowUpResult,
} from '../../../../shared/customer-care-contract';
import { isCancelled, useSignedInCall } from '../../session/useSignedInCall';
import { ActionForm } from '../../widgets/ActionForm';
import { contractValidate, fieldMessages } from '../../widgets/contract-form';
import { readFailure } from '../../widgets/error-text';
import type { CareNavigation } from '../navigation';

const FIELDS = ['reached', 'working', 'quality', 'attitude', 'remarks', 'then', 'complaintCategory'];
const draftSchema = followUpRecordFields.omit({ session: true }).superRefine(followUpRecordRules);
type Then = 'nothing' | 'rework' | 'complaint';

interface Props {
  due: FollowUpDue;
  navigation: CareNavigation;
  onClose(): void;
}

// Keyed by the contract's paths so its errors land on the fields; choices as the controls hold them.
interface Values {
  reached: string;
  working: string;
  quality: string;
  attitude: string;
  remarks: string;
  then: Then;
  complaintCategory: ComplaintCategory;
}

const toInput = (ticketId: number) => (values: Values) => {
  const reached = values.reached === 'true';
  return {
    ticketId,
    reached,
    working: reached && values.working !== '' ? values.working === 'true' : null,
    quality: reached && values.quality !== '' ? Number(values.quality) : null,
    attitude: reached && values.attitude !== '' ? Number(values.attitude) : null,
    remarks: values.remarks,
    then: reached ? values.then : 'nothing',
    complaintCategory: values.complaintCategory,
  };
};

export function FollowUpCallForm({ due, navigation, onClose }: Props) {
  const { t } = useTranslation();
  const signedIn = useSignedInCall();
  const form = useForm<Values>({
    initialValues: { reached: 'true', working: '', quality: '', attitude: '', remarks: '', then: 'nothing', complaintCategory: 'quality' },
    validate: contractValidate(draftSchema, toInput(due.ticketId), t),
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<FollowUpResult | null>(null);
  const values = form.getValues();
  const isReached = values.reached === 'true';

  const submit = async () => {
    if (busy) return;
    setFailure(null);
    if (form.validate().hasErrors) return;
    setBusy(true);
    const saved = await signedIn('followUps.record', draftSchema.parse(toInput(due.ticketId)(form.getValues())));
    setBusy(false);
    if (isCancelled(saved)) return;
    if (saved.ok) return setResult(saved.data);
    const refusal = readFailure(t, saved.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal.message);
  };

  if (result) return <CallSaved result={result} navigation={navigation} onClose={onClose} />;

  const scores = [
    { value: '', label: t('care.call.choose') },
    ...(['5', '4', '3', '2', '1'] as const).map((value) => ({ value, label: t(`care.call.score.${value}`) })),
  ];
  return (
    <ActionForm title={t('care.call.title', { number: due.displayNumber })} error={failure} onSubmit={() => void submit()}>
      <Stack gap="sm">
        <Text fw={600}>{t('care.call.phone', { name: due.customerName, phone: due.customerPhone })}</Text>
        <Text size="sm" c="dimmed">
          {due.device}
        </Text>
        <Radio.Group label={t('care.call.reached')} {...form.getInputProps('reached')}>
          <Group mt={4}>
            <Radio value="true" label={t('care.call.reachedYes')} />
            <Radio value="false" label={t('care.call.reachedNo')} />
          </Group>
        </Radio.Group>
        {isReached && (
          <>
            <Radio.Group label={t('care.call.working')} {...form.getInputProps('working')}>
              <Group mt={4}>
                <Radio value="true" label={t('care.call.yes')} />
                <Radio value="false" label={t('care.call.no')} />
              </Group>
            </Radio.Group>
            <Group grow align="flex-start">
              <NativeSelect label={t('care.call.quality')} {...form.getInputProps('quality')} data={scores} />
              <NativeSelect label={t('care.call.attitude')} {...form.getInputProps('attitude')} data={scores} />
            </Group>
          </>
        )}
        <Textarea label={t('care.call.remarks')} description={t('care.call.remarksHint')} {...form.getInputProps('remarks')} autosize minRows={2} />
        {isReached && (
          <Group grow align="flex-start">
            <NativeSelect
              label={t('care.call.then')}
              {...form.getInputProps('then')}
              data={[
                { value: 'nothing', label: t('care.call.thenNothing') },
                { value: 'rework', label: t('care.call.thenRework') },
                { value: 'complaint', label: t('care.call.thenComplaint') },
              ]}
            />
            {values.then === 'complaint' && (
              <NativeSelect
                label={t('care.call.category')}
                {...form.getInputProps('complaintCategory')}
                data={COMPLAINT_CATEGORIES.map((value) => ({ value, label: t(`care.category.${value}`) }))}
              />
            )}
          </Group>
        )}
        <Group>
          <Button type="submit" loading={busy} data-enter-target>
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
