// Shown instead of the desk when the shop's data is missing, damaged, from
// another shop or without its key: it explains, and offers the newest verified
// backup (or another backup file). The desk never starts fresh by itself: with
// no backup at all, a manager may decide to start empty, the old file kept aside.
import { Alert, Button, Container, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupContentsView, RecoveryStatus } from '../../../shared/data-safety-contract';
import { LANGUAGES, type Language } from '../../../shared/domain';
import { invoke } from '../api';
import { applyLanguage } from '../i18n';
import { RestoreForm } from './RestoreForm';
import { StartEmptyForm } from './StartEmptyForm';
import { useErrorText } from '../widgets/error-text';

const PROBLEM_TEXT = { missing: 'missing', replaced: 'replaced', damaged: 'damaged', key_missing: 'keyMissing' } as const;

export function RecoveryScreen({ status, onRestored }: { status: RecoveryStatus; onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const problem = status.problem!;
  const [chosen, setChosen] = useState<BackupContentsView | null>(status.newest);
  const [path, setPath] = useState('');
  const [pathError, setPathError] = useState<string | null>(null);

  const inspect = async () => {
    setPathError(null);
    const result = await invoke('recovery.inspect', { path });
    if (result.ok) setChosen(result.data);
    else setPathError(errorText(result.error));
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2}>{t('dataSafety.recovery.title')}</Title>
          <SegmentedControl
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(value) => applyLanguage(value as Language)}
            data={LANGUAGES.map((language) => ({ value: language, label: t(`languageName.${language}`) }))}
          />
        </Group>
        <Alert color="red" title={t(`dataSafety.recovery.${PROBLEM_TEXT[problem.kind]}`, { lastTicket: problem.lastTicketNumber ?? '—' })}>
          {t('dataSafety.recovery.whatToDo')}
        </Alert>
        {chosen ? (
          <Stack gap="xs">
            <Title order={4}>{chosen === status.newest ? t('dataSafety.recovery.newest') : chosen.file}</Title>
            <RestoreForm
              key={chosen.file}
              contents={chosen}
              askManagerPin
              restore={async (managerApproval) => {
                const result = await invoke('recovery.restore', { path: chosen.file, managerApproval });
                if (result.ok) onRestored();
                return result;
              }}
            />
          </Stack>
        ) : (
          <Alert color="orange">{t('dataSafety.recovery.noBackup')}</Alert>
        )}
        {!chosen && status.canStartEmpty && <StartEmptyForm lastTicket={problem.lastTicketNumber} onStarted={onRestored} />}
        <Group align="flex-end">
          <TextInput
            label={t('dataSafety.recovery.otherFile')}
            description={t('dataSafety.recovery.otherFileHint')}
            value={path}
            onChange={(event) => setPath(event.currentTarget.value)}
            error={pathError}
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={() => void inspect()} disabled={path.trim() === ''}>
            {t('dataSafety.recovery.inspect')}
          </Button>
        </Group>
        <details>
          <summary>
            <Text span size="sm" c="dimmed">
              {t('dataSafety.recovery.detail')}
            </Text>
          </summary>
          <Text size="xs" ff="monospace" c="dimmed">
            {problem.kind}: {problem.detail}
          </Text>
        </details>
      </Stack>
    </Container>
  );
}
