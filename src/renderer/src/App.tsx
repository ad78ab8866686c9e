import { AppShell } from '@mantine/core';
import { useState } from 'react';
import { CollectionScreen } from './collection/CollectionScreen';
import { FiguresScreen } from './figures/FiguresScreen';
import { IntakeScreen } from './intake/IntakeScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { StockScreen } from './stock/StockScreen';
import { AppHeader } from './shell/AppHeader';
import { ComingSoon } from './shell/ComingSoon';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';
import { TicketsScreen } from './tickets/TicketsScreen';

export function App() {
  const [section, setSection] = useState<Section>('intake');
  // A new key gives a fresh, empty intake.
  const [intakeKey, setIntakeKey] = useState(0);
  const startNewIntake = () => {
    setIntakeKey((key) => key + 1);
    setSection('intake');
  };
  useAltShortcut('n', startNewIntake);
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
        {/* The intake stays mounted while the clerk looks elsewhere, so a half-typed intake survives. */}
        <div hidden={section !== 'intake'}>
          <IntakeScreen key={intakeKey} onStartNew={startNewIntake} />
        </div>
        <div hidden={section !== 'tickets'}>
          <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} />
        </div>
        <div hidden={section !== 'collection'}>
          <CollectionScreen active={section === 'collection'} />
        </div>
        {section === 'settings' && <SettingsScreen />}
        {section === 'stock' && <StockScreen />}
        {section === 'figures' && <FiguresScreen />}
        {section !== 'intake' && section !== 'tickets' && section !== 'collection' && section !== 'settings' && section !== 'stock' && section !== 'figures' && <ComingSoon section={section} />}
      </AppShell.Main>
    </AppShell>
  );
}
