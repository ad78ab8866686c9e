// A quote's totals: subtotal, what the warranty covers (and why), the
// discount and what the customer pays.
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteTotalsView } from '../../../../../shared/repair-contract';
import type { PricingReason } from '../../../../../shared/workflow';
import { useFormat } from '../../../desk/useFormat';

interface Props {
  totals: QuoteTotalsView;
  currency: string;
  basis: PricingReason | null;
}

export function QuoteTotals({ totals, currency, basis }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, number][] = [
    [t('ticketActions.quote.subtotal'), totals.subtotalMinor],
    [t('ticketActions.quote.covered'), -totals.coveredMinor || 0],
    [t('ticketActions.quote.discount'), -totals.discountMinor || 0],
  ];
  return (
    <Stack gap={4} align="flex-end">
      {basis && (
        <Text size="sm" fw={500}>
          {t('ticketActions.quote.basis', { reason: t(`workflow.pricingReason.${basis}`) })}
        </Text>
      )}
      <Table aria-label={t('ticketActions.quote.totals')} w={340} verticalSpacing={2} horizontalSpacing="xs">
        <Table.Tbody>
          {rows.map(([label, minor]) => (
            <Table.Tr key={label}>
              <Table.Th fw={400}>{label}</Table.Th>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {format.money(minor, currency)}
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th>{t('ticketActions.quote.total')}</Table.Th>
            <Table.Td ta="right" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.money(totals.totalMinor, currency)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
