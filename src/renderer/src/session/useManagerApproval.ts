// A manager's say-so for a void, a refund or a loaner override: not asked for
// when a manager is the one signed in (main accepts their own session).
import { useCallback } from 'react';
import { useSession, type ManagerApproval } from './session-context';

export type Approval = { approved: true; approval: ManagerApproval | null } | { approved: false };

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
