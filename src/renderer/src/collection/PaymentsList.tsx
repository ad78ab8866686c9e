// Every payment and refund taken at collection, voided ones struck through
// with why. A mistaken payment is voided, never deleted: a manager approves
// and a reason is kept.
import { GatedButton } from '../widgets/GatedButton';
import { Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionView, PaymentView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';
import { isCancelled } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';
import { useApprovedCall } from '../widgets/useManagerApproval';

interface Props {
  view: CollectionView;
  /** Voiding is for a ticket still at the counter, not one already handed over. */
  canVoid: boolean;
  onView(view: CollectionView): void;
}

export function PaymentsList({ view, canVoid, onView }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const approved = useApprovedCall();
  const errorText = useErrorText();
  const [voiding, setVoiding] = useState<PaymentView | null>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const startVoid = (payment: PaymentView) => {
    setVoiding(payment);
    setReason('');
    setReasonMissing(false);
    setError(null);
  };

  const confirmVoid = async () => {
    if (!voiding) return;
    const text = reason.trim();
    if (text === '') return setReasonMissing(true);
    const result = await approved(
      'collection.voidPayment',
      { paymentId: voiding.id, reason: text, managerApproval: null },
      t('collection.managerReason.void', { amount: money(voiding.amountMinor), reason: text }),
    );
    if (isCancelled(result)) return;
    if (!result.ok) return setError(errorText(result.error));
    setVoiding(null);
    onView(result.data);
  };

  const methodName = (payment: PaymentView) => t(`collection.payment.methods.${payment.method}`);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="collection-payments-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="collection-payments-title">
          {t('collection.payments.title')}
        </Title>
        {view.payments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('collection.payments.none')}
          </Text>
        ) : (
          <Table aria-label={t('collection.payments.title')} verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('collection.payments.method')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('collection.payments.amount')}
                </Table.Th>
                <Table.Th>{t('collection.payments.detail')}</Table.Th>
                {canVoid && <Table.Th w={80}>{t('collection.payments.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.payments.map((payment) => {
                const refund = payment.kind === 'refund';
                const signed = refund ? `−${money(payment.amountMinor)}` : money(payment.amountMinor);
                return (
                  <Table.Tr key={payment.id} c={payment.voided ? 'dimmed' : undefined}>
                    <Table.Td>
                      {methodName(payment)}
                      {refund && (
                        <Badge ml={4} size="xs" color="red" variant="light" tt="none">
                          {t('collection.payments.refund')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', textDecoration: payment.voided ? 'line-through' : undefined }}>
                      {signed}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {[
                          format.instant(payment.at),
                          payment.staffName,
                          payment.tenderedMinor !== null && payment.changeMinor > 0
                            ? t('collection.payments.tenderedChange', { tendered: money(payment.tenderedMinor), change: money(payment.changeMinor) })
                            : null,
                          payment.reference || null,
                          payment.reason || null,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {payment.voided && (
                        <Text size="xs" c="red.8">
                          {payment.voidReason ? t('collection.payments.voidedBecause', { reason: payment.voidReason }) : t('collection.payments.voided')}
                        </Text>
                      )}
                    </Table.Td>
                    {canVoid && (
                      <Table.Td>
                        {!payment.voided && (
                          <GatedButton
                            channel="collection.voidPayment"
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            aria-label={t('collection.payments.voidFor', { amount: signed })}
                            onClick={() => startVoid(payment)}
                          >
                            {t('collection.payments.void')}
                          </GatedButton>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {voiding && (
          <Stack gap="xs" p="sm" bg="var(--mantine-color-red-light)" style={{ borderRadius: 4 }}>
            <Text size="sm" fw={600}>
              {t('collection.payments.voidTitle', { amount: money(voiding.amountMinor), method: methodName(voiding) })}
            </Text>
            <TextInput
              label={t('collection.payments.voidReason')}
              value={reason}
              data-autofocus
              error={reasonMissing ? t('errors.field.required') : undefined}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonMissing(false);
              }}
            />
            {error && (
              <Text size="sm" c="red.8" role="alert">
                {error}
              </Text>
            )}
            <Group gap="sm">
              <Button color="red" onClick={() => void confirmVoid()}>
                {t('collection.payments.voidConfirm')}
              </Button>
              <Button variant="default" onClick={() => setVoiding(null)}>
                {t('collection.payments.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
