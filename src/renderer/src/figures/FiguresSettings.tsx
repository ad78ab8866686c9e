// Settings of the figures: the shop's calendar (weekdays closed, holidays) that
// turnaround counts working days by, the drawer's opening float, and where the
// day close and the reports print.
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, DATE_INPUT_FORMAT } from '../../../shared/dates';
import type { FiguresPrinting } from '../../../shared/figures-contract';
import { minorToInputText, parseMoney } from '../../../shared/money';
import { useErrorText } from '../widgets/error-text';
import { useDesk } from '../desk/desk-context';
import { usePrintingOptions } from '../printing/usePrintingOptions';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { MoneyInput } from '../widgets/MoneyInput';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

export function FiguresSettings() {
  const { t, i18n } = useTranslation();
  const desk = useDesk();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const { printers } = usePrintingOptions();
  const [closed, setClosed] = useState<string[]>(desk.settings.shopCalendar.closedWeekdays.map(String));
  const [holidays, setHolidays] = useState<string[]>([...desk.settings.shopCalendar.holidays]);
  const [floatText, setFloatText] = useState(minorToInputText(desk.settings.cashFloatMinor));
  const [printing, setPrinting] = useState<FiguresPrinting>(desk.settings.figuresPrinting);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const float = parseMoney(floatText);

  const save = async () => {
    if (!float.ok) return;
    const result = await signedIn('settings.update', {
      shopCalendar: { closedWeekdays: closed.map(Number).sort(), holidays: [...holidays].sort() },
      cashFloatMinor: float.minor,
      figuresPrinting: printing,
    });
    if (isCancelled(result)) return;
    if (result.ok) desk.settingsSaved(result.data);
    setMessage(result.ok ? { ok: true, text: t('figures.calendar.saved') } : { ok: false, text: errorText(result.error) });
  };

  const printerOptions = [{ value: '', label: t('figures.calendar.defaultPrinter') }, ...printers.printers.map((p) => ({ value: p.name, label: p.name }))];
  const printerFields = (document: keyof FiguresPrinting, label: string, papers: string[]) => (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={label}
        w={260}
        value={printing[document].printer ?? ''}
        data={printerOptions}
        onChange={(event) => setPrinting({ ...printing, [document]: { ...printing[document], printer: event.currentTarget.value || null } })}
      />
      <NativeSelect
        label={t('figures.calendar.paper')}
        aria-label={`${label}: ${t('figures.calendar.paper')}`}
        w={200}
        value={printing[document].preset}
        data={papers.map((p) => ({ value: p, label: t(`figures.calendar.paperName.${p}` as 'figures.calendar.paperName.a4') }))}
        onChange={(event) => setPrinting({ ...printing, [document]: { ...printing[document], preset: event.currentTarget.value } } as FiguresPrinting)}
      />
      <NumberInput
        label={t('figures.calendar.copies')}
        aria-label={`${label}: ${t('figures.calendar.copies')}`}
        w={90}
        min={1}
        max={10}
        allowDecimal={false}
        value={printing[document].copies}
        onChange={(value) => setPrinting({ ...printing, [document]: { ...printing[document], copies: typeof value === 'number' ? value : 1 } })}
      />
    </Group>
  );

  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      <Paper withBorder p="md" radius="sm">
        <Stack gap="sm">
          <Title order={3}>{t('figures.calendar.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('figures.calendar.hint')}
          </Text>
          <Checkbox.Group label={t('figures.calendar.closedWeekdays')} value={closed} onChange={setClosed}>
            <Group gap="md" mt={4}>
              {WEEKDAYS.map((day) => (
                <Checkbox key={day} value={String(day)} label={t(`figures.calendar.weekday.${day}` as 'figures.calendar.weekday.0')} />
              ))}
            </Group>
          </Checkbox.Group>
          <DatePickerInput
            type="multiple"
            label={t('figures.calendar.holidays')}
            valueFormat={DATE_INPUT_FORMAT[asLanguage(i18n.language)]}
            clearable
            maw={640}
            value={holidays}
            onChange={(value) => setHolidays(value.map((d) => String(d).slice(0, 10)))}
          />
          <MoneyInput
            label={t('figures.calendar.cashFloat')}
            w={200}
            value={floatText}
            onChange={(event) => setFloatText(event.currentTarget.value)}
            error={float.ok ? null : t('errors.field.money_invalid')}
          />
          <Text fw={600} size="sm">
            {t('figures.calendar.printing')}
          </Text>
          {printerFields('day-close', t('figures.calendar.dayClosePrinter'), ['roll-80', 'a4'])}
          {printerFields('report', t('figures.calendar.reportPrinter'), ['a4'])}
          {message && (
            <Alert color={message.ok ? 'green' : 'red'} p="xs" role={message.ok ? 'status' : 'alert'}>
              {message.text}
            </Alert>
          )}
          <Group>
            <Button onClick={() => void save()} disabled={!float.ok}>
              {t('figures.calendar.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </DatesProvider>
  );
}
