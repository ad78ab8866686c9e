// The Printing section of Settings: for each document the shop prints, where
// and how; printer calibrations; the shop's terms on the intake form and the
// claim ticket. Saved together with one settings.update.
import { Alert, Button, Fieldset, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINTABLE_DOCUMENTS, type PrintableDocument, type Settings } from '../../../shared/contract';
import { LIMITS } from '../../../shared/domain';
import { useDesk } from '../desk/desk-context';
import { fieldId, serverFieldErrors, type FieldErrors } from '../forms/field-errors';
import { keyboardFormKeyDown } from '../forms/keyboard-form';
import { DocumentPrintingFields } from './DocumentPrintingFields';
import { calibrationPath, draftFrom, parsePrintingDraft, PRINTING_FORM, type CalibrationDraft, type PrintingDraft } from './printing-draft';
import { usePrintingOptions } from '../printing/usePrintingOptions';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { useErrorText } from '../widgets/error-text';

type Status = 'idle' | 'saving' | 'saved' | 'failed';

function withoutPaths(errors: FieldErrors, paths: string[]): FieldErrors {
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
  const [draft, setDraft] = useState<PrintingDraft>(() => draftFrom(desk.settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>('idle');
  const [failure, setFailure] = useState('');
  const [announceRefresh, setAnnounceRefresh] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // After a refused save, take the clerk to the first field at fault.
  useEffect(() => {
    if (status !== 'failed') return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [status, errors]);

  const edited = (clear: string[]) => {
    setErrors((current) => withoutPaths(current, clear));
    setStatus((current) => (current === 'saving' ? current : 'idle'));
  };

  const changeDocument = (document: PrintableDocument, patch: Partial<Settings['printing'][PrintableDocument]>) => {
    setDraft((current) => ({
      ...current,
      printing: { ...current.printing, [document]: { ...current.printing[document], ...patch } },
    }));
    edited(Object.keys(patch).map((field) => `printing.${document}.${field}`));
  };

  const changeCalibration = (printer: string, next: CalibrationDraft | null) => {
    setDraft((current) => {
      const calibrations = { ...current.calibrations };
      if (next) calibrations[printer] = next;
      else delete calibrations[printer];
      return { ...current, calibrations };
    });
    edited(['offsetXmm', 'offsetYmm', 'scale'].map((field) => calibrationPath(printer, field)));
  };

  const changeTerms = (key: 'intakeTerms' | 'claimTerms', value: string) => {
    setDraft((current) => ({ ...current, [key]: value }));
    edited([key]);
  };

  const save = async () => {
    if (status === 'saving') return;
    const parsed = parsePrintingDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setFailure(t('errors.validation'));
      setStatus('failed');
      return;
    }
    setStatus('saving');
    const result = await signedIn('settings.update', parsed.data);
    if (isCancelled(result)) return setStatus('idle');
    if (result.ok) {
      desk.settingsSaved(result.data);
      setDraft(draftFrom(result.data));
      setErrors({});
      setStatus('saved');
    } else {
      const fields = serverFieldErrors(result.error.fields);
      setErrors(fields);
      // Like the screen's own check: the fields at fault say why, the alert says to look at them.
      setFailure(Object.keys(fields).length > 0 ? t('errors.validation') : errorText(result.error));
      setStatus('failed');
    }
  };

  const refresh = async () => {
    await refreshPrinters();
    setAnnounceRefresh(true);
  };

  const termsError = (key: 'intakeTerms' | 'claimTerms') => (errors[key] ? t(`errors.field.${errors[key]}`) : undefined);

  const terms = (document: PrintableDocument) => {
    if (document === 'intake-form') {
      return (
        <Textarea
          id={fieldId(PRINTING_FORM, 'intakeTerms')}
          label={t('settings.printing.intakeTerms')}
          description={t('settings.printing.termsHint')}
          placeholder={t('docs.defaultTerms')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={LIMITS.notesMax}
          value={draft.intakeTerms}
          error={termsError('intakeTerms')}
          onChange={(event) => changeTerms('intakeTerms', event.currentTarget.value)}
        />
      );
    }
    if (document === 'claim-ticket') {
      return (
        <Textarea
          id={fieldId(PRINTING_FORM, 'claimTerms')}
          label={t('settings.printing.claimTerms')}
          description={t('settings.printing.termsHint')}
          placeholder={t('docs.defaultClaimTerms')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={LIMITS.notesMax}
          value={draft.claimTerms}
          error={termsError('claimTerms')}
          onChange={(event) => changeTerms('claimTerms', event.currentTarget.value)}
        />
      );
    }
    return null;
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
          <Group gap="sm" align="center">
            <Button type="button" variant="default" onClick={() => void refresh()} loading={printers.loading}>
              {t('settings.printing.refresh')}
            </Button>
            {printers.loading && !printers.loaded && <Loader size="xs" />}
            <Text size="sm" c="dimmed" role="status">
              {announceRefresh && !printers.loading && !printers.error ? t('settings.printing.refreshed', { count: printers.printers.length }) : ''}
            </Text>
          </Group>
          {printers.error && (
            <Alert color="orange" py={6} role="alert" title={t('settings.printing.listFailed')}>
              {t(`errors.print.${printers.error.code}` as 'errors.print.spooler_error', { defaultValue: printers.error.message })}
            </Alert>
          )}
          {presetsFailure && (
            <Alert color="red" py={6} role="alert">
              {presetsFailure}
            </Alert>
          )}
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
                errors={errors}
                onChange={(patch) => changeDocument(document, patch)}
                onCalibrationChange={changeCalibration}
                onErrors={(found) => setErrors((current) => ({ ...current, ...found }))}
              >
                {terms(document)}
              </DocumentPrintingFields>
            );
          })}
          <Group gap="sm">
            <Button type="submit" data-enter-target disabled={status === 'saving'}>
              {t('settings.printing.save')}
            </Button>
            <div role="status">
              {status === 'saved' && (
                <Text size="sm" c="teal">
                  {t('settings.printing.saved')}
                </Text>
              )}
            </div>
            {status === 'failed' && (
              <Alert color="red" py={6} role="alert">
                {failure}
              </Alert>
            )}
          </Group>
        </Stack>
      </Fieldset>
    </form>
  );
}
