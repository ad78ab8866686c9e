// The Printing section of Settings: for each document the shop prints, where
// and how; printer calibrations; the shop's terms on the intake form and the
// claim ticket. Saved together with one settings.update.
import { Fieldset, Stack, Text } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTABLE_DOCUMENTS, type PrintableDocument, type Settings } from '../../../shared/contract';
import { useDesk } from '../desk/desk-context';
import { serverFieldErrors } from '../forms/field-errors';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { DocumentPrintingFields } from './DocumentPrintingFields';
import { PrinterListRow } from './PrinterListRow';
import { calibrationPath, draftFrom, parsePrintingDraft, type CalibrationDraft, type PrintingDraft } from './printing-draft';
import { TermsField, type TermsKey } from './TermsField';
import { usePrintingOptions } from '../printing/usePrintingOptions';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { fieldMessages } from '../widgets/contract-form';
import { useErrorText } from '../widgets/error-text';
import { SaveRow, type SaveStatus } from '../widgets/SaveRow';

function withoutPaths(errors: FormErrors, paths: string[]): FormErrors {
  if (!paths.some((path) => path in errors)) return errors;
  const next = { ...errors };
  for (const path of paths) delete next[path];
  return next;
}

export function PrintingSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const signedIn = useSignedInCall();
  const desk = useDesk();
  const { presets, presetsFailure, printers, refreshPrinters } = usePrintingOptions();
  const form = useForm<PrintingDraft>({
    initialValues: draftFrom(desk.settings),
    validate: (draft) => {
      const parsed = parsePrintingDraft(draft);
      return parsed.ok ? {} : fieldMessages(t, parsed.errors);
    },
  });
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [failure, setFailure] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const draft = form.getValues();

  // After a refused save, take the clerk to the first field at fault.
  useEffect(() => {
    if (status !== 'failed') return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [status, form.errors]);

  // Edits clear only the messages of the fields they change (a document's
  // printer, a printer's calibration, one of the terms).
  const edited = (clear: string[]) => {
    form.setErrors((current) => withoutPaths(current, clear));
    setStatus((current) => (current === 'saving' ? current : 'idle'));
  };

  const changeDocument = (document: PrintableDocument, patch: Partial<Settings['printing'][PrintableDocument]>) => {
    form.setFieldValue('printing', (current) => ({ ...current, [document]: { ...current[document], ...patch } }));
    edited(Object.keys(patch).map((field) => `printing.${document}.${field}`));
  };

  const changeCalibration = (printer: string, next: CalibrationDraft | null) => {
    form.setFieldValue('calibrations', (current) => {
      const calibrations = { ...current };
      if (next) calibrations[printer] = next;
      else delete calibrations[printer];
      return calibrations;
    });
    edited(['offsetXmm', 'offsetYmm', 'scale'].map((field) => calibrationPath(printer, field)));
  };

  const changeTerms = (key: TermsKey, value: string) => {
    form.setFieldValue(key, value);
    edited([key]);
  };

  const save = async () => {
    if (status === 'saving') return;
    if (form.validate().hasErrors) {
      setFailure(t('errors.validation'));
      setStatus('failed');
      return;
    }
    const parsed = parsePrintingDraft(form.getValues());
    if (!parsed.ok) return;
    setStatus('saving');
    const result = await signedIn('settings.update', parsed.data);
    if (isCancelled(result)) return setStatus('idle');
    if (result.ok) {
      desk.settingsSaved(result.data);
      form.setValues(draftFrom(result.data));
      form.clearErrors();
      setStatus('saved');
    } else {
      const fields = serverFieldErrors(result.error.fields);
      form.setErrors(fieldMessages(t, fields));
      // Like the screen's own check: the fields at fault say why, the alert says to look at them.
      setFailure(Object.keys(fields).length > 0 ? t('errors.validation') : errorText(result.error));
      setStatus('failed');
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={t('settings.printing.title')}
      onKeyDown={keyboardFormKeyDown(() => void save())}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Fieldset legend={t('settings.printing.title')} variant="filled">
        <Stack gap="sm">
          <Text size="sm">{t('settings.printing.intro')}</Text>
          <PrinterListRow printers={printers} presetsFailure={presetsFailure} refreshPrinters={refreshPrinters} />
          {PRINTABLE_DOCUMENTS.map((document) => {
            const printer = draft.printing[document].printer;
            return (
              <DocumentPrintingFields
                key={document}
                document={document}
                value={draft.printing[document]}
                presets={presets}
                printers={printers}
                calibration={printer ? draft.calibrations[printer] : undefined}
                errors={form.errors}
                onChange={(patch) => changeDocument(document, patch)}
                onCalibrationChange={changeCalibration}
                onErrors={(found) => form.setErrors((current) => ({ ...current, ...fieldMessages(t, found) }))}
              >
                <TermsField document={document} value={draft} error={(key) => form.errors[key]} onChange={changeTerms} />
              </DocumentPrintingFields>
            );
          })}
          <SaveRow status={status} saveLabel={t('settings.printing.save')} savedLabel={t('settings.printing.saved')} failure={failure} />
        </Stack>
      </Fieldset>
    </form>
  );
}
