import { Alert, AppShell } from '@mantine/core';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { DiscardDraftDialog } from './intake/DiscardDraftDialog';
import { discardDraft } from './intake/draft-store';
import type { IntakePrefill } from './shell/intake-request';
import { IntakeScreen } from './intake/IntakeScreen';
import { AppHeader } from './shell/AppHeader';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { CollectionScreen, CustomersScreen, FiguresScreen, preloadScreens, SettingsScreen, StockScreen, TicketsScreen } from './shell/screens';
import { useScannedTicket } from './shell/useScannedTicket';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';
import { markPrintersStep, printersStepPending, SetupPrinters } from './setup';

export function App() {
  // Right after the first-run setup, its last step (printers) comes before the desk.
  const [printersStep, setPrintersStep] = useState(printersStepPending);
  if (printersStep) {
    return (
      <SetupPrinters
        onDone={() => {
          markPrintersStep(false);
          setPrintersStep(false);
        }}
      />
    );
  }
  return <Desk />;
}

function Desk() {
  const [section, setSection] = useState<Section>('intake');
  // Tickets, Collection and Customers mount on their first visit, then stay mounted (hidden) to keep their state.
  const [visited, setVisited] = useState<ReadonlySet<Section>>(() => new Set<Section>(['intake']));
  if (!visited.has(section)) setVisited(new Set([...visited, section]));
  useEffect(preloadScreens, []);
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
        {/* Each lazy screen waits for its own code alone. */}
        {visited.has('tickets') && (
          <div hidden={section !== 'tickets'}>
            <Suspense>
              <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} scanned={scan.forTickets} openRequest={ticketRequest} />
            </Suspense>
          </div>
        )}
        {visited.has('collection') && (
          <div hidden={section !== 'collection'}>
            <Suspense>
              <CollectionScreen active={section === 'collection'} scanned={scan.forCollection} />
            </Suspense>
          </div>
        )}
        {visited.has('customers') && (
          <div hidden={section !== 'customers'}>
            <Suspense>
              <CustomersScreen active={section === 'customers'} onNewIntake={startIntake} onOpenTicket={openTicket} />
            </Suspense>
          </div>
        )}
        <Suspense>
          {section === 'settings' && <SettingsScreen />}
          {section === 'stock' && <StockScreen />}
          {section === 'figures' && <FiguresScreen />}
        </Suspense>
      </AppShell.Main>
      <DiscardDraftDialog opened={askDiscard} onKeep={() => setAskDiscard(false)} onDiscard={() => void freshIntake()} />
    </AppShell>
  );
}
