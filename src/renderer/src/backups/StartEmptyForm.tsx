// The recovery screen's last resort, offered only when the shop's file is
// missing or damaged and no backup exists anywhere: the manager ticks that they
// decide it, then the desk keeps the old file aside and starts empty.
import { Alert, Button, Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../api';
import { useErrorText } from '../widgets/error-text';

export function StartEmptyForm({ lastTicket, onStarted }: { lastTicket: string | null; onStarted: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    const result = await invoke('recovery.startEmpty', { confirm: true });
    setBusy(false);
    if (result.ok) onStarted();
    else setError(errorText(result.error));
  };

  return (
    <Alert color="orange" variant="outline" title={t('dataSafety.recovery.startEmpty.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('dataSafety.recovery.startEmpty.body')}</Text>
        <Text size="sm" fw={600}>
          {lastTicket === null ? t('dataSafety.recovery.startEmpty.numberingUnknown') : t('dataSafety.recovery.startEmpty.numbering', { lastTicket })}
        </Text>
        <Checkbox
          label={t('dataSafety.recovery.startEmpty.acknowledge')}
          checked={acknowledged}
          onChange={(event) => setAcknowledged(event.currentTarget.checked)}
        />
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Button color="orange" disabled={!acknowledged} loading={busy} onClick={() => void start()} style={{ alignSelf: 'flex-start' }}>
          {busy ? t('dataSafety.recovery.startEmpty.starting') : t('dataSafety.recovery.startEmpty.confirm')}
        </Button>
      </Stack>
    </Alert>
  );
}
