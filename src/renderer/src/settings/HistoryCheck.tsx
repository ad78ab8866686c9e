// Settings > History check (a manager's): walks the hash chain of ticket
// events, payments and settings changes and names the first record changed
// outside the desk.
import { Alert, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryCheck as Check } from '../../../shared/trust-contract';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { RoleSection } from '../widgets/RoleSection';
import { useErrorText } from '../widgets/error-text';

export function HistoryCheck() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ check: Check } | { failure: string } | null>(null);

  const verify = async () => {
    setBusy(true);
    const result = await signedIn('audit.verify', {});
    setBusy(false);
    if (isCancelled(result)) return;
    if (result.ok) return setOutcome({ check: result.data });
    setOutcome({ failure: errorText(result.error) });
  };

  const broken = outcome && 'check' in outcome ? outcome.check.firstBroken : null;
  return (
    <Fieldset legend={t('trust.history.title')} variant="filled">
      <RoleSection channel="audit.verify" label={t('trust.history.title')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('trust.history.intro')}
          </Text>
          <Group gap="sm">
            <Button variant="default" loading={busy} onClick={() => void verify()}>
              {t('trust.history.verify')}
            </Button>
          </Group>
          <div role="status" aria-live="polite">
            {outcome && 'failure' in outcome && <Alert color="red">{outcome.failure}</Alert>}
            {outcome && 'check' in outcome && broken === null && (
              <Text size="sm" c="teal">
                {t('trust.history.ok', { count: outcome.check.checked })}
              </Text>
            )}
            {broken && (
              <Alert color="red">
                {t('trust.history.broken', {
                  source: t(`trust.history.sources.${broken.source}` as 'trust.history.sources.payment', { defaultValue: broken.source }),
                  rowId: broken.rowId,
                  reason: t(`trust.history.reasons.${broken.reason}`),
                })}
              </Alert>
            )}
          </div>
        </Stack>
      </RoleSection>
    </Fieldset>
  );
}
