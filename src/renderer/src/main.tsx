import '@mantine/core/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RecoveryGate } from './backups';
import { DeskProvider } from './desk/DeskProvider';
import { SessionProvider } from './session/SessionProvider';
import './i18n';
import { theme } from './theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <RecoveryGate>
        <DeskProvider>
          <SessionProvider>
            <App />
          </SessionProvider>
        </DeskProvider>
      </RecoveryGate>
    </MantineProvider>
  </StrictMode>,
);
