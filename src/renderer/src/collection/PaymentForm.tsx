// Taking money: method, amount (the balance due unless the customer splits it
// between methods), for cash what was handed over and the change, live; for
// card and mobile pay a reference. Paying part leaves the rest due, for the
// next method.
import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type CollectionView, type PaymentMethod } from '../../../shared/collection-contract';
import { minorToInputText, readMoney } from '../../../shared/money';
import { useFormat } from '../desk/useFormat';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { fieldCode, useErrorText } from '../widgets/error-text';
import { MoneyInput } from '../widgets/MoneyInput';

interface Props {
  view: CollectionView;
  /** Bumped by "Take payment": the form takes focus. */
  focusKey: number;
  onPaid(view: CollectionView, message: string): void;
  onCancel(): void;
}

type Errors = Partial<Record<'amount' | 'tendered' | 'reference' | 'form', string>>;

export function PaymentForm({ view, focusKey, onPaid, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const run = useSignedInCall();
  const errorText = useErrorText();
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(() => minorToInputText(view.balanceMinor));
  const [tendered, setTendered] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);

  // A new balance (part paid, or a void) is the next amount to take.
  useEffect(() => setAmount(minorToInputText(Math.max(view.balanceMinor, 0))), [view.balanceMinor]);
  useEffect(() => {
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [focusKey]);

  const cash = method === 'cash';
  const amountRead = readMoney(amount);
  const tenderedRead = readMoney(tendered);
  const change = cash && amountRead.ok && tenderedRead.ok && tendered.trim() !== '' ? tenderedRead.minor - amountRead.minor : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!amountRead.ok) found.amount = t(`errors.field.${amountRead.code}`);
    else if (amountRead.minor <= 0) found.amount = t('errors.field.required');
    else if (amountRead.minor > view.balanceMinor) found.amount = t('collection.payment.overBalance');
    if (cash && tendered.trim() !== '') {
      if (!tenderedRead.ok) found.tendered = t(`errors.field.${tenderedRead.code}`);
      else if (amountRead.ok && tenderedRead.minor < amountRead.minor) found.tendered = t('collection.payment.tenderedShort');
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !amountRead.ok) return;
    const amountMinor = amountRead.minor;
    // Cash with nothing typed in "Amount tendered": the customer gave the exact amount.
    const tenderedMinor = cash ? (tendered.trim() !== '' && tenderedRead.ok ? tenderedRead.minor : amountMinor) : null;

    setBusy(true);
    const result = await run('collection.pay', { ticketId: view.ticketId, method, amountMinor, tenderedMinor, reference: cash ? '' : reference.trim() });
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) {
      const byField = (path: string) => {
        const code = fieldCode(result.error, path);
        return code ? t(`errors.field.${code}` as 'errors.field.invalid') : undefined;
      };
      const next: Errors = { amount: byField('amountMinor'), tendered: byField('tenderedMinor'), reference: byField('reference') };
      if (!next.amount && !next.tendered && !next.reference) next.form = errorText(result.error);
      return setErrors(next);
    }
    const methodName = t(`collection.payment.methods.${method}`);
    const message =
      cash && tenderedMinor !== null && tenderedMinor > amountMinor
        ? t('collection.payment.doneWithChange', { amount: money(amountMinor), change: money(tenderedMinor - amountMinor) })
        : t('collection.payment.done', { amount: money(amountMinor), method: methodName });
    setTendered('');
    setReference('');
    onPaid(result.data, message);
  };

  return (
    <Paper withBorder p="md" radius="sm" component="form" aria-labelledby="collection-payment-title" onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5" id="collection-payment-title">
          {t('collection.payment.title')}
        </Title>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="collection-method-label">
            {t('collection.payment.method')}
          </Text>
          <SegmentedControl
            aria-labelledby="collection-method-label"
            value={method}
            onChange={(value) => {
              setMethod(value as PaymentMethod);
              setErrors({});
            }}
            data={PAYMENT_METHODS.map((value) => ({ value, label: t(`collection.payment.methods.${value}`) }))}
            fullWidth
          />
        </Stack>
        <Group gap="sm" align="flex-start" grow>
          <MoneyInput
            ref={amountRef}
            label={t('collection.payment.amount')}
            value={amount}
            error={errors.amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
          />
          {cash ? (
            <MoneyInput
              label={t('collection.payment.tendered')}
              value={tendered}
              error={errors.tendered}
              onChange={(event) => setTendered(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              label={t('collection.payment.reference')}
              placeholder={t('collection.payment.referenceHint')}
              autoComplete="off"
              value={reference}
              error={errors.reference}
              onChange={(event) => setReference(event.currentTarget.value)}
            />
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={-6}>
          {t('collection.payment.amountHint')}
        </Text>
        <div aria-live="polite">
          {change !== null && change >= 0 && (
            <Group gap="sm" align="baseline">
              <Text fw={600} id="collection-change-label">
                {t('collection.payment.change')}
              </Text>
              <Text aria-labelledby="collection-change-label" fz={26} fw={700} c="teal.8" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(change)}
              </Text>
            </Group>
          )}
          {change !== null && change < 0 && (
            <Text fw={600} c="orange.8">
              {t('collection.payment.short', { amount: money(-change) })}
            </Text>
          )}
        </div>
        {errors.form && (
          <Text size="sm" c="red.8" role="alert">
            {errors.form}
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t('collection.payment.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('collection.payment.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
