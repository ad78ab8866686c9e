import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RecoveryGate } from './backups';
import { DeskProvider } from './desk/DeskProvider';
import { ShopDatesProvider } from './desk/ShopDatesProvider';
import { SessionProvider } from './session/SessionProvider';
import './i18n';
import { theme } from './theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <ShopDatesProvider>
        <RecoveryGate>
          <DeskProvider>
            <SessionProvider>
              <App />
            </SessionProvider>
          </DeskProvider>
        </RecoveryGate>
      </ShopDatesProvider>
    </MantineProvider>
  </StrictMode>,
);
