// Adds or edits one labour item of the fee standard. Only a manager saves:
// main checks the signed-in person's role.
import { Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { minorToInputText, readMoney } from '../../../shared/money';
import { feeItemInput, type FeeItem } from '../../../shared/workflow-contract';
import { FEE_CATEGORIES, type FeeCategory } from '../../../shared/workflow';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
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

export function FeeItemForm({ item, nextSortOrder, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const [code, setCode] = useState(item?.code ?? '');
  const [nameEn, setNameEn] = useState(item?.nameEn ?? '');
  const [nameZh, setNameZh] = useState(item?.nameZh ?? '');
  const [category, setCategory] = useState<FeeCategory>(item?.category ?? 'software');
  const [price, setPrice] = useState(item ? minorToInputText(item.priceMinor) : '');
  const [active, setActive] = useState(item?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [managerOnly, setManagerOnly] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found: FieldErrors = {};
    const priceMinor = readMoney(price, true);
    if (!priceMinor.ok) found.priceMinor = priceMinor.code;
    const parsed = draftSchema.safeParse({
      id: item?.id ?? null,
      code: code.trim(),
      nameEn,
      nameZh,
      category,
      priceMinor: priceMinor.ok ? priceMinor.minor : 0,
      active,
      sortOrder: item?.sortOrder ?? nextSortOrder,
    });
    const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...found };
    setErrors(all);
    setFailure(null);
    setManagerOnly(false);
    if (!parsed.success || Object.keys(all).length > 0) return;
    setSaving(true);
    const result = await run('feeStandard.save', parsed.data);
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onSaved(result.data);
    if (needsManagerSession(result.error)) return setManagerOnly(true);
    const failure = readFailure(t, result.error, FIELDS);
    setErrors(failure.fields);
    setFailure(failure.message);
  };

  const error = (path: string) => (errors[path] ? t(`errors.field.${errors[path]}`) : undefined);
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
          value={code}
          maxLength={40}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          error={error('code')}
          onChange={(event) => setCode(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('stock.fees.category')}
          value={category}
          error={error('category')}
          onChange={(event) => setCategory(event.currentTarget.value as FeeCategory)}
          data={FEE_CATEGORIES.map((value) => ({ value, label: t(`workflow.feeCategory.${value}`) }))}
        />
        <MoneyInput label={t('stock.fees.price')} value={price} error={error('priceMinor')} onChange={(event) => setPrice(event.currentTarget.value)} />
      </Group>
      <Group gap="sm" align="flex-start" grow>
        <TextInput
          label={t('stock.fees.nameZh')}
          value={nameZh}
          maxLength={LIMITS.shortTextMax}
          error={error('nameZh')}
          onChange={(event) => setNameZh(event.currentTarget.value)}
        />
        <TextInput
          label={t('stock.fees.nameEn')}
          value={nameEn}
          maxLength={LIMITS.shortTextMax}
          error={error('nameEn')}
          onChange={(event) => setNameEn(event.currentTarget.value)}
        />
      </Group>
      {item && <Checkbox label={t('stock.fees.active')} checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />}
    </StockFormFrame>
  );
}
