import { Alert, AppShell } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import { CollectionScreen } from './collection/CollectionScreen';
import { DiscardDraftDialog } from './intake/DiscardDraftDialog';
import { discardDraft } from './intake/draft-store';
import { IntakeScreen } from './intake/IntakeScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { StockScreen } from './stock/StockScreen';
import { AppHeader } from './shell/AppHeader';
import { ComingSoon } from './shell/ComingSoon';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { useScannedTicket } from './shell/useScannedTicket';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';
import { TicketsScreen } from './tickets/TicketsScreen';

export function App() {
  const [section, setSection] = useState<Section>('intake');
  // A new key gives a fresh, empty intake; one typed but not checked in is discarded only when the clerk says so.
  const [intakeKey, setIntakeKey] = useState(0);
  const intakeBlank = useRef(true);
  const onIntakeBlank = useCallback((blank: boolean) => {
    intakeBlank.current = blank;
  }, []);
  const [askDiscard, setAskDiscard] = useState(false);
  const freshIntake = async () => {
    setAskDiscard(false);
    await discardDraft();
    intakeBlank.current = true;
    setIntakeKey((key) => key + 1);
    setSection('intake');
  };
  const startNewIntake = () => {
    if (intakeBlank.current) return void freshIntake();
    setSection('intake');
    setAskDiscard(true);
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
          <IntakeScreen key={intakeKey} onStartNew={startNewIntake} onBlankChange={onIntakeBlank} />
        </div>
        <div hidden={section !== 'tickets'}>
          <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} scanned={scan.forTickets} />
        </div>
        <div hidden={section !== 'collection'}>
          <CollectionScreen active={section === 'collection'} scanned={scan.forCollection} />
        </div>
        {section === 'settings' && <SettingsScreen />}
        {section === 'stock' && <StockScreen />}
        {section !== 'intake' && section !== 'tickets' && section !== 'collection' && section !== 'settings' && section !== 'stock' && <ComingSoon section={section} />}
      </AppShell.Main>
      <DiscardDraftDialog opened={askDiscard} onKeep={() => setAskDiscard(false)} onDiscard={() => void freshIntake()} />
    </AppShell>
  );
}
