// What the customer owes: each charge line (free ones say why), discount,
// total, deposit and what was paid, and the balance due in large type.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CollectionView } from '../../../shared/collection-contract';
import { useFormat } from '../desk/useFormat';

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md">
      <Text size="sm" fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

export function ChargesPanel({ view }: { view: CollectionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = (minor: number) => format.money(minor, view.currency);
  const refundDue = view.balanceMinor < 0;
  const balanceLabel = refundDue ? t('collection.charges.refundDue') : t('collection.charges.balance');

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="collection-charges-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="collection-charges-title">
          {t('collection.charges.title')}
        </Title>
        {view.lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('collection.charges.noLines')}
          </Text>
        ) : (
          <Table aria-label={t('collection.charges.lines')} verticalSpacing={4} horizontalSpacing="xs" layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('collection.charges.description')}</Table.Th>
                <Table.Th w={48} ta="right">
                  {t('collection.charges.qty')}
                </Table.Th>
                <Table.Th w={100} ta="right">
                  {t('collection.charges.unit')}
                </Table.Th>
                <Table.Th w={100} ta="right">
                  {t('collection.charges.total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.lines.map((line, index) => (
                <Table.Tr key={index}>
                  <Table.Td>
                    <Text size="sm">
                      {line.description}
                      {line.kind !== 'labour' && (
                        <Text span size="xs" c="dimmed">
                          {' · '}
                          {t(`workflow.lineKind.${line.kind}`)}
                        </Text>
                      )}
                    </Text>
                    {line.free && (
                      <Group gap={4} mt={2}>
                        <Badge color="teal" variant="light" size="xs" tt="none">
                          {t('collection.charges.free')}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {t(`workflow.pricingReason.${line.reason}`)}
                        </Text>
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{line.qty}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(line.unitMinor)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(line.totalMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Stack gap={4}>
          {view.discountMinor > 0 && (
            <Row
              label={view.discountReason ? t('collection.charges.discountWithReason', { reason: view.discountReason }) : t('collection.charges.discount')}
              value={`−${money(view.discountMinor)}`}
            />
          )}
          <Row label={t('collection.charges.totalDue')} value={money(view.totalMinor)} strong />
          <Row label={t('collection.charges.deposit')} value={money(view.depositMinor)} />
          <Row label={t('collection.charges.payments')} value={money(view.paymentsNetMinor)} />
          <Row label={t('collection.charges.paid')} value={money(view.paidMinor)} strong />
        </Stack>
        <Group
          justify="space-between"
          align="baseline"
          p="sm"
          bg={view.balanceMinor > 0 ? 'var(--mantine-color-orange-light)' : refundDue ? 'var(--mantine-color-red-light)' : 'var(--mantine-color-teal-light)'}
          style={{ borderRadius: 4 }}
        >
          <Text id="collection-balance-label" fw={600}>
            {balanceLabel}
          </Text>
          <Text aria-labelledby="collection-balance-label" fz={34} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {money(Math.abs(view.balanceMinor))}
          </Text>
        </Group>
        {view.balanceMinor === 0 && (
          <Text size="sm" c="teal.8">
            {t('collection.charges.settled')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
