// Where focus goes after the ticket changed: the part of the panel that holds
// the next thing to do, so the whole repair is worked with Tab and Enter.
import type { TicketWorkflow } from '../../../../shared/repair-contract';

export type ActionSection = 'diagnosis' | 'quote' | 'approval' | 'parts' | 'moves';

type Facts = Pick<TicketWorkflow, 'status' | 'actions' | 'diagnosis' | 'quotes' | 'partsUsed'>;

export function nextFocusSection(workflow: Facts): ActionSection {
  const can = (action: TicketWorkflow['actions'][number]) => workflow.actions.includes(action);
  if (workflow.status === 'diagnosing') {
    if (workflow.diagnosis === null && can('diagnosis.save')) return 'diagnosis';
    const open = workflow.quotes[0];
    if (can('quotes.save') && (open === undefined || (open.status !== 'draft' && open.status !== 'sent'))) return 'quote';
    return 'moves';
  }
  if (can('approvals.record')) return 'approval';
  // Parts are drawn once the customer approved, usually before the repair starts.
  if (workflow.status === 'approved' && can('parts.use') && workflow.partsUsed.length === 0) return 'parts';
  return 'moves';
}

/** Focuses the first control of a section of the panel (or of the panel when the section is not shown). */
export function focusSection(panel: HTMLElement | null, section: ActionSection): void {
  if (!panel) return;
  const selector = 'select:not([disabled]), input:not([disabled]):not([type=hidden]), textarea:not([disabled]), button:not([disabled])';
  const target = panel.querySelector<HTMLElement>(`[data-section="${section}"]`) ?? panel;
  target.querySelector<HTMLElement>(selector)?.focus();
}
