// A ticket's stored intake details, grouped the way the intake form prints them:
// customer, device, what was handed over and agreed, and the money.
import { Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../shared/contract';
import { useFormat } from '../desk/useFormat';
import { LabelledValue } from '../widgets/LabelledValue';
import { PasscodeReveal } from '../widgets/PasscodeReveal';

function Group3({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={4} size="h6" c="dimmed" tt="uppercase">
        {title}
      </Title>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Stack>
  );
}

export function TicketInfo({ ticket, onPasscodeViewed }: { ticket: TicketDetail; onPasscodeViewed(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('ticket.notRecorded');
  const separator = t('printResult.listSeparator');
  const accessories = [...ticket.accessories.map((a) => t(`accessory.${a}` as 'accessory.charger')), ticket.accessoriesOther].filter(Boolean);
  const condition = [...ticket.conditionChecks.map((c) => t(`condition.${c}` as 'condition.screen_cracked')), ticket.conditionNotes].filter(Boolean);
  const purchase = ticket.purchaseDate
    ? ticket.proofOfPurchase
      ? t('tickets.withNote', { text: format.day(ticket.purchaseDate), note: t('tickets.proofShown') })
      : format.day(ticket.purchaseDate)
    : none;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('tickets.details')}>
      <Stack gap="md">
        <Group3 title={t('intake.customerSection')}>
          <LabelledValue label={t('intake.customerName')}>{ticket.customer.name}</LabelledValue>
          <LabelledValue label={t('intake.phone')}>{ticket.customer.phone}</LabelledValue>
          <LabelledValue label={t('intake.address')}>{ticket.customer.address || none}</LabelledValue>
        </Group3>
        <Group3 title={t('ticket.device')}>
          <LabelledValue label={t('intake.deviceType')}>{t(`deviceType.${ticket.deviceType}`)}</LabelledValue>
          <LabelledValue label={t('tickets.brandModel')}>
            {ticket.brand} {ticket.model}
            {ticket.colour && ` · ${ticket.colour}`}
          </LabelledValue>
          <LabelledValue label={t('intake.serial')}>{ticket.serial || none}</LabelledValue>
          <LabelledValue label={t('intake.accessories')}>{accessories.join(separator) || none}</LabelledValue>
          <LabelledValue label={t('intake.condition')} span={2}>
            {condition.join(separator) || none}
          </LabelledValue>
          <LabelledValue label={t('intake.fault')} span={2}>
            {ticket.fault}
          </LabelledValue>
          <LabelledValue label={t('intake.customerRequest')}>{ticket.customerRequest || none}</LabelledValue>
        </Group3>
        <Group3 title={t('intake.warrantySection')}>
          <LabelledValue label={t('intake.warranty')}>
            {t('tickets.withNote', { text: t(`warrantyStatus.${ticket.warrantyStatus}`), note: t(`warrantyBasis.${ticket.warrantyBasis}`) })}
          </LabelledValue>
          <LabelledValue label={t('intake.purchaseDate')}>{purchase}</LabelledValue>
          <LabelledValue label={t('intake.feeConsent')}>{ticket.feeConsent ? t('ticket.yes') : t('ticket.no')}</LabelledValue>
          <LabelledValue label={t('intake.dataQuestion')}>{t(`dataAnswer.${ticket.dataAnswer}`)}</LabelledValue>
          <LabelledValue label={t('intake.estimate')}>{format.money(ticket.estimateMinor, ticket.currency)}</LabelledValue>
          <LabelledValue label={t('intake.deposit')}>
            {format.money(ticket.depositMinor, ticket.currency)}
            {ticket.depositMethod && ` · ${t(`collection.payment.methods.${ticket.depositMethod}`)}`}
          </LabelledValue>
          <LabelledValue label={t('intake.promisedDate')}>{ticket.promisedDate ? format.day(ticket.promisedDate) : none}</LabelledValue>
          <LabelledValue label={t('intake.technician')}>{ticket.technicianName ?? t('intake.noTechnician')}</LabelledValue>
          <LabelledValue label={t('intake.clerk')}>{ticket.clerkName ?? none}</LabelledValue>
        </Group3>
        {ticket.hasPasscode && <PasscodeReveal ticketId={ticket.id} onViewed={onPasscodeViewed} />}
      </Stack>
    </Paper>
  );
}
