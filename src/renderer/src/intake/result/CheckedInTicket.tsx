import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult, TicketDetail } from '../../../../shared/contract';
import { invoke } from '../../api';
import type { DeviceDraft } from '../draft';
import { PrintResults } from '../../printing/PrintResults';
import { TicketDetails } from './TicketDetails';
import type { CheckInPrinting } from '../../printing/useCheckInPrinting';

interface Props {
  ticket: CheckInResult['tickets'][number];
  device: DeviceDraft;
  printing: CheckInPrinting;
}

export function CheckedInTicket({ ticket, device, printing }: Props) {
  const { t } = useTranslation();
  const [detail, setDetail] = useState<TicketDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // One extra device label per accessory left with the device, captioned with its name.
  const accessoryCaptions = device.accessories.map((accessory) => t(`accessory.${accessory}`));

  const toggleDetails = async () => {
    if (detail) return setDetail(null);
    const result = await invoke('tickets.get', { number: ticket.barcode });
    if (result.ok) setDetail(result.data);
    setFailure(result.ok ? null : result.error.message);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          <div>
            <Text size="sm" c="dimmed">
              {device.type ? t(`deviceType.${device.type}`) : ''} · {device.brand} {device.model}
            </Text>
            <Text component="output" aria-label={t('intake.ticketNumber')} fz={40} fw={700} ff="monospace" lh={1.2} display="block">
              {ticket.displayNumber}
            </Text>
          </div>
          <Button variant="default" onClick={() => void toggleDetails()} aria-expanded={detail !== null}>
            {detail ? t('ticket.hideDetails') : t('ticket.showDetails')}
          </Button>
        </Group>
        <PrintResults number={ticket.displayNumber} printing={printing} accessoryCaptions={accessoryCaptions} />
        {failure && <Alert color="red">{failure}</Alert>}
        {detail && <TicketDetails ticket={detail} />}
      </Stack>
    </Paper>
  );
}
