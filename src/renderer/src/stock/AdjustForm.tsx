// A stocktake correction: what is on the shelf, and why it differs. Main lets
// only a manager change the count; anyone else gets a manager to approve it
// with their PIN here at the counter.
import { Group, NumberInput, Text, TextInput } from '@mantine/core';
import { StockFormFrame } from './StockFormFrame';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/domain';
import { stockAdjustInput, type PartView } from '../../../shared/workflow-contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';
import { isCancelled } from '../session/useSignedInCall';
import { useApprovedCall } from '../widgets/useManagerApproval';
import { readFailure } from '../widgets/error-text';

const FIELDS = ['countedQty', 'note'] as const;
const draftSchema = stockAdjustInput.omit({ session: true });

interface Props {
  part: PartView;
  onDone(part: PartView): void;
  onCancel(): void;
}

export function AdjustForm({ part, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const approved = useApprovedCall();
  const [counted, setCounted] = useState<string | number>(part.qtyOnHand);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    const parsed = draftSchema.safeParse({ partId: part.id, countedQty: counted === '' ? undefined : Number(counted), note, managerApproval: null });
    setErrors(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues));
    setFailure(null);
    if (!parsed.success) return;
    setSaving(true);
    const result = await approved('parts.adjust', parsed.data, t('stock.adjust.approvalReason', { name: part.name, from: part.qtyOnHand, to: parsed.data.countedQty }));
    setSaving(false);
    if (isCancelled(result)) return setFailure(t('stock.adjust.notApproved'));
    if (result.ok) return onDone(result.data);
    const failure = readFailure(t, result.error, FIELDS);
    setErrors(failure.fields);
    setFailure(failure.message);
  };

  const change = typeof counted === 'number' ? counted - part.qtyOnHand : null;
  const error = (path: string) => (errors[path] ? t(`errors.field.${errors[path]}`) : undefined);
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
          description={change === null || change === 0 ? t('stock.adjust.noChange') : t('stock.adjust.change', { change: change > 0 ? `+${change}` : String(change) })}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          value={counted}
          error={error('countedQty')}
          onChange={setCounted}
        />
        <TextInput label={t('stock.adjust.reason')} value={note} maxLength={LIMITS.notesMax} error={error('note')} onChange={(event) => setNote(event.currentTarget.value)} />
      </Group>
    </StockFormFrame>
  );
}
