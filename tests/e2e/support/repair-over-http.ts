// Takes a checked-in ticket through the repair over HTTP, as the technician
// and the clerk would at their counters: diagnosis, quote, the customer's
// approval by phone, repair, test, ready (or stops on the bench).
import type { ChannelInput } from '../../../src/shared/contract';
import { firstItem } from '../../support/lists';
import type { E2eCrew } from './crew';
import type { RunningHarness } from './harness';

export interface RepairPlan {
  cause: string;
  solution: string;
  lines: ChannelInput<'quotes.save'>['lines'];
  /** Who answered the phone when the quote was accepted. */
  contactName: string;
  until: 'in_repair' | 'ready';
}

export async function repairOverHttp(harness: RunningHarness, crew: E2eCrew, ticketId: number, plan: RepairPlan): Promise<void> {
  const session = crew.technician.session;
  const move = (toStatus: ChannelInput<'workflow.move'>['toStatus']) =>
    harness.call('workflow.move', { session, ticketId, toStatus } as ChannelInput<'workflow.move'>);
  await move('diagnosing');
  await harness.call('diagnosis.save', {
    session,
    ticketId,
    category: 'hardware',
    cause: plan.cause,
    solution: plan.solution,
    severity: 2,
  } as ChannelInput<'diagnosis.save'>);
  await harness.call('quotes.save', { session, ticketId, lines: plan.lines } as ChannelInput<'quotes.save'>);
  await move('awaiting_approval');
  const quoteId = firstItem((await harness.call('tickets.getWorkflow', { ticketId })).quotes).id;
  await harness.call('approvals.record', {
    session: crew.clerk.session,
    ticketId,
    quoteId,
    decision: 'accepted',
    method: 'phone',
    contactName: plan.contactName,
    // A minute ago: the desk refuses a call in the future, and the clocks may differ by a moment.
    contactedAt: new Date(Date.now() - 60_000).toISOString(),
  } as ChannelInput<'approvals.record'>);
  for (const toStatus of plan.until === 'in_repair' ? (['in_repair'] as const) : (['in_repair', 'testing', 'ready'] as const)) await move(toStatus);
}
