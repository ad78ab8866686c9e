// Runs one repair-workflow action as the signed-in person (through the one
// manager-approval flow when a reason is given) and hands the ticket's new
// workflow view on.
import { useCallback } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { ContractError } from '../../../../shared/errors';
import type { TicketWorkflow } from '../../../../shared/repair-contract';
import { isCancelled, useSignedInCall } from '../../session/useSignedInCall';
import { useApprovedCall, type ApprovedChannel } from '../../widgets/useManagerApproval';

/** The ticket actions this panel makes; each answers with the new workflow view. */
export type WorkflowActionChannel =
  'workflow.move' | 'diagnosis.save' | 'quotes.save' | 'approvals.record' | 'parts.use' | 'parts.returnToStores' | 'parts.returnToCustomer';
type Input<C extends WorkflowActionChannel> = Omit<ChannelInput<C>, 'session'>;

export type ActionOutcome = { kind: 'done'; workflow: TicketWorkflow } | { kind: 'cancelled' } | { kind: 'failed'; error: ContractError };

export function useWorkflowAction(onChanged: (next: TicketWorkflow) => void) {
  const run = useSignedInCall();
  const approved = useApprovedCall();
  return useCallback(
    async <C extends WorkflowActionChannel>(channel: C, input: Input<C>, managerReason?: string): Promise<ActionOutcome> => {
      const result =
        managerReason === undefined ? await run(channel, input as never) : await approved(channel as ApprovedChannel, input as never, managerReason);
      if (isCancelled(result)) return { kind: 'cancelled' };
      if (!result.ok) return { kind: 'failed', error: result.error };
      const workflow = result.data as TicketWorkflow;
      onChanged(workflow);
      return { kind: 'done', workflow };
    },
    [run, approved, onChanged],
  );
}
