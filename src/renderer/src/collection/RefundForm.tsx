// The customer paid more than the total (a void, a lower final price, a large
// deposit): the difference goes back, with a reason and a manager's approval.
import { Alert, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type CollectionView, type PaymentMethod } from '../../../shared/collection-contract';
import { minorToInputText, readMoney } from '../../../shared/money';
import { useFormat } from '../desk/useFormat';
import { isCancelled } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';
import { GatedButton } from '../widgets/GatedButton';
import { useApprovedCall } from '../widgets/useManagerApproval';
import { MoneyInput } from '../widgets/MoneyInput';

interface Props {
  view: CollectionView;
  onRefunded(view: CollectionView, message: string): void;
}

export function RefundForm({ view, onRefunded }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const approved = useApprovedCall();
  const errorText = useErrorText();
  const due = -view.balanceMinor;
  const form = useForm({
    initialValues: { method: 'cash' as PaymentMethod, amount: minorToInputText(due), reason: '' },
    validate: {
      amount: (amount) => {
        const read = readMoney(amount);
        if (!read.ok) return t(`errors.field.${read.code}`);
        return read.minor <= 0 ? t('errors.field.required') : null;
      },
      reason: (reason) => (reason.trim() === '' ? t('errors.field.required') : null),
    },
  });
  const [failure, setFailure] = useState<string | null>(null);

  // What is due changed (a payment voided): the amount follows it. Through a
  // ref, as the form's setter is new on each render and must not refill the field then.
  const setField = useRef(form.setFieldValue);
  setField.current = form.setFieldValue;
  useEffect(() => setField.current('amount', minorToInputText(due)), [due]);

  const submit = async () => {
    setFailure(null);
    if (form.validate().hasErrors) return;
    const { method, amount, reason } = form.getValues();
    const read = readMoney(amount);
    const text = reason.trim();
    if (!read.ok) return;
    const result = await approved(
      'collection.refund',
      { ticketId: view.ticketId, method, amountMinor: read.minor, reason: text, reference: '', managerApproval: null },
      t('collection.managerReason.refund', { amount: money(read.minor), reason: text }),
    );
    if (isCancelled(result)) return;
    if (!result.ok) return setFailure(errorText(result.error));
    form.setFieldValue('reason', '');
    onRefunded(result.data, t('collection.refund.done', { amount: money(read.minor), method: t(`collection.payment.methods.${method}`) }));
  };

  return (
    <Alert color="red" title={t('collection.refund.title', { amount: money(due) })}>
      <Stack gap="xs">
        <Text size="sm">{t('collection.refund.hint')}</Text>
        <Group gap="sm" align="flex-start" grow>
          <NativeSelect
            label={t('collection.refund.method')}
            {...form.getInputProps('method')}
            data={PAYMENT_METHODS.map((value) => ({ value, label: t(`collection.payment.methods.${value}`) }))}
          />
          <MoneyInput label={t('collection.refund.amount')} {...form.getInputProps('amount')} />
        </Group>
        <TextInput label={t('collection.refund.reason')} {...form.getInputProps('reason')} />
        {failure && (
          <Text size="sm" c="red.8" role="alert">
            {failure}
          </Text>
        )}
        <Group>
          <GatedButton channel="collection.refund" color="red" onClick={() => void submit()}>
            {t('collection.refund.submit')}
          </GatedButton>
        </Group>
      </Stack>
    </Alert>
  );
}
