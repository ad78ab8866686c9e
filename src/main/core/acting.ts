// A privileged use case: the manager's PIN (when one is given) is checked
// before the transaction, so a wrong PIN counts even when the use case fails;
// the session's staff member is resolved inside it, with the settings and the
// time the use case runs at.
import type { WriteTx } from './storage/transactions';
import type { Settings } from '../../shared/contract';
import type { DeskContext } from './context';
import { requireActor, verifyManagerApproval, type Actor, type ManagerApprovalInput } from './features/staff/auth';
import { loadSettings } from './features/settings/settings';
import { payOwedRoleCheck } from './role-check-in-use-case';

export interface Acting {
  tx: WriteTx;
  actor: Actor;
  /** A manager who approved with their PIN for this call, if one did. */
  approver: Actor | null;
  settings: Settings;
  now: Date;
}

/** Runs a privileged use case in one write transaction, as the session's staff member. */
export async function acting<T>(ctx: DeskContext, session: string, approval: ManagerApprovalInput | null, work: (acting: Acting) => Promise<T>): Promise<T> {
  const approver = await verifyManagerApproval(ctx, approval);
  return ctx.db.write(async (tx) => {
    const actor = await requireActor(tx, ctx, session);
    // The role table's check, when dispatch left it to this transaction (role-check-in-use-case.ts).
    payOwedRoleCheck(ctx, actor);
    return work({ tx, actor, approver, settings: await loadSettings(tx), now: ctx.clock.now() });
  });
}
