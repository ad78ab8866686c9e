// One document's printing: whether it prints by itself (at check-in, or the receipt at collection), printer, paper, copies, a
// Test print with what is on screen (saved or not), and the calibration of
// the chosen printer.
import { Alert, Button, Checkbox, Grid, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperPresetView, PrintableDocument, PrintResult, Settings } from '../../../shared/contract';
import type { FormErrors } from '@mantine/form';
import { fieldId, type FieldErrors } from '../forms/field-errors';
import { CalibrationFields } from './CalibrationFields';
import { parseCalibration, PRINTING_FORM, type CalibrationDraft } from './printing-draft';
import type { PrinterList } from '../printing/usePrintingOptions';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';

const COPIES = Array.from({ length: 10 }, (_, index) => String(index + 1));

type DocumentSettings = Settings['printing'][PrintableDocument];

interface Props {
  document: PrintableDocument;
  value: DocumentSettings;
  presets: PaperPresetView[];
  printers: PrinterList;
  /** Calibration on screen for the chosen printer; undefined when none is set. */
  calibration: CalibrationDraft | undefined;
  /** Messages by contract path ("printing.claim-ticket.printer"). */
  errors: FormErrors;
  onChange(patch: Partial<DocumentSettings>): void;
  /** null removes the printer's calibration (back to no correction). */
  onCalibrationChange(printer: string, next: CalibrationDraft | null): void;
  onErrors(errors: FieldErrors): void;
  /** Extra fields for this document (its terms). */
  children?: ReactNode;
}

type TestState = { state: 'idle' } | { state: 'printing' } | { state: 'done'; result: PrintResult } | { state: 'failed'; message: string };

function formatMm(mm: number): string {
  return String(Math.round(mm * 10) / 10);
}

export function DocumentPrintingFields(props: Props) {
  const { document, value, presets, printers, calibration, errors } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  const docName = t(`settings.printing.documents.${document}`);
  const docInline = t(`settings.printing.documentsInline.${document}`);
  const path = (field: keyof DocumentSettings) => `printing.${document}.${field}`;
  const fieldError = (field: keyof DocumentSettings) => errors[path(field)];
  const change = (patch: Partial<DocumentSettings>) => {
    setTest({ state: 'idle' });
    props.onChange(patch);
  };

  const presetLabel = (preset: PaperPresetView) => {
    const size =
      preset.heightMm === null
        ? t('settings.printing.roll', { width: formatMm(preset.widthMm) })
        : t('settings.printing.size', { width: formatMm(preset.widthMm), height: formatMm(preset.heightMm) });
    const known = t(`settings.printing.presetNames.${preset.id}` as `settings.printing.presetNames.a4`, { defaultValue: '' });
    return t('settings.printing.presetOption', { name: known || preset.name, size });
  };
  const ownPresets = presets.filter((preset) => preset.document === document);
  const presetOptions = ownPresets.map((preset) => ({ value: preset.id, label: presetLabel(preset) }));
  if (presets.length > 0 && !ownPresets.some((preset) => preset.id === value.preset)) {
    presetOptions.unshift({ value: value.preset, label: t('settings.printing.unknownPreset', { id: value.preset }) });
  }

  const printerOptions = [{ value: '', label: t('settings.printing.systemDefault') }];
  for (const printer of printers.printers) {
    const label = printer.isDefault
      ? t('settings.printing.isDefault', { name: printer.name })
      : printer.status === 'disabled'
        ? t('settings.printing.stopped', { name: printer.name })
        : printer.name;
    printerOptions.push({ value: printer.name, label });
  }
  if (value.printer && !printers.printers.some((printer) => printer.name === value.printer)) {
    printerOptions.push({
      value: value.printer,
      label: printers.loaded ? t('settings.printing.notFound', { name: value.printer }) : value.printer,
    });
  }

  const testPrint = async () => {
    if (test.state === 'printing') return;
    let tried = null;
    if (value.printer) {
      const parsed = parseCalibration(value.printer, calibration);
      if (!parsed.ok) {
        props.onErrors(parsed.errors);
        setTest({ state: 'idle' });
        return;
      }
      tried = parsed.data;
    }
    setTest({ state: 'printing' });
    const result = await signedIn('printing.testPrint', { document, preset: value.preset, printer: value.printer, calibration: tried });
    if (isCancelled(result)) return setTest({ state: 'idle' });
    if (result.ok) setTest({ state: 'done', result: result.data });
    else {
      const wrongPreset = result.error.fields?.some((field) => field.path === 'preset');
      if (wrongPreset) props.onErrors({ [path('preset')]: 'invalid' });
      setTest({ state: 'failed', message: errorText(result.error) });
    }
  };

  const headingId = fieldId(PRINTING_FORM, `${document}.heading`);
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {docName}
          </Title>
          <Checkbox
            id={fieldId(PRINTING_FORM, path('enabled'))}
            // The receipt prints when the device is collected; the intake documents at check-in.
            label={document === 'receipt' ? t('counter.settings.printAtCollection') : t('settings.printing.enabled')}
            aria-label={
              document === 'receipt'
                ? t('counter.settings.printAtCollectionFor', { document: docName })
                : t('settings.printing.enabledFor', { document: docName })
            }
            checked={value.enabled}
            onChange={(event) => change({ enabled: event.currentTarget.checked })}
          />
        </Group>
        <Grid columns={24} gap="sm" align="flex-end">
          <Grid.Col span={{ base: 24, md: 12, lg: 9 }}>
            <NativeSelect
              id={fieldId(PRINTING_FORM, path('printer'))}
              label={t('settings.printing.printer')}
              aria-label={t('settings.printing.printerFor', { document: docName })}
              value={value.printer ?? ''}
              error={fieldError('printer')}
              data={printerOptions}
              // Until the system's printers are known, a saved printer cannot yet be marked "not found".
              aria-busy={printers.loading}
              onChange={(event) => change({ printer: event.currentTarget.value === '' ? null : event.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 24, md: 12, lg: 8 }}>
            <NativeSelect
              id={fieldId(PRINTING_FORM, path('preset'))}
              label={t('settings.printing.preset')}
              aria-label={t('settings.printing.presetFor', { document: docName })}
              value={value.preset}
              error={fieldError('preset')}
              data={presetOptions}
              onChange={(event) => change({ preset: event.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <NativeSelect
              id={fieldId(PRINTING_FORM, path('copies'))}
              label={t('settings.printing.copies')}
              aria-label={t('settings.printing.copiesFor', { document: docName })}
              value={String(value.copies)}
              error={fieldError('copies')}
              data={COPIES}
              onChange={(event) => change({ copies: Number(event.currentTarget.value) })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
            <Button
              type="button"
              variant="default"
              fullWidth
              aria-label={t('settings.printing.testPrintFor', { document: docInline })}
              loading={test.state === 'printing'}
              onClick={() => void testPrint()}
              // Keep the Test print line aligned with the fields when one of them shows an error.
              mb={fieldError('printer') || fieldError('preset') || fieldError('copies') ? 22 : 0}
            >
              {t('settings.printing.testPrint')}
            </Button>
          </Grid.Col>
        </Grid>
        <TestOutcome test={test} />
        {value.printer ? (
          <CalibrationFields
            document={document}
            documentName={docName}
            printer={value.printer}
            value={calibration}
            errors={errors}
            onChange={(next) => {
              setTest({ state: 'idle' });
              props.onCalibrationChange(value.printer!, next);
            }}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('settings.printing.calibrationNeedsPrinter')}
          </Text>
        )}
        {props.children}
      </Stack>
    </Paper>
  );
}

function TestOutcome({ test }: { test: TestState }) {
  const { t } = useTranslation();
  // The live region is always there, so screen readers announce what appears in it.
  let content: ReactNode = null;
  if (test.state === 'done' && test.result.ok) {
    content = (
      <Text size="sm" c="teal">
        {t('settings.printing.testSent')}
      </Text>
    );
  } else if (test.state === 'done' || test.state === 'failed') {
    const error = test.state === 'done' ? test.result.error : null;
    const message = error
      ? t(`errors.print.${error.code}` as 'errors.print.spooler_error', { defaultValue: error.message })
      : test.state === 'failed'
        ? test.message
        : '';
    content = (
      <Alert color="red" py={6} title={t('settings.printing.testFailed')}>
        <Text size="sm">{message}</Text>
        {error?.detail && (
          <Text size="xs" c="dimmed">
            {error.detail}
          </Text>
        )}
      </Alert>
    );
  }
  return (
    <div role="status" aria-live="polite">
      {content}
    </div>
  );
}
