// The board's rows. Each row is one focusable stop: click or Enter opens the
// ticket, ↑/↓ move between rows. A passed promised date says "Overdue" in
// words, not only in red.
import { Badge, Table, Text } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRef } from '../../../../shared/repair-contract';
import type { BoardTicket } from '../../../../shared/tickets-contract';
import type { SeverityLevel } from '../../../../shared/workflow';
import { useFormat } from '../../desk/useFormat';
import { StatusBadge } from '../../widgets/StatusBadge';

/** Badges would rather shrink with an ellipsis; on the board their words must show in full. */
const FULL_WIDTH = { width: 'max-content', maxWidth: 'none' } as const;

const SEVERITY_COLOUR: Record<SeverityLevel, string> = { 1: 'red', 2: 'orange', 3: 'gray' };

interface Props {
  items: BoardTicket[];
  onOpen(ticket: TicketRef): void;
}

function moveFocus(event: KeyboardEvent<HTMLTableRowElement>, step: 1 | -1): void {
  const next = step === 1 ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling;
  if (next instanceof HTMLElement) {
    event.preventDefault();
    next.focus();
  }
}

export function BoardTable({ items, onOpen }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table aria-label={t('board.table')} highlightOnHover withTableBorder verticalSpacing={6} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('board.column.number')}</Table.Th>
          <Table.Th>{t('board.column.customer')}</Table.Th>
          <Table.Th>{t('board.column.device')}</Table.Th>
          <Table.Th>{t('board.column.age')}</Table.Th>
          <Table.Th>{t('board.column.promised')}</Table.Th>
          <Table.Th>{t('board.column.technician')}</Table.Th>
          <Table.Th>{t('board.column.severity')}</Table.Th>
          <Table.Th>{t('board.column.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((ticket) => (
          <Table.Tr
            key={ticket.ticketId}
            tabIndex={0}
            data-overdue={ticket.overdue || undefined}
            aria-label={t('tickets.open', { number: ticket.displayNumber })}
            style={{ cursor: 'pointer' }}
            onClick={() => onOpen(ticket)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onOpen(ticket);
              } else if (event.key === 'ArrowDown') moveFocus(event, 1);
              else if (event.key === 'ArrowUp') moveFocus(event, -1);
            }}
          >
            <Table.Td ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {ticket.displayNumber}
            </Table.Td>
            <Table.Td>{ticket.customerName}</Table.Td>
            <Table.Td miw={130}>
              <Text component="span" size="xs" c="dimmed" display="block">
                {t(`deviceType.${ticket.deviceType}`)}
              </Text>
              {`${ticket.brand} ${ticket.model}`.trim()}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('board.ageDays', { count: ticket.ageDays })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {ticket.promisedDate === null ? (
                t('board.noDate')
              ) : ticket.overdue ? (
                <Text component="div" size="sm" c="red.8" fw={600}>
                  <Badge color="red" variant="filled" size="xs" tt="none" style={FULL_WIDTH}>
                    {t('board.overdue')}
                  </Badge>
                  <div>{format.day(ticket.promisedDate)}</div>
                </Text>
              ) : (
                format.day(ticket.promisedDate)
              )}
            </Table.Td>
            <Table.Td>
              {ticket.technicianName ?? (
                <Text component="span" size="sm" c="dimmed">
                  {t('board.notAssigned')}
                </Text>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {ticket.severity === null ? (
                t('board.noDate')
              ) : (
                <Badge color={SEVERITY_COLOUR[ticket.severity]} variant="light" size="sm" tt="none" style={FULL_WIDTH}>
                  {t(`board.severity.level${ticket.severity}`)}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {/* The badge sizes its column: never cut the status short. */}
              <div style={FULL_WIDTH}>
                <StatusBadge status={ticket.status} />
              </div>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
