// The Printing section's unsaved state and its conversion to what
// settings.update takes. Calibration fields keep what was typed (a half-typed
// "-" or "") until saved or tried.
import type { z } from 'zod';
import { printerCalibration, settingsInput, type Settings } from '../../../shared/contract';
import { issuesToFieldErrors, type FieldErrors } from '../forms/field-errors';

export const PRINTING_FORM = 'printing';

export type Calibration = z.infer<typeof printerCalibration>;
export type CalibrationDraft = { [K in keyof Calibration]: number | string };

export interface PrintingDraft {
  printing: Settings['printing'];
  calibrations: Record<string, CalibrationDraft>;
  intakeTerms: string;
  claimTerms: string;
}

export type PrintingInput = Pick<Settings, 'printing' | 'calibrations' | 'intakeTerms' | 'claimTerms'>;

export const NO_CALIBRATION: Calibration = { offsetXmm: 0, offsetYmm: 0, scale: 1 };

const printingInput = settingsInput.pick({ printing: true, calibrations: true, intakeTerms: true, claimTerms: true });

export function draftFrom(settings: Settings): PrintingDraft {
  return {
    printing: settings.printing,
    calibrations: { ...settings.calibrations },
    intakeTerms: settings.intakeTerms,
    claimTerms: settings.claimTerms,
  };
}

function asNumber(value: number | string): number {
  if (typeof value === 'number') return value;
  const trimmed = value.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function calibrationOf(draft: CalibrationDraft): Calibration {
  return { offsetXmm: asNumber(draft.offsetXmm), offsetYmm: asNumber(draft.offsetYmm), scale: asNumber(draft.scale) };
}

export function parsePrintingDraft(draft: PrintingDraft): { ok: true; data: PrintingInput } | { ok: false; errors: FieldErrors } {
  const calibrations = Object.fromEntries(Object.entries(draft.calibrations).map(([printer, c]) => [printer, calibrationOf(c)]));
  const parsed = printingInput.safeParse({ ...draft, calibrations });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: issuesToFieldErrors(parsed.error.issues) };
}

/** The calibration to try with Test print: what is on screen for that printer, checked. */
export function parseCalibration(printer: string, draft: CalibrationDraft | undefined): { ok: true; data: Calibration } | { ok: false; errors: FieldErrors } {
  if (!draft) return { ok: true, data: NO_CALIBRATION };
  const parsed = printerCalibration.safeParse(calibrationOf(draft));
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const [path, code] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[calibrationPath(printer, path)] = code;
  return { ok: false, errors };
}

export function calibrationPath(printer: string, field: string): string {
  return `calibrations.${printer}.${field}`;
}
