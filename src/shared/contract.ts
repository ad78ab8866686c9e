// The one contract between the renderer and main: every channel, its input
// schema (validated in main, reused by forms for inline errors) and its output.
import { z } from 'zod';
import {
  ACCESSORIES,
  ALL_CONDITION_CHECKS,
  DATA_ANSWERS,
  DEVICE_TYPES,
  LANGUAGES,
  LIMITS,
  PASSCODE_KINDS,
  STAFF_ROLES,
  type DataAnswer,
  type DeviceType,
  type Language,
  type PasscodeKind,
  type StaffRole,
  type TicketStatus,
  type WarrantyBasis,
  type WarrantyStatus,
} from './domain';
import type { FieldErrorCode } from './errors';

// Issue messages are field error codes, so main and the form translate them alike.
const code = (c: FieldErrorCode) => ({ error: c });

const requiredText = (max: number) => z.string(code('required')).trim().min(1, code('required')).max(max, code('too_long'));
const plainText = (max: number) => z.string(code('invalid')).trim().max(max, code('too_long'));
const optionalText = (max: number) => plainText(max).default('');

const phone = z
  .string(code('required'))
  .trim()
  .min(1, code('required'))
  .max(30, code('phone_invalid'))
  .regex(/^\+?[\d\s()-]+$/, code('phone_invalid'))
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= LIMITS.phoneDigitsMin && digits <= LIMITS.phoneDigitsMax;
  }, code('phone_invalid'));

const calendarDate = z
  .string(code('date_invalid'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, code('date_invalid'))
  .refine((value) => {
    const [y, m, d] = value.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1990;
  }, code('date_invalid'));

const money = z
  .number(code('money_invalid'))
  .int(code('money_too_precise'))
  .min(0, code('money_negative'))
  .max(LIMITS.moneyMaxMinor, code('money_too_large'));

const id = z.number().int().positive();

export const customerInput = z.object({
  /** Set when the clerk picked a returning customer from the archive. */
  id: id.nullable().default(null),
  name: requiredText(LIMITS.nameMax),
  phone,
  address: optionalText(LIMITS.addressMax),
  notes: optionalText(LIMITS.notesMax),
});

export const passcodeInput = z
  .object({
    kind: z.enum(PASSCODE_KINDS),
    value: z.string().trim().min(1, code('required')).max(LIMITS.passcodeMax, code('too_long')),
  })
  .refine((p) => p.kind !== 'pattern' || /^[1-9](-[1-9]){3,8}$/.test(p.value), { ...code('pattern_too_short'), path: ['value'] });

export const intakeDeviceInput = z.object({
  type: z.enum(DEVICE_TYPES, code('required')),
  brand: requiredText(LIMITS.shortTextMax),
  model: requiredText(LIMITS.shortTextMax),
  serial: optionalText(LIMITS.shortTextMax),
  colour: optionalText(LIMITS.shortTextMax),
  accessories: z.array(z.enum(ACCESSORIES)).max(ACCESSORIES.length).default([]),
  accessoriesOther: optionalText(LIMITS.shortTextMax * 2),
  conditionChecks: z.array(z.enum(ALL_CONDITION_CHECKS as [string, ...string[]])).max(ALL_CONDITION_CHECKS.length).default([]),
  conditionNotes: optionalText(LIMITS.notesMax),
  fault: requiredText(LIMITS.faultMax),
  customerRequest: optionalText(LIMITS.notesMax),
  purchaseDate: calendarDate.nullable().default(null),
  proofOfPurchase: z.boolean().default(false),
  /** The customer heard the fee standard and agreed; required when the repair may be charged. */
  feeConsent: z.boolean().default(false),
  dataAnswer: z.enum(DATA_ANSWERS, code('required')),
  estimateMinor: money,
  depositMinor: money,
  promisedDate: calendarDate.nullable().default(null),
  passcode: passcodeInput.nullable().default(null),
});

export const checkInInput = z.object({
  clerkId: id.nullable().default(null),
  technicianId: id.nullable().default(null),
  customer: customerInput,
  devices: z.array(intakeDeviceInput).min(1, code('required')).max(LIMITS.devicesPerIntake, code('too_many')),
});

/** How one kind of document is printed: where, on what, how many. */
export const documentPrintSettings = z.object({
  enabled: z.boolean(),
  /** A printer name as the system lists it; null prints to the system's default printer. */
  printer: z.string().trim().max(200, code('too_long')).nullable(),
  preset: z.string().regex(/^[a-z0-9-]{1,40}$/, code('invalid')),
  copies: z.number().int(code('invalid')).min(1, code('invalid')).max(10, code('invalid')),
});

/** Small per-printer corrections for label printers that rescale or have odd margins. */
export const printerCalibration = z.object({
  offsetXmm: z.number(code('invalid')).min(-10, code('invalid')).max(10, code('invalid')),
  offsetYmm: z.number(code('invalid')).min(-10, code('invalid')).max(10, code('invalid')),
  scale: z.number(code('invalid')).min(0.8, code('invalid')).max(1.2, code('invalid')),
});

export const settingsInput = z.object({
  shopName: plainText(LIMITS.nameMax),
  shopAddress: plainText(LIMITS.addressMax),
  shopPhone: plainText(30),
  ticketPrefix: z.string().trim().regex(/^[A-Za-z]{0,6}$/, code('invalid')),
  warrantyMonths: z.number().int(code('invalid')).min(0, code('invalid')).max(120, code('invalid')),
  currency: z.string().regex(/^[A-Z]{3}$/, code('invalid')),
  language: z.enum(LANGUAGES),
  conditionRequired: z.boolean(),
  /** The shop's terms on the intake form, one clause a line; empty prints the default terms. */
  intakeTerms: plainText(LIMITS.notesMax),
  /** The pick-up terms on the claim ticket; empty prints the default terms. */
  claimTerms: plainText(LIMITS.notesMax),
  printing: z.object({
    'intake-form': documentPrintSettings,
    'claim-ticket': documentPrintSettings,
    'device-label': documentPrintSettings,
  }),
  /** Keyed by printer name. */
  calibrations: z.record(z.string().max(200), printerCalibration),
});

export const staffInput = z.object({
  id: id.nullable().default(null),
  name: requiredText(LIMITS.nameMax),
  role: z.enum(STAFF_ROLES, code('required')),
  active: z.boolean().default(true),
});

// ---- outputs ----------------------------------------------------------------

export type Settings = z.infer<typeof settingsInput>;

export interface Staff {
  id: number;
  name: string;
  role: StaffRole;
  active: boolean;
}

export interface CustomerSummary {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  ownerTechnicianId: number | null;
  ticketCount: number;
  lastVisitAt: string | null;
}

export interface TicketSummary {
  id: number;
  number: number;
  displayNumber: string;
  status: TicketStatus;
  deviceType: DeviceType;
  brand: string;
  model: string;
  fault: string;
  createdAt: string;
  technicianName: string | null;
}

export interface CustomerDetail extends CustomerSummary {
  tickets: TicketSummary[];
}

export interface WarrantyAssessment {
  status: WarrantyStatus;
  basis: WarrantyBasis;
  /** Last day covered, YYYY-MM-DD, when a purchase date is known. */
  coveredUntil: string | null;
  /** The fee standard must be read out and consent recorded. */
  mayBeCharged: boolean;
  /** Bought within the shop's return-or-exchange window (7 days). */
  withinReturnWindow: boolean;
}

export interface TicketDetail extends TicketSummary {
  customer: { id: number; name: string; phone: string; address: string };
  serial: string;
  colour: string;
  accessories: string[];
  accessoriesOther: string;
  conditionChecks: string[];
  conditionNotes: string;
  customerRequest: string;
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  warrantyStatus: WarrantyStatus;
  warrantyBasis: WarrantyBasis;
  feeConsent: boolean;
  dataAnswer: DataAnswer;
  estimateMinor: number;
  depositMinor: number;
  currency: string;
  promisedDate: string | null;
  clerkName: string | null;
  hasPasscode: boolean;
  passcodeKind: PasscodeKind | null;
  updatedAt: string;
  events: TicketEventView[];
}

export interface TicketEventView {
  id: number;
  kind: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  amountMinor: number | null;
  note: string;
  staffName: string | null;
  at: string;
}

export interface CheckInResult {
  customerId: number;
  tickets: { id: number; number: number; displayNumber: string; barcode: string }[];
}

// ---- the channels -----------------------------------------------------------

interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Type carrier only; never read at run time. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

export const contract = {
  'settings.get': channel<Settings>()(z.object({})),
  /** Changes only the settings given; the rest stay as stored. */
  'settings.update': channel<Settings>()(settingsInput.partial()),
  'staff.list': channel<Staff[]>()(z.object({ includeInactive: z.boolean().default(false) })),
  'staff.save': channel<Staff>()(staffInput),
  'customers.search': channel<CustomerSummary[]>()(
    z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(8) }),
  ),
  'customers.get': channel<CustomerDetail>()(z.object({ id })),
  'warranty.assess': channel<WarrantyAssessment>()(
    z.object({ purchaseDate: calendarDate.nullable(), proofOfPurchase: z.boolean() }),
  ),
  'intake.checkIn': channel<CheckInResult>()(checkInInput),
  'tickets.get': channel<TicketDetail>()(z.object({ number: z.string().min(1).max(40) })),
  'tickets.revealPasscode': channel<{ kind: PasscodeKind; value: string }>()(
    z.object({ ticketId: id, staffId: id.nullable().default(null) }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The bridge the preload script exposes as window.repairDesk. */
export interface DeskBridge {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<import('./errors').ContractResult<ChannelOutput<C>>>;
}

export type { Language };
