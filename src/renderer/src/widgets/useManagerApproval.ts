// The one manager-approval flow: the call goes as the signed-in person; when
// main answers that a manager must approve it (a void, a refund, a stocktake,
// a large discount, a manager-only move), a manager types their PIN here and
// the same call goes again with it. A manager signed in is never asked: main
// accepts their own session.
import { useCallback } from 'react';
import type { Channel, ChannelInput } from '../../../shared/contract';
import { useSession, type ManagerApproval } from '../session/session-context';
import { isCancelled, useSignedInCall } from '../session/useSignedInCall';
import { needsManagerApproval } from './manager-check';

export type ApprovedChannel = {
  [C in Channel]: 'managerApproval' extends keyof ChannelInput<C> ? ('session' extends keyof ChannelInput<C> ? C : never) : never;
}[Channel];
type Input<C extends Channel> = Omit<ChannelInput<C>, 'session'>;

/** Runs a call, asking a manager (with `reason`) only when main wants one; declining counts as cancelled. */
export function useApprovedCall() {
  const run = useSignedInCall();
  const { askManagerApproval } = useSession();
  return useCallback(
    async <C extends ApprovedChannel>(channel: C, input: Input<C>, reason: string) => {
      const first = await run(channel, input as never);
      if (isCancelled(first) || first.ok || !needsManagerApproval(first.error)) return first;
      const managerApproval = await askManagerApproval(reason);
      if (managerApproval === null) return { ok: false as const, cancelled: true as const };
      return run(channel, { ...input, managerApproval } as never);
    },
    [run, askManagerApproval],
  );
}

export type Approval = { approved: true; approval: ManagerApproval | null } | { approved: false };

/**
 * The PIN asked ahead, for an approval held until a later call carries it
 * (letting a device go while its loaner is still out, at hand-over).
 */
export function useManagerApproval(): (reason: string) => Promise<Approval> {
  const session = useSession();
  return useCallback(
    async (reason: string) => {
      if (session.current?.staff.role === 'manager') return { approved: true, approval: null };
      const approval = await session.askManagerApproval(reason);
      return approval ? { approved: true, approval } : { approved: false };
    },
    [session],
  );
}
