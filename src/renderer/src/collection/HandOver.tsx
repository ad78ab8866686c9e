// The hand-over: how the customer proved the device is theirs, what goes back
// with it (ticked from what was left at intake), the customer's signature, and
// "Complete collection", which waits until nothing is owed either way and the
// loaner is back (or a manager let it go).
import { Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionCompleteInput, type CollectionIdentity, type CollectionResult, type CollectionView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import { SignaturePad } from '../forms/SignaturePad';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';
import type { LoanerOverride } from './LoanWarning';
import { useAccessoryNames } from './TicketFacts';

const FIELDS = ['identityNote', 'signaturePng'] as const;
const draftSchema = collectionCompleteInput.omit({ session: true });

interface Props {
  view: CollectionView;
  /** Found by its number (the claim ticket was scanned or typed), or by phone or name. */
  defaultIdentity: CollectionIdentity;
  loanerOverride: LoanerOverride | null;
  onCompleted(result: CollectionResult): void;
}

// Keyed by the contract's paths so its errors land on the fields.
interface Values {
  identity: CollectionIdentity;
  identityNote: string;
  accessoriesReturned: string[];
  /** Null until the customer signs. */
  signaturePng: string | null;
}

const toInput = (view: CollectionView, loanerOverride: LoanerOverride | null) => (values: Values) => {
  const overridden = view.openLoans.length > 0 && loanerOverride !== null;
  return {
    ticketId: view.ticketId,
    ...values,
    loanerOverrideReason: overridden ? loanerOverride.reason : null,
    managerApproval: overridden ? loanerOverride.approval : null,
  };
};

/** The counter's own words for what the hand-over needs: the check written down when the claim ticket is lost, and the signature. */
function handOverRules(t: TFunction, values: Values): FormErrors {
  const found: FormErrors = {};
  if (values.identity === 'phone_and_name' && values.identityNote.trim() === '') found.identityNote = t('collection.identity.noteRequired');
  if (values.signaturePng === null) found.signaturePng = t('collection.handOver.signatureRequired');
  return found;
}

export function HandOver({ view, defaultIdentity, loanerOverride, onCompleted }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const accessories = useAccessoryNames(view);
  const form = useForm<Values>({
    initialValues: { identity: defaultIdentity, identityNote: '', accessoriesReturned: accessories.map((a) => a.value), signaturePng: null },
    // The counter's rules win over the schema's codes for the same field.
    validate: (values) => ({ ...contractValidate(draftSchema, toInput(view, loanerOverride), t)(values), ...handOverRules(t, values) }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const values = form.getValues();

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
    setFailure(null);
    if (form.validate().hasErrors) return;
    setBusy(true);
    const result = await run('collection.complete', draftSchema.parse(toInput(view, loanerOverride)(form.getValues())));
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) {
      const refusal = readFailure(t, result.error, FIELDS);
      form.setErrors(fieldMessages(t, refusal.fields));
      return setFailure(refusal.message);
    }
    onCompleted(result.data);
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="collection-handover-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="collection-handover-title">
          {t('collection.handOver.title')}
        </Title>
        <Radio.Group label={t('collection.identity.legend')} {...form.getInputProps('identity')}>
          <Stack gap={6} mt={4}>
            <Radio value="claim_ticket" label={t('collection.identity.claim_ticket')} />
            <Radio value="phone_and_name" label={t('collection.identity.phone_and_name')} />
          </Stack>
        </Radio.Group>
        {values.identity === 'phone_and_name' && (
          <Textarea
            label={t('collection.identity.note')}
            description={t('collection.identity.phoneOnFile', { name: view.customer.name, phone: view.customer.phone })}
            placeholder={t('collection.identity.notePlaceholder')}
            autosize
            minRows={2}
            {...form.getInputProps('identityNote')}
          />
        )}
        {accessories.length > 0 ? (
          <Checkbox.Group label={t('collection.handOver.accessories')} {...form.getInputProps('accessoriesReturned')}>
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
          value={values.signaturePng}
          onChange={(png) => form.setFieldValue('signaturePng', png)}
          error={form.errors.signaturePng as string | undefined}
        />
        {blocker && (
          <Text size="sm" c="orange.9" fw={500} id="collection-complete-blocker">
            {blocker}
          </Text>
        )}
        {failure && (
          <Text size="sm" c="red.8" role="alert">
            {failure}
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
