// The role table (shared/roles.ts) enforced in main: every call is checked
// against its channel's entry before the handler does anything, with the role
// read from the staff row behind the session, not from anything the renderer says.
import type { Channel } from '../../shared/contract';
import { DeskError } from '../../shared/errors';
import { accessOf } from '../../shared/roles';
import type { DeskContext } from './context';
import { requireActor, type Actor } from './features/staff/auth';
import { isSetupDone } from './features/settings/setup';

export function field(input: unknown, name: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
}

/** The role table's verdict on a signed-in staff member calling `channel` with `input`: returns, or throws the refusal. */
export function requireAllowed(channel: Channel, actor: Actor, input: unknown): void {
  const access = accessOf(channel);
  if (access.kind !== 'roles' || access.roles.includes(actor.role)) return;
  // A manager's PIN typed for this one call lets someone else make it; the use case verifies that PIN.
  if (access.approval && field(input, 'managerApproval')) return;
  // Where approval is possible, what is missing is the manager's PIN; elsewhere it is the role.
  const path = access.approval ? 'managerApproval' : 'session';
  throw new DeskError('forbidden', [{ path, code: access.refusal }], `${actor.role} may not call ${channel}`);
}

/** Checks the call in a read of its own, before the handler runs. */
export async function enforceAccess(ctx: DeskContext, channel: Channel, input: unknown): Promise<void> {
  const access = accessOf(channel);
  if (access.kind === 'open') return;
  if (access.kind === 'setup') {
    if (await ctx.db.read(isSetupDone)) throw new DeskError('forbidden', [{ path: 'setup', code: 'setup_done' }]);
    return;
  }
  const session = field(input, 'session');
  if (typeof session !== 'string') throw new DeskError('forbidden', [{ path: 'session', code: 'signed_out' }]);
  const actor = await ctx.db.read((tx) => requireActor(tx, ctx, session));
  requireAllowed(channel, actor, input);
}
