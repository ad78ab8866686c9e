// Another ticket's number, as a button that opens it when the Tickets screen can.
import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketRef } from '../../../../../shared/repair-contract';
import { useOpenTicket } from './open-ticket';

export function TicketLink({ ticket, size = 'sm' }: { ticket: TicketRef; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  const openTicket = useOpenTicket();
  if (openTicket === null) {
    return (
      <Text ff="monospace" fw={700} fz={size === 'lg' ? 24 : 'sm'} span>
        {ticket.displayNumber}
      </Text>
    );
  }
  return (
    <Button
      variant="light"
      size={size === 'lg' ? 'md' : 'compact-sm'}
      ff="monospace"
      aria-label={t('ticketMore.rework.openTicket', { number: ticket.displayNumber })}
      onClick={() => openTicket(ticket.number)}
    >
      {ticket.displayNumber}
    </Button>
  );
}
