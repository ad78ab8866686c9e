// Loads what every screen needs (settings, active staff) and applies the
// shop's language; screens read it through useDesk().
import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, Staff } from '../../../shared/contract';
import { call } from '../api';
import { applyLanguage } from '../i18n';
import { DeskContext, type DeskState } from './desk-context';
import { SetupScreen } from '../setup';
import { loadFailure, useLoaded } from '../widgets/useLoaded';

export type DeskLoad = { state: 'setup'; settings: Settings } | { state: 'ready'; settings: Settings; staff: Staff[] };

/** The shop's settings and active staff, its language applied. */
export async function readDesk(): Promise<DeskLoad> {
  const [settings, staff, setup] = await Promise.all([call('settings.get', {}), call('staff.list', { includeInactive: false }), call('setup.status', {})]);
  applyLanguage(settings.language);
  // A fresh desk is set up first: nothing can be checked in before (main refuses it too).
  return setup.done ? { state: 'ready', settings, staff } : { state: 'setup', settings };
}

/** `initial`: what readDesk gave before the first render (the desk's start), so no loading screen comes first. */
export function DeskProvider({ children, initial }: { children: ReactNode; initial?: DeskLoad }) {
  const { t } = useTranslation();
  const [loaded, loadAll, update] = useLoaded(readDesk, (error) => loadFailure(t, error), '', { initial });
  const load = loaded.state === 'done' ? loaded.data : loaded;

  const settingsSaved = useCallback(
    (settings: Settings) => {
      applyLanguage(settings.language);
      update((current) => (current.state === 'ready' ? { ...current, settings } : current));
    },
    [update],
  );

  const reloadStaff = useCallback(async () => {
    const staff = await call('staff.list', { includeInactive: false });
    update((current) => (current.state === 'ready' ? { ...current, staff } : current));
  }, [update]);

  const desk = useMemo<DeskState | null>(() => {
    if (load.state !== 'ready') return null;
    return { settings: load.settings, staff: load.staff, settingsSaved, reloadStaff };
  }, [load, settingsSaved, reloadStaff]);

  if (load.state === 'loading') {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (load.state === 'setup') {
    // Reloading picks up the manager's new session and the shop's settings.
    return <SetupScreen language={load.settings.language} onDone={() => window.location.reload()} />;
  }
  if (load.state === 'failed' || !desk) {
    return (
      <Center h="100vh">
        <Stack>
          <Alert color="red" title={t('app.loadFailed')}>
            {load.state === 'failed' ? load.message : null}
          </Alert>
          <Button onClick={() => void loadAll()}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  return <DeskContext value={desk}>{children}</DeskContext>;
}
