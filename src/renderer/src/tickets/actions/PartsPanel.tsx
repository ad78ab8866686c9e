// 配件申领: draws a part from stock for the ticket, optionally sending the
// replaced part of a warranty repair back to the stores (旧件返还). Short stock
// is refused; a manager may override it when the shelf count is wrong. Lists
// the parts used, each replaced warranty part with "Return to stores", and
// each replaced part with "Give back to the customer" (旧件退还客户), also at
// the counter once the repair is ready. Parts bought in for this one repair
// (on the quote, never in stock) are listed under them.
import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/domain';
import type { OldPartHandedBack, QuoteLineView, StockMoveView } from '../../../../shared/repair-contract';
import type { PartView } from '../../../../shared/stock-contract';
import { useFormat } from '../../desk/useFormat';
import { keyboardFormKeyDown } from '../../forms/keyboard-form';
import { required } from '../../forms/required';
import type { ActionFormProps } from './action-types';
import { FailureAlert } from '../../widgets/FailureAlert';
import { handBackableParts, returnableParts } from './parts-used';
import { parseQty } from './quote/quote-draft';
import { useFailure } from '../../widgets/useFailure';

/** The warranty covers this repair's parts: the replaced part belongs to the stores (a part is hardware, so the software 15-day rule does not charge it). */
const COVERED = ['in_warranty', 'software_within_15_days', 'software_after_15_days', 'rework_within_repair_warranty'];

export function PartsPanel({ workflow, perform, parts }: ActionFormProps & { parts: PartView[] }) {
  const { t } = useTranslation();
  const quoted = workflow.quotes.find((q) => q.status === 'accepted')?.lines.find((line) => line.partId !== null)?.partId;
  const [partId, setPartId] = useState(quoted ? String(quoted) : '');
  const [qty, setQty] = useState('1');
  const [returnOld, setReturnOld] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { failure, fail, failFields, clear, edited, fieldError } = useFailure(['partId', 'qty', 'note']);
  const covered = workflow.pricingBasis !== null && COVERED.includes(workflow.pricingBasis);
  const short = failure?.fields.qty === 'stock_insufficient';

  const drawParts = async (overrideStock: boolean) => {
    if (busy) return;
    const count = parseQty(qty);
    const missing = {
      ...(partId ? {} : { partId: 'required' as const }),
      ...(count === null ? { qty: qty.trim() ? ('invalid' as const) : ('required' as const) } : {}),
    };
    if (Object.keys(missing).length > 0 || count === null) return failFields(missing);
    setBusy(true);
    clear();
    const outcome = await perform(
      'parts.use',
      { ticketId: workflow.ticketId, partId: Number(partId), qty: count, returnOldPart: covered && returnOld, note, overrideStock, managerApproval: null },
      t('ticketActions.managerReason.stock', { number: workflow.displayNumber }),
    );
    setBusy(false);
    if (outcome.kind === 'failed') return fail(outcome.error);
    if (outcome.kind === 'done') {
      setQty('1');
      setNote('');
      setReturnOld(false);
    }
  };

  const giveBack = async (channel: 'parts.returnToStores' | 'parts.returnToCustomer', part: { partId: number }) => {
    clear();
    const outcome = await perform(channel, { ticketId: workflow.ticketId, partId: part.partId, qty: 1, note: '' });
    if (outcome.kind === 'failed') fail(outcome.error);
  };
  const canDraw = workflow.actions.includes('parts.use');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void drawParts(false);
  };

  return (
    <Stack gap="sm">
      {canDraw && (
        <form noValidate aria-label={t('ticketActions.parts.use')} onSubmit={onSubmit} onKeyDown={keyboardFormKeyDown(() => void drawParts(false))}>
          <Stack gap="sm">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <NativeSelect
                label={t('ticketActions.parts.part')}
                {...required()}
                value={partId}
                onChange={(event) => {
                  setPartId(event.currentTarget.value);
                  edited('partId');
                }}
                data={[
                  { value: '', label: t('ticketActions.diagnosis.choose') },
                  ...parts.map((part) => ({
                    value: String(part.id),
                    label: `${part.specification ? `${part.name} (${part.specification})` : part.name} · ${t('ticketActions.parts.onHand', { qty: part.qtyOnHand })}`,
                  })),
                ]}
                error={fieldError('partId')}
                style={{ flex: 1 }}
              />
              <TextInput
                label={t('ticketActions.parts.qty')}
                {...required()}
                inputMode="numeric"
                value={qty}
                onChange={(event) => {
                  setQty(event.currentTarget.value);
                  edited('qty');
                }}
                error={fieldError('qty')}
                w={110}
              />
            </Group>
            <TextInput
              label={t('ticketActions.parts.note')}
              maxLength={LIMITS.notesMax}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {covered && (
              <Checkbox label={t('ticketActions.parts.returnOld')} checked={returnOld} onChange={(event) => setReturnOld(event.currentTarget.checked)} />
            )}
            <FailureAlert failure={failure} />
            <Group justify="flex-end">
              {short && (
                <Button variant="light" color="orange" onClick={() => void drawParts(true)} disabled={busy}>
                  {t('ticketActions.parts.useAnyway')}
                </Button>
              )}
              <Button type="submit" data-enter-target loading={busy}>
                {t('ticketActions.parts.use')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!canDraw && <FailureAlert failure={failure} />}
      <PartsUsed
        moves={workflow.partsUsed}
        handedBack={workflow.oldPartsHandedBack}
        currency={workflow.currency}
        onReturn={canDraw ? (part) => void giveBack('parts.returnToStores', part) : null}
        onHandBack={workflow.actions.includes('parts.returnToCustomer') ? (part) => void giveBack('parts.returnToCustomer', part) : null}
      />
      <BoughtInParts lines={boughtInLines(workflow)} currency={workflow.currency} />
    </Stack>
  );
}

interface PartsUsedProps {
  moves: StockMoveView[];
  handedBack: OldPartHandedBack[];
  currency: string;
  onReturn: ((part: { partId: number }) => void) | null;
  onHandBack: ((part: { partId: number }) => void) | null;
}

function PartsUsed({ moves, handedBack, currency, onReturn, onHandBack }: PartsUsedProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const returnable = onReturn ? returnableParts(moves) : [];
  const handBackable = onHandBack ? handBackableParts(moves, handedBack) : [];
  if (moves.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('ticketActions.parts.noneUsed')}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Table aria-label={t('ticketActions.parts.used')} verticalSpacing={2} horizontalSpacing="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ticketActions.parts.what')}</Table.Th>
            <Table.Th ta="right">{t('ticketActions.parts.qtyColumn')}</Table.Th>
            <Table.Th>{t('ticketActions.parts.who')}</Table.Th>
            <Table.Th>{t('ticketActions.parts.when')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {moves.map((move) => (
            <Table.Tr key={move.id}>
              <Table.Td>
                {t(`workflow.stockMoveReason.${move.reason}`)} · {move.partName}
                {move.specification ? ` (${move.specification})` : ''}
                {move.underWarranty ? ` · ${t('ticketActions.parts.underWarranty')}` : ''}
                {move.reason === 'used' ? ` · ${format.money(move.unitPriceMinor, currency)}` : ''}
              </Table.Td>
              <Table.Td ta="right">{Math.abs(move.qtyDelta)}</Table.Td>
              <Table.Td>{move.staffName ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(move.at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {handedBack.length > 0 && (
        <Text size="sm">
          {t('ticketActions.parts.handedBack', {
            parts: handedBack.map((back) => `${back.partName}${back.specification ? ` (${back.specification})` : ''} × ${back.qty}`).join(', '),
          })}
        </Text>
      )}
      {returnable.length + handBackable.length > 0 && (
        <Group gap="xs">
          {returnable.map((part) => (
            <Button key={`stores-${part.partId}`} size="compact-sm" variant="default" onClick={() => onReturn?.(part)}>
              {t('ticketActions.parts.returnToStoresOf', { part: part.partName })}
            </Button>
          ))}
          {handBackable.map((part) => (
            <Button key={`customer-${part.partId}`} size="compact-sm" variant="default" onClick={() => onHandBack?.(part)}>
              {t('ticketActions.parts.returnToCustomerOf', { part: part.partName })}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** The bought-in parts of the quote that stands: the accepted one, else the newest still open. */
function boughtInLines(workflow: ActionFormProps['workflow']): QuoteLineView[] {
  const quote = workflow.quotes.find((q) => q.status === 'accepted') ?? workflow.quotes.find((q) => q.status === 'draft' || q.status === 'sent');
  return quote?.lines.filter((line) => line.kind === 'bought_part') ?? [];
}

function BoughtInParts({ lines, currency }: { lines: QuoteLineView[]; currency: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (lines.length === 0) return null;
  return (
    <Table aria-label={t('ticketActions.parts.boughtIn')} verticalSpacing={2} horizontalSpacing="xs" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('ticketActions.parts.boughtIn')}</Table.Th>
          <Table.Th ta="right">{t('ticketActions.parts.qtyColumn')}</Table.Th>
          <Table.Th ta="right">{t('ticketActions.quote.unitPrice')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.position}>
            <Table.Td>
              {line.description}
              {line.supplier ? ` · ${t('ticketActions.parts.from', { supplier: line.supplier })}` : ''}
              {line.free ? ` · ${t('ticketActions.parts.underWarranty')}` : ''}
            </Table.Td>
            <Table.Td ta="right">{line.qty}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {format.money(line.unitPriceMinor, currency)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
