// Exports everything to one ZIP of spreadsheets, with a progress bar fed by
// main while the export runs there in chunks.
import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportProgress } from '../../../shared/data-safety-contract';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { exportRunningText } from './export-progress-text';

const POLL_MS = 300;

export function ExportPanel() {
  const { t } = useTranslation();
  const run = useSignedInCall();
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (progress?.state !== 'running') return;
    const timer = setTimeout(async () => {
      const result = await run('dataExport.progress', { jobId: progress.jobId });
      if (isCancelled(result)) return;
      if (result.ok) setProgress(result.data);
      else setFailure(result.error.message);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, run]);

  const start = async () => {
    setFailure(null);
    const result = await run('dataExport.start', {});
    if (isCancelled(result)) return;
    if (result.ok) setProgress(result.data);
    else setFailure(result.error.message);
  };

  const percent = progress && progress.rowsTotal > 0 ? Math.round((progress.rowsDone / progress.rowsTotal) * 100) : 0;
  return (
    <Stack gap="xs" aria-label={t('dataSafety.export.title')}>
      <Text fw={600}>{t('dataSafety.export.title')}</Text>
      <Text size="sm" c="dimmed">
        {t('dataSafety.export.hint')}
      </Text>
      <div>
        <Button variant="default" onClick={() => void start()} loading={progress?.state === 'running'}>
          {t('dataSafety.export.start')}
        </Button>
      </div>
      {progress?.state === 'running' && (
        <>
          <Progress value={percent} animated aria-label={t('dataSafety.export.title')} />
          <Text size="sm" role="status">
            {exportRunningText(t, progress)}
          </Text>
        </>
      )}
      {progress?.state === 'done' && (
        <Alert color="teal" role="status">
          {t('dataSafety.export.done', { rows: progress.rowsDone, path: progress.path ?? '' })}
        </Alert>
      )}
      {(progress?.state === 'failed' || failure) && (
        <Alert color="red" role="alert">
          {t('dataSafety.export.failed', { message: progress?.error ?? failure ?? '' })}
        </Alert>
      )}
    </Stack>
  );
}
