// The customer paid more than the total (a void, a lower final price, a large
// deposit): the difference goes back, with a reason and a manager's approval.
import { Alert, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
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
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(() => minorToInputText(due));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string; form?: string }>({});

  useEffect(() => setAmount(minorToInputText(due)), [due]);

  const submit = async () => {
    const read = readMoney(amount);
    const text = reason.trim();
    const found: typeof errors = {};
    if (!read.ok) found.amount = t(`errors.field.${read.code}`);
    else if (read.minor <= 0) found.amount = t('errors.field.required');
    if (text === '') found.reason = t('errors.field.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || !read.ok) return;
    const result = await approved(
      'collection.refund',
      { ticketId: view.ticketId, method, amountMinor: read.minor, reason: text, reference: '', managerApproval: null },
      t('collection.managerReason.refund', { amount: money(read.minor), reason: text }),
    );
    if (isCancelled(result)) return;
    if (!result.ok) return setErrors({ form: errorText(result.error) });
    setReason('');
    onRefunded(result.data, t('collection.refund.done', { amount: money(read.minor), method: t(`collection.payment.methods.${method}`) }));
  };

  return (
    <Alert color="red" title={t('collection.refund.title', { amount: money(due) })}>
      <Stack gap="xs">
        <Text size="sm">{t('collection.refund.hint')}</Text>
        <Group gap="sm" align="flex-start" grow>
          <NativeSelect
            label={t('collection.refund.method')}
            value={method}
            onChange={(event) => setMethod(event.currentTarget.value as PaymentMethod)}
            data={PAYMENT_METHODS.map((value) => ({ value, label: t(`collection.payment.methods.${value}`) }))}
          />
          <MoneyInput label={t('collection.refund.amount')} value={amount} error={errors.amount} onChange={(event) => setAmount(event.currentTarget.value)} />
        </Group>
        <TextInput label={t('collection.refund.reason')} value={reason} error={errors.reason} onChange={(event) => setReason(event.currentTarget.value)} />
        {errors.form && (
          <Text size="sm" c="red.8" role="alert">
            {errors.form}
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
