// The last good backup, always in view of the manager, and what needs doing.
import { Alert, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/data-safety-contract';
import { useInstant } from './useInstant';

export function BackupWarnings({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const instant = useInstant();
  const { warnings, lastGood, lastAttempt, folder } = status;
  return (
    <Stack gap="xs">
      <Text size="sm" role="status" aria-label={t('dataSafety.backups.lastGood')}>
        {t('dataSafety.backups.lastGood')}: <strong>{lastGood ? instant(lastGood.takenAt) : t('dataSafety.backups.never')}</strong>
      </Text>
      {warnings.includes('never') && <Alert color="orange">{t('dataSafety.backups.noneYet')}</Alert>}
      {warnings.includes('stale') && <Alert color="orange">{t('dataSafety.backups.stale')}</Alert>}
      {warnings.includes('destination_missing') && <Alert color="orange">{t('dataSafety.backups.destinationMissing', { folder: folder ?? '' })}</Alert>}
      {warnings.includes('dump_tool_missing') && <Alert color="red">{t('dataSafety.backups.dumpToolMissing')}</Alert>}
      {warnings.includes('last_failed') && lastAttempt && <Alert color="red">{t('dataSafety.backups.lastFailed', { detail: lastAttempt.detail })}</Alert>}
      {status.integrity !== null && status.integrity !== 'ok' && <Alert color="red">{t('errors.corrupt')}</Alert>}
    </Stack>
  );
}
