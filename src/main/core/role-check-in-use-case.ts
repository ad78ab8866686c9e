// A handler whose first step is `acting` reads the session's staff member in
// its own write transaction anyway. For such a handler dispatch leaves the role
// table's check to that transaction instead of running a read of its own first:
// one transaction per call at the counter instead of two, and the role is
// checked on the very row the use case acts as. Nothing happens before `acting`
// in a marked handler, so a refused call still changes nothing.
import type { Channel } from '../../shared/contract';
import type { DeskContext } from './context';
import type { Handler } from './handler-map';
import type { Actor } from './features/staff/auth';

const marked = new WeakSet<object>();

/** Marks a handler that starts with `acting` (and does nothing before it), so its role check runs inside that transaction. */
export function rolesCheckedInUseCase<C extends Channel>(handler: Handler<C>): Handler<C> {
  marked.add(handler);
  return handler;
}

export function checksRolesInUseCase(handler: object): boolean {
  return marked.has(handler);
}

/** The role check a call still owes, paid by `acting` once it has read the staff member. */
export type OwedRoleCheck = (actor: Actor) => void;

const owed = new WeakMap<DeskContext, OwedRoleCheck>();

/** The context one call's handler runs with, owing `check`; everything else is the desk's own context, live. */
export function owingRoleCheck(ctx: DeskContext, check: OwedRoleCheck): DeskContext {
  const callCtx = Object.create(ctx) as DeskContext;
  owed.set(callCtx, check);
  return callCtx;
}

/** Pays the role check the call owes, if it owes one: throws the refusal. */
export function payOwedRoleCheck(ctx: DeskContext, actor: Actor): void {
  owed.get(ctx)?.(actor);
}
