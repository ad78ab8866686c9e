// The figures of a day close, open or stored: takings by method (refunds
// counted apart), deposits, refunds, voids, discounts and tickets.
import { SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DayCloseFigures } from '../../../shared/figures-contract';
import { useFormat } from '../desk/useFormat';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

export function DayCloseFiguresView({ figures }: { figures: DayCloseFigures }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, figures.currency);
  const rows: [string, number | null, number | null][] = [
    [t('figures.dayClose.deposits'), figures.deposits.count, figures.deposits.amountMinor],
    [t('figures.dayClose.refunds'), figures.refunds.count, figures.refunds.amountMinor],
    [t('figures.dayClose.voids'), figures.voids.count, figures.voids.amountMinor],
    [t('figures.dayClose.discounts'), figures.discounts.count, figures.discounts.amountMinor],
    [t('figures.dayClose.ticketsIn'), figures.tickets.in, null],
    [t('figures.dayClose.collected'), figures.tickets.collected, null],
    [t('figures.dayClose.cancelled'), figures.tickets.cancelled, null],
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Table aria-label={t('figures.dayClose.takings')} withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('figures.dayClose.takings')}</Table.Th>
            <Table.Th ta="right">{t('figures.dayClose.payments')}</Table.Th>
            <Table.Th ta="right">{t('figures.dayClose.refundsColumn')}</Table.Th>
            <Table.Th ta="right">{t('figures.dayClose.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {figures.byMethod.map((m) => (
            <Table.Tr key={m.method}>
              <Table.Th scope="row" fw={500}>
                {t(`figures.method.${m.method}`)}
              </Table.Th>
              <Table.Td ta="right">{m.count}</Table.Td>
              <Table.Td ta="right">{m.refundCount}</Table.Td>
              <Table.Td ta="right" style={num}>
                {money(m.amountMinor)}
              </Table.Td>
            </Table.Tr>
          ))}
          {figures.depositsWithoutMethodMinor > 0 && (
            <Table.Tr>
              <Table.Th scope="row" fw={500}>
                {t('figures.noMethod')}
              </Table.Th>
              <Table.Td />
              <Table.Td />
              <Table.Td ta="right" style={num}>
                {money(figures.depositsWithoutMethodMinor)}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('figures.dayClose.total')}</Table.Th>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right" fw={700} aria-label={t('figures.dayClose.total')} style={num}>
              {money(figures.takingsMinor)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <Table aria-label={t('figures.dayClose.title')} withTableBorder verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, count, amount]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              <Table.Td ta="right">{count}</Table.Td>
              <Table.Td ta="right" style={num}>
                {amount === null ? (
                  <Text span c="dimmed">
                    —
                  </Text>
                ) : (
                  money(amount)
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}
