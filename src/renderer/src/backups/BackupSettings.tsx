// Settings > Backups (a manager only): when the last good backup was taken,
// warnings, where backups go and how often, the backups kept with a restore
// for each, and the full export.
import { Button, Fieldset, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/session-context';
import { BackupPanel } from './BackupPanel';

export function BackupSettings() {
  const { t } = useTranslation();
  const { current, signOut, ensureSession } = useSession();

  if (current?.staff.role !== 'manager') {
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

  return (
    <Fieldset legend={t('dataSafety.backups.title')} variant="filled">
      <BackupPanel />
    </Fieldset>
  );
}
