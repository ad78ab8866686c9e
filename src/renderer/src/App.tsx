import { AppShell } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { IntakeScreen } from './intake/IntakeScreen';
import { AppHeader } from './shell/AppHeader';
import { ComingSoon } from './shell/ComingSoon';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { CollectionScreen, preloadScreens, SettingsScreen, StockScreen, TicketsScreen } from './shell/screens';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';

export function App() {
  const [section, setSection] = useState<Section>('intake');
  // Tickets and Collection mount on their first visit, then stay mounted (hidden) to keep their state.
  const [visited, setVisited] = useState<ReadonlySet<Section>>(() => new Set<Section>(['intake']));
  if (!visited.has(section)) setVisited(new Set([...visited, section]));
  useEffect(preloadScreens, []);
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
        {/* Each lazy screen waits for its own code alone. */}
        {visited.has('tickets') && (
          <div hidden={section !== 'tickets'}>
            <Suspense>
              <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} />
            </Suspense>
          </div>
        )}
        {visited.has('collection') && (
          <div hidden={section !== 'collection'}>
            <Suspense>
              <CollectionScreen active={section === 'collection'} />
            </Suspense>
          </div>
        )}
        <Suspense>
          {section === 'settings' && <SettingsScreen />}
          {section === 'stock' && <StockScreen />}
        </Suspense>
        {section !== 'intake' && section !== 'tickets' && section !== 'collection' && section !== 'settings' && section !== 'stock' && <ComingSoon section={section} />}
      </AppShell.Main>
    </AppShell>
  );
}
