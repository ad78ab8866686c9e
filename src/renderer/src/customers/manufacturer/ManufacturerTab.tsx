// The devices at manufacturers now, the most overdue first; each opens its repair.
import { Alert, Badge, Button, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useFormat } from '../../desk/useFormat';
import { loadFailure, useLoaded } from '../../widgets/useLoaded';
import type { CareNavigation } from '../navigation';

export function ManufacturerTab({ navigation, refreshKey }: { navigation: CareNavigation; refreshKey: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [loaded] = useLoaded(
    () => call('manufacturer.away', {}),
    (error) => loadFailure(t, error),
    String(refreshKey),
  );
  if (loaded.state === 'loading') return <Loader aria-label={t('app.loading')} />;
  if (loaded.state === 'failed')
    return (
      <Alert color="red" role="alert">
        {loaded.message}
      </Alert>
    );
  if (loaded.data.length === 0) return <Text c="dimmed">{t('care.manufacturer.none')}</Text>;
  return (
    <Table verticalSpacing="xs" highlightOnHover aria-label={t('care.tab.manufacturer')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('care.page.number')}</Table.Th>
          <Table.Th>{t('care.manufacturer.customer')}</Table.Th>
          <Table.Th>{t('care.manufacturer.device')}</Table.Th>
          <Table.Th>{t('care.manufacturer.where')}</Table.Th>
          <Table.Th>{t('care.manufacturer.rma')}</Table.Th>
          <Table.Th>{t('care.manufacturer.sent')}</Table.Th>
          <Table.Th>{t('care.manufacturer.expectedBack')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {loaded.data.map((trip) => (
          <Table.Tr key={trip.id}>
            <Table.Td>
              <Button size="compact-sm" variant="subtle" onClick={() => navigation.openTicket(trip.number)}>
                {trip.displayNumber}
              </Button>
            </Table.Td>
            <Table.Td>
              {trip.customerName} · {trip.customerPhone}
            </Table.Td>
            <Table.Td>{trip.device}</Table.Td>
            <Table.Td>{trip.manufacturer}</Table.Td>
            <Table.Td>{trip.rmaNumber}</Table.Td>
            <Table.Td>{format.instant(trip.sentAt)}</Table.Td>
            <Table.Td>
              {format.day(trip.expectedBack)}{' '}
              {trip.overdue && (
                <Badge color="red" tt="none">
                  {t('care.manufacturer.overdue')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
