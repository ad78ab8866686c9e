// 方案确认: the customer's decision on the quote in front of them, in person
// (signed on screen) or by phone (who answered, when). Recording it moves the
// ticket to approved or declined.
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
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
import { QuoteSummary } from './QuoteSummary';
import { useFailure } from '../../widgets/useFailure';

/** "YYYY-MM-DDTHH:mm" of now in local time, for a datetime-local field. */
function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export function ApprovalForm({ workflow, perform }: ActionFormProps) {
  const { t } = useTranslation();
  const quote = workflow.quotes.find((q) => q.status === 'sent');
  const [decision, setDecision] = useState<ApprovalDecision>('accepted');
  const [method, setMethod] = useState<ApprovalMethod>('in_person');
  const [signature, setSignature] = useState<string | null>(null);
  const [contactName, setContactName] = useState('');
  const [contactedAt, setContactedAt] = useState(localNow);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { failure, fail, failFields, clear, edited, fieldError } = useFailure(['signaturePng', 'contactName', 'contactedAt', 'note']);

  if (!quote) return null;

  const record = async () => {
    if (busy) return;
    const missing: FieldErrors = {};
    if (method === 'in_person' && signature === null) missing.signaturePng = 'signature_invalid';
    if (method === 'phone' && contactName.trim() === '') missing.contactName = 'required';
    if (method === 'phone' && Number.isNaN(Date.parse(contactedAt))) missing.contactedAt = 'date_invalid';
    if (Object.keys(missing).length > 0) return failFields(missing);
    setBusy(true);
    clear();
    const outcome = await perform('approvals.record', {
      ticketId: workflow.ticketId,
      quoteId: quote.id,
      decision,
      method,
      signaturePng: method === 'in_person' ? signature : null,
      contactName: method === 'phone' ? contactName : '',
      contactedAt: method === 'phone' ? new Date(contactedAt).toISOString() : null,
      note,
    });
    setBusy(false);
    if (outcome.kind === 'failed') fail(outcome.error);
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
              value={decision}
              onChange={(event) => setDecision(event.currentTarget.value as ApprovalDecision)}
              data={APPROVAL_DECISIONS.map((value) => ({ value, label: t(`workflow.approvalDecision.${value}`) }))}
            />
            <NativeSelect
              label={t('ticketActions.approval.method')}
              value={method}
              onChange={(event) => {
                setMethod(event.currentTarget.value as ApprovalMethod);
                clear();
              }}
              data={APPROVAL_METHODS.map((value) => ({ value, label: t(`workflow.approvalMethod.${value}`) }))}
            />
          </SimpleGrid>
          {method === 'in_person' ? (
            <SignaturePad
              label={t('ticketActions.approval.signature')}
              value={signature}
              onChange={(png) => {
                setSignature(png);
                if (png !== null) clear();
              }}
              error={fieldError('signaturePng') ?? null}
            />
          ) : (
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('ticketActions.approval.contactName')}
                {...required()}
                maxLength={LIMITS.nameMax}
                value={contactName}
                onChange={(event) => {
                  setContactName(event.currentTarget.value);
                  edited('contactName');
                }}
                error={fieldError('contactName')}
              />
              <TextInput
                type="datetime-local"
                label={t('ticketActions.approval.contactedAt')}
                {...required()}
                value={contactedAt}
                onChange={(event) => setContactedAt(event.currentTarget.value)}
                error={fieldError('contactedAt')}
              />
            </SimpleGrid>
          )}
          <TextInput
            label={t('ticketActions.approval.note')}
            maxLength={LIMITS.notesMax}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={fieldError('note')}
          />
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
