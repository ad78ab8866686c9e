// 报价: labour from the fee standard, parts from stock, parts bought in for this
// repair (price, the shop's cost, supplier), quantities, an optional
// discount with its reason, and live totals priced by main (what the warranty
// covers and why). A discount above the shop's limit is approved by a manager
// when the quote is saved.
import { Alert, Button, CloseButton, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import type { FeeItem, PartView } from '../../../../shared/stock-contract';
import { DISCOUNT_KINDS } from '../../../../shared/workflow';
import { useFormat } from '../../desk/useFormat';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { addBoughtPart, addLine, addTypedLabour, checkDraft, draftFromQuote, type DraftErrors, type DraftLine, type QuoteDraft } from './quote-draft';
import { QuoteTotals } from './QuoteTotals';
import { useFailure } from '../../widgets/useFailure';
import { useQuotePreview } from './useQuotePreview';
import { useErrorText } from '../../widgets/error-text';
import { MoneyInput } from '../../widgets/MoneyInput';

interface Props extends ActionFormProps {
  feeItems: FeeItem[];
  parts: PartView[];
}

const NO_BOUGHT_PART = { description: '', price: '', cost: '', supplier: '' };

function lineKey(line: DraftLine, index: number): string {
  if (line.kind === 'part') return `p${line.partId}`;
  // Two bought-in parts may share a description: the position tells them apart.
  if (line.kind === 'bought_part') return `b${index}`;
  return `l${line.feeItemId ?? line.description}`;
}

export function QuoteEditor({ workflow, perform, feeItems, parts }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const format = useFormat();
  const [draft, setDraft] = useState<QuoteDraft>(() => draftFromQuote(workflow.quotes[0]));
  const [labourPick, setLabourPick] = useState('');
  const [partPick, setPartPick] = useState('');
  const [typed, setTyped] = useState({ description: '', price: '' });
  const [typedErrors, setTypedErrors] = useState<DraftErrors>({});
  const [bought, setBought] = useState(NO_BOUGHT_PART);
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
  const setLine = (index: number, line: DraftLine) => update({ lines: draft.lines.map((l, i) => (i === index ? line : l)) });

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

  const add = (kind: 'labour' | 'part') => {
    const id = Number(kind === 'labour' ? labourPick : partPick);
    if (!id) return;
    update({ lines: addLine(draft.lines, kind === 'labour' ? { kind, feeItemId: id } : { kind, partId: id }) });
  };

  const addTyped = () => {
    const added = addTypedLabour(draft.lines, typed);
    setTypedErrors(added.errors);
    if (Object.keys(added.errors).length > 0) return;
    update({ lines: added.lines });
    setTyped({ description: '', price: '' });
  };
  const addBought = () => {
    const added = addBoughtPart(draft.lines, bought);
    setTypedErrors(added.errors);
    if (Object.keys(added.errors).length > 0) return;
    update({ lines: added.lines });
    setBought(NO_BOUGHT_PART);
  };
  const typedError = (field: string) => (typedErrors[field] ? t(`errors.field.${typedErrors[field]}`) : undefined);

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
  const discountTooLarge = preview?.discountExceedsCharge ? t('errors.field.discount_too_large') : undefined;

  return (
    <form noValidate aria-label={t('ticketActions.quote.title')} onSubmit={onSubmit} onKeyDown={keyboardFormKeyDown(() => void save())}>
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <NativeSelect
            label={t('ticketActions.quote.labourPick')}
            value={labourPick}
            onChange={(event) => setLabourPick(event.currentTarget.value)}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...feeItems.map((item) => ({
                value: String(item.id),
                label: t('ticketActions.quote.labourOption', { name: feeName(item), price: money(item.priceMinor) }),
              })),
            ]}
            style={{ flex: 1 }}
          />
          <Button variant="default" disabled={!labourPick} onClick={() => add('labour')}>
            {t('ticketActions.quote.addLabour')}
          </Button>
        </Group>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <NativeSelect
            label={t('ticketActions.quote.partPick')}
            value={partPick}
            onChange={(event) => setPartPick(event.currentTarget.value)}
            data={[
              { value: '', label: t('ticketActions.diagnosis.choose') },
              ...parts.map((part) => ({
                value: String(part.id),
                label: t('ticketActions.quote.partOption', { name: partName(part), price: money(part.priceMinor), qty: part.qtyOnHand }),
              })),
            ]}
            style={{ flex: 1 }}
          />
          <Button variant="default" disabled={!partPick} onClick={() => add('part')}>
            {t('ticketActions.quote.addPart')}
          </Button>
        </Group>
        {draft.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ticketActions.quote.noLines')}
          </Text>
        ) : (
          <Table aria-label={t('ticketActions.quote.lines')} verticalSpacing={4} horizontalSpacing="xs" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ticketActions.quote.description')}</Table.Th>
                <Table.Th w={90}>{t('ticketActions.quote.qty')}</Table.Th>
                <Table.Th ta="right">{t('ticketActions.quote.unitPrice')}</Table.Th>
                <Table.Th ta="right">{t('ticketActions.quote.charged')}</Table.Th>
                <Table.Th>{t('ticketActions.quote.pricing')}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.lines.map((line, index) => {
                const name = lineName(line);
                const price = unitPrice(line);
                const line_ = priced?.[index];
                return (
                  <Table.Tr key={lineKey(line, index)}>
                    <Table.Td>
                      {t(`workflow.lineKind.${line.kind}`)} · {name}
                      {line.kind === 'bought_part' && (
                        <MoneyInput
                          aria-label={t('ticketActions.quote.costOf', { item: name })}
                          placeholder={t(line.costKept ? 'ticketActions.quote.boughtCostKept' : 'ticketActions.quote.boughtCost')}
                          size="xs"
                          mt={4}
                          value={line.cost}
                          onChange={(event) => {
                            setLine(index, { ...line, cost: event.currentTarget.value });
                            edited(`lines.${index}.unitCostMinor`);
                          }}
                          error={fieldError(`lines.${index}.unitCostMinor`)}
                          w={150}
                        />
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('ticketActions.quote.qtyOf', { item: name })}
                        inputMode="numeric"
                        size="xs"
                        value={line.qty}
                        onChange={(event) => {
                          setLine(index, { ...line, qty: event.currentTarget.value });
                          edited(`lines.${index}.qty`);
                        }}
                        error={fieldError(`lines.${index}.qty`)}
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {price === null ? '—' : money(price)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {line_ ? (line_.free ? t('ticketActions.quote.free') : money(line_.chargedMinor)) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{line_ ? t(`workflow.pricingReason.${line_.reason}`) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <CloseButton
                        size="sm"
                        aria-label={t('ticketActions.quote.removeLine', { item: name })}
                        onClick={() => update({ lines: draft.lines.filter((_, i) => i !== index) })}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {/* Work the fee standard does not list, after the lines so the pick-and-add keyboard path stays as it was. */}
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            label={t('ticketActions.quote.typedLabour')}
            maxLength={LIMITS.shortTextMax * 2}
            value={typed.description}
            onChange={(event) => setTyped({ ...typed, description: event.currentTarget.value })}
            error={typedError('typedDescription')}
            style={{ flex: 1 }}
          />
          <MoneyInput
            label={t('ticketActions.quote.typedLabourPrice')}
            value={typed.price}
            onChange={(event) => setTyped({ ...typed, price: event.currentTarget.value })}
            error={typedError('typedPrice')}
            w={130}
          />
          <Button variant="default" mt={24} onClick={addTyped}>
            {t('ticketActions.quote.addTypedLabour')}
          </Button>
        </Group>
        {/* A part ordered in for this one repair: never stock; its cost is the shop's, shown to managers only afterwards. */}
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            label={t('ticketActions.quote.boughtPart')}
            maxLength={LIMITS.shortTextMax * 2}
            value={bought.description}
            onChange={(event) => setBought({ ...bought, description: event.currentTarget.value })}
            error={typedError('boughtDescription')}
            style={{ flex: 1 }}
          />
          <MoneyInput
            label={t('ticketActions.quote.boughtPrice')}
            value={bought.price}
            onChange={(event) => setBought({ ...bought, price: event.currentTarget.value })}
            error={typedError('boughtPrice')}
            w={120}
          />
          <MoneyInput
            label={t('ticketActions.quote.boughtCost')}
            value={bought.cost}
            onChange={(event) => setBought({ ...bought, cost: event.currentTarget.value })}
            error={typedError('boughtCost')}
            w={120}
          />
          <TextInput
            label={t('ticketActions.quote.boughtSupplier')}
            maxLength={LIMITS.shortTextMax}
            value={bought.supplier}
            onChange={(event) => setBought({ ...bought, supplier: event.currentTarget.value })}
            w={150}
          />
          <Button variant="default" mt={24} onClick={addBought}>
            {t('ticketActions.quote.addBoughtPart')}
          </Button>
        </Group>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <NativeSelect
            label={t('ticketActions.quote.discountKind')}
            value={draft.discountKind}
            onChange={(event) => update({ discountKind: event.currentTarget.value as QuoteDraft['discountKind'] })}
            data={[
              { value: 'none', label: t('ticketActions.quote.noDiscount') },
              ...DISCOUNT_KINDS.map((kind) => ({ value: kind, label: t(`workflow.discountKind.${kind}`) })),
            ]}
            w={160}
          />
          {draft.discountKind !== 'none' && (
            <>
              <MoneyInput
                label={draft.discountKind === 'percent' ? t('ticketActions.quote.discountPercent') : t('ticketActions.quote.discountAmount')}
                {...required()}
                value={draft.discountValue}
                onChange={(event) => {
                  update({ discountValue: event.currentTarget.value });
                  edited('discount.value');
                }}
                error={fieldError('discount.value') ?? discountTooLarge}
                w={150}
              />
              <TextInput
                label={t('ticketActions.quote.discountReason')}
                {...required()}
                maxLength={LIMITS.shortTextMax * 2}
                value={draft.discountReason}
                onChange={(event) => {
                  update({ discountReason: event.currentTarget.value });
                  edited('discount.reason');
                }}
                error={fieldError('discount.reason')}
                style={{ flex: 1 }}
              />
            </>
          )}
        </Group>
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
