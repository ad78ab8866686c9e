// The intake being typed at a counter, kept in storage until it is checked in
// or discarded on purpose, so a reload or a mistaken "New intake" loses
// nothing. One draft per counter (a key the counter's PC makes once). The
// passcode is never part of a draft: it is sealed only once checked in.
import { z } from 'zod';
import { ACCESSORIES, ALL_CONDITION_CHECKS, DATA_ANSWERS, DEVICE_TYPES, LIMITS, PAYMENT_METHODS } from './domain';
import { code } from './schema-helpers';

/**
 * Text as typed: not trimmed (the clerk may be mid-word). A field may hold more than check-in accepts
 * (a pasted paragraph is kept whole and refused with a field error, never cut), so the bound is looser.
 */
const typed = (max: number) =>
  z
    .string(code('invalid'))
    .max(max * 4, code('too_long'))
    .default('');

export const counterKeySchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, code('invalid'));

export const draftCustomerSchema = z.object({
  id: z.number().int().positive().nullable().default(null),
  name: typed(LIMITS.nameMax),
  phone: typed(30),
  address: typed(LIMITS.addressMax),
  notes: typed(LIMITS.notesMax),
});

export const draftDeviceSchema = z.object({
  type: z.enum([...DEVICE_TYPES, '']).default(''),
  brand: typed(LIMITS.shortTextMax),
  model: typed(LIMITS.shortTextMax),
  serial: typed(LIMITS.shortTextMax),
  colour: typed(LIMITS.shortTextMax),
  accessories: z.array(z.enum(ACCESSORIES)).max(ACCESSORIES.length).default([]),
  accessoriesOther: typed(LIMITS.shortTextMax * 2),
  conditionChecks: z
    .array(z.enum(ALL_CONDITION_CHECKS as [string, ...string[]]))
    .max(ALL_CONDITION_CHECKS.length)
    .default([]),
  conditionNotes: typed(LIMITS.notesMax),
  fault: typed(LIMITS.faultMax),
  customerRequest: typed(LIMITS.notesMax),
  purchaseDate: typed(10),
  proofOfPurchase: z.boolean().default(false),
  feeConsent: z.boolean().default(false),
  dataAnswer: z.enum(DATA_ANSWERS).nullable().default(null),
  estimateText: typed(20),
  depositText: typed(20),
  depositMethod: z.enum(PAYMENT_METHODS).default('cash'),
  promisedDate: typed(10),
  passcodeChoice: z.enum(['none', 'pin', 'pattern']).default('none'),
});

export const storedIntakeDraftSchema = z.object({
  customer: draftCustomerSchema,
  devices: z.array(draftDeviceSchema).min(1).max(LIMITS.devicesPerIntake),
  technicianId: z.number().int().positive().nullable().default(null),
});

export type StoredIntakeDraft = z.output<typeof storedIntakeDraftSchema>;

export interface SavedIntakeDraft {
  draft: StoredIntakeDraft;
  savedAt: string;
}

export const intakeDraftGetInput = z.object({ counter: counterKeySchema });
export const intakeDraftSaveInput = z.object({ counter: counterKeySchema, draft: storedIntakeDraftSchema });
export const intakeDraftDiscardInput = z.object({ counter: counterKeySchema });

/** Same shape as contract.ts's channels (that file spreads this map). */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

export const intakeDraftChannels = {
  /** This counter's draft, or null when it has none. */
  'intakeDraft.get': channel<SavedIntakeDraft | null>()(intakeDraftGetInput),
  /** Replaces this counter's draft. */
  'intakeDraft.save': channel<{ savedAt: string }>()(intakeDraftSaveInput),
  /** Drops this counter's draft: checked in, or discarded by the clerk. */
  'intakeDraft.discard': channel<{ discarded: boolean }>()(intakeDraftDiscardInput),
};
