// A new ticket as main stored it, opened on the clerk's request.
import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/contract';
import { useFormat } from '../../desk/useFormat';
import { usePasscodeReveal } from './usePasscodeReveal';

function Entry({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

export function TicketDetails({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const passcode = usePasscodeReveal(ticket.id);
  const none = t('ticket.notRecorded');
  const accessories = [...ticket.accessories.map((a) => t(`accessory.${a}` as 'accessory.charger')), ticket.accessoriesOther].filter(Boolean);
  const condition = [...ticket.conditionChecks.map((c) => t(`condition.${c}` as 'condition.screen_cracked')), ticket.conditionNotes].filter(Boolean);

  return (
    <Paper withBorder p="sm" radius="sm">
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <Entry label={t('intake.customerSection')}>
          {ticket.customer.name} · {ticket.customer.phone}
        </Entry>
        <Entry label={t('ticket.device')}>
          {t(`deviceType.${ticket.deviceType}`)} · {ticket.brand} {ticket.model}
          {ticket.colour && ` · ${ticket.colour}`}
        </Entry>
        <Entry label={t('intake.serial')}>{ticket.serial || none}</Entry>
        <Entry label={t('ticket.status')}>{t(`status.${ticket.status}`)}</Entry>
        <Entry label={t('ticket.receivedAt')}>{format.instant(ticket.createdAt)}</Entry>
        <Entry label={t('intake.promisedDate')}>{ticket.promisedDate ? format.day(ticket.promisedDate) : none}</Entry>
        <Entry label={t('intake.fault')}>{ticket.fault}</Entry>
        <Entry label={t('intake.customerRequest')}>{ticket.customerRequest || none}</Entry>
        <Entry label={t('intake.accessories')}>{accessories.join(', ') || none}</Entry>
        <Entry label={t('intake.condition')}>{condition.join(', ') || none}</Entry>
        <Entry label={t('intake.warranty')}>
          {t(`warrantyStatus.${ticket.warrantyStatus}`)} ({t(`warrantyBasis.${ticket.warrantyBasis}`)})
        </Entry>
        <Entry label={t('intake.feeConsent')}>{ticket.feeConsent ? t('ticket.yes') : t('ticket.no')}</Entry>
        <Entry label={t('intake.dataQuestion')}>{t(`dataAnswer.${ticket.dataAnswer}`)}</Entry>
        <Entry label={t('intake.estimate')}>{format.money(ticket.estimateMinor, ticket.currency)}</Entry>
        <Entry label={t('intake.deposit')}>
          {format.money(ticket.depositMinor, ticket.currency)}
          {ticket.depositMethod && ` · ${t(`collection.payment.methods.${ticket.depositMethod}`)}`}
        </Entry>
        <Entry label={t('intake.technician')}>{ticket.technicianName ?? t('intake.noTechnician')}</Entry>
        <Entry label={t('intake.clerk')}>{ticket.clerkName ?? none}</Entry>
      </SimpleGrid>
      {ticket.hasPasscode && (
        <Stack gap="xs" mt="sm">
          <Group gap="sm">
            <Text size="sm">{t('intake.passcode')}</Text>
            {passcode.revealed ? (
              <>
                <Code fz="md" aria-label={t('intake.passcodeValue')}>
                  {passcode.revealed.value}
                </Code>
                <Button size="xs" variant="default" onClick={passcode.hide}>
                  {t('ticket.hidePasscode')}
                </Button>
              </>
            ) : (
              <Button size="xs" variant="default" onClick={() => void passcode.show()}>
                {t('ticket.showPasscode')}
              </Button>
            )}
          </Group>
          {passcode.failure && (
            <Alert color="red" p="xs">
              {passcode.failure}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
