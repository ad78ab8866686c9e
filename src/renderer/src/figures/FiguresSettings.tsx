// Settings of the figures: the shop's calendar (weekdays closed, holidays) that
// turnaround counts working days by, the drawer's opening float, and where the
// day close and the reports print.
import { Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import '@mantine/dates/styles.css';
import { useForm } from '@mantine/form';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asLanguage, DATE_INPUT_FORMAT } from '../../../shared/dates';
import type { FiguresPrinting } from '../../../shared/figures-contract';
import { minorToInputText, readMoney } from '../../../shared/money';
import { useDesk } from '../desk/desk-context';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { usePrintingOptions } from '../printing/usePrintingOptions';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';
import { MoneyInput } from '../widgets/MoneyInput';
import { SaveRow, type SaveStatus } from '../widgets/SaveRow';
import { FiguresPrinterFields } from './FiguresPrinterFields';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

export function FiguresSettings() {
  const { t, i18n } = useTranslation();
  const desk = useDesk();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const { printers } = usePrintingOptions();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState('');
  const form = useForm({
    initialValues: {
      closed: desk.settings.shopCalendar.closedWeekdays.map(String),
      holidays: [...desk.settings.shopCalendar.holidays],
      floatText: minorToInputText(desk.settings.cashFloatMinor),
      printing: desk.settings.figuresPrinting as FiguresPrinting,
    },
    validateInputOnChange: ['floatText'],
    validate: { floatText: (text) => (readMoney(text).ok ? null : t('errors.field.money_invalid')) },
    onValuesChange: () => setStatus((current) => (current === 'saving' ? current : 'idle')),
  });

  const save = async (values: typeof form.values) => {
    const float = readMoney(values.floatText);
    if (status === 'saving' || !float.ok) return;
    setStatus('saving');
    const result = await signedIn('settings.update', {
      shopCalendar: { closedWeekdays: values.closed.map(Number).sort(), holidays: [...values.holidays].sort() },
      cashFloatMinor: float.minor,
      figuresPrinting: values.printing,
    });
    if (isCancelled(result)) return setStatus('idle');
    if (result.ok) {
      desk.settingsSaved(result.data);
      return setStatus('saved');
    }
    setFailure(errorText(result.error));
    setStatus('failed');
  };

  const printerOptions = [{ value: '', label: t('figures.calendar.defaultPrinter') }, ...printers.printers.map((p) => ({ value: p.name, label: p.name }))];
  const printing = form.values.printing;
  const printerFields = (document: keyof FiguresPrinting, label: string, papers: string[]) => (
    <FiguresPrinterFields
      label={label}
      papers={papers}
      printerOptions={printerOptions}
      value={printing[document]}
      onChange={(value) => form.setFieldValue('printing', { ...printing, [document]: value } as FiguresPrinting)}
    />
  );

  const submit = form.onSubmit((values) => void save(values));
  return (
    <DatesProvider settings={{ locale: i18n.language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1 }}>
      <Paper withBorder p="md" radius="sm">
        <form noValidate onKeyDown={keyboardFormKeyDown(() => submit())} onSubmit={submit}>
          <Stack gap="sm">
            <Title order={3}>{t('figures.calendar.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('figures.calendar.hint')}
            </Text>
            <Checkbox.Group label={t('figures.calendar.closedWeekdays')} {...form.getInputProps('closed')}>
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
              value={form.values.holidays}
              onChange={(value) =>
                form.setFieldValue(
                  'holidays',
                  value.map((d) => String(d).slice(0, 10)),
                )
              }
            />
            <MoneyInput label={t('figures.calendar.cashFloat')} w={200} {...form.getInputProps('floatText')} />
            <Text fw={600} size="sm">
              {t('figures.calendar.printing')}
            </Text>
            {printerFields('day-close', t('figures.calendar.dayClosePrinter'), ['roll-80', 'a4'])}
            {printerFields('report', t('figures.calendar.reportPrinter'), ['a4'])}
            <SaveRow status={status} saveLabel={t('figures.calendar.save')} savedLabel={t('figures.calendar.saved')} failure={failure} />
          </Stack>
        </form>
      </Paper>
    </DatesProvider>
  );
}
