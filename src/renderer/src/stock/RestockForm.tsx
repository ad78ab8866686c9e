// Goods received for a part: the quantity, and the unit cost when it changed.
import { Group, NumberInput, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { restockInput, type PartView } from '../../../shared/workflow-contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useCostsVisible } from '../session/useAccess';
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

export function RestockForm({ part, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const run = useSignedInCall();
  // A new unit cost is a manager's (main refuses it from anyone else); others book the quantity only.
  const mayCost = useCostsVisible();
  const [qty, setQty] = useState<string | number>('');
  const [cost, setCost] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const found: FieldErrors = {};
    // Left empty, the cost is not known (null), not free.
    const unitCost = cost.trim() === '' ? null : readMoney(cost);
    if (unitCost && !unitCost.ok) found.unitCostMinor = unitCost.code;
    const unitCostMinor = unitCost?.ok ? unitCost.minor : null;
    const parsed = draftSchema.safeParse({ partId: part.id, qty: qty === '' ? undefined : Number(qty), unitCostMinor, note });
    const all = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...found };
    setErrors(all);
    setFailure(null);
    if (!parsed.success || Object.keys(all).length > 0) return;
    setSaving(true);
    const result = await run('parts.restock', parsed.data);
    setSaving(false);
    if (isCancelled(result)) return;
    if (result.ok) return onDone(result.data);
    const failure = readFailure(t, result.error, FIELDS);
    setErrors(failure.fields);
    setFailure(failure.message);
  };

  const error = (path: string) => (errors[path] ? t(`errors.field.${errors[path]}`) : undefined);
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
        <NumberInput
          label={t('stock.restock.qty')}
          min={1}
          allowDecimal={false}
          allowNegative={false}
          value={qty}
          error={error('qty')}
          onChange={setQty}
          data-autofocus
        />
        <MoneyInput
          label={t('stock.restock.unitCost')}
          description={mayCost ? t('stock.restock.unitCostHint') : t('trust.gate.costManagerOnly')}
          disabled={!mayCost}
          value={cost}
          error={error('unitCostMinor')}
          onChange={(event) => setCost(event.currentTarget.value)}
        />
        <TextInput
          label={t('stock.note')}
          value={note}
          maxLength={LIMITS.notesMax}
          error={error('note')}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
      </Group>
    </StockFormFrame>
  );
}
