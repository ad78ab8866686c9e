// The hand-over: how the customer proved the device is theirs, what goes back
// with it (ticked from what was left at intake), the customer's signature, and
// "Complete collection", which waits until nothing is owed either way and the
// loaner is back (or a manager let it go).
import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionIdentity, CollectionResult, CollectionView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import { SignaturePad } from '../forms/SignaturePad';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { fieldCode, useErrorText } from '../widgets/error-text';
import type { LoanerOverride } from './LoanWarning';
import { useAccessoryNames } from './TicketFacts';

interface Props {
  view: CollectionView;
  /** Found by its number (the claim ticket was scanned or typed), or by phone or name. */
  defaultIdentity: CollectionIdentity;
  loanerOverride: LoanerOverride | null;
  onCompleted(result: CollectionResult): void;
}

export function HandOver({ view, defaultIdentity, loanerOverride, onCompleted }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const errorText = useErrorText();
  const accessories = useAccessoryNames(view);
  const [identity, setIdentity] = useState<CollectionIdentity>(defaultIdentity);
  const [note, setNote] = useState('');
  const [returned, setReturned] = useState<string[]>(() => accessories.map((a) => a.value));
  const [signature, setSignature] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ note?: string; signature?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  const blocker =
    view.balanceMinor > 0
      ? t('collection.handOver.balanceFirst', { amount: format.money(view.balanceMinor, view.currency) })
      : view.balanceMinor < 0
        ? t('collection.handOver.refundFirst', { amount: format.money(-view.balanceMinor, view.currency) })
        : view.openLoans.length > 0 && !loanerOverride
          ? t('collection.handOver.loanerFirst')
          : null;

  const complete = async () => {
    if (blocker || busy) return;
    const found: typeof errors = {};
    if (identity === 'phone_and_name' && note.trim() === '') found.note = t('collection.identity.noteRequired');
    if (signature === null) found.signature = t('collection.handOver.signatureRequired');
    setErrors(found);
    if (Object.keys(found).length > 0 || signature === null) return;
    setBusy(true);
    const result = await run('collection.complete', {
      ticketId: view.ticketId,
      identity,
      identityNote: note.trim(),
      signaturePng: signature,
      accessoriesReturned: returned,
      loanerOverrideReason: view.openLoans.length > 0 && loanerOverride ? loanerOverride.reason : null,
      managerApproval: view.openLoans.length > 0 && loanerOverride ? loanerOverride.approval : null,
    });
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) {
      const noteCode = fieldCode(result.error, 'identityNote');
      const signatureCode = fieldCode(result.error, 'signaturePng');
      return setErrors({
        note: noteCode ? t(`errors.field.${noteCode}` as 'errors.field.invalid') : undefined,
        signature: signatureCode ? t(`errors.field.${signatureCode}` as 'errors.field.invalid') : undefined,
        form: noteCode || signatureCode ? undefined : errorText(result.error),
      });
    }
    onCompleted(result.data);
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="collection-handover-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="collection-handover-title">
          {t('collection.handOver.title')}
        </Title>
        <Radio.Group label={t('collection.identity.legend')} value={identity} onChange={(value) => setIdentity(value as CollectionIdentity)}>
          <Stack gap={6} mt={4}>
            <Radio value="claim_ticket" label={t('collection.identity.claim_ticket')} />
            <Radio value="phone_and_name" label={t('collection.identity.phone_and_name')} />
          </Stack>
        </Radio.Group>
        {identity === 'phone_and_name' && (
          <Textarea
            label={t('collection.identity.note')}
            description={t('collection.identity.phoneOnFile', { name: view.customer.name, phone: view.customer.phone })}
            placeholder={t('collection.identity.notePlaceholder')}
            autosize
            minRows={2}
            value={note}
            error={errors.note}
            onChange={(event) => {
              setNote(event.currentTarget.value);
              setErrors((e) => ({ ...e, note: undefined }));
            }}
          />
        )}
        {accessories.length > 0 ? (
          <Checkbox.Group label={t('collection.handOver.accessories')} value={returned} onChange={setReturned}>
            <Group gap="md" mt={4}>
              {accessories.map((a) => (
                <Checkbox key={a.value} value={a.value} label={a.label} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('collection.handOver.noAccessories')}
          </Text>
        )}
        <SignaturePad
          label={view.repaired ? t('collection.handOver.signature') : t('collection.handOver.signatureUnrepaired')}
          value={signature}
          onChange={(png) => {
            setSignature(png);
            setErrors((e) => ({ ...e, signature: undefined }));
          }}
          error={errors.signature}
        />
        {blocker && (
          <Text size="sm" c="orange.9" fw={500} id="collection-complete-blocker">
            {blocker}
          </Text>
        )}
        {errors.form && (
          <Text size="sm" c="red.8" role="alert">
            {errors.form}
          </Text>
        )}
        <Group>
          <Button
            size="md"
            color="teal"
            disabled={blocker !== null}
            loading={busy}
            aria-describedby={blocker ? 'collection-complete-blocker' : undefined}
            onClick={() => void complete()}
          >
            {t('collection.handOver.complete')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
