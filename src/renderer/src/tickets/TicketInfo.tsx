// A ticket's stored intake details, grouped the way the intake form prints them:
// customer, device, what was handed over and agreed, and the money.
import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../shared/contract';
import { useFormat } from '../desk/useFormat';
import { usePasscodeReveal } from '../intake/result/usePasscodeReveal';

function Entry({ label, children, span = 1 }: { label: string; children: ReactNode; span?: number }) {
  return (
    <div style={{ gridColumn: `span ${span}` }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

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
  const passcode = usePasscodeReveal(ticket.id);
  const none = t('ticket.notRecorded');
  const separator = t('printResult.listSeparator');
  const accessories = [...ticket.accessories.map((a) => t(`accessory.${a}` as 'accessory.charger')), ticket.accessoriesOther].filter(Boolean);
  const condition = [...ticket.conditionChecks.map((c) => t(`condition.${c}` as 'condition.screen_cracked')), ticket.conditionNotes].filter(Boolean);
  const purchase = ticket.purchaseDate
    ? ticket.proofOfPurchase
      ? t('tickets.withNote', { text: format.day(ticket.purchaseDate), note: t('tickets.proofShown') })
      : format.day(ticket.purchaseDate)
    : none;

  const reveal = async () => {
    await passcode.show();
    // Main logs each viewing: show it in the history.
    onPasscodeViewed();
  };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={t('tickets.details')}>
      <Stack gap="md">
        <Group3 title={t('intake.customerSection')}>
          <Entry label={t('intake.customerName')}>{ticket.customer.name}</Entry>
          <Entry label={t('intake.phone')}>{ticket.customer.phone}</Entry>
          <Entry label={t('intake.address')}>{ticket.customer.address || none}</Entry>
        </Group3>
        <Group3 title={t('ticket.device')}>
          <Entry label={t('intake.deviceType')}>{t(`deviceType.${ticket.deviceType}`)}</Entry>
          <Entry label={t('tickets.brandModel')}>
            {ticket.brand} {ticket.model}
            {ticket.colour && ` · ${ticket.colour}`}
          </Entry>
          <Entry label={t('intake.serial')}>{ticket.serial || none}</Entry>
          <Entry label={t('intake.accessories')}>{accessories.join(separator) || none}</Entry>
          <Entry label={t('intake.condition')} span={2}>
            {condition.join(separator) || none}
          </Entry>
          <Entry label={t('intake.fault')} span={2}>
            {ticket.fault}
          </Entry>
          <Entry label={t('intake.customerRequest')}>{ticket.customerRequest || none}</Entry>
        </Group3>
        <Group3 title={t('intake.warrantySection')}>
          <Entry label={t('intake.warranty')}>
            {t('tickets.withNote', { text: t(`warrantyStatus.${ticket.warrantyStatus}`), note: t(`warrantyBasis.${ticket.warrantyBasis}`) })}
          </Entry>
          <Entry label={t('intake.purchaseDate')}>{purchase}</Entry>
          <Entry label={t('intake.feeConsent')}>{ticket.feeConsent ? t('ticket.yes') : t('ticket.no')}</Entry>
          <Entry label={t('intake.dataQuestion')}>{t(`dataAnswer.${ticket.dataAnswer}`)}</Entry>
          <Entry label={t('intake.estimate')}>{format.money(ticket.estimateMinor, ticket.currency)}</Entry>
          <Entry label={t('intake.deposit')}>
          {format.money(ticket.depositMinor, ticket.currency)}
          {ticket.depositMethod && ` · ${t(`collection.payment.methods.${ticket.depositMethod}`)}`}
        </Entry>
          <Entry label={t('intake.promisedDate')}>{ticket.promisedDate ? format.day(ticket.promisedDate) : none}</Entry>
          <Entry label={t('intake.technician')}>{ticket.technicianName ?? t('intake.noTechnician')}</Entry>
          <Entry label={t('intake.clerk')}>{ticket.clerkName ?? none}</Entry>
        </Group3>
        {ticket.hasPasscode && (
          <Stack gap="xs">
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
                <Button size="xs" variant="default" onClick={() => void reveal()}>
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
      </Stack>
    </Paper>
  );
}
