// A new ticket as main stored it, opened on the clerk's request.
import { Box, Paper, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/contract';
import { useFormat } from '../../desk/useFormat';
import { LabelledValue } from '../../widgets/LabelledValue';
import { PasscodeReveal } from '../../widgets/PasscodeReveal';

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const none = t('ticket.notRecorded');
  const accessories = [...ticket.accessories.map((a) => t(`accessory.${a}` as 'accessory.charger')), ticket.accessoriesOther].filter(Boolean);
  const condition = [...ticket.conditionChecks.map((c) => t(`condition.${c}` as 'condition.screen_cracked')), ticket.conditionNotes].filter(Boolean);

  return (
    <Paper withBorder p="sm" radius="sm">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <LabelledValue label={t('intake.customerSection')}>
          {ticket.customer.name} · {ticket.customer.phone}
        </LabelledValue>
        <LabelledValue label={t('ticket.device')}>
          {t(`deviceType.${ticket.deviceType}`)} · {ticket.brand} {ticket.model}
          {ticket.colour && ` · ${ticket.colour}`}
        </LabelledValue>
        <LabelledValue label={t('intake.serial')}>{ticket.serial || none}</LabelledValue>
        <LabelledValue label={t('ticket.status')}>{t(`status.${ticket.status}`)}</LabelledValue>
        <LabelledValue label={t('ticket.receivedAt')}>{format.instant(ticket.createdAt)}</LabelledValue>
        <LabelledValue label={t('intake.promisedDate')}>{ticket.promisedDate ? format.day(ticket.promisedDate) : none}</LabelledValue>
        <LabelledValue label={t('intake.fault')}>{ticket.fault}</LabelledValue>
        <LabelledValue label={t('intake.customerRequest')}>{ticket.customerRequest || none}</LabelledValue>
        <LabelledValue label={t('intake.accessories')}>{accessories.join(', ') || none}</LabelledValue>
        <LabelledValue label={t('intake.condition')}>{condition.join(', ') || none}</LabelledValue>
        <LabelledValue label={t('intake.warranty')}>
          {t(`warrantyStatus.${ticket.warrantyStatus}`)} ({t(`warrantyBasis.${ticket.warrantyBasis}`)})
        </LabelledValue>
        <LabelledValue label={t('intake.feeConsent')}>{ticket.feeConsent ? t('ticket.yes') : t('ticket.no')}</LabelledValue>
        <LabelledValue label={t('intake.dataQuestion')}>{t(`dataAnswer.${ticket.dataAnswer}`)}</LabelledValue>
        <LabelledValue label={t('intake.estimate')}>{format.money(ticket.estimateMinor, ticket.currency)}</LabelledValue>
        <LabelledValue label={t('intake.deposit')}>
          {format.money(ticket.depositMinor, ticket.currency)}
          {ticket.depositMethod && ` · ${t(`collection.payment.methods.${ticket.depositMethod}`)}`}
        </LabelledValue>
        <LabelledValue label={t('intake.technician')}>{ticket.technicianName ?? t('intake.noTechnician')}</LabelledValue>
        <LabelledValue label={t('intake.clerk')}>{ticket.clerkName ?? none}</LabelledValue>
      </SimpleGrid>
      {ticket.hasPasscode && (
        <Box mt="sm">
          <PasscodeReveal ticketId={ticket.id} />
        </Box>
      )}
    </Paper>
  );
}
