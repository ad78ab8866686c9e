// What happened to a ticket, oldest first: when, what, who, the status move,
// any amount, and the note.
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../shared/contract';
import { useFormat } from '../desk/useFormat';

export function TicketTimeline({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dash = t('tickets.timeline.none');
  const events = [...ticket.events].sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="ticket-timeline-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="ticket-timeline-title">
          {t('tickets.timeline.title')}
        </Title>
        {events.length === 0 ? (
          <Text c="dimmed">{t('tickets.timeline.empty')}</Text>
        ) : (
          <Table aria-label={t('tickets.timeline.title')} verticalSpacing={6} horizontalSpacing="sm" withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('tickets.timeline.when')}</Table.Th>
                <Table.Th>{t('tickets.timeline.what')}</Table.Th>
                <Table.Th>{t('tickets.timeline.who')}</Table.Th>
                <Table.Th>{t('tickets.timeline.status')}</Table.Th>
                <Table.Th ta="right">{t('tickets.timeline.amount')}</Table.Th>
                <Table.Th>{t('tickets.timeline.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => {
                const from = event.fromStatus ? t(`status.${event.fromStatus}`) : null;
                const to = event.toStatus ? t(`status.${event.toStatus}`) : null;
                const move = from && to ? t('tickets.timeline.move', { from, to }) : (to ?? from ?? dash);
                return (
                  <Table.Tr key={event.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.instant(event.at)}</Table.Td>
                    <Table.Td>{t(`workflow.eventKind.${event.kind}`, { defaultValue: event.kind })}</Table.Td>
                    <Table.Td>{event.staffName ?? dash}</Table.Td>
                    <Table.Td>{move}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {event.amountMinor === null ? dash : format.money(event.amountMinor, ticket.currency)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{event.note || dash}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
