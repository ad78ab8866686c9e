// 报价: labour from the fee standard, parts from stock, parts bought in for this
// repair (price, the shop's cost, supplier), quantities, an optional
// discount with its reason, and live totals priced by main (what the warranty
// covers and why). A discount above the shop's limit is approved by a manager
// when the quote is saved.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeeItem, PartView } from '../../../../../shared/stock-contract';
import { useFormat } from '../../../desk/useFormat';
import { keyboardFormKeyDown } from '../../../forms/keyboard-form';
import { useErrorText } from '../../../widgets/error-text';
import { FailureAlert } from '../../../widgets/FailureAlert';
import { useFailure } from '../../../widgets/useFailure';
import type { ActionFormProps } from '../action-types';
import { BoughtPartRow } from './BoughtPartRow';
import { CatalogPick } from './CatalogPick';
import { DiscountFields } from './DiscountFields';
import { addLine, checkDraft, draftFromQuote, type DraftLine, type QuoteDraft } from './quote-draft';
import { QuoteLinesTable } from './QuoteLinesTable';
import { QuoteTotals } from './QuoteTotals';
import { TypedLabourRow } from './TypedLabourRow';
import { useQuotePreview } from './useQuotePreview';

interface Props extends ActionFormProps {
  feeItems: FeeItem[];
  parts: PartView[];
}

export function QuoteEditor({ workflow, perform, feeItems, parts }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const [draft, setDraft] = useState<QuoteDraft>(() => draftFromQuote(workflow.quotes[0]));
  const [busy, setBusy] = useState(false);
  const shown = [
    'discount.value',
    'discount.reason',
    ...draft.lines.flatMap((line, index) => [`lines.${index}.qty`, ...(line.kind === 'bought_part' ? [`lines.${index}.unitCostMinor`] : [])]),
  ];
  const { failure, fail, failFields, clear, edited, fieldError } = useFailure(shown);
  const { preview, error: previewError, pending } = useQuotePreview(workflow.ticketId, draft, workflow.diagnosis?.updatedAt ?? null);
  const money = (minor: number) => format.money(minor, workflow.currency);
  const feeName = (item: FeeItem) => (i18n.language === 'zh-CN' ? item.nameZh : item.nameEn);
  const partName = (part: PartView) => (part.specification ? `${part.name} (${part.specification})` : part.name);

  const update = (change: Partial<QuoteDraft>) => setDraft((current) => ({ ...current, ...change }));
  const setLines = (lines: DraftLine[]) => update({ lines });

  const lineName = (line: DraftLine): string => {
    if (line.kind === 'bought_part') return line.supplier ? `${line.description} (${line.supplier})` : line.description;
    if (line.kind === 'part') {
      const part = parts.find((p) => p.id === line.partId);
      return part ? partName(part) : `#${line.partId}`;
    }
    const item = feeItems.find((f) => f.id === line.feeItemId);
    return item ? feeName(item) : line.description;
  };
  const unitPrice = (line: DraftLine): number | null =>
    line.kind === 'bought_part'
      ? line.unitPriceMinor
      : line.kind === 'part'
        ? (parts.find((p) => p.id === line.partId)?.priceMinor ?? null)
        : (feeItems.find((f) => f.id === line.feeItemId)?.priceMinor ?? line.unitPriceMinor);

  const save = async () => {
    if (busy) return;
    const checked = checkDraft(draft);
    if (Object.keys(checked.errors).length > 0) {
      return checked.errors.lines ? fail({ code: 'validation', message: t('ticketActions.quote.noLines') }) : failFields(checked.errors);
    }
    setBusy(true);
    clear();
    const outcome = await perform(
      'quotes.save',
      { ticketId: workflow.ticketId, lines: checked.lines, discount: checked.discount, note: '', managerApproval: null },
      t('ticketActions.managerReason.discount', { number: workflow.displayNumber }),
    );
    setBusy(false);
    if (outcome.kind === 'failed') fail(outcome.error);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const priced = preview && preview.lines.length === draft.lines.length ? preview.lines : null;

  return (
    <form noValidate aria-label={t('ticketActions.quote.title')} onSubmit={onSubmit} onKeyDown={keyboardFormKeyDown(() => void save())}>
      <Stack gap="sm">
        <CatalogPick
          label={t('ticketActions.quote.labourPick')}
          addLabel={t('ticketActions.quote.addLabour')}
          options={feeItems.map((item) => ({
            value: String(item.id),
            label: t('ticketActions.quote.labourOption', { name: feeName(item), price: money(item.priceMinor) }),
          }))}
          onAdd={(feeItemId) => setLines(addLine(draft.lines, { kind: 'labour', feeItemId }))}
        />
        <CatalogPick
          label={t('ticketActions.quote.partPick')}
          addLabel={t('ticketActions.quote.addPart')}
          options={parts.map((part) => ({
            value: String(part.id),
            label: t('ticketActions.quote.partOption', { name: partName(part), price: money(part.priceMinor), qty: part.qtyOnHand }),
          }))}
          onAdd={(partId) => setLines(addLine(draft.lines, { kind: 'part', partId }))}
        />
        {draft.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ticketActions.quote.noLines')}
          </Text>
        ) : (
          <QuoteLinesTable
            lines={draft.lines}
            priced={priced}
            lineName={lineName}
            unitPrice={unitPrice}
            money={money}
            onChange={(index, changed, field) => {
              setLines(draft.lines.map((line, i) => (i === index ? changed : line)));
              edited(field);
            }}
            onRemove={(index) => setLines(draft.lines.filter((_, i) => i !== index))}
            fieldError={fieldError}
          />
        )}
        {/* After the lines, so the pick-and-add keyboard path stays as it was. */}
        <TypedLabourRow lines={draft.lines} onAdded={setLines} />
        <BoughtPartRow lines={draft.lines} onAdded={setLines} />
        <DiscountFields
          discount={draft}
          onChange={(change, field) => {
            update(change);
            if (field) edited(field);
          }}
          fieldError={fieldError}
          tooLarge={preview?.discountExceedsCharge ? t('errors.field.discount_too_large') : undefined}
        />
        {preview && <QuoteTotals totals={preview} currency={workflow.currency} basis={preview.basis} />}
        {pending && !preview && (
          <Text size="sm" c="dimmed">
            {t('ticketActions.quote.previewing')}
          </Text>
        )}
        {previewError && draft.lines.length > 0 && (
          <Text size="sm" c="red.8">
            {errorText(previewError)}
          </Text>
        )}
        {preview?.discountNeedsManager && (
          <Alert color="yellow" py="xs">
            {t('ticketActions.quote.discountNeedsManager')}
          </Alert>
        )}
        <FailureAlert failure={failure} />
        <Group justify="flex-end">
          <Button type="submit" data-enter-target loading={busy}>
            {t('ticketActions.quote.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
