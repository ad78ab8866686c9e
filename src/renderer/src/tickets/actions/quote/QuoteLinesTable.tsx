// The quote's lines: what each is, its quantity (and a bought-in part's cost),
// the unit price, what main charges for it and why (warranty, free, discount).
import { CloseButton, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuotePreview } from '../../../../../shared/repair-contract';
import { MoneyInput } from '../../../widgets/MoneyInput';
import type { DraftLine } from './quote-draft';

interface Props {
  lines: DraftLine[];
  /** Main's pricing of the same lines, or null while it is not in step with them. */
  priced: QuotePreview['lines'] | null;
  lineName: (line: DraftLine) => string;
  unitPrice: (line: DraftLine) => number | null;
  money: (minor: number) => string;
  /** A line changed; field is the contract path whose error the change clears. */
  onChange: (index: number, line: DraftLine, field: string) => void;
  onRemove: (index: number) => void;
  fieldError: (field: string) => string | undefined;
}

function lineKey(line: DraftLine, index: number): string {
  if (line.kind === 'part') return `p${line.partId}`;
  // Two bought-in parts may share a description: the position tells them apart.
  if (line.kind === 'bought_part') return `b${index}`;
  return `l${line.feeItemId ?? line.description}`;
}

export function QuoteLinesTable({ lines, priced, lineName, unitPrice, money, onChange, onRemove, fieldError }: Props) {
  const { t } = useTranslation();
  return (
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
        {lines.map((line, index) => {
          const name = lineName(line);
          const price = unitPrice(line);
          const charged = priced?.[index];
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
                    onChange={(event) => onChange(index, { ...line, cost: event.currentTarget.value }, `lines.${index}.unitCostMinor`)}
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
                  onChange={(event) => onChange(index, { ...line, qty: event.currentTarget.value }, `lines.${index}.qty`)}
                  error={fieldError(`lines.${index}.qty`)}
                />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {price === null ? '—' : money(price)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {charged ? (charged.free ? t('ticketActions.quote.free') : money(charged.chargedMinor)) : '—'}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{charged ? t(`workflow.pricingReason.${charged.reason}`) : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <CloseButton size="sm" aria-label={t('ticketActions.quote.removeLine', { item: name })} onClick={() => onRemove(index)} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
