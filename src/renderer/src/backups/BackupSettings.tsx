// Settings > Backups (a manager only): when the last good backup was taken,
// warnings, where backups go and how often, the backups kept with a restore
// for each, and the full export.
import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/data-safety-contract';
import { useSession } from '../session/session-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { BackupDestinationForm } from './BackupDestinationForm';
import { BackupList } from './BackupList';
import { BackupWarnings } from './BackupWarnings';
import { ExportPanel } from './ExportPanel';

export function BackupSettings() {
  const { t } = useTranslation();
  const { current, signOut, ensureSession } = useSession();
  const run = useSignedInCall();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const isManager = current?.staff.role === 'manager';

  const load = useCallback(async () => {
    const result = await run('backups.status', {});
    if (isCancelled(result)) return;
    if (result.ok) setStatus(result.data);
    else setFailure(result.error.message);
  }, [run]);

  useEffect(() => {
    if (isManager) void load();
  }, [isManager, load]);

  if (!isManager) {
    return (
      <Fieldset legend={t('dataSafety.backups.title')} variant="filled">
        <Group justify="space-between">
          <Text size="sm">{t('dataSafety.backups.managerOnly')}</Text>
          <Button
            size="xs"
            variant="default"
            onClick={async () => {
              await signOut();
              await ensureSession();
            }}
          >
            {t('stock.signInAsManager')}
          </Button>
        </Group>
      </Fieldset>
    );
  }

  const backUpNow = async () => {
    setBackingUp(true);
    const result = await run('backups.run', {});
    setBackingUp(false);
    if (isCancelled(result)) return;
    if (result.ok) setStatus(result.data);
    else setFailure(result.error.message);
  };

  return (
    <Fieldset legend={t('dataSafety.backups.title')} variant="filled">
      <Stack gap="sm">
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {status && (
          <>
            <BackupWarnings status={status} />
            <Group>
              <Button onClick={() => void backUpNow()} loading={backingUp}>
                {backingUp ? t('dataSafety.backups.backingUp') : t('dataSafety.backups.backUpNow')}
              </Button>
            </Group>
            <BackupDestinationForm status={status} onSaved={setStatus} />
            <BackupList backups={status.backups} />
          </>
        )}
        <ExportPanel />
      </Stack>
    </Fieldset>
  );
}
