// Where a claim ticket scanned anywhere goes: a device ready to hand back to
// the collection, any other ticket to its page; an unknown number is said so.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTABLE_STATUSES } from '../../../shared/collection-contract';
import { invoke } from '../api';
import type { Section } from './sections';
import { useScanFromAnywhere } from './useScanFromAnywhere';

export interface ScannedTicket {
  forTickets: { number: string; serial: number } | null;
  forCollection: { ticketId: number; serial: number } | null;
  notice: string | null;
  dismiss(): void;
}

export function useScannedTicket(goTo: (section: Section) => void): ScannedTicket {
  const { t } = useTranslation();
  const [forTickets, setForTickets] = useState<ScannedTicket['forTickets']>(null);
  const [forCollection, setForCollection] = useState<ScannedTicket['forCollection']>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onScan = useCallback(
    async (digits: string) => {
      setNotice(null);
      const result = await invoke('tickets.get', { number: digits });
      if (!result.ok) {
        setNotice(
          result.error.code === 'not_found' ? t('counter.scan.notFound', { number: digits }) : t('counter.scan.failed', { message: result.error.message }),
        );
        return;
      }
      const ticket = result.data;
      const serial = Date.now();
      if ((COLLECTABLE_STATUSES as readonly string[]).includes(ticket.status)) {
        setForCollection({ ticketId: ticket.id, serial });
        goTo('collection');
      } else {
        setForTickets({ number: digits, serial });
        goTo('tickets');
      }
    },
    [goTo, t],
  );
  useScanFromAnywhere(onScan);
  return { forTickets, forCollection, notice, dismiss: useCallback(() => setNotice(null), []) };
}
