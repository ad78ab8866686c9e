// The shop's figures (日结 / 日报 / 月报): the day close and the reports, their
// settings pieces, input schemas and output types. `figuresChannels` is spread
// into contract.ts, the one contract.
//
// Money is integer minor units (fen); instants are UTC ISO text; days are the
// shop's local calendar dates (YYYY-MM-DD), a report's `to` included.
import { z } from 'zod';
import type { PaymentMethod, StaffRole, TicketStatus } from './domain';
import { calendarDate, code, money, optionalText } from './schema-helpers';
import { LIMITS } from './domain';
import { managerApprovalSchema, sessionSchema } from './staff-contract';
import type { SeverityLevel } from './workflow';

import type { RepairClass } from './repair-class';
import type { SatisfactionSummary } from './customer-care-contract';

export { REPAIR_CLASSES, type RepairClass } from './repair-class';

/** Notes and coins a drawer is counted in, in fen (CNY): 100, 50, 20, 10, 5, 1 yuan, 5 and 1 jiao. */
export const DENOMINATIONS_MINOR = [10000, 5000, 2000, 1000, 500, 100, 50, 10] as const;

/** A report spans at most this many days (a few years: the charts stay readable, the window never waits long). */
export const REPORT_MAX_DAYS = 3 * 366;

export const REPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

// ---- settings pieces (mounted in contract.ts settingsInput) -------------------

/** The shop's calendar: working days for turnaround follow it. */
export const shopCalendarSchema = z.object({
  closedWeekdays: z.array(z.number().int(code('invalid')).min(0, code('invalid')).max(6, code('invalid'))).max(6, code('too_many')),
  holidays: z.array(calendarDate).max(400, code('too_many')),
});

const figuresDocumentPrint = <P extends readonly [string, ...string[]]>(presets: P) =>
  z.object({
    enabled: z.boolean(),
    printer: z.string().trim().max(200, code('too_long')).nullable(),
    preset: z.enum(presets, code('invalid')),
    copies: z.number().int(code('invalid')).min(1, code('invalid')).max(10, code('invalid')),
  });

/** Where the day close (roll or A4) and the reports (A4) print. */
export const figuresPrintingSchema = z.object({
  'day-close': figuresDocumentPrint(['roll-80', 'a4'] as const),
  report: figuresDocumentPrint(['a4'] as const),
});
export type FiguresPrinting = z.infer<typeof figuresPrintingSchema>;

/** What the drawer holds when the day starts (the float left in it for change). */
export const cashFloatSchema = money;

// ---- inputs -------------------------------------------------------------------

const denominationCounts = z
  .array(
    z.object({
      faceMinor: z
        .number(code('invalid'))
        .int(code('invalid'))
        .refine((v) => (DENOMINATIONS_MINOR as readonly number[]).includes(v), code('invalid')),
      count: z.number(code('invalid')).int(code('invalid')).min(0, code('invalid')).max(100_000, code('invalid')),
    }),
  )
  .max(DENOMINATIONS_MINOR.length, code('too_many'));

export const dayClosePreviewInput = z.object({
  session: sessionSchema,
  /** The float the drawer started with; the settings' float when absent. */
  openingFloatMinor: money.nullable().default(null),
});

/** What the manager fills in at the day close; the call adds who is closing. */
const dayCloseCount = z.object({
  openingFloatMinor: money,
  /** The cash counted as one sum; with denominations it must equal their total. */
  countedCashMinor: money,
  /** The count by note and coin, when the manager counted that way. */
  denominations: denominationCounts.nullable().default(null),
  note: optionalText(LIMITS.notesMax),
});

const countAddsUp = (input: { countedCashMinor: number; denominations: { faceMinor: number; count: number }[] | null }) =>
  input.denominations === null || input.denominations.reduce((sum, d) => sum + d.faceMinor * d.count, 0) === input.countedCashMinor;
const countDiffers = { path: ['countedCashMinor'], ...code('invalid') };

/** The day close's own fields, which its form checks before the call (zod cannot omit from a refined object). */
export const dayCloseDraft = dayCloseCount.refine(countAddsUp, countDiffers);

export const dayCloseInput = z
  .object({
    session: sessionSchema,
    /** A manager's PIN when the one signed in is not a manager. */
    managerApproval: managerApprovalSchema,
    ...dayCloseCount.shape,
  })
  .refine(countAddsUp, countDiffers);

export const dayCloseListInput = z.object({ session: sessionSchema, limit: z.number().int().min(1).max(400).default(60) });
export const dayCloseNumberInput = z.object({ session: sessionSchema, number: z.number(code('required')).int(code('invalid')).positive(code('invalid')) });

export const reportRangeInput = z
  .object({ session: sessionSchema, from: calendarDate, to: calendarDate })
  .refine((r) => r.from <= r.to, { path: ['to'], ...code('invalid') })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < REPORT_MAX_DAYS, { path: ['from'], ...code('too_many') });

export const reportExportInput = z
  .object({ session: sessionSchema, from: calendarDate, to: calendarDate, format: z.enum(REPORT_FORMATS, code('required')) })
  .refine((r) => r.from <= r.to, { path: ['to'], ...code('invalid') })
  .refine((r) => (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 < REPORT_MAX_DAYS, { path: ['from'], ...code('too_many') });

// ---- outputs ------------------------------------------------------------------

export interface MethodFigure {
  method: PaymentMethod;
  /** Payments taken (intake deposits included); refunds are counted apart. */
  count: number;
  refundCount: number;
  /** Payments − refunds ± voids booked in the period. */
  amountMinor: number;
}

export interface CountAndAmount {
  count: number;
  amountMinor: number;
}

export interface DayCloseFigures {
  businessDate: string;
  periodFrom: string;
  periodTo: string;
  currency: string;
  byMethod: MethodFigure[];
  /** Deposits of tickets checked in before their method was asked: in the takings, under no method. */
  depositsWithoutMethodMinor: number;
  takingsMinor: number;
  deposits: CountAndAmount;
  refunds: CountAndAmount;
  /** Voids made in the period (a void of an earlier day's payment is booked here). */
  voids: CountAndAmount;
  /** Discounts on the tickets collected in the period. */
  discounts: CountAndAmount;
  tickets: { in: number; collected: number; cancelled: number };
  cash: { openingFloatMinor: number; inMinor: number; outMinor: number; expectedMinor: number };
  /** The close already made today, if any: the next one is tomorrow's. */
  closedToday: { number: number; closedAt: string } | null;
}

export interface DayCloseRecord {
  number: number;
  figures: DayCloseFigures;
  countedCashMinor: number;
  denominations: { faceMinor: number; count: number }[] | null;
  /** counted − expected: positive is cash over, negative is short. */
  differenceMinor: number;
  note: string;
  closedBy: { id: number; name: string; role: StaffRole };
  recordedBy: { id: number; name: string; role: StaffRole };
  closedAt: string;
}

export interface DayCloseSummary {
  number: number;
  businessDate: string;
  takingsMinor: number;
  expectedCashMinor: number;
  countedCashMinor: number;
  differenceMinor: number;
  closedByName: string;
  closedAt: string;
  currency: string;
}

export interface FiguresPrintResult {
  ok: boolean;
  archivedPath: string | null;
  error: { code: string; message: string; detail: string } | null;
}

export interface TechnicianFigures {
  staffId: number | null;
  name: string | null;
  finished: number;
  labourMinor: number;
  partsMinor: number;
  averageWorkingDays: number | null;
  reworks: number;
  /** The average quality score (1-5) customers gave on the follow-up calls of this technician's repairs made in the range; null: none scored. */
  averageSatisfaction: number | null;
}

/** The technicians' table as the screen, the export and the printout all show it: its column keys under figures.reports. */
export const TECHNICIAN_COLUMNS = ['technician', 'finished', 'labour', 'parts', 'averageDays', 'reworks', 'technicianQuality'] as const;

/** One row per technician, in TECHNICIAN_COLUMNS' order; money as each place writes it. */
export function technicianRows<Money>(
  technicians: readonly TechnicianFigures[],
  unassigned: string,
  money: (minor: number) => Money,
): [string, number, Money, Money, number | null, number, number | null][] {
  return technicians.map((x) => [
    x.name ?? unassigned,
    x.finished,
    money(x.labourMinor),
    money(x.partsMinor),
    x.averageWorkingDays,
    x.reworks,
    x.averageSatisfaction,
  ]);
}

export interface PartFigures {
  partId: number;
  name: string;
  qty: number;
  costMinor: number;
  /** What customers were charged for it (nothing under warranty). */
  chargedMinor: number;
  marginMinor: number;
}

/** Parts bought in for one repair each (no stock), counted with the repairs finished in the range. */
export interface BoughtInFigures {
  qty: number;
  costMinor: number;
  chargedMinor: number;
  marginMinor: number;
}

/** The bought-in parts as a row of the parts table: none when nothing was bought in. */
export function boughtInRows(boughtIn: BoughtInFigures): BoughtInFigures[] {
  return boughtIn.qty > 0 ? [boughtIn] : [];
}

export interface FirstResponseFigures {
  /** Null: tickets not diagnosed yet (no severity). */
  severity: SeverityLevel | null;
  targetMinutes: number | null;
  responded: number;
  withinTarget: number;
  averageMinutes: number | null;
  /** Checked in within the range and not yet looked at. */
  waiting: number;
}

export interface ReportDay {
  date: string;
  takingsMinor: number;
  ticketsIn: number;
  ticketsFinished: number;
}

export interface Report {
  from: string;
  to: string;
  currency: string;
  tickets: { in: number; finished: number; collected: number; cancelled: number };
  revenue: {
    labourMinor: number;
    partsMinor: number;
    diagnosisMinor: number;
    discountsMinor: number;
    /** labour + parts + diagnosis − discounts: charged for the tickets collected in the range. */
    chargedMinor: number;
    refundsMinor: number;
    /** Money taken in the range by method (deposits included, refunds and later voids out). */
    byMethod: MethodFigure[];
    depositsWithoutMethodMinor: number;
    takingsMinor: number;
  };
  technicians: TechnicianFigures[];
  /** Managers only: null for anyone else. The totals include the parts bought in. */
  parts: { lines: PartFigures[]; boughtIn: BoughtInFigures; costMinor: number; chargedMinor: number; marginMinor: number } | null;
  turnaround: {
    finished: number;
    averageWorkingDays: number | null;
    within7Days: number;
    within24Hours: number;
    /** Tickets finished after 0, 1, ... 7 working days, and more than 7 (last). */
    distribution: { days: string; count: number }[];
  };
  firstResponse: FirstResponseFigures[];
  repairClasses: { repairClass: RepairClass | null; count: number }[];
  open: {
    total: number;
    byStatus: { status: TicketStatus; count: number }[];
    /** Days in the shop: 0-2, 3-7, 8-14, 15-30, over 30. */
    ageing: { bucket: string; count: number }[];
  };
  /** Follow-up calls and complaints of the range, against the shop's satisfaction target. */
  satisfaction: SatisfactionSummary & { targetScore: number };
  days: ReportDay[];
}

/** The satisfaction a shop aims for on its follow-up calls (scores of 1 to 5). */
export const SATISFACTION_TARGET = 4.8;

export interface ReportFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

// ---- the channels ---------------------------------------------------------------

interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

export const figuresChannels = {
  /** The open period's figures, for counting the drawer (managers). */
  'dayClose.preview': channel<DayCloseFigures>()(dayClosePreviewInput),
  /** Stores the numbered, unchangeable day close (a manager's session or PIN). */
  'dayClose.close': channel<DayCloseRecord>()(dayCloseInput),
  'dayClose.list': channel<DayCloseSummary[]>()(dayCloseListInput),
  'dayClose.get': channel<DayCloseRecord>()(dayCloseNumberInput),
  /** Prints (or reprints) a stored day close on the day close's printer. */
  'dayClose.print': channel<FiguresPrintResult>()(dayCloseNumberInput),
  'reports.get': channel<Report>()(reportRangeInput),
  /** The report as a file: CSV (UTF-8 with BOM), XLSX or an A4 PDF. */
  'reports.export': channel<ReportFile>()(reportExportInput),
  'reports.print': channel<FiguresPrintResult>()(reportRangeInput),
} as const;
