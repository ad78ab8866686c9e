// The check-in's rules beyond the contract's schema: those that need today's
// date, the shop's settings or the device's warranty. Main applies them to what
// it received; the intake screen applies the same function to what is typed, so
// the clerk sees every problem at once and main stays the authority.
import type { WarrantyAssessment } from './contract';
import { CONDITION_CHECKS, type DeviceType } from './domain';
import type { FieldError } from './errors';

export interface IntakeRuleDevice {
  /** null while the clerk has not chosen one (the schema reports that). */
  type: DeviceType | null;
  purchaseDate: string | null;
  promisedDate: string | null;
  /** NaN while the typed amount is not money (the form reports that). */
  estimateMinor: number;
  depositMinor: number;
  conditionChecks: readonly string[];
  conditionNotes: string;
  feeConsent: boolean;
  /** The warranty as assessed (shared/warranty.ts); null when there is none to go by (a purchase date ahead of today). */
  warranty: Pick<WarrantyAssessment, 'mayBeCharged'> | null;
}

export interface IntakeRuleSettings {
  conditionRequired: boolean;
}

export function intakeRuleErrors(devices: readonly IntakeRuleDevice[], settings: IntakeRuleSettings, today: string): FieldError[] {
  const errors: FieldError[] = [];
  devices.forEach((device, index) => {
    const at = (field: string) => `devices.${index}.${field}`;
    if (device.purchaseDate !== null && device.purchaseDate > today) errors.push({ path: at('purchaseDate'), code: 'date_in_future' });
    if (device.promisedDate !== null && device.promisedDate < today) errors.push({ path: at('promisedDate'), code: 'date_in_past' });
    if (device.estimateMinor > 0 && device.depositMinor > device.estimateMinor) errors.push({ path: at('depositMinor'), code: 'deposit_over_estimate' });
    const allowedChecks = device.type === null ? null : CONDITION_CHECKS[device.type];
    if (allowedChecks && device.conditionChecks.some((check) => !allowedChecks.includes(check))) {
      errors.push({ path: at('conditionChecks'), code: 'invalid' });
    }
    if (settings.conditionRequired && device.conditionChecks.length === 0 && device.conditionNotes.trim() === '') {
      errors.push({ path: at('conditionChecks'), code: 'condition_required' });
    }
    if (device.warranty?.mayBeCharged && !device.feeConsent) errors.push({ path: at('feeConsent'), code: 'consent_required' });
  });
  return errors;
}
