// Every repair of the customer: status, dates in and out, technician, the
// fault, the work done and what was paid; each opens on the Tickets screen.
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerArchive } from '../../../../shared/customer-care-contract';
import { useFormat } from '../../desk/useFormat';
import { StatusBadge } from '../../widgets/StatusBadge';
import { Section } from './CustomerPage';

export function CustomerTickets({ customer, onOpenTicket }: { customer: CustomerArchive; onOpenTicket(number: number): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('care.page.none');
  return (
    <Section title={t('care.page.tickets')}>
      {customer.tickets.length === 0 ? (
        <Text c="dimmed">{t('care.page.noTickets')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('care.page.number')}</Table.Th>
                <Table.Th>{t('care.page.status')}</Table.Th>
                <Table.Th>{t('care.page.device')}</Table.Th>
                <Table.Th>{t('care.page.dateIn')}</Table.Th>
                <Table.Th>{t('care.page.dateOut')}</Table.Th>
                <Table.Th>{t('care.page.technician')}</Table.Th>
                <Table.Th>{t('care.page.fault')}</Table.Th>
                <Table.Th>{t('care.page.workDone')}</Table.Th>
                <Table.Th ta="right">{t('care.page.paid')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.tickets.map((ticket) => (
                <Table.Tr key={ticket.id}>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      aria-label={t('care.page.openTicket', { number: ticket.displayNumber })}
                      onClick={() => onOpenTicket(ticket.number)}
                    >
                      {ticket.displayNumber}
                    </Button>
                    {ticket.reworkOfTicketId !== null && (
                      <Badge size="xs" color="orange" variant="light" tt="none">
                        {t('care.page.rework')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td miw={100}>
                    <StatusBadge status={ticket.status} />
                  </Table.Td>
                  <Table.Td>{ticket.device}</Table.Td>
                  <Table.Td>{format.instant(ticket.createdAt)}</Table.Td>
                  <Table.Td>{ticket.collectedAt ? format.instant(ticket.collectedAt) : none}</Table.Td>
                  <Table.Td>{ticket.technicianName ?? none}</Table.Td>
                  <Table.Td maw={220}>{ticket.fault}</Table.Td>
                  <Table.Td maw={220}>{ticket.workDone || none}</Table.Td>
                  <Table.Td ta="right">{format.money(ticket.paidMinor, customer.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
