// Signing in and out with a PIN: the roster at the sign-in screen, sessions,
// PINs, and the manager's PIN typed at the counter for an approval. Input
// schemas, output types and the channels themselves; joined into the one
// contract in contract.ts.
//
// Privileged calls carry `session`: the token auth.signIn returned. Main knows
// who is acting from it, so the renderer never names the actor itself.
import { z } from 'zod';
import type { StaffRole } from './domain';
import { code } from './schema-helpers';
import { PIN_LIMITS } from './workflow';

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));

export const pinSchema = z.string(code('required')).regex(new RegExp(`^\\d{${PIN_LIMITS.minDigits},${PIN_LIMITS.maxDigits}}$`), code('pin_format'));
export const sessionSchema = z.string(code('signed_out')).min(1, code('signed_out')).max(200, code('signed_out'));
export const managerApprovalSchema = z.object({ staffId: id, pin: pinSchema }).nullable().default(null);
export const signInInput = z.object({ staffId: id, pin: pinSchema });
export const setPinInput = z.object({
  /** Null only on a fresh desk where no manager has a PIN yet (first run). */
  session: sessionSchema.nullable().default(null),
  staffId: id,
  /** Staff changing their own PIN type the current one. */
  currentPin: pinSchema.nullable().default(null),
  newPin: pinSchema,
});

// ---- outputs ----------------------------------------------------------------

export interface StaffRef {
  id: number;
  name: string;
  role: StaffRole;
}

export interface AuthSession {
  token: string;
  staff: StaffRef;
  /** When the session ends if unused (ISO UTC); each privileged call extends it. */
  expiresAt: string;
}

export interface SignInRoster {
  staff: (StaffRef & { hasPin: boolean; lockedUntil: string | null })[];
  /** No manager has a PIN yet: the first manager sets one without signing in. */
  setupNeeded: boolean;
}

// ---- the channels -----------------------------------------------------------

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

/** Signing in and out with a PIN. */
export const sessionChannels = {
  'auth.roster': channel<SignInRoster>()(z.object({})),
  'auth.signIn': channel<AuthSession>()(signInInput),
  'auth.signOut': channel<{ signedOut: boolean }>()(z.object({ session: z.string().max(200) })),
  'auth.session': channel<{ staff: StaffRef | null; expiresAt: string | null }>()(z.object({ session: z.string().max(200) })),
  'auth.setPin': channel<{ staffId: number }>()(setPinInput),
} as const;
