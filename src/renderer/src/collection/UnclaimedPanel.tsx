// Devices ready (or returned unrepaired) that nobody has come for: how long
// they have waited and when the customer was last called. Fetched each time
// the tab is shown.
import { Alert, Button, Group, Loader, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnclaimedTicket } from '../../../shared/collection-contract';
import { call } from '../api';
import { useDesk } from '../desk/desk-context';
import { useFormat } from '../desk/useFormat';
import { StatusBadge } from '../widgets/StatusBadge';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export function UnclaimedPanel({ onOpen }: { onOpen(ticket: UnclaimedTicket): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { settings } = useDesk();
  const [load, fetchList] = useLoaded(
    () => call('collection.unclaimed', {}),
    (error) => loadFailure(t, error),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('collection.unclaimed.hint', { days: settings.unclaimedAfterDays })}
        </Text>
        <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => void fetchList()}>
          {t('collection.unclaimed.refresh')}
        </Button>
      </Group>
      {load.state === 'loading' && <Loader size="sm" aria-label={t('app.loading')} />}
      {load.state === 'failed' && (
        <Alert color="red" p="xs" role="alert">
          {t('collection.unclaimed.failed')} {load.message}
        </Alert>
      )}
      {load.state === 'done' && load.data.length === 0 && (
        <Text c="dimmed" role="status">
          {t('collection.unclaimed.none')}
        </Text>
      )}
      {load.state === 'done' && load.data.length > 0 && (
        <Table aria-label={t('collection.unclaimed.table')} withTableBorder highlightOnHover verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>{t('collection.unclaimed.number')}</Table.Th>
              <Table.Th>{t('collection.unclaimed.customer')}</Table.Th>
              <Table.Th>{t('collection.unclaimed.device')}</Table.Th>
              <Table.Th w={150}>{t('collection.unclaimed.readyAt')}</Table.Th>
              <Table.Th w={100} ta="right">
                {t('collection.unclaimed.days')}
              </Table.Th>
              <Table.Th>{t('collection.unclaimed.lastCall')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {load.data.map((ticket) => (
              <Table.Tr key={ticket.ticketId}>
                <Table.Td>
                  <UnstyledButton
                    ff="monospace"
                    fw={600}
                    c="var(--mantine-primary-color-filled)"
                    aria-label={t('collection.unclaimed.open', { number: ticket.displayNumber })}
                    onClick={() => onOpen(ticket)}
                  >
                    {ticket.displayNumber}
                  </UnstyledButton>
                  <div>
                    <StatusBadge status={ticket.status} />
                  </div>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{ticket.customerName}</Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {ticket.customerPhone}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(`deviceType.${ticket.deviceType}`)} · {ticket.brand} {ticket.model}
                </Table.Td>
                <Table.Td>{format.instant(ticket.readyAt)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {t('collection.unclaimed.daysValue', { count: ticket.daysWaiting })}
                </Table.Td>
                <Table.Td>
                  {ticket.lastNotification ? (
                    <Text size="sm">
                      {t('collection.unclaimed.lastCallValue', {
                        date: format.instant(ticket.lastNotification.at),
                        outcome: t(`workflow.notificationOutcome.${ticket.lastNotification.outcome}`),
                      })}
                    </Text>
                  ) : (
                    <Text size="sm" c="orange.8">
                      {t('collection.unclaimed.neverCalled')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
