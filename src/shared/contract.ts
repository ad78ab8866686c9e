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
  PAYMENT_METHODS,
  STAFF_ROLES,
  type DataAnswer,
  type DeviceType,
  type Language,
  type PasscodeKind,
  type PaymentMethod,
  type StaffRole,
  type TicketStatus,
  type WarrantyBasis,
  type WarrantyStatus,
} from './domain';
import type { ContractResult } from './errors';
import type { TicketEventKind } from './ticket-events';
import { joinFeatures } from './join-features';
import { calendarDate, code, money, optionalText, plainText, requiredText } from './schema-helpers';
import * as col from './collection-contract';
import { customerCareChannels } from './customer-care-contract';
import { cashFloatSchema, figuresChannels, figuresPrintingSchema, shopCalendarSchema } from './figures-contract';
import { intakeDraftChannels } from './intake-draft-contract';
import { repairChannels } from './repair-contract';
import { sessionChannels, sessionSchema } from './staff-contract';
import { stockChannels } from './stock-contract';
import { ticketChannels } from './tickets-contract';
import { dataSafetyChannels } from './data-safety-contract';
import { sharedDatabaseChannels } from './shared-database-contract';
import { trustContract } from './trust-contract';
import type { CashDrawer, CollectionMatch, CollectionResult, CollectionView, UnclaimedTicket } from './collection-contract';

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
  conditionChecks: z
    .array(z.enum(ALL_CONDITION_CHECKS as [string, ...string[]]))
    .max(ALL_CONDITION_CHECKS.length)
    .default([]),
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
  /** How the deposit was paid; kept only with a deposit. */
  depositMethod: z.enum(PAYMENT_METHODS, code('required')).default('cash'),
  promisedDate: calendarDate.nullable().default(null),
  passcode: passcodeInput.nullable().default(null),
});

export const checkInInput = z.object({
  /** The clerk checking in, signed in with their PIN: main takes the clerk from it. */
  session: sessionSchema,
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

/** Per document: how it prints. */
export const printingSettings = z.object({
  'intake-form': documentPrintSettings,
  'claim-ticket': documentPrintSettings,
  'device-label': documentPrintSettings,
  receipt: documentPrintSettings,
});

export const settingsInput = z.object({
  shopName: plainText(LIMITS.nameMax),
  shopAddress: plainText(LIMITS.addressMax),
  shopPhone: plainText(30),
  ticketPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{0,6}$/, code('invalid')),
  warrantyMonths: z.number().int(code('invalid')).min(0, code('invalid')).max(120, code('invalid')),
  currency: z.string().regex(/^[A-Z]{3}$/, code('invalid')),
  language: z.enum(LANGUAGES),
  conditionRequired: z.boolean(),
  /** The shop's terms on the intake form, one clause a line; empty prints the default terms. */
  intakeTerms: plainText(LIMITS.notesMax),
  /** The pick-up terms on the claim ticket; empty prints the default terms. */
  claimTerms: plainText(LIMITS.notesMax),
  printing: printingSettings,
  /** Keyed by printer name. */
  calibrations: z.record(z.string().max(200), printerCalibration),
  /** Days after collection a repair that comes back is reworked free (免费维修时限). */
  repairWarrantyDays: z.number().int(code('invalid')).min(0, code('invalid')).max(3650, code('invalid')),
  /** A discount above this share (percent) of the amount charged needs a manager. */
  discountApprovalPercent: z.number().int(code('invalid')).min(0, code('invalid')).max(100, code('invalid')),
  /** A device ready this many days and not collected is listed as unclaimed. */
  unclaimedAfterDays: z.number().int(code('invalid')).min(1, code('invalid')).max(3650, code('invalid')),
  /** Follow-up calls (回访) are due from this day after collection... */
  followUpFromDay: z.number().int(code('invalid')).min(0, code('invalid')).max(60, code('invalid')),
  /** ...to this one; later they are overdue. */
  followUpToDay: z.number().int(code('invalid')).min(0, code('invalid')).max(60, code('invalid')),
  /** Calls that do not reach the customer before the follow-up closes as unreachable. */
  followUpMaxAttempts: z.number().int(code('invalid')).min(1, code('invalid')).max(10, code('invalid')),
  /** The shop's figures: the drawer's float, the working-day calendar, where day closes and reports print. */
  cashFloatMinor: cashFloatSchema,
  shopCalendar: shopCalendarSchema,
  figuresPrinting: figuresPrintingSchema,
  /** A counter left alone this long locks: the next action asks for a PIN first. */
  idleLockMinutes: z.number().int(code('invalid')).min(1, code('invalid')).max(240, code('invalid')),
});

export const staffInput = z.object({
  id: id.nullable().default(null),
  name: requiredText(LIMITS.nameMax),
  role: z.enum(STAFF_ROLES, code('required')),
  active: z.boolean().default(true),
  /** A signed-in manager's session (auth.signIn). */
  session: sessionSchema,
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
  /** How the deposit was paid; null without a deposit or on tickets from before this was asked. */
  depositMethod: PaymentMethod | null;
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
  kind: TicketEventKind;
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

export const PRINTABLE_DOCUMENTS = ['intake-form', 'claim-ticket', 'device-label', 'receipt'] as const;
/** What check-in prints; the receipt is printed at collection. */
export const INTAKE_DOCUMENTS = ['intake-form', 'claim-ticket', 'device-label'] as const satisfies readonly (typeof PRINTABLE_DOCUMENTS)[number][];
export type PrintableDocument = (typeof PRINTABLE_DOCUMENTS)[number];

export interface PaperPresetView {
  id: string;
  document: PrintableDocument;
  name: string;
  widthMm: number;
  /** null for a roll: the page is as long as its content. */
  heightMm: number | null;
}

export interface PrinterView {
  name: string;
  isDefault: boolean;
  status: 'idle' | 'printing' | 'disabled' | 'unknown';
}

export interface PrinterListView {
  printers: PrinterView[];
  /** Set when the system's print service could not be asked. */
  error: { code: string; message: string } | null;
}

export interface PrintResult {
  document: PrintableDocument;
  /** The extra label's caption, e.g. "Charger"; null for the document itself. */
  caption: string | null;
  ok: boolean;
  /** Where the PDF was kept for reprinting, when it could be archived. */
  archivedPath: string | null;
  error: { code: string; message: string; detail: string } | null;
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

/** Shop settings and staff. */
export const settingsChannels = {
  'settings.get': channel<Settings>()(z.object({})),
  /** Changes only the settings given (and only the documents given under printing); the rest stay as stored. */
  'settings.update': channel<Settings>()(settingsInput.extend({ printing: printingSettings.partial() }).partial().extend({ session: sessionSchema })),
  'staff.list': channel<Staff[]>()(z.object({ includeInactive: z.boolean().default(false) })),
  'staff.save': channel<Staff>()(staffInput),
} as const;

/** Intake at the counter: customers, warranty, check-in, the ticket as checked in. */
export const intakeChannels = {
  'customers.search': channel<CustomerSummary[]>()(z.object({ query: plainText(100), limit: z.number().int().min(1).max(50).default(8) })),
  'customers.get': channel<CustomerDetail>()(z.object({ id })),
  'warranty.assess': channel<WarrantyAssessment>()(z.object({ purchaseDate: calendarDate.nullable(), proofOfPurchase: z.boolean() })),
  'intake.checkIn': channel<CheckInResult>()(checkInInput),
  'tickets.get': channel<TicketDetail>()(z.object({ number: z.string().min(1).max(40) })),
  'tickets.revealPasscode': channel<{ kind: PasscodeKind; value: string }>()(
    // Only a signed-in staff member may see a customer's passcode; each viewing names them.
    z.object({ ticketId: id, session: sessionSchema }),
  ),
} as const;

/** Documents and printers. */
export const printingChannels = {
  'printing.presets': channel<PaperPresetView[]>()(z.object({})),
  'printing.printers': channel<PrinterListView>()(z.object({})),
  /** Prints (or reprints) documents of one ticket; a failed print is a result, not an error. */
  'printing.printTicket': channel<PrintResult[]>()(
    z
      .object({
        number: z.string().min(1).max(40),
        documents: z.array(z.enum(PRINTABLE_DOCUMENTS)).max(PRINTABLE_DOCUMENTS.length).default([]),
        /** Extra device labels, one per caption; printed with or without the main label. */
        labelCaptions: z.array(requiredText(40)).max(10, code('too_many')).default([]),
        onlyEnabled: z.boolean().default(false),
        /** Who prints, signed in; reprints are written to the ticket's history under their name (a second claim ticket matters). */
        session: sessionSchema,
      })
      .refine((input) => input.documents.length + input.labelCaptions.length > 0, { path: ['documents'], ...code('required') }),
  ),
  /** Opens the document as a PDF for the clerk to look at; nothing is printed. */
  'printing.preview': channel<{ path: string }>()(z.object({ number: z.string().min(1).max(40), document: z.enum(PRINTABLE_DOCUMENTS) })),
  /** Prints a sample ticket's document on a printer and preset, with a calibration to try. */
  'printing.testPrint': channel<PrintResult>()(
    z.object({
      document: z.enum(PRINTABLE_DOCUMENTS),
      preset: z.string().regex(/^[a-z0-9-]{1,40}$/, code('invalid')),
      printer: z.string().trim().max(200).nullable(),
      calibration: printerCalibration.nullable().default(null),
      session: sessionSchema,
    }),
  ),
} as const;

/** Collection: payment, hand-over, unclaimed devices, the cash drawer (schemas and output types in collection-contract.ts). */
export const collectionChannels = {
  'collection.find': channel<CollectionMatch[]>()(col.collectionFindInput),
  'collection.get': channel<CollectionView>()(col.collectionGetInput),
  'collection.pay': channel<CollectionView>()(col.collectionPayInput),
  'collection.refund': channel<CollectionView>()(col.collectionRefundInput),
  'collection.voidPayment': channel<CollectionView>()(col.collectionVoidInput),
  'collection.complete': channel<CollectionResult>()(col.collectionCompleteInput),
  'collection.unclaimed': channel<UnclaimedTicket[]>()(col.collectionUnclaimedInput),
  'collection.drawer': channel<CashDrawer>()(col.collectionDrawerInput),
} as const;

/** Every channel, feature by feature; a name defined twice stops the desk at load. */
export const contract = joinFeatures(
  settingsChannels,
  intakeChannels,
  printingChannels,
  sessionChannels,
  ticketChannels,
  repairChannels,
  stockChannels,
  collectionChannels,
  customerCareChannels,
  figuresChannels,
  intakeDraftChannels,
  dataSafetyChannels,
  sharedDatabaseChannels,
  trustContract,
);

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
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ContractResult<ChannelOutput<C>>>;
  /** The system's folder dialog (the Electron shell only; the harness has none and types a path): the chosen folder, or null. */
  pickFolder?(title: string): Promise<string | null>;
}

/** The shell's one channel outside the contract: it opens the folder dialog and changes nothing. */
export const PICK_FOLDER_CHANNEL = 'shell.pickFolder';

export type { Language };
