// One ticket: its number and status, the stored intake details, the Print
// panel and the history. Escape or "Back to search" returns to the list.
import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerContactPanel, ManufacturerTripCard, RepairTestCard } from '../customers';
import { call } from '../api';
import { TicketActions } from './actions/TicketActions';
import { StatusBadge } from '../widgets/StatusBadge';
import { TicketInfo } from './TicketInfo';
import { TicketPrintPanel } from './TicketPrintPanel';
import { TicketTimeline } from './TicketTimeline';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

interface Props {
  /** The ticket's number as tickets.get reads it (digits, prefix optional). */
  number: string;
  /** Bumped each time the Tickets screen is shown again, so the page is fresh. */
  refreshKey: number;
  /** The Tickets screen is the one on show (it stays mounted while the clerk is elsewhere). */
  active: boolean;
  onBack(): void;
}

export function TicketPage({ number, refreshKey, active, onBack }: Props) {
  const { t } = useTranslation();
  const [load, fetchTicket] = useLoaded(
    () => call('tickets.get', { number }),
    (error) => loadFailure(t, error),
    `${number}|${refreshKey}`,
  );
  const backRef = useRef<HTMLButtonElement>(null);

  // Focus lands on the page so Escape and Tab start here, not on the hidden search box.
  useEffect(() => {
    if (load.state !== 'loading') backRef.current?.focus();
  }, [load.state]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      event.preventDefault();
      onBack();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active, onBack]);

  const back = (
    <Button ref={backRef} variant="default" onClick={onBack}>
      {t('tickets.back')}
    </Button>
  );

  if (load.state === 'loading') {
    return (
      <Center mih={200} aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (load.state === 'failed') {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <Alert color="red" title={t('tickets.loadFailed')}>
          {load.message}
        </Alert>
      </Stack>
    );
  }

  const ticket = load.data;
  return (
    <Stack gap="md" component="article" aria-labelledby="ticket-page-number">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('intake.ticketNumber')}
          </Text>
          <Group gap="md" align="center">
            <Text id="ticket-page-number" component="h2" fz={34} fw={700} ff="monospace" lh={1.1} m={0}>
              {ticket.displayNumber}
            </Text>
            <StatusBadge status={ticket.status} size="lg" />
          </Group>
          <Text size="md">
            {ticket.customer.name} · {t(`deviceType.${ticket.deviceType}`)} · {ticket.brand} {ticket.model}
          </Text>
        </Stack>
        {back}
      </Group>
      <TicketActions ticketId={ticket.id} refreshKey={refreshKey} onTicketChanged={fetchTicket} />
      <CustomerContactPanel ticket={ticket} />
      <ManufacturerTripCard ticket={ticket} onChanged={() => void fetchTicket()} />
      <RepairTestCard ticket={ticket} />
      <TicketInfo ticket={ticket} onPasscodeViewed={() => void fetchTicket()} />
      <TicketPrintPanel ticket={ticket} />
      <TicketTimeline ticket={ticket} />
    </Stack>
  );
}
