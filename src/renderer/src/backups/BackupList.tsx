// The backups kept, newest first, each with what it holds and a restore.
import { Button, Modal, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContentsView, BackupView } from '../../../shared/data-safety-contract';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { RestoreForm } from './RestoreForm';
import { useInstant } from './useInstant';
import { useErrorText } from '../widgets/error-text';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function BackupList({ backups }: { backups: BackupView[] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const instant = useInstant();
  const run = useSignedInCall();
  const [chosen, setChosen] = useState<BackupContentsView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const open = async (file: string) => {
    setFailure(null);
    const result = await run('backups.inspect', { path: file });
    if (isCancelled(result)) return;
    if (result.ok) setChosen(result.data);
    else setFailure(errorText(result.error));
  };

  if (backups.length === 0) return <Text size="sm">{t('dataSafety.backups.empty')}</Text>;
  return (
    <>
      <Table striped aria-label={t('dataSafety.backups.list')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dataSafety.backups.when')}</Table.Th>
            <Table.Th>{t('dataSafety.backups.reason')}</Table.Th>
            <Table.Th>{t('dataSafety.backups.tickets')}</Table.Th>
            <Table.Th>{t('dataSafety.backups.lastTicket')}</Table.Th>
            <Table.Th>{t('dataSafety.backups.size')}</Table.Th>
            <Table.Th>{t('dataSafety.backups.verified')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((backup) => (
            <Table.Tr key={backup.file}>
              <Table.Td>{instant(backup.takenAt)}</Table.Td>
              <Table.Td>{t(`dataSafety.backups.reasons.${backup.reason}`)}</Table.Td>
              <Table.Td>{backup.tickets}</Table.Td>
              <Table.Td>{backup.displayLastTicket ?? '—'}</Table.Td>
              <Table.Td>{megabytes(backup.sizeBytes)}</Table.Td>
              <Table.Td>{t('dataSafety.backups.verifiedYes')}</Table.Td>
              <Table.Td>
                {backup.restorable ? (
                  <Button size="compact-sm" variant="default" onClick={() => void open(backup.file)}>
                    {t('dataSafety.backups.restore')}
                  </Button>
                ) : (
                  <Text size="sm">{t('dataSafety.backups.onServer')}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {failure && (
        <Text c="red" size="sm" role="alert">
          {failure}
        </Text>
      )}
      <Modal opened={chosen !== null} onClose={() => setChosen(null)} title={t('dataSafety.restore.title')} size="lg">
        {chosen && (
          <RestoreForm
            contents={chosen}
            askManagerPin={false}
            onCancel={() => setChosen(null)}
            restore={async () => {
              const result = await run('backups.restore', { path: chosen.file });
              if (isCancelled(result)) return null;
              // Everyone is signed out and the desk holds other data: start the screens again.
              if (result.ok) window.location.reload();
              return result;
            }}
          />
        )}
      </Modal>
    </>
  );
}
