// The day closes made so far, newest first, each printable again.
import { Alert, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../desk/useFormat';
import { useSignedInCall } from '../session/useSignedInCall';
import { loadFailure, signedInData, useLoaded } from '../widgets/useLoaded';
import { DayClosePrint } from './DayClosePrint';

export function PastClosesPanel({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const call = useSignedInCall();
  const [loaded] = useLoaded(
    async () => signedInData(await call('dayClose.list', {})),
    (error) => loadFailure(t, error),
    String(refreshKey),
  );

  if (loaded.state === 'failed')
    return (
      <Alert color="red" role="alert">
        {loaded.message}
      </Alert>
    );
  if (loaded.state === 'loading') return <Loader size="sm" aria-label={t('app.loading')} />;
  const closes = loaded.data;
  if (closes.length === 0) return <Text c="dimmed">{t('figures.dayClose.noCloses')}</Text>;
  return (
    <Table aria-label={t('figures.tabs.history')} withTableBorder verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>No.</Table.Th>
          <Table.Th>{t('figures.dayClose.businessDate')}</Table.Th>
          <Table.Th ta="right">{t('figures.dayClose.total')}</Table.Th>
          <Table.Th ta="right">{t('figures.dayClose.expected')}</Table.Th>
          <Table.Th ta="right">{t('figures.dayClose.counted')}</Table.Th>
          <Table.Th ta="right">{t('figures.dayClose.difference')}</Table.Th>
          <Table.Th>{t('figures.dayClose.closedBy')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {closes.map((c) => (
          <Table.Tr key={c.number}>
            <Table.Td>{c.number}</Table.Td>
            <Table.Td>{format.day(c.businessDate)}</Table.Td>
            <Table.Td ta="right">{format.money(c.takingsMinor, c.currency)}</Table.Td>
            <Table.Td ta="right">{format.money(c.expectedCashMinor, c.currency)}</Table.Td>
            <Table.Td ta="right">{format.money(c.countedCashMinor, c.currency)}</Table.Td>
            <Table.Td ta="right" c={c.differenceMinor === 0 ? undefined : 'red'}>
              {format.money(c.differenceMinor, c.currency)}
            </Table.Td>
            <Table.Td>{c.closedByName}</Table.Td>
            <Table.Td>
              <DayClosePrint number={c.number} again />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
