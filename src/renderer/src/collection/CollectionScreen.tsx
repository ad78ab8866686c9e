// The Collection screen (取机): scan or find the ticket, take payment, check
// identity, hand over with the customer's signature, print the receipt. Two
// more tabs list unclaimed devices and the day's takings. It stays mounted
// while the clerk looks elsewhere, so a half-done collection is still there.
import { Stack, Tabs, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionIdentity, CollectionMatch, CollectionResult, UnclaimedTicket } from '../../../shared/collection-contract';
import { CollectedPanel } from './CollectedPanel';
import { CollectionTicket } from './CollectionTicket';
import { DrawerPanel } from './DrawerPanel';
import { ScanField, type FoundBy } from './ScanField';
import { UnclaimedPanel } from './UnclaimedPanel';

type Tab = 'collect' | 'unclaimed' | 'drawer';

type Open =
  | { kind: 'none' }
  /** `serial` gives each opening fresh state (a ticket opened again starts over). */
  | { kind: 'ticket'; ticketId: number; identity: CollectionIdentity; serial: number }
  | { kind: 'done'; result: CollectionResult };

interface Props {
  active: boolean;
  /** A claim ticket scanned elsewhere in the desk, ready to hand over (serial: each scan anew). */
  scanned?: { ticketId: number; serial: number } | null;
}

export function CollectionScreen({ active, scanned = null }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('collect');
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [shown, setShown] = useState(0);
  const [moneyMoved, setMoneyMoved] = useState(0);
  const serial = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const focusScan = useCallback(() => {
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      inputRef.current?.select();
    });
  }, []);

  // Each time the screen or the Collect tab is shown: the open ticket fetched fresh, the scan box ready.
  useEffect(() => {
    if (!active || tab !== 'collect') return;
    setShown((n) => n + 1);
    focusScan();
  }, [active, tab, focusScan]);

  const openTicket = useCallback((ticketId: number, identity: CollectionIdentity) => {
    serial.current += 1;
    setOpen({ kind: 'ticket', ticketId, identity, serial: serial.current });
  }, []);

  useEffect(() => {
    if (!scanned) return;
    setTab('collect');
    openTicket(scanned.ticketId, 'claim_ticket');
  }, [scanned, openTicket]);

  const onFound = useCallback(
    (match: CollectionMatch, by: FoundBy) => openTicket(match.ticketId, by === 'number' ? 'claim_ticket' : 'phone_and_name'),
    [openTicket],
  );

  const onUnclaimed = useCallback(
    (ticket: UnclaimedTicket) => {
      openTicket(ticket.ticketId, 'claim_ticket');
      setTab('collect');
    },
    [openTicket],
  );

  const onCompleted = useCallback(
    (result: CollectionResult) => {
      setOpen({ kind: 'done', result });
      setMoneyMoved((n) => n + 1);
      focusScan();
    },
    [focusScan],
  );

  const onNext = useCallback(() => {
    setOpen({ kind: 'none' });
    focusScan();
  }, [focusScan]);

  return (
    <Stack gap="md">
      <Title order={2}>{t('collection.title')}</Title>
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'collect')} keepMounted>
        <Tabs.List>
          <Tabs.Tab value="collect">{t('collection.tabs.collect')}</Tabs.Tab>
          <Tabs.Tab value="unclaimed">{t('collection.tabs.unclaimed')}</Tabs.Tab>
          <Tabs.Tab value="drawer">{t('collection.tabs.drawer')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="collect" pt="md">
          <Stack gap="md">
            <ScanField listening={active && tab === 'collect'} inputRef={inputRef} onOpen={onFound} />
            {open.kind === 'ticket' && (
              <CollectionTicket
                key={open.serial}
                ticketId={open.ticketId}
                defaultIdentity={open.identity}
                refreshKey={shown}
                onMoneyMoved={() => setMoneyMoved((n) => n + 1)}
                onCompleted={onCompleted}
              />
            )}
            {open.kind === 'done' && <CollectedPanel key={open.result.ticketId} result={open.result} onNext={onNext} />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="unclaimed" pt="md">
          {tab === 'unclaimed' && <UnclaimedPanel onOpen={onUnclaimed} />}
        </Tabs.Panel>
        <Tabs.Panel value="drawer" pt="md">
          {tab === 'drawer' && <DrawerPanel refreshKey={moneyMoved} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
