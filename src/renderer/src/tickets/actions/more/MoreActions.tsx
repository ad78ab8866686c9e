// The ticket page's secondary repair-workflow actions: hand-over, promised
// date, "customer notified" log, loaner unit and rework. Each shows only when
// the ticket's workflow view offers it (or has something to show from before).
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketWorkflow } from '../../../../../shared/repair-contract';
import { HandOverForm } from './HandOverForm';
import { LoanerSection } from './LoanerSection';
import { NotificationLog } from './NotificationLog';
import { PromisedDateForm } from './PromisedDateForm';
import { ReworkSection } from './ReworkSection';

export function MoreActions({ workflow, onChanged }: { workflow: TicketWorkflow; onChanged(next: TicketWorkflow): void }) {
  const { t } = useTranslation();
  const can = (action: TicketWorkflow['actions'][number]) => workflow.actions.includes(action);
  const cards = [
    can('tickets.handOver') && <HandOverForm key="handOver" workflow={workflow} onChanged={onChanged} />,
    can('tickets.changePromisedDate') && <PromisedDateForm key="promised" workflow={workflow} onChanged={onChanged} />,
    (can('notifications.log') || workflow.notifications.length > 0) && <NotificationLog key="notify" workflow={workflow} onChanged={onChanged} />,
    (can('loans.lend') || can('loans.return') || workflow.loans.length > 0) && <LoanerSection key="loaner" workflow={workflow} onChanged={onChanged} />,
    (can('workflow.reopen') || workflow.reworkOf !== null || workflow.reworks.length > 0) && (
      <ReworkSection key="rework" workflow={workflow} onChanged={onChanged} />
    ),
  ].filter(Boolean);
  if (cards.length === 0) return null;

  return (
    <Stack gap="sm" component="section" aria-label={t('ticketMore.title')} data-testid="more-actions">
      <Title order={4}>{t('ticketMore.title')}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {cards}
      </SimpleGrid>
    </Stack>
  );
}
