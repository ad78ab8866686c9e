// Turns the draft into the intake.checkIn payload, checking what only the form
// knows (money typed as text) and the rules main will apply with today's date,
// so the clerk sees every problem at once.
import { checkInInput, type ChannelParsedInput, type Settings, type WarrantyAssessment } from '../../../shared/contract';
import { intakeRuleErrors } from '../../../shared/intake-rules';
import { readMoney } from '../../../shared/money';
import { issuesToFieldErrors, mergeFieldErrors, serverFieldErrors, type FieldErrors } from '../forms/field-errors';
import type { DeviceDraft, IntakeDraft } from './draft';

type MoneyField = 'estimateMinor' | 'depositMinor';

function moneyValue(text: string, path: string, errors: FieldErrors): number {
  const read = readMoney(text);
  if (read.ok) return read.minor;
  errors[path] = read.code;
  return Number.NaN;
}

function passcodeOf(device: DeviceDraft) {
  if (device.passcodeChoice === 'pin') return { kind: 'pin' as const, value: device.pin };
  if (device.passcodeChoice === 'pattern') return { kind: 'pattern' as const, value: device.pattern.join('-') };
  return null;
}

interface RuleFacts {
  settings: Settings;
  warranties: Record<string, WarrantyAssessment | undefined>;
  today: string;
}

/** The intake rules main checks beyond the schema (shared/intake-rules.ts), on what is typed so far. */
function ruleErrors(draft: IntakeDraft, money: Record<MoneyField, number>[], facts: RuleFacts): FieldErrors {
  const devices = draft.devices.map((device, index) => {
    const purchaseDate = device.purchaseDate || null;
    return {
      type: device.type || null,
      purchaseDate,
      promisedDate: device.promisedDate || null,
      estimateMinor: money[index]?.estimateMinor ?? 0,
      depositMinor: money[index]?.depositMinor ?? 0,
      conditionChecks: device.conditionChecks,
      conditionNotes: device.conditionNotes,
      feeConsent: device.feeConsent,
      warranty: purchaseDate !== null && purchaseDate > facts.today ? null : (facts.warranties[device.key] ?? null),
    };
  });
  return serverFieldErrors(intakeRuleErrors(devices, facts.settings, facts.today));
}

/** What the form sends; the clerk is whoever is signed in (the session is added when sending). */
export type IntakePayload = Omit<ChannelParsedInput<'intake.checkIn'>, 'session'>;
export type PayloadCheck = { ok: true; payload: IntakePayload } | { ok: false; errors: FieldErrors };
const intakeSchema = checkInInput.omit({ session: true });

export function checkIntakePayload(draft: IntakeDraft, facts: RuleFacts): PayloadCheck {
  const moneyErrors: FieldErrors = {};
  const money = draft.devices.map((device, index) => ({
    estimateMinor: moneyValue(device.estimateText, `devices.${index}.estimateMinor`, moneyErrors),
    depositMinor: moneyValue(device.depositText, `devices.${index}.depositMinor`, moneyErrors),
  }));
  // Unanswered choices are left out so the schema reports them as required.
  const input = {
    technicianId: draft.technicianId,
    customer: draft.customer,
    devices: draft.devices.map((device, index) => ({
      type: device.type || undefined,
      brand: device.brand,
      model: device.model,
      serial: device.serial,
      colour: device.colour,
      accessories: device.accessories,
      accessoriesOther: device.accessoriesOther,
      conditionChecks: device.conditionChecks,
      conditionNotes: device.conditionNotes,
      fault: device.fault,
      customerRequest: device.customerRequest,
      purchaseDate: device.purchaseDate || null,
      proofOfPurchase: device.proofOfPurchase,
      feeConsent: device.feeConsent,
      dataAnswer: device.dataAnswer ?? undefined,
      ...money[index],
      depositMethod: device.depositMethod,
      promisedDate: device.promisedDate || null,
      passcode: passcodeOf(device),
    })),
  } satisfies Record<keyof IntakePayload, unknown>;
  const parsed = intakeSchema.safeParse(input);
  const errors = mergeFieldErrors(moneyErrors, parsed.success ? {} : issuesToFieldErrors(parsed.error.issues), ruleErrors(draft, money, facts));
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, payload: parsed.data };
}
