import { AppShell } from '@mantine/core';
import { useState } from 'react';
import { CollectionScreen } from './collection/CollectionScreen';
import { CustomersScreen } from './customers/CustomersScreen';
import type { IntakePrefill } from './intake/prefill';
import { FiguresScreen } from './figures/FiguresScreen';
import { IntakeScreen } from './intake/IntakeScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { StockScreen } from './stock/StockScreen';
import { AppHeader } from './shell/AppHeader';
import { Navigation } from './shell/Navigation';
import type { Section } from './shell/sections';
import { useAltShortcut, useSearchShortcut } from './shell/useShortcut';
import { TicketsScreen } from './tickets/TicketsScreen';

export function App() {
  const [section, setSection] = useState<Section>('intake');
  // A new key gives a fresh, empty intake.
  const [intakeKey, setIntakeKey] = useState(0);
  const [intakePrefill, setIntakePrefill] = useState<IntakePrefill | null>(null);
  const startIntake = (prefill: IntakePrefill | null) => {
    setIntakePrefill(prefill);
    setIntakeKey((key) => key + 1);
    setSection('intake');
  };
  const startNewIntake = () => startIntake(null);
  // A repair opened from another screen (a customer's page) on the Tickets screen.
  const [ticketRequest, setTicketRequest] = useState<{ number: number; key: number } | null>(null);
  const openTicket = (number: number) => {
    setTicketRequest((request) => ({ number, key: (request?.key ?? 0) + 1 }));
    setSection('tickets');
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
          <IntakeScreen key={intakeKey} onStartNew={startNewIntake} prefill={intakePrefill} />
        </div>
        <div hidden={section !== 'tickets'}>
          <TicketsScreen active={section === 'tickets'} focusSearchKey={ticketSearchKey} openRequest={ticketRequest} />
        </div>
        <div hidden={section !== 'collection'}>
          <CollectionScreen active={section === 'collection'} />
        </div>
        {section === 'settings' && <SettingsScreen />}
        {section === 'stock' && <StockScreen />}
        <div hidden={section !== 'customers'}>
          <CustomersScreen active={section === 'customers'} onNewIntake={startIntake} onOpenTicket={openTicket} />
        </div>
        {section === 'figures' && <FiguresScreen />}
      </AppShell.Main>
    </AppShell>
  );
}
