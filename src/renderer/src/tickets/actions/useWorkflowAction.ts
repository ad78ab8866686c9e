// Runs one repair-workflow action as the signed-in person: asks for a sign-in
// when nobody is, asks a manager for their PIN when main says the action needs
// one (a manager-only move, a large discount, a stock override) and tries
// again with it, and hands the ticket's new workflow view on.
import { useCallback } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { ContractError } from '../../../../shared/errors';
import type { TicketWorkflow } from '../../../../shared/workflow-contract';
import { useSession } from '../../session/session-context';
import { isCancelled, useSignedInCall } from '../../session/useSignedInCall';
import { needsManagerApproval } from '../../widgets/manager-check';

/** The ticket actions this panel makes; each answers with the new workflow view. */
export type WorkflowActionChannel = 'workflow.move' | 'diagnosis.save' | 'quotes.save' | 'approvals.record' | 'parts.use' | 'parts.returnToStores' | 'parts.returnToCustomer';
type Input<C extends WorkflowActionChannel> = Omit<ChannelInput<C>, 'session'>;

export type ActionOutcome = { kind: 'done'; workflow: TicketWorkflow } | { kind: 'cancelled' } | { kind: 'failed'; error: ContractError };

export function useWorkflowAction(onChanged: (next: TicketWorkflow) => void) {
  const run = useSignedInCall();
  const { askManagerApproval } = useSession();
  return useCallback(
    async <C extends WorkflowActionChannel>(channel: C, input: Input<C>, managerReason?: string): Promise<ActionOutcome> => {
      let result = await run(channel, input as never);
      if (!isCancelled(result) && !result.ok && managerReason && needsManagerApproval(result.error)) {
        const managerApproval = await askManagerApproval(managerReason);
        if (managerApproval === null) return { kind: 'cancelled' };
        result = await run(channel, { ...input, managerApproval } as never);
      }
      if (isCancelled(result)) return { kind: 'cancelled' };
      if (!result.ok) return { kind: 'failed', error: result.error };
      const workflow = result.data as TicketWorkflow;
      onChanged(workflow);
      return { kind: 'done', workflow };
    },
    [run, askManagerApproval, onChanged],
  );
}
