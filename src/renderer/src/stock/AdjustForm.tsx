// A stocktake correction: what is on the shelf, and why it differs. Main lets
// only a manager change the count; anyone else gets a manager to approve it
// with their PIN here at the counter.
import { Group, NumberInput, Text, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { stockAdjustInput, type PartView } from '../../../shared/stock-contract';
import { useForm } from '@mantine/form';
import { isCancelled } from '../session/useSignedInCall';
import { useApprovedCall } from '../widgets/useManagerApproval';
import { contractValidate, fieldMessages } from '../widgets/contract-form';
import { readFailure } from '../widgets/error-text';

const FIELDS = ['countedQty', 'note'] as const;
const draftSchema = stockAdjustInput.omit({ session: true });

interface Props {
  part: PartView;
  onDone(part: PartView): void;
  onCancel(): void;
}

const toInput = (partId: number) => (values: { countedQty: string | number; note: string }) => ({
  partId,
  countedQty: values.countedQty === '' ? undefined : Number(values.countedQty),
  note: values.note,
  managerApproval: null,
});

export function AdjustForm({ part, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const approved = useApprovedCall();
  const form = useForm({
    initialValues: { countedQty: part.qtyOnHand as string | number, note: '' },
    validate: contractValidate(draftSchema, toInput(part.id), t),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    if (form.validate().hasErrors) return;
    const input = draftSchema.parse(toInput(part.id)(form.getValues()));
    setSaving(true);
    const result = await approved('parts.adjust', input, t('stock.adjust.approvalReason', { name: part.name, from: part.qtyOnHand, to: input.countedQty }));
    setSaving(false);
    if (isCancelled(result)) return setFailure(t('stock.adjust.notApproved'));
    if (result.ok) return onDone(result.data);
    const refusal = readFailure(t, result.error, FIELDS);
    form.setErrors(fieldMessages(t, refusal.fields));
    setFailure(refusal.message);
  };

  const counted = form.getValues().countedQty;
  const change = typeof counted === 'number' ? counted - part.qtyOnHand : null;
  return (
    <StockFormFrame
      titleId="adjust-form-title"
      title={t('stock.adjust.title', { name: part.name })}
      submitLabel={t('stock.adjust.submit')}
      saving={saving}
      failure={failure}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <Text size="sm" c="dimmed">
        {t('stock.adjust.hint')}
      </Text>
      <Group gap="sm" align="flex-start" grow>
        <NumberInput
          label={t('stock.adjust.counted')}
          description={
            change === null || change === 0 ? t('stock.adjust.noChange') : t('stock.adjust.change', { change: change > 0 ? `+${change}` : String(change) })
          }
          min={0}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('countedQty')}
        />
        <TextInput label={t('stock.adjust.reason')} maxLength={LIMITS.notesMax} {...form.getInputProps('note')} />
      </Group>
    </StockFormFrame>
  );
}
