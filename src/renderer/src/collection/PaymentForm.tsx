// Taking money: method, amount (the balance due unless the customer splits it
// between methods), for cash what was handed over and the change, live; for
// card and mobile pay a reference. Paying part leaves the rest due, for the
// next method.
import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { collectionPayInput, PAYMENT_METHODS, type CollectionView, type PaymentMethod } from '../../../shared/collection-contract';
import { minorToInputText, readMoney } from '../../../shared/money';
import { useFormat } from '../desk/useFormat';
import type { FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';
import { MoneyInput } from '../widgets/MoneyInput';

const FIELDS = ['amountMinor', 'tenderedMinor', 'reference'] as const;
const draftSchema = collectionPayInput.omit({ session: true });

interface Props {
  view: CollectionView;
  /** Bumped by "Take payment": the form takes focus. */
  focusKey: number;
  onPaid(view: CollectionView, message: string): void;
  onCancel(): void;
}

// Keyed by the contract's paths so its errors land on the fields; money as typed.
interface Values {
  method: PaymentMethod;
  amountMinor: string;
  tenderedMinor: string;
  reference: string;
}

/** Cash with nothing typed in "Amount tendered": the customer gave the exact amount. */
const tenderedTyped = (values: Values) => values.method === 'cash' && values.tenderedMinor.trim() !== '';

const toInput = (ticketId: number) => (values: Values) => {
  const amount = readMoney(values.amountMinor);
  const tendered = readMoney(values.tenderedMinor);
  const amountMinor = amount.ok ? amount.minor : 0;
  const cash = values.method === 'cash';
  return {
    ticketId,
    method: values.method,
    amountMinor,
    tenderedMinor: cash ? (tenderedTyped(values) && tendered.ok ? tendered.minor : amountMinor) : null,
    reference: cash ? '' : values.reference,
  };
};

/** What readMoney says of the two money fields (the schema sees only their minor units). */
function moneyErrors(values: Values): FieldErrors {
  const found: FieldErrors = {};
  const amount = readMoney(values.amountMinor);
  const tendered = readMoney(values.tenderedMinor);
  if (!amount.ok) found.amountMinor = amount.code;
  if (tenderedTyped(values) && !tendered.ok) found.tenderedMinor = tendered.code;
  return found;
}

/** The counter's own rules on readable amounts: something to take, no more than is due, enough handed over. */
function counterRules(t: TFunction, values: Values, balanceMinor: number): FormErrors {
  const found: FormErrors = {};
  const amount = readMoney(values.amountMinor);
  const tendered = readMoney(values.tenderedMinor);
  if (!amount.ok) return found;
  if (amount.minor <= 0) found.amountMinor = t('errors.field.required');
  else if (amount.minor > balanceMinor) found.amountMinor = t('collection.payment.overBalance');
  if (tenderedTyped(values) && tendered.ok && tendered.minor < amount.minor) found.tenderedMinor = t('collection.payment.tenderedShort');
  return found;
}

export function PaymentForm({ view, focusKey, onPaid, onCancel }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const run = useSignedInCall();
  const form = useForm<Values>({
    initialValues: { method: 'cash', amountMinor: minorToInputText(view.balanceMinor), tenderedMinor: '', reference: '' },
    // Later sources win: the money reading over the schema, the counter's rules over both.
    validate: (values) => ({
      ...contractValidate(draftSchema, toInput(view.ticketId), t)(values),
      ...fieldMessages(t, moneyErrors(values)),
      ...counterRules(t, values, view.balanceMinor),
    }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const amountRef = useRef<HTMLInputElement>(null);

  // A new balance (part paid, or a void) is the next amount to take. Through a
  // ref, as the form's setter is new on each render and must not refill the field then.
  const setField = useRef(form.setFieldValue);
  setField.current = form.setFieldValue;
  useEffect(() => setField.current('amountMinor', minorToInputText(Math.max(view.balanceMinor, 0))), [view.balanceMinor]);
  useEffect(() => {
    amountRef.current?.focus();
    amountRef.current?.select();
  }, [focusKey]);

  const values = form.getValues();
  const cash = values.method === 'cash';
  const amountRead = readMoney(values.amountMinor);
  const tenderedRead = readMoney(values.tenderedMinor);
  const change = cash && amountRead.ok && tenderedRead.ok && values.tenderedMinor.trim() !== '' ? tenderedRead.minor - amountRead.minor : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (form.validate().hasErrors) return;
    const input = draftSchema.parse(toInput(view.ticketId)(form.getValues()));
    const { amountMinor, tenderedMinor } = input;

    setBusy(true);
    const result = await run('collection.pay', input);
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) {
      const refusal = readFailure(t, result.error, FIELDS);
      form.setErrors(fieldMessages(t, refusal.fields));
      return setFailure(refusal.message);
    }
    const methodName = t(`collection.payment.methods.${input.method}`);
    const message =
      cash && tenderedMinor !== null && tenderedMinor > amountMinor
        ? t('collection.payment.doneWithChange', { amount: money(amountMinor), change: money(tenderedMinor - amountMinor) })
        : t('collection.payment.done', { amount: money(amountMinor), method: methodName });
    form.setValues({ tenderedMinor: '', reference: '' });
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
            value={values.method}
            onChange={(value) => {
              form.setFieldValue('method', value as PaymentMethod);
              form.clearErrors();
              setFailure(null);
            }}
            data={PAYMENT_METHODS.map((value) => ({ value, label: t(`collection.payment.methods.${value}`) }))}
            fullWidth
          />
        </Stack>
        <Group gap="sm" align="flex-start" grow>
          <MoneyInput ref={amountRef} label={t('collection.payment.amount')} {...form.getInputProps('amountMinor')} />
          {cash ? (
            <MoneyInput label={t('collection.payment.tendered')} {...form.getInputProps('tenderedMinor')} />
          ) : (
            <TextInput
              label={t('collection.payment.reference')}
              placeholder={t('collection.payment.referenceHint')}
              autoComplete="off"
              {...form.getInputProps('reference')}
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
        {failure && (
          <Text size="sm" c="red.8" role="alert">
            {failure}
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
