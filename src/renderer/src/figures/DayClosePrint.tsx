// Prints a stored day close, and says whether it reached the printer.
import { Alert, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FiguresPrintResult } from '../../../shared/figures-contract';
import { useErrorText } from '../widgets/error-text';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';

export function DayClosePrint({ number, again = false }: { number: number; again?: boolean }) {
  const { t } = useTranslation();
  const call = useSignedInCall();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<FiguresPrintResult | { ok: false; error: { message: string } } | null>(null);

  const print = async () => {
    setBusy(true);
    const outcome = await call('dayClose.print', { number });
    setBusy(false);
    if (isCancelled(outcome)) return;
    setResult(outcome.ok ? outcome.data : { ok: false, error: { message: errorText(outcome.error) } });
  };

  return (
    <Group gap="sm">
      <Button variant={again ? 'default' : 'filled'} size={again ? 'xs' : 'sm'} loading={busy} onClick={() => void print()}>
        {t(again || result !== null ? 'figures.dayClose.reprint' : 'figures.dayClose.print')}
      </Button>
      {result?.ok && (
        <Alert color="green" p={6} role="status">
          {t('figures.dayClose.printed')}
        </Alert>
      )}
      {result && !result.ok && (
        <Alert color="red" p={6} role="alert">
          {t('figures.dayClose.printFailed', { message: result.error?.message ?? '' })}
        </Alert>
      )}
    </Group>
  );
}
