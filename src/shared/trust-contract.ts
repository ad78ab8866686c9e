// Channels of the shop's trusted record: first-run setup, an explicit customer
// update (with old and new values in the history), and the manager's check of
// the history's hash chain. Spread into contract.ts.
import { z } from 'zod';
import { LANGUAGES, LIMITS, type Language } from './domain';
import { code, optionalText, requiredText } from './schema-helpers';
import { pinSchema, sessionSchema, type AuthSession } from './staff-contract';

interface ChannelSpec<I extends z.ZodType, O> {
  input: I;
  output: O;
}
function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input, output: undefined as O });
}

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));
/** The shop's phone as printed on every form: digits, spaces, brackets, dashes, a leading plus. */
const shopPhone = requiredText(30).regex(/^\+?[\d\s()-]+$/, code('phone_invalid'));

export const setupInput = z.object({
  shopName: requiredText(LIMITS.nameMax),
  shopAddress: requiredText(LIMITS.addressMax),
  shopPhone,
  language: z.enum(LANGUAGES, code('required')),
  /** The first manager: their name and the PIN they sign in with. */
  managerName: requiredText(LIMITS.nameMax),
  managerPin: pinSchema,
});

export const customerUpdateInput = z.object({
  session: sessionSchema,
  id,
  name: requiredText(LIMITS.nameMax),
  phone: requiredText(30).regex(/^\+?[\d\s()-]+$/, code('phone_invalid')),
  address: optionalText(LIMITS.addressMax),
  notes: optionalText(LIMITS.notesMax),
});

export interface SetupStatus {
  done: boolean;
  shopName: string;
  language: Language;
}

export interface CustomerUpdateResult {
  id: number;
  name: string;
  phone: string;
  address: string;
  notes: string;
  /** False when nothing differed, so nothing was written to the history. */
  changed: boolean;
}

/** Where the history's hash chain first breaks, if it does. */
export interface HistoryCheck {
  ok: boolean;
  /** Links checked (every ticket event, payment and audit entry). */
  checked: number;
  firstBroken: { link: number; source: string; rowId: number; reason: 'row_changed' | 'row_missing' | 'link_changed' } | null;
}

export const trustContract = {
  'setup.status': channel<SetupStatus>()(z.object({})),
  /** First run only: the shop's header and the first manager's PIN; answers with that manager signed in. */
  'setup.complete': channel<AuthSession>()(setupInput),
  'customers.update': channel<CustomerUpdateResult>()(customerUpdateInput),
  'audit.verify': channel<HistoryCheck>()(z.object({ session: sessionSchema })),
};
