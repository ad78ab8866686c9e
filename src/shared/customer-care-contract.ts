// Channels of customer care: the customer archive (客户档案), follow-up calls
// (回访), complaints (投诉), messages copied for the customer, and the
// satisfaction summary. Spread into contract.ts, the one contract.
//
// Calls that record a person carry `session`; main derives who acted from it.
import { z } from 'zod';
import { LIMITS, type DeviceType, type Language, type TicketStatus } from './domain';
import { calendarDate, code, optionalText, plainText, requiredText } from './schema-helpers';
import { managerApprovalSchema, sessionSchema } from './staff-contract';

export const COMPLAINT_CATEGORIES = ['quality', 'attitude', 'delay', 'price', 'damage', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export const COMPLAINT_STATUSES = ['open', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STEP_KINDS = ['opened', 'step', 'rework', 'resolved', 'closed'] as const;
export type ComplaintStepKind = (typeof COMPLAINT_STEP_KINDS)[number];
export const MESSAGE_TEMPLATES = ['ready', 'quote', 'follow_up', 'unclaimed'] as const;
export type MessageTemplate = (typeof MESSAGE_TEMPLATES)[number];
export const CUSTOMER_FIELDS = ['name', 'phone', 'address', 'notes'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number] | 'merged';
/** Why a follow-up call is on today's list. */
export const FOLLOW_UP_REASONS = ['window', 'same_day', 'retry'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));
const score = z.number(code('required')).int(code('invalid')).min(1, code('invalid')).max(5, code('invalid'));
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
const range = z.object({ fromUtc: z.string().min(10).max(40), toUtc: z.string().min(10).max(40) });

export const archiveSearchInput = z.object({
  query: plainText(100),
  limit: z.number().int().min(1).max(50).default(20),
  /** A whole phone or serial stops at its exact match; true asks for the partial matches too. */
  more: z.boolean().default(false),
});

export const customerUpdateInput = z.object({
  session: sessionSchema,
  customerId: id,
  name: requiredText(LIMITS.nameMax),
  phone,
  address: optionalText(LIMITS.addressMax),
  notes: optionalText(LIMITS.notesMax),
});

export const customerMergeInput = z
  .object({
    session: sessionSchema,
    /** The record that stays. */
    keepId: id,
    /** The duplicate: its tickets and devices move to keepId; it is kept, marked merged. */
    mergeId: id,
    managerApproval: managerApprovalSchema,
  })
  .refine((m) => m.keepId !== m.mergeId, { ...code('invalid'), path: ['mergeId'] });

export const followUpDueInput = z.object({
  /** The day the list is for (YYYY-MM-DD); today when absent. */
  date: calendarDate.nullable().default(null),
});

/** The call's fields without its rules (a form checks them without the session, then adds the rules). */
export const followUpRecordFields = z.object({
  session: sessionSchema,
  ticketId: id,
  reached: z.boolean(code('required')),
  working: z.boolean().nullable().default(null),
  quality: score.nullable().default(null),
  attitude: score.nullable().default(null),
  remarks: optionalText(LIMITS.notesMax),
  /** A "not working" answer opens this in the same step. */
  then: z.enum(['nothing', 'rework', 'complaint']).default('nothing'),
  /** The complaint's category when `then` is complaint. */
  complaintCategory: z.enum(COMPLAINT_CATEGORIES).default('quality'),
});

type FollowUpAnswers = Pick<z.output<typeof followUpRecordFields>, 'reached' | 'working' | 'quality' | 'attitude' | 'remarks' | 'then'>;

/** Reached: the three answers are given; something to open says why in the remarks. */
export function followUpRecordRules(call: FollowUpAnswers, ctx: z.RefinementCtx<FollowUpAnswers>): void {
  if (!call.reached) return;
  for (const key of ['working', 'quality', 'attitude'] as const) {
    if (call[key] === null) ctx.addIssue({ code: 'custom', path: [key], message: 'required' });
  }
  if (call.then !== 'nothing' && call.remarks === '') ctx.addIssue({ code: 'custom', path: ['remarks'], message: 'required' });
}

export const followUpRecordInput = followUpRecordFields.superRefine(followUpRecordRules);

export const complaintOpenInput = z
  .object({
    session: sessionSchema,
    customerId: id.nullable().default(null),
    ticketId: id.nullable().default(null),
    category: z.enum(COMPLAINT_CATEGORIES, code('required')),
    reason: requiredText(LIMITS.notesMax),
    severity: z.enum(COMPLAINT_SEVERITIES, code('required')),
    /** A manager by default (the first active one). */
    ownerId: id.nullable().default(null),
    /** Three days from today when absent. */
    dueDate: calendarDate.nullable().default(null),
  })
  .refine((c) => c.customerId !== null || c.ticketId !== null, { ...code('required'), path: ['customerId'] });

export const complaintStepInput = z.object({ session: sessionSchema, complaintId: id, note: requiredText(LIMITS.notesMax) });

export const complaintResolveInput = z.object({
  session: sessionSchema,
  complaintId: id,
  outcome: requiredText(LIMITS.notesMax),
  customerAccepted: z.boolean(code('required')),
});

export const complaintCloseInput = z.object({
  session: sessionSchema,
  complaintId: id,
  note: optionalText(LIMITS.notesMax),
});

export const manufacturerSendInput = z.object({
  session: sessionSchema,
  ticketId: id,
  rmaNumber: requiredText(LIMITS.shortTextMax),
  /** Where it went: the manufacturer or its service centre. */
  manufacturer: requiredText(LIMITS.shortTextMax * 2),
  expectedBack: calendarDate,
  note: optionalText(LIMITS.notesMax),
});

export const manufacturerBackInput = z.object({ session: sessionSchema, ticketId: id, note: optionalText(LIMITS.notesMax) });

export const repairTestInput = z.object({
  session: sessionSchema,
  ticketId: id,
  /** What was tested: the reported fault and what else was checked. */
  tested: requiredText(LIMITS.notesMax),
  passed: z.boolean(code('required')),
  note: optionalText(LIMITS.notesMax),
});

export const messageLogInput = z.object({
  session: sessionSchema,
  ticketId: id,
  template: z.enum(MESSAGE_TEMPLATES, code('required')),
  language: z.enum(['en', 'zh-CN']),
  text: requiredText(LIMITS.notesMax),
});

// ---- outputs ----------------------------------------------------------------

export interface ArchiveHit {
  id: number;
  name: string;
  phone: string;
  matchedOn: 'name' | 'phone' | 'serial';
  /** The whole phone or serial, its start, or another part of it (or of the name). */
  match: 'exact' | 'prefix' | 'contains';
  /** The device whose serial matched. */
  device: string | null;
  ticketCount: number;
  lastVisitAt: string | null;
}

export interface ArchiveDevice {
  id: number;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  colour: string;
  ticketCount: number;
}

export interface ArchiveTicket {
  id: number;
  number: number;
  displayNumber: string;
  status: TicketStatus;
  deviceId: number;
  device: string;
  fault: string;
  createdAt: string;
  collectedAt: string | null;
  technicianName: string | null;
  /** The diagnosis' solution, as written by the technician. */
  workDone: string;
  /** Deposit and payments, less refunds; voided ones left out. */
  paidMinor: number;
  reworkOfTicketId: number | null;
}

export interface ArchiveChange {
  field: CustomerField;
  oldValue: string;
  newValue: string;
  staffName: string | null;
  approvedByName: string | null;
  at: string;
}

export interface ContactEntry {
  kind: 'notification' | 'follow_up' | 'message';
  ticketId: number;
  displayNumber: string;
  at: string;
  staffName: string | null;
  /** notification: its outcome; follow_up: reached / not_reached; message: the template. */
  detail: string;
  text: string;
  quality: number | null;
  attitude: number | null;
  working: boolean | null;
}

export interface ComplaintSummary {
  id: number;
  customerId: number;
  customerName: string;
  customerPhone: string;
  ticketId: number | null;
  displayNumber: string | null;
  category: ComplaintCategory;
  reason: string;
  severity: ComplaintSeverity;
  status: ComplaintStatus;
  ownerId: number;
  ownerName: string;
  dueDate: string;
  openedAt: string;
  /** Whole days since it was opened. */
  ageDays: number;
  overdue: boolean;
}

export interface ComplaintStepView {
  id: number;
  kind: ComplaintStepKind;
  note: string;
  staffName: string | null;
  at: string;
}

export interface ComplaintView extends ComplaintSummary {
  reworkTicketId: number | null;
  reworkDisplayNumber: string | null;
  outcome: string;
  customerAccepted: boolean | null;
  resolvedAt: string | null;
  closedAt: string | null;
  closedByName: string | null;
  steps: ComplaintStepView[];
}

export interface CustomerArchive {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  createdAt: string;
  /** Set on a duplicate merged into another record. */
  mergedIntoId: number | null;
  currency: string;
  devices: ArchiveDevice[];
  tickets: ArchiveTicket[];
  totals: { visits: number; spentMinor: number };
  loansOut: { ticketId: number; displayNumber: string; loanerName: string; lentAt: string }[];
  complaints: ComplaintSummary[];
  changes: ArchiveChange[];
  contacts: ContactEntry[];
}

export interface MergeResult {
  keptId: number;
  ticketsMoved: number;
  devicesMoved: number;
}

export interface FollowUpDue {
  ticketId: number;
  displayNumber: string;
  customerId: number;
  customerName: string;
  customerPhone: string;
  device: string;
  collectedAt: string;
  /** First and last day of the call window (the same day for same-day calls). */
  dueFrom: string;
  dueTo: string;
  reason: FollowUpReason;
  overdue: boolean;
  attempts: number;
  repaired: boolean;
  isRework: boolean;
}

export interface FollowUpResult {
  callId: number;
  /** closed: reached; unreachable: the last try failed; retry: due again tomorrow. */
  state: 'closed' | 'unreachable' | 'retry';
  reworkTicketId: number | null;
  reworkDisplayNumber: string | null;
  complaintId: number | null;
}

export interface ManufacturerTripView {
  id: number;
  ticketId: number;
  number: number;
  displayNumber: string;
  customerName: string;
  customerPhone: string;
  device: string;
  rmaNumber: string;
  manufacturer: string;
  expectedBack: string;
  note: string;
  sentAt: string;
  sentByName: string | null;
  backAt: string | null;
  /** Still away after the day it was expected back. */
  overdue: boolean;
}

export interface RepairTestView {
  id: number;
  tested: string;
  passed: boolean;
  note: string;
  staffName: string | null;
  at: string;
}

export interface SatisfactionSummary {
  calls: number;
  reached: number;
  averageQuality: number | null;
  averageAttitude: number | null;
  complaintsOpened: number;
  complaintsClosed: number;
  complaintsOpen: number;
}

interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  /** Type carrier only; never read at run time. */
  output: O;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

export const customerCareChannels = {
  'archive.search': channel<ArchiveHit[]>()(archiveSearchInput),
  'archive.get': channel<CustomerArchive>()(z.object({ customerId: id })),
  'archive.update': channel<CustomerArchive>()(customerUpdateInput),
  'archive.merge': channel<MergeResult>()(customerMergeInput),
  'followUps.due': channel<FollowUpDue[]>()(followUpDueInput),
  'followUps.record': channel<FollowUpResult>()(followUpRecordInput),
  'complaints.open': channel<ComplaintView>()(complaintOpenInput),
  'complaints.list': channel<ComplaintSummary[]>()(z.object({ includeClosed: z.boolean().default(false) })),
  'complaints.get': channel<ComplaintView>()(z.object({ complaintId: id })),
  'complaints.addStep': channel<ComplaintView>()(complaintStepInput),
  'complaints.resolve': channel<ComplaintView>()(complaintResolveInput),
  'complaints.close': channel<ComplaintView>()(complaintCloseInput),
  'messages.log': channel<ContactEntry[]>()(messageLogInput),
  'tickets.contacts': channel<ContactEntry[]>()(z.object({ ticketId: id })),
  'satisfaction.summary': channel<SatisfactionSummary>()(range),
  'manufacturer.send': channel<ManufacturerTripView[]>()(manufacturerSendInput),
  'manufacturer.back': channel<ManufacturerTripView[]>()(manufacturerBackInput),
  'manufacturer.ofTicket': channel<ManufacturerTripView[]>()(z.object({ ticketId: id })),
  'manufacturer.away': channel<ManufacturerTripView[]>()(z.object({})),
  'repairTests.record': channel<RepairTestView[]>()(repairTestInput),
  'repairTests.ofTicket': channel<RepairTestView[]>()(z.object({ ticketId: id })),
} as const;

export type { Language };
