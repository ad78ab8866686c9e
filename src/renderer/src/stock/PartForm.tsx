// Adds or edits a part. A new part may come with the quantity on the shelf
// now (booked as its opening restock). Only a manager saves.
import { Checkbox, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { minorToInputText, readMoney } from '../../../shared/money';
import { partInput, type PartView } from '../../../shared/workflow-contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
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

export function PartForm({ part, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const [name, setName] = useState(part?.name ?? '');
  const [specification, setSpecification] = useState(part?.specification ?? '');
  const [models, setModels] = useState(part?.compatibleModels ?? '');
  const [cost, setCost] = useState(part && part.costMinor !== null ? minorToInputText(part.costMinor) : '');
  const [price, setPrice] = useState(part ? minorToInputText(part.priceMinor) : '');
  const [reorderLevel, setReorderLevel] = useState<string | number>(part?.reorderLevel ?? 0);
  const [openingQty, setOpeningQty] = useState<string | number>(0);
  const [active, setActive] = useState(part?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [managerOnly, setManagerOnly] = useState(false);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found: FieldErrors = {};
    const costMinor = readMoney(cost, true);
    const priceMinor = readMoney(price, true);
    if (!costMinor.ok) found.costMinor = costMinor.code;
    if (!priceMinor.ok) found.priceMinor = priceMinor.code;
    const parsed = draftSchema.safeParse({
      id: part?.id ?? null,
      name,
      specification,
      compatibleModels: models,
      costMinor: costMinor.ok ? costMinor.minor : 0,
      priceMinor: priceMinor.ok ? priceMinor.minor : 0,
      reorderLevel: wholeNumber(reorderLevel),
      active,
      openingQty: part ? 0 : wholeNumber(openingQty),
    });
    const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...found };
    setErrors(all);
    setFailure(null);
    setManagerOnly(false);
    if (!parsed.success || Object.keys(all).length > 0) return;
    setSaving(true);
    const result = await run('parts.save', parsed.data);
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
        <TextInput
          label={t('stock.parts.name')}
          value={name}
          maxLength={LIMITS.shortTextMax}
          error={error('name')}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <TextInput
          label={t('stock.parts.specification')}
          value={specification}
          maxLength={LIMITS.shortTextMax * 2}
          error={error('specification')}
          onChange={(event) => setSpecification(event.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={t('stock.parts.compatibleModels')}
        autosize
        minRows={1}
        maxRows={4}
        value={models}
        maxLength={LIMITS.notesMax}
        error={error('compatibleModels')}
        onChange={(event) => setModels(event.currentTarget.value)}
      />
      <Group gap="sm" align="flex-start" grow>
        <MoneyInput label={t('stock.parts.cost')} value={cost} error={error('costMinor')} onChange={(event) => setCost(event.currentTarget.value)} />
        <MoneyInput label={t('stock.parts.price')} value={price} error={error('priceMinor')} onChange={(event) => setPrice(event.currentTarget.value)} />
        <NumberInput
          label={t('stock.parts.reorderLevel')}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={reorderLevel}
          error={error('reorderLevel')}
          onChange={setReorderLevel}
        />
        {!part && (
          <NumberInput
            label={t('stock.parts.openingQty')}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            value={openingQty}
            error={error('openingQty')}
            onChange={setOpeningQty}
          />
        )}
      </Group>
      {part && <Checkbox label={t('stock.parts.active')} checked={active} onChange={(event) => setActive(event.currentTarget.checked)} />}
    </StockFormFrame>
  );
}
