// Adds or edits one labour item of the fee standard. Only a manager saves:
// main checks the signed-in person's role.
import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { minorToInputText, readMoney } from '../../../shared/money';
import { feeItemInput, type FeeItem } from '../../../shared/stock-contract';
import { FEE_CATEGORIES, type FeeCategory } from '../../../shared/workflow';
import { useForm } from '@mantine/form';
import type { FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';
import { needsManagerSession } from '../widgets/manager-check';
import { ManagerOnly } from '../widgets/ManagerOnly';
import { MoneyInput } from '../widgets/MoneyInput';

const FIELDS = ['code', 'nameEn', 'nameZh', 'category', 'priceMinor', 'active'] as const;
const draftSchema = feeItemInput.omit({ session: true });

interface Props {
  /** Absent for a new item. */
  item?: FeeItem;
  /** Where a new item goes in the list. */
  nextSortOrder: number;
  onSaved(item: FeeItem): void;
  onCancel(): void;
}

// Keyed by the contract's paths so its errors land on the fields; the price as typed.
interface Values {
  code: string;
  nameEn: string;
  nameZh: string;
  category: FeeCategory;
  priceMinor: string;
  active: boolean;
}

const toInput = (item: FeeItem | undefined, nextSortOrder: number) => (values: Values) => {
  const price = readMoney(values.priceMinor, true);
  return {
    id: item?.id ?? null,
    code: values.code.trim(),
    nameEn: values.nameEn,
    nameZh: values.nameZh,
    category: values.category,
    priceMinor: price.ok ? price.minor : 0,
    active: values.active,
    sortOrder: item?.sortOrder ?? nextSortOrder,
  };
};

/** What readMoney says of the price (the schema sees only its minor units). */
function priceErrors(values: Values): FieldErrors {
  const price = readMoney(values.priceMinor, true);
  return price.ok ? {} : { priceMinor: price.code };
}

export function FeeItemForm({ item, nextSortOrder, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const form = useForm<Values>({
    initialValues: {
      code: item?.code ?? '',
      nameEn: item?.nameEn ?? '',
      nameZh: item?.nameZh ?? '',
      category: item?.category ?? 'software',
      priceMinor: item ? minorToInputText(item.priceMinor) : '',
      active: item?.active ?? true,
    },
    validate: (values) => ({ ...contractValidate(draftSchema, toInput(item, nextSortOrder), t)(values), ...fieldMessages(t, priceErrors(values)) }),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [managerOnly, setManagerOnly] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    setManagerOnly(false);
    if (form.validate().hasErrors) return;
    setSaving(true);
    const result = await run('feeStandard.save', draftSchema.parse(toInput(item, nextSortOrder)(form.getValues())));
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
      titleId="fee-item-form-title"
      title={item ? t('stock.fees.editTitle', { name: t('stock.fees.itemName', { en: item.nameEn, zh: item.nameZh }) }) : t('stock.fees.addTitle')}
      submitLabel={item ? t('stock.fees.save') : t('stock.fees.add')}
      saving={saving}
      failure={failure}
      notice={managerOnly && <ManagerOnly message={t('stock.managerOnly')} signInLabel={t('stock.signInAsManager')} />}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <Group gap="sm" align="flex-start" grow>
        <TextInput
          label={t('stock.fees.code')}
          description={t('stock.fees.codeHint')}
          maxLength={40}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('code')}
        />
        <NativeSelect
          label={t('stock.fees.category')}
          {...form.getInputProps('category')}
          data={FEE_CATEGORIES.map((value) => ({ value, label: t(`workflow.feeCategory.${value}`) }))}
        />
        <MoneyInput label={t('stock.fees.price')} {...form.getInputProps('priceMinor')} />
      </Group>
      <Group gap="sm" align="flex-start" grow>
        <TextInput label={t('stock.fees.nameZh')} maxLength={LIMITS.shortTextMax} {...form.getInputProps('nameZh')} />
        <TextInput label={t('stock.fees.nameEn')} maxLength={LIMITS.shortTextMax} {...form.getInputProps('nameEn')} />
      </Group>
      {item && <Checkbox label={t('stock.fees.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
    </StockFormFrame>
  );
}
