// 日结: the open period's figures, the drawer's expected cash, the manager's
// count and the difference; closing stores the numbered record, then it prints.
import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DayCloseFigures, DayCloseRecord } from '../../../shared/figures-contract';
import { minorToInputText, parseMoney } from '../../../shared/money';
import { useErrorText } from '../widgets/error-text';
import { useDesk } from '../desk/desk-context';
import { useFormat } from '../desk/useFormat';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { CashCount, countedMinor, denominationsOf, EMPTY_COUNT, type CashCountValue } from './CashCount';
import { DayCloseFiguresView } from './DayCloseFiguresView';
import { DayClosePrint } from './DayClosePrint';
import { MoneyInput } from '../widgets/MoneyInput';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

export function DayClosePanel({ onClosed }: { onClosed(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const call = useSignedInCall();
  const { settings } = useDesk();
  const [figures, setFigures] = useState<DayCloseFigures | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [floatText, setFloatText] = useState(minorToInputText(settings.cashFloatMinor));
  const [count, setCount] = useState<CashCountValue>(EMPTY_COUNT);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState<DayCloseRecord | null>(null);
  const [countError, setCountError] = useState<string | null>(null);

  const float = parseMoney(floatText);
  const floatMinor = float.ok ? float.minor : null;

  const load = useCallback(async () => {
    const result = await call('dayClose.preview', { openingFloatMinor: floatMinor });
    if (isCancelled(result)) return;
    if (result.ok) {
      setFigures(result.data);
      setFailure(null);
    } else setFailure(errorText(result.error));
  }, [call, errorText, floatMinor]);

  useEffect(() => {
    void load();
  }, [load]);

  const counted = countedMinor(count);
  const close = async () => {
    if (busy || figures === null) return;
    if (counted === null) return setCountError(t('errors.field.money_invalid'));
    if (floatMinor === null) return;
    setBusy(true);
    const result = await call('dayClose.close', { openingFloatMinor: floatMinor, countedCashMinor: counted, denominations: denominationsOf(count), note });
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) return setFailure(errorText(result.error));
    setClosed(result.data);
    setCount(EMPTY_COUNT);
    setNote('');
    onClosed();
    void load();
  };

  if (closed) {
    return (
      <Stack gap="sm" maw={900}>
        <Alert color="green" role="status" title={t('figures.dayClose.closedOk', { number: closed.number })}>
          <Text size="sm">
            {t('figures.dayClose.expected')}: {format.money(closed.figures.cash.expectedMinor)} · {t('figures.dayClose.counted')}:{' '}
            {format.money(closed.countedCashMinor)} · {t('figures.dayClose.difference')}:{' '}
            <span aria-label={t('figures.dayClose.difference')}>{format.money(closed.differenceMinor)}</span>
          </Text>
        </Alert>
        <DayClosePrint number={closed.number} />
        <Group>
          <Button variant="default" onClick={() => setClosed(null)}>
            {t('figures.dayClose.title')}
          </Button>
        </Group>
      </Stack>
    );
  }

  if (failure && figures === null) {
    return (
      <Alert color="red" role="alert" maw={640}>
        {t('figures.dayClose.failed')} {failure}
      </Alert>
    );
  }
  if (figures === null) return <Loader size="sm" aria-label={t('app.loading')} />;

  const difference = counted === null ? null : counted - figures.cash.expectedMinor;
  return (
    <Stack gap="md" maw={1000}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={3}>
            {t('figures.dayClose.businessDate')}: {format.day(figures.businessDate)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('figures.dayClose.period')}:{' '}
            {t('figures.dayClose.periodValue', { from: format.instant(figures.periodFrom), to: format.instant(figures.periodTo) })}
          </Text>
        </div>
        <Button variant="default" onClick={() => void load()}>
          {t('collection.drawer.refresh')}
        </Button>
      </Group>
      {figures.closedToday && (
        <Alert color="blue" role="status">
          {t('figures.dayClose.closedToday', { number: figures.closedToday.number, time: format.instant(figures.closedToday.closedAt) })}
        </Alert>
      )}
      <DayCloseFiguresView figures={figures} />
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Title order={4}>{t('figures.dayClose.cash')}</Title>
          <Group gap="xl" align="flex-end">
            <MoneyInput
              label={t('figures.dayClose.openingFloat')}
              w={180}
              value={floatText}
              onChange={(event) => setFloatText(event.currentTarget.value)}
              error={float.ok ? null : t('errors.field.money_invalid')}
            />
            <Figure label={t('figures.dayClose.cashIn')} value={format.money(figures.cash.inMinor)} />
            <Figure label={t('figures.dayClose.cashOut')} value={format.money(figures.cash.outMinor)} />
            <Figure label={t('figures.dayClose.expected')} value={format.money(figures.cash.expectedMinor)} strong />
          </Group>
          <CashCount
            value={count}
            onChange={(next) => {
              setCount(next);
              setCountError(null);
            }}
            error={countError}
          />
          <Group gap="xl">
            {/* Typed as one sum, the field already shows the counted cash; counted by notes and coins, this is their total. */}
            {count.mode === 'denominations' && <Figure label={t('figures.dayClose.counted')} value={counted === null ? '—' : format.money(counted)} strong />}
            <Figure
              label={t('figures.dayClose.difference')}
              value={
                difference === null
                  ? '—'
                  : `${format.money(difference)}${difference === 0 ? '' : ` (${t(difference > 0 ? 'figures.dayClose.over' : 'figures.dayClose.short')})`}`
              }
              strong
              color={difference === null || difference === 0 ? undefined : 'red'}
            />
          </Group>
          <Textarea label={t('figures.dayClose.note')} autosize minRows={1} maw={640} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
          {failure && (
            <Alert color="red" role="alert" p="xs">
              {failure}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void close()} loading={busy} disabled={figures.closedToday !== null || floatMinor === null}>
              {t('figures.dayClose.close')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Figure({ label, value, strong = false, color }: { label: string; value: string; strong?: boolean; color?: string }) {
  const id = `figure-${label.replace(/\W+/g, '-')}`;
  return (
    <div>
      <Text size="xs" c="dimmed" id={id}>
        {label}
      </Text>
      <Text fz={strong ? 20 : 16} fw={strong ? 700 : 500} c={color} aria-labelledby={id} style={num}>
        {value}
      </Text>
    </div>
  );
}
