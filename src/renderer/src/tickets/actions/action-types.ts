// What every form of the repair panel is given: the ticket's workflow view and
// the one way to act on it.
import type { TicketWorkflow } from '../../../../shared/repair-contract';
import type { useWorkflowAction } from './useWorkflowAction';

export type PerformAction = ReturnType<typeof useWorkflowAction>;

export interface ActionFormProps {
  workflow: TicketWorkflow;
  perform: PerformAction;
}
