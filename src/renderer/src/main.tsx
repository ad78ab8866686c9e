import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readRecoveryStatus, RecoveryGate } from './backups';
import { DeskProvider, readDesk } from './desk/DeskProvider';
import { ShopDatesProvider } from './desk/ShopDatesProvider';
import { SessionProvider } from './session/SessionProvider';
import './i18n';
import { theme } from './theme';

// What the first screen needs from main is asked for in one round, before anything renders: the desk then
// opens straight on the intake form, not through a loading screen per provider, each asking only after the
// one above it had its answer. A read that fails, or has not answered in time, is left to its provider,
// which shows its loading screen, asks again and says what went wrong.
const STARTUP_WAIT_MS = 1000;
const [recovery, desk] = await Promise.race([
  Promise.all([readRecoveryStatus().catch(() => undefined), readDesk().catch(() => undefined)]),
  new Promise<[undefined, undefined]>((answer) => setTimeout(() => answer([undefined, undefined]), STARTUP_WAIT_MS)),
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <ShopDatesProvider>
        <RecoveryGate initial={recovery}>
          <DeskProvider initial={desk}>
            <SessionProvider>
              <App />
            </SessionProvider>
          </DeskProvider>
        </RecoveryGate>
      </ShopDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
