// The day's takings at collection by payment method, the total, and the cash
// the drawer should hold. Fetched when shown, when the day changes, and after
// each payment (refreshKey).
import { Alert, Button, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { useFormat } from '../desk/useFormat';
import { DayInput } from '../widgets/DayInput';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function DrawerPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [date, setDate] = useState('');
  const [load, fetchDrawer] = useLoaded(
    () => call('collection.drawer', { date: date || null }),
    (error) => loadFailure(t, error),
    `${date}:${refreshKey}`,
  );

  const drawer = load.state === 'done' ? load.data : null;
  const money = (minor: number) => format.money(minor, drawer?.currency);

  return (
    <Stack gap="sm" maw={640}>
      <Group gap="sm" align="flex-end">
        <DayInput label={t('collection.drawer.date')} value={date || drawer?.date || ''} onChange={setDate} w={180} />
        <Button variant="default" onClick={() => void fetchDrawer()}>
          {t('collection.drawer.refresh')}
        </Button>
      </Group>
      {load.state === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
      {load.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          {t('collection.drawer.failed')} {load.message}
        </Alert>
      )}
      {drawer && (
        <>
          <Table aria-label={t('collection.drawer.table')} withTableBorder verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('collection.drawer.method')}</Table.Th>
                <Table.Th ta="right">{t('collection.drawer.count')}</Table.Th>
                <Table.Th ta="right">{t('collection.drawer.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drawer.byMethod.map((row) => (
                <Table.Tr key={row.method}>
                  <Table.Th scope="row" fw={500}>
                    {t(`collection.payment.methods.${row.method}`)}
                  </Table.Th>
                  <Table.Td ta="right">{row.count}</Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {money(row.amountMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
              {drawer.depositsWithoutMethodMinor > 0 && (
                <Table.Tr>
                  <Table.Th scope="row" fw={500}>
                    {t('collection.drawer.noMethod')}
                  </Table.Th>
                  <Table.Td />
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {money(drawer.depositsWithoutMethodMinor)}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('collection.drawer.total')}</Table.Th>
                <Table.Td />
                <Table.Td ta="right" fw={700} aria-label={t('collection.drawer.total')} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(drawer.totalMinor)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" fw={400} c="dimmed">
                  {t('collection.drawer.deposits')}
                </Table.Th>
                <Table.Td ta="right" c="dimmed">
                  {drawer.intakeDeposits.count}
                </Table.Td>
                <Table.Td ta="right" c="dimmed" aria-label={t('collection.drawer.deposits')} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {money(drawer.intakeDeposits.amountMinor)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
          <Paper withBorder p="sm" radius="sm">
            <Group justify="space-between">
              <Text fw={600} id="collection-cash-in-label">
                {t('collection.drawer.cashIn')}
              </Text>
              <Text fz={24} fw={700} aria-labelledby="collection-cash-in-label" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(drawer.cashInMinor)}
              </Text>
            </Group>
          </Paper>
          <Text size="xs" c="dimmed">
            {t('collection.drawer.hint')}
          </Text>
        </>
      )}
    </Stack>
  );
}
