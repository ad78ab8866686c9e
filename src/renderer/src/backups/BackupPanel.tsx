// What a manager sees of the backups: warnings, "Back up now", where backups
// go and how often, the backups kept, and the full export.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';
import { loadFailure, signedInData, useLoaded } from '../widgets/useLoaded';
import { BackupDestinationForm } from './BackupDestinationForm';
import { BackupList } from './BackupList';
import { BackupWarnings } from './BackupWarnings';
import { ExportPanel } from './ExportPanel';

export function BackupPanel() {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const errorText = useErrorText();
  const [loaded, , update] = useLoaded(
    async () => signedInData(await run('backups.status', {})),
    (error) => loadFailure(t, error),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [backingUp, setBackingUp] = useState(false);

  const backUpNow = async () => {
    setBackingUp(true);
    const result = await run('backups.run', {});
    setBackingUp(false);
    if (isCancelled(result)) return;
    if (result.ok) update(() => result.data);
    else setFailure(errorText(result.error));
  };

  const status = loaded.state === 'done' ? loaded.data : null;
  const shownFailure = loaded.state === 'failed' ? loaded.message : failure;
  return (
    <Stack gap="sm">
      {shownFailure && (
        <Alert color="red" role="alert">
          {shownFailure}
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
          <BackupDestinationForm status={status} onSaved={(saved) => update(() => saved)} />
          <BackupList backups={status.backups} />
        </>
      )}
      <ExportPanel />
    </Stack>
  );
}
