// Adds or edits a part. A new part may come with the quantity on the shelf
// now (booked as its opening restock). Only a manager saves.
import { Checkbox, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { minorToInputText, readMoney } from '../../../shared/money';
import { partInput, type PartView } from '../../../shared/stock-contract';
import { useForm } from '@mantine/form';
import type { FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';
import { needsManagerSession } from '../widgets/manager-check';
import { ManagerOnly } from '../widgets/ManagerOnly';
import { MoneyInput } from '../widgets/MoneyInput';

const FIELDS = ['name', 'specification', 'compatibleModels', 'costMinor', 'priceMinor', 'reorderLevel', 'openingQty', 'active'] as const;
const draftSchema = partInput.omit({ session: true });

interface Props {
  /** Absent for a new part. */
  part?: PartView;
  onSaved(part: PartView): void;
  onCancel(): void;
}

const wholeNumber = (value: string | number) => (typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value));

// Keyed by the contract's paths so its errors land on the fields; money as typed.
interface Values {
  name: string;
  specification: string;
  compatibleModels: string;
  costMinor: string;
  priceMinor: string;
  reorderLevel: string | number;
  openingQty: string | number;
  active: boolean;
}

const toInput = (part: PartView | undefined) => (values: Values) => {
  const cost = readMoney(values.costMinor, true);
  const price = readMoney(values.priceMinor, true);
  return {
    id: part?.id ?? null,
    name: values.name,
    specification: values.specification,
    compatibleModels: values.compatibleModels,
    costMinor: cost.ok ? cost.minor : 0,
    priceMinor: price.ok ? price.minor : 0,
    reorderLevel: wholeNumber(values.reorderLevel),
    active: values.active,
    openingQty: part ? 0 : wholeNumber(values.openingQty),
  };
};

/** What readMoney says of the two money fields (the schema sees only their minor units). */
function moneyErrors(values: Values): FieldErrors {
  const found: FieldErrors = {};
  const cost = readMoney(values.costMinor, true);
  const price = readMoney(values.priceMinor, true);
  if (!cost.ok) found.costMinor = cost.code;
  if (!price.ok) found.priceMinor = price.code;
  return found;
}

export function PartForm({ part, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const form = useForm<Values>({
    initialValues: {
      name: part?.name ?? '',
      specification: part?.specification ?? '',
      compatibleModels: part?.compatibleModels ?? '',
      costMinor: part && part.costMinor !== null ? minorToInputText(part.costMinor) : '',
      priceMinor: part ? minorToInputText(part.priceMinor) : '',
      reorderLevel: part?.reorderLevel ?? 0,
      openingQty: 0,
      active: part?.active ?? true,
    },
    validate: (values) => ({ ...contractValidate(draftSchema, toInput(part), t)(values), ...fieldMessages(t, moneyErrors(values)) }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [managerOnly, setManagerOnly] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    setManagerOnly(false);
    if (form.validate().hasErrors) return;
    setSaving(true);
    const result = await run('parts.save', draftSchema.parse(toInput(part)(form.getValues())));
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onSaved(result.data);
    if (needsManagerSession(result.error)) return setManagerOnly(true);
    const refusal = readFailure(t, result.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal.message);
  };

  return (
    <StockFormFrame
      titleId="part-form-title"
      title={part ? t('stock.parts.editTitle', { name: part.name }) : t('stock.parts.addTitle')}
      submitLabel={part ? t('stock.parts.save') : t('stock.parts.add')}
      saving={saving}
      failure={failure}
      notice={managerOnly && <ManagerOnly message={t('stock.managerOnly')} signInLabel={t('stock.signInAsManager')} />}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <Group gap="sm" align="flex-start" grow>
        <TextInput label={t('stock.parts.name')} maxLength={LIMITS.shortTextMax} {...form.getInputProps('name')} />
        <TextInput label={t('stock.parts.specification')} maxLength={LIMITS.shortTextMax * 2} {...form.getInputProps('specification')} />
      </Group>
      <Textarea
        label={t('stock.parts.compatibleModels')}
        autosize
        minRows={1}
        maxRows={4}
        maxLength={LIMITS.notesMax}
        {...form.getInputProps('compatibleModels')}
      />
      <Group gap="sm" align="flex-start" grow>
        <MoneyInput label={t('stock.parts.cost')} {...form.getInputProps('costMinor')} />
        <MoneyInput label={t('stock.parts.price')} {...form.getInputProps('priceMinor')} />
        <NumberInput label={t('stock.parts.reorderLevel')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('reorderLevel')} />
        {!part && <NumberInput label={t('stock.parts.openingQty')} min={0} allowDecimal={false} allowNegative={false} {...form.getInputProps('openingQty')} />}
      </Group>
      {part && <Checkbox label={t('stock.parts.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </StockFormFrame>
  );
}
