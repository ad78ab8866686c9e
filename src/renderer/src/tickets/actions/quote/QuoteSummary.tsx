// A saved quote as the customer sees it: each line with what is charged and
// why, then the totals.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PricingReason } from '../../../../../shared/workflow';
import type { QuoteView } from '../../../../../shared/repair-contract';
import { useFormat } from '../../../desk/useFormat';
import { QuoteTotals } from './QuoteTotals';

export function QuoteSummary({ quote, currency, basis }: { quote: QuoteView; currency: string; basis: PricingReason | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('ticketActions.quote.current', { version: quote.version, status: t(`workflow.quoteStatus.${quote.status}`) });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Table aria-label={title} verticalSpacing={2} horizontalSpacing="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('ticketActions.quote.description')}</Table.Th>
            <Table.Th ta="right">{t('ticketActions.quote.qty')}</Table.Th>
            <Table.Th ta="right">{t('ticketActions.quote.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('ticketActions.quote.charged')}</Table.Th>
            <Table.Th>{t('ticketActions.quote.pricing')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quote.lines.map((line) => (
            <Table.Tr key={line.position}>
              <Table.Td>
                {t(`workflow.lineKind.${line.kind}`)} · {line.description}
              </Table.Td>
              <Table.Td ta="right">{line.qty}</Table.Td>
              <Table.Td ta="right">{format.money(line.unitPriceMinor, currency)}</Table.Td>
              <Table.Td ta="right">{line.free ? t('ticketActions.quote.free') : format.money(line.chargedMinor, currency)}</Table.Td>
              <Table.Td>
                <Text size="xs">{t(`workflow.pricingReason.${line.reason}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {quote.discount && (
        <Text size="sm">
          {t('ticketActions.quote.discount')}: {quote.discount.reason}
          {quote.discountApprovedByName ? ` · ${t('workflow.manager')}: ${quote.discountApprovedByName}` : ''}
        </Text>
      )}
      <QuoteTotals totals={quote} currency={currency} basis={basis} />
    </Stack>
  );
}
