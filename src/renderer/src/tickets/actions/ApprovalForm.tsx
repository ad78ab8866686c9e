// 方案确认: the customer's decision on the quote in front of them, in person
// (signed on screen) or by phone (who answered, when). Recording it moves the
// ticket to approved or declined.
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import { APPROVAL_DECISIONS, APPROVAL_METHODS, type ApprovalDecision, type ApprovalMethod } from '../../../../shared/workflow';
import type { FieldErrors } from '../../forms/field-errors';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import { SignaturePad } from '../../forms/SignaturePad';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { QuoteSummary } from './quote/QuoteSummary';
import { fieldMessages } from '../../widgets/contract-form';
import { readFailure, type Failure } from '../../widgets/error-text';

/** "YYYY-MM-DDTHH:mm" of now in local time, for a datetime-local field. */
function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

const FIELDS = ['signaturePng', 'contactName', 'contactedAt', 'note'];

interface Values {
  decision: ApprovalDecision;
  method: ApprovalMethod;
  /** The signature drawn on screen (in person). */
  signaturePng: string | null;
  contactName: string;
  /** "YYYY-MM-DDTHH:mm" local time (by phone). */
  contactedAt: string;
  note: string;
}

/** The screen's own check: each way of deciding needs its proof. */
function missing(values: Values): FieldErrors {
  const found: FieldErrors = {};
  if (values.method === 'in_person' && values.signaturePng === null) found.signaturePng = 'signature_invalid';
  if (values.method === 'phone' && values.contactName.trim() === '') found.contactName = 'required';
  if (values.method === 'phone' && Number.isNaN(Date.parse(values.contactedAt))) found.contactedAt = 'date_invalid';
  return found;
}

export function ApprovalForm({ workflow, perform }: ActionFormProps) {
  const { t } = useTranslation();
  const quote = workflow.quotes.find((q) => q.status === 'sent');
  const form = useForm<Values>({
    initialValues: { decision: 'accepted', method: 'in_person', signaturePng: null, contactName: '', contactedAt: localNow(), note: '' },
    validate: (values) => fieldMessages(t, missing(values)),
  });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  if (!quote) return null;

  const clear = () => {
    form.clearErrors();
    setFailure(null);
  };

  const record = async () => {
    if (busy) return;
    setFailure(null);
    if (form.validate().hasErrors) return;
    const { decision, method, signaturePng, contactName, contactedAt, note } = form.getValues();
    setBusy(true);
    const outcome = await perform('approvals.record', {
      ticketId: workflow.ticketId,
      quoteId: quote.id,
      decision,
      method,
      signaturePng: method === 'in_person' ? signaturePng : null,
      contactName: method === 'phone' ? contactName : '',
      contactedAt: method === 'phone' ? new Date(contactedAt).toISOString() : null,
      note,
    });
    setBusy(false);
    if (outcome.kind !== 'failed') return;
    const refusal = readFailure(t, outcome.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void record();
  };

  return (
    <Stack gap="sm">
      <QuoteSummary quote={quote} currency={workflow.currency} basis={workflow.pricingBasis} />
      <form noValidate aria-label={t('ticketActions.approval.title')} onSubmit={onSubmit} onKeyDown={keyboardFormKeyDown(() => void record())}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            <NativeSelect
              label={t('ticketActions.approval.decision')}
              {...form.getInputProps('decision')}
              data={APPROVAL_DECISIONS.map((value) => ({ value, label: t(`workflow.approvalDecision.${value}`) }))}
            />
            <NativeSelect
              label={t('ticketActions.approval.method')}
              {...form.getInputProps('method')}
              onChange={(event) => {
                form.setFieldValue('method', event.currentTarget.value as ApprovalMethod);
                clear();
              }}
              data={APPROVAL_METHODS.map((value) => ({ value, label: t(`workflow.approvalMethod.${value}`) }))}
            />
          </SimpleGrid>
          {form.values.method === 'in_person' ? (
            <SignaturePad
              label={t('ticketActions.approval.signature')}
              value={form.values.signaturePng}
              onChange={(png) => {
                form.setFieldValue('signaturePng', png);
                if (png !== null) clear();
              }}
              error={typeof form.errors.signaturePng === 'string' ? form.errors.signaturePng : null}
            />
          ) : (
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label={t('ticketActions.approval.contactName')} {...required()} maxLength={LIMITS.nameMax} {...form.getInputProps('contactName')} />
              <TextInput type="datetime-local" label={t('ticketActions.approval.contactedAt')} {...required()} {...form.getInputProps('contactedAt')} />
            </SimpleGrid>
          )}
          <TextInput label={t('ticketActions.approval.note')} maxLength={LIMITS.notesMax} {...form.getInputProps('note')} />
          <FailureAlert failure={failure} />
          <Group justify="flex-end">
            <Button type="submit" data-enter-target loading={busy}>
              {t('ticketActions.approval.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
