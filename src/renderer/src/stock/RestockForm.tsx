// Goods received for a part: the quantity, and the unit cost when it changed.
import { Group, NumberInput, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { restockInput, type PartView } from '../../../shared/stock-contract';
import { useForm } from '@mantine/form';
import type { FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useCostsVisible } from '../session/useAccess';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';
import { readMoney } from '../../../shared/money';
import { MoneyInput } from '../widgets/MoneyInput';

const FIELDS = ['qty', 'unitCostMinor', 'note'] as const;
const draftSchema = restockInput.omit({ session: true });

interface Props {
  part: PartView;
  onDone(part: PartView): void;
  onCancel(): void;
}

// Keyed by the contract's paths so its errors land on the fields; the cost as typed.
interface Values {
  qty: string | number;
  unitCostMinor: string;
  note: string;
}

// Left empty, the cost is not known (null), not free.
const readCost = (text: string) => (text.trim() === '' ? null : readMoney(text));

const toInput = (partId: number) => (values: Values) => {
  const cost = readCost(values.unitCostMinor);
  return { partId, qty: values.qty === '' ? undefined : Number(values.qty), unitCostMinor: cost?.ok ? cost.minor : null, note: values.note };
};

/** What readMoney says of a typed cost (the schema sees only its minor units). */
function costErrors(values: Values): FieldErrors {
  const cost = readCost(values.unitCostMinor);
  return cost && !cost.ok ? { unitCostMinor: cost.code } : {};
}

export function RestockForm({ part, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  // A new unit cost is a manager's (main refuses it from anyone else); others book the quantity only.
  const mayCost = useCostsVisible();
  const form = useForm<Values>({
    initialValues: { qty: '', unitCostMinor: '', note: '' },
    validate: (values) => ({ ...contractValidate(draftSchema, toInput(part.id), t)(values), ...fieldMessages(t, costErrors(values)) }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    if (form.validate().hasErrors) return;
    setSaving(true);
    const result = await run('parts.restock', draftSchema.parse(toInput(part.id)(form.getValues())));
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onDone(result.data);
    const refusal = readFailure(t, result.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal.message);
  };

  return (
    <StockFormFrame
      titleId="restock-form-title"
      title={t('stock.restock.title', { name: part.name })}
      submitLabel={t('stock.restock.submit')}
      saving={saving}
      failure={failure}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <Group gap="sm" align="flex-start" grow>
        <NumberInput label={t('stock.restock.qty')} min={1} allowDecimal={false} allowNegative={false} {...form.getInputProps('qty')} data-autofocus />
        <MoneyInput
          label={t('stock.restock.unitCost')}
          description={mayCost ? t('stock.restock.unitCostHint') : t('trust.gate.costManagerOnly')}
          disabled={!mayCost}
          {...form.getInputProps('unitCostMinor')}
        />
        <TextInput label={t('stock.note')} maxLength={LIMITS.notesMax} {...form.getInputProps('note')} />
      </Group>
    </StockFormFrame>
  );
}
