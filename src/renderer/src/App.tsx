import { Alert, AppShell } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { CollectionScreen } from './collection/CollectionScreen';
import { CustomersScreen } from './customers/CustomersScreen';
import { FiguresScreen } from './figures/FiguresScreen';
import { DiscardDraftDialog } from './intake/DiscardDraftDialog';
import { discardDraft } from './intake/draft-store';
import type { IntakePrefill } from './shell/intake-request';
import { IntakeScreen } from './intake/IntakeScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { StockScreen } from './stock/StockScreen';
import { AppHeader } from './shell/AppHeader';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { useScannedTicket } from './shell/useScannedTicket';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';
import { TicketsScreen } from './tickets/TicketsScreen';

export function App() {
  const [section, setSection] = useState<Section>('intake');
  // A new key gives a fresh, empty intake; one typed but not checked in is discarded only when the clerk says so.
  const [intakeKey, setIntakeKey] = useState(0);
  const [intakePrefill, setIntakePrefill] = useState<IntakePrefill | null>(null);
  const intakeBlank = useRef(true);
  const onIntakeBlank = useCallback((blank: boolean) => {
    intakeBlank.current = blank;
  }, []);
  const [askDiscard, setAskDiscard] = useState(false);
  // What the next fresh intake starts from (a customer's page may prefill it).
  const nextPrefill = useRef<IntakePrefill | null>(null);
  const freshIntake = async () => {
    setAskDiscard(false);
    await discardDraft();
    intakeBlank.current = true;
    setIntakePrefill(nextPrefill.current);
    setIntakeKey((key) => key + 1);
    setSection('intake');
  };
  const startIntake = (prefill: IntakePrefill | null) => {
    nextPrefill.current = prefill;
    if (intakeBlank.current) return void freshIntake();
    setSection('intake');
    setAskDiscard(true);
  };
  const startNewIntake = () => startIntake(null);
  // A repair opened from another screen (a customer's page) on the Tickets screen.
  const [ticketRequest, setTicketRequest] = useState<{ number: number; key: number } | null>(null);
  const openTicket = (number: number) => {
    setTicketRequest((request) => ({ number, key: (request?.key ?? 0) + 1 }));
    setSection('tickets');
  };
  useAltShortcut('n', startNewIntake);
  // A claim ticket scanned on any screen, into any field, opens its ticket (or its collection).
  const scan = useScannedTicket(setSection);
  // Ctrl+F / F3 from anywhere: the ticket search box, ready for typing or a scan.
  const [ticketSearchKey, setTicketSearchKey] = useState(0);
  useSearchShortcut(() => {
    setTicketSearchKey((key) => key + 1);
    setSection('tickets');
  });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <AppHeader onNewIntake={startNewIntake} />
      </AppShell.Header>
      <AppShell.Navbar>
        <Navigation active={section} onSelect={setSection} />
      </AppShell.Navbar>
      <AppShell.Main>
        {scan.notice && (
          <Alert color="red" role="alert" withCloseButton onClose={scan.dismiss} mb="md">
            {scan.notice}
          </Alert>
        )}
        {/* The intake stays mounted while the clerk looks elsewhere, so a half-typed intake survives. */}
        <div hidden={section !== 'intake'}>
          <IntakeScreen key={intakeKey} onStartNew={startNewIntake} onBlankChange={onIntakeBlank} prefill={intakePrefill} />
        </div>
        <div hidden={section !== 'tickets'}>
          <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} scanned={scan.forTickets} openRequest={ticketRequest} />
        </div>
        <div hidden={section !== 'collection'}>
          <CollectionScreen active={section === 'collection'} scanned={scan.forCollection} />
        </div>
        {section === 'settings' && <SettingsScreen />}
        {section === 'stock' && <StockScreen />}
        <div hidden={section !== 'customers'}>
          <CustomersScreen active={section === 'customers'} onNewIntake={startIntake} onOpenTicket={openTicket} />
        </div>
        {section === 'figures' && <FiguresScreen />}
      </AppShell.Main>
      <DiscardDraftDialog opened={askDiscard} onKeep={() => setAskDiscard(false)} onDiscard={() => void freshIntake()} />
    </AppShell>
  );
}
