// A returning customer's archive record is changed only on purpose: when what
// is typed differs from the record, "Update customer" writes it (customers.update,
// kept in the history with the old values); checking in never does.
import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract';
import { customerUpdateInput } from '../../../shared/trust-contract';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import type { CustomerDraft } from './draft';
import { useErrorText } from '../widgets/error-text';

const FIELDS = ['name', 'phone', 'address', 'notes'] as const;
const LABELS = { name: 'intake.customerName', phone: 'intake.phone', address: 'intake.address', notes: 'intake.customerNotes' } as const;

export function differsFromArchive(typed: CustomerDraft, archive: CustomerDetail | null): boolean {
  return archive !== null && FIELDS.some((field) => typed[field].trim() !== archive[field].trim());
}

export function UpdateCustomer({ typed, onUpdated }: { typed: CustomerDraft; onUpdated(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const update = async () => {
    if (busy || typed.id === null) return;
    const parsed = customerUpdateInput
      .omit({ session: true })
      .safeParse({ id: typed.id, name: typed.name, phone: typed.phone, address: typed.address, notes: typed.notes });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = FIELDS.find((name) => name === issue?.path[0]);
      const text = t(`errors.field.${issue?.message ?? 'invalid'}` as 'errors.field.invalid');
      return setFailure(field ? `${t(LABELS[field])}: ${text}` : text);
    }
    setBusy(true);
    const result = await signedIn('customers.update', parsed.data);
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) return setFailure(errorText(result.error));
    setFailure(null);
    onUpdated();
  };

  return (
    <Alert color="yellow" variant="light" p="xs" role="region" aria-label={t('trust.customerUpdate.action')}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{t('trust.customerUpdate.hint')}</Text>
        <Button size="xs" variant="default" loading={busy} onClick={() => void update()}>
          {t('trust.customerUpdate.action')}
        </Button>
      </Group>
      {failure && (
        <Text size="sm" c="red.8" role="alert" mt={4}>
          {failure}
        </Text>
      )}
    </Alert>
  );
}
