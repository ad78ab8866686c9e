// Reports for any range of days, with presets; the figures, the charts, and
// export (CSV, XLSX, PDF) and print. The report is worked out in main in one
// read; the window stays usable meanwhile (the request is asynchronous).
import { Alert, Button, Group, Loader, Menu, SegmentedControl, Stack, Text } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, DATE_INPUT_FORMAT } from '../../../shared/dates';
import type { ReportFormat } from '../../../shared/figures-contract';
import { useFormat } from '../desk/useFormat';
import { useErrorText } from '../widgets/error-text';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { loadFailure, shownData, signedInData, useLoaded } from '../widgets/useLoaded';
import { presetRange, RANGE_PRESETS, type RangePreset } from './report-range';
import { ReportCharts } from './ReportCharts';
import { ReportTables } from './ReportTables';
import { saveFile } from './save-file';

export function ReportsPanel() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const call = useSignedInCall();
  const errorText = useErrorText();
  const [preset, setPreset] = useState<RangePreset | ''>('month');
  // The range last picked whole: picking the first day of a new range keeps the report of the last one.
  const [asked, setAsked] = useState(() => presetRange('month', new Date()));
  const [range, setRange] = useState<[string | null, string | null]>([asked.from, asked.to]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [loaded] = useLoaded(
    async () => signedInData(await call('reports.get', asked)),
    (error) => `${t('figures.reports.failed')} ${loadFailure(t, error)}`,
    `${asked.from}/${asked.to}`,
    { keepPrevious: true },
  );
  const report = shownData(loaded);

  const [from, to] = range;
  const pick = (next: [string | null, string | null]) => {
    setRange(next);
    const [nextFrom, nextTo] = next;
    if (!nextFrom || !nextTo) return;
    setAsked({ from: nextFrom, to: nextTo });
    setMessage(null);
  };

  const exportAs = async (format: ReportFormat) => {
    if (!from || !to) return;
    const result = await call('reports.export', { from, to, format });
    if (isCancelled(result)) return;
    if (!result.ok) return setMessage({ ok: false, text: errorText(result.error) });
    saveFile(result.data);
    setMessage({ ok: true, text: t('figures.reports.exported', { file: result.data.fileName }) });
  };

  const print = async () => {
    if (!from || !to) return;
    const result = await call('reports.print', { from, to });
    if (isCancelled(result)) return;
    if (!result.ok) return setMessage({ ok: false, text: errorText(result.error) });
    setMessage(
      result.data.ok
        ? { ok: true, text: t('figures.dayClose.printed') }
        : { ok: false, text: t('figures.dayClose.printFailed', { message: result.data.error?.message ?? '' }) },
    );
  };

  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SegmentedControl
            aria-label={t('figures.reports.range')}
            value={preset}
            onChange={(value) => {
              const chosen = value as RangePreset;
              setPreset(chosen);
              const r = presetRange(chosen, new Date());
              pick([r.from, r.to]);
            }}
            data={RANGE_PRESETS.map((p) => ({ value: p, label: t(`figures.reports.presets.${p}`) }))}
          />
          <DatePickerInput
            type="range"
            label={t('figures.reports.range')}
            w={280}
            value={range}
            valueFormat={DATE_INPUT_FORMAT[asLanguage(i18n.language)]}
            onChange={(value) => {
              setPreset('');
              pick([value[0] ? String(value[0]).slice(0, 10) : null, value[1] ? String(value[1]).slice(0, 10) : null]);
            }}
          />
          <Menu position="bottom-start">
            <Menu.Target>
              <Button variant="default" disabled={!report}>
                {t('figures.reports.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportAs('csv')}>{t('figures.reports.csv')}</Menu.Item>
              <Menu.Item onClick={() => void exportAs('xlsx')}>{t('figures.reports.xlsx')}</Menu.Item>
              <Menu.Item onClick={() => void exportAs('pdf')}>{t('figures.reports.pdf')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" disabled={!report} onClick={() => void print()}>
            {t('figures.reports.print')}
          </Button>
          {loaded.state === 'loading' && <Loader size="sm" aria-label={t('figures.reports.loading')} />}
        </Group>
        {loaded.state === 'failed' ? (
          <Alert color="red" p="xs" role="alert">
            {loaded.message}
          </Alert>
        ) : (
          message && (
            <Alert color={message.ok ? 'green' : 'red'} p="xs" role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )
        )}
        {report && (
          <>
            <Text fw={600} aria-label={t('figures.reports.range')}>
              {t('figures.reports.rangeValue', { from: format.day(report.from), to: format.day(report.to) })}
            </Text>
            <ReportTables report={report} />
            <ReportCharts report={report} />
          </>
        )}
      </Stack>
    </DatesProvider>
  );
}
