// A loaner (备机) still out with the customer: it comes back before the device
// goes, or a manager lets the device go anyway and says why.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionCompleteInput, type CollectionView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import type { ManagerApproval } from '../session/session-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate } from '../widgets/contract-form';
import { useErrorText } from '../widgets/error-text';
import { useManagerApproval } from '../widgets/useManagerApproval';

export interface LoanerOverride {
  reason: string;
  /** Null when the signed-in person is a manager. */
  approval: ManagerApproval | null;
}

// The reason goes to collection.complete with the hand-over; the schema's limits apply here already.
const reasonSchema = collectionCompleteInput.pick({ loanerOverrideReason: true });

interface Props {
  view: CollectionView;
  override: LoanerOverride | null;
  onOverride(override: LoanerOverride | null): void;
  /** A loaner came back: the ticket is fetched again. */
  onReturned(): void;
}

export function LoanWarning({ view, override, onOverride, onReturned }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const run = useSignedInCall();
  const askManager = useManagerApproval();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const form = useForm({
    initialValues: { loanerOverrideReason: '' },
    validate: (values) => ({
      ...contractValidate(reasonSchema, (typed: typeof values) => typed, t)(values),
      // Letting the device go without its loaner always says why.
      ...(values.loanerOverrideReason.trim() === '' ? { loanerOverrideReason: t('errors.field.required') } : {}),
    }),
  });

  if (view.openLoans.length === 0) return null;

  const markReturned = async (loanId: number) => {
    setError(null);
    const result = await run('loans.return', { loanId, note: '' });
    if (isCancelled(result)) return;
    if (!result.ok) return setError(errorText(result.error));
    onReturned();
  };

  const approveOverride = async () => {
    if (form.validate().hasErrors) return;
    const text = form.getValues().loanerOverrideReason.trim();
    const answer = await askManager(t('collection.managerReason.loaner', { reason: text }));
    if (!answer.approved) return;
    onOverride({ reason: text, approval: answer.approval });
    setAsking(false);
  };

  return (
    <Alert color="orange" title={t('collection.loans.title')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('collection.loans.warning')}</Text>
        {view.openLoans.map((loan) => (
          <Group key={loan.loanId} gap="sm" wrap="nowrap" justify="space-between">
            <Text size="sm" fw={600}>
              {loan.loanerName}
              {loan.loanerSerial ? ` · ${loan.loanerSerial}` : ''}{' '}
              <Text span size="sm" c="dimmed" fw={400}>
                {t('collection.loans.lentAt', { date: format.instant(loan.lentAt) })}
              </Text>
            </Text>
            <Button
              size="xs"
              style={{ flexShrink: 0 }}
              aria-label={t('collection.loans.returnedFor', { name: loan.loanerName })}
              onClick={() => void markReturned(loan.loanId)}
            >
              {t('collection.loans.returned')}
            </Button>
          </Group>
        ))}
        {error && (
          <Text size="sm" c="red.8" role="alert">
            {error}
          </Text>
        )}
        {override ? (
          <Group gap="sm" wrap="nowrap">
            <Text size="sm">{t('collection.loans.overridden', { reason: override.reason })}</Text>
            <Button size="compact-xs" variant="subtle" onClick={() => onOverride(null)}>
              {t('collection.loans.undoOverride')}
            </Button>
          </Group>
        ) : asking ? (
          <Group gap="sm" align="flex-end" wrap="nowrap">
            <TextInput label={t('collection.loans.overrideReason')} style={{ flex: 1 }} {...form.getInputProps('loanerOverrideReason')} />
            <Button variant="default" onClick={() => void approveOverride()}>
              {t('collection.loans.overrideConfirm')}
            </Button>
          </Group>
        ) : (
          <Group>
            <Button size="xs" variant="subtle" color="orange" onClick={() => setAsking(true)}>
              {t('collection.loans.override')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
