// 日结: the open period's figures, the drawer's expected cash, the manager's
// count and the difference; closing stores the numbered record, then it prints.
import { Alert, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayCloseDraft, type DayCloseRecord } from '../../../shared/figures-contract';
import { minorToInputText } from '../../../shared/money';
import { useErrorText } from '../widgets/error-text';
import { useDesk } from '../desk/desk-context';
import { useFormat } from '../desk/useFormat';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { contractValidate } from '../widgets/contract-form';
import { loadFailure, shownData, signedInData, useLoaded } from '../widgets/useLoaded';
import { CashCount } from './CashCount';
import { amountMinor, countedMinor, EMPTY_COUNT, toInput, type DayCloseValues } from './day-close-form';
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
  const [closeFailure, setCloseFailure] = useState<string | null>(null);
  const form = useForm<DayCloseValues>({
    initialValues: { openingFloatMinor: minorToInputText(settings.cashFloatMinor), ...EMPTY_COUNT },
    validate: contractValidate(dayCloseDraft, toInput, t),
    // The float is checked as it is typed: the figures above follow it.
    validateInputOnChange: ['openingFloatMinor'],
  });
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState<DayCloseRecord | null>(null);

  const values = form.getValues();
  const floatMinor = amountMinor(values.openingFloatMinor) ?? null;

  // The figures follow the float as it is typed; the last ones stay on screen meanwhile.
  const [loaded, reload] = useLoaded(
    async () => signedInData(await call('dayClose.preview', { openingFloatMinor: floatMinor })),
    (error) => loadFailure(t, error),
    String(floatMinor),
    { keepPrevious: true },
  );
  const figures = shownData(loaded) ?? null;
  const failure = closeFailure ?? (loaded.state === 'failed' ? loaded.message : null);
  const refresh = () => {
    setCloseFailure(null);
    void reload();
  };

  const counted = countedMinor(values) ?? null;
  const close = async () => {
    if (busy || figures === null || form.validate().hasErrors) return;
    setBusy(true);
    setCloseFailure(null);
    const result = await call('dayClose.close', dayCloseDraft.parse(toInput(form.getValues())));
    setBusy(false);
    if (isCancelled(result)) return;
    if (!result.ok) return setCloseFailure(errorText(result.error));
    setClosed(result.data);
    form.setValues(EMPTY_COUNT);
    onClosed();
    void reload();
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
        <Button variant="default" onClick={refresh}>
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
            <MoneyInput label={t('figures.dayClose.openingFloat')} w={180} {...form.getInputProps('openingFloatMinor')} />
            <Figure label={t('figures.dayClose.cashIn')} value={format.money(figures.cash.inMinor)} />
            <Figure label={t('figures.dayClose.cashOut')} value={format.money(figures.cash.outMinor)} />
            <Figure label={t('figures.dayClose.expected')} value={format.money(figures.cash.expectedMinor)} strong />
          </Group>
          <CashCount form={form} />
          <Group gap="xl">
            {/* Typed as one sum, the field already shows the counted cash; counted by notes and coins, this is their total. */}
            {values.countBy === 'denominations' && (
              <Figure label={t('figures.dayClose.counted')} value={counted === null ? '—' : format.money(counted)} strong />
            )}
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
          <Textarea label={t('figures.dayClose.note')} autosize minRows={1} maw={640} {...form.getInputProps('note')} />
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
