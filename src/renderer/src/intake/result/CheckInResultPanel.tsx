import { Button, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from '../../../../shared/contract';
import type { DeviceDraft } from '../draft';
import { CheckedInTicket } from './CheckedInTicket';
import { useCheckInPrinting } from '../../printing/useCheckInPrinting';

interface Props {
  result: CheckInResult;
  /** The devices as submitted, in the order main numbered them. */
  devices: DeviceDraft[];
  onStartNew(): void;
}

export function CheckInResultPanel({ result, devices, onStartNew }: Props) {
  const { t } = useTranslation();
  const startNew = useRef<HTMLButtonElement>(null);
  useEffect(() => startNew.current?.focus(), []);
  // The numbers are on screen first; printing starts after, and never holds them up.
  const numbers = useMemo(() => result.tickets.map((ticket) => ticket.displayNumber), [result]);
  const printing = useCheckInPrinting(numbers);

  return (
    <Stack gap="md" maw={900} role="region" aria-labelledby="checked-in-title">
      <Title order={2} id="checked-in-title">
        {t('intake.checkedInTitle')}
      </Title>
      {result.tickets.map((ticket, index) => {
        // One ticket per device, in the order they were entered.
        const device = devices[index];
        return device ? <CheckedInTicket key={ticket.id} ticket={ticket} device={device} printing={printing} /> : null;
      })}
      <Text>{t('intake.nextStep')}</Text>
      <div>
        <Button ref={startNew} size="md" onClick={onStartNew}>
          {t('intake.startNew')}
        </Button>
      </div>
    </Stack>
  );
}
