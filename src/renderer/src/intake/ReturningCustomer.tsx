import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract';
import { useFormat } from '../desk/useFormat';

interface Props {
  customer: CustomerDetail | null;
  /** Their own technician, already chosen for this intake. */
  ownerName: string | null;
  onNewCustomer(): void;
}

/** Shown once a customer is picked from the archive: who they are and what we repaired before. */
export function ReturningCustomer({ customer, ownerName, onNewCustomer }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-blue-light)" role="region" aria-label={t('intake.returningCustomer')}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge variant="filled">{t('intake.returningCustomer')}</Badge>
          {customer && <Text size="sm">{t('intake.visits', { count: customer.ticketCount })}</Text>}
          {ownerName && <Text size="sm">{t('trust.customerUpdate.owner', { name: ownerName })}</Text>}
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={onNewCustomer}>
          {t('intake.newCustomer')}
        </Button>
      </Group>
      {customer && customer.tickets.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('intake.noPastRepairs')}
        </Text>
      )}
      {customer && customer.tickets.length > 0 && (
        <Table.ScrollContainer minWidth={480} maxHeight={180}>
          <Table captionSide="top" verticalSpacing={4} fz="sm" aria-label={t('intake.pastRepairs')}>
            <Table.Caption ta="left">{t('intake.pastRepairs')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('intake.ticketNumber')}</Table.Th>
                <Table.Th>{t('ticket.device')}</Table.Th>
                <Table.Th>{t('ticket.status')}</Table.Th>
                <Table.Th>{t('ticket.receivedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.tickets.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td ff="monospace">{ticket.displayNumber}</Table.Td>
                  <Table.Td>
                    {t(`deviceType.${ticket.deviceType}`)} · {ticket.brand} {ticket.model}
                  </Table.Td>
                  <Table.Td>{t(`status.${ticket.status}`)}</Table.Td>
                  <Table.Td>{format.instant(ticket.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
