// Satisfaction over a period, for the reports: follow-up calls recorded in
// the range (how many reached the customer, average scores of those that
// did), complaints opened and closed in the range, and complaints open now.
import type { ReadTx } from '../../storage/transactions';
import type { SatisfactionSummary } from '../../../../shared/customer-care-contract';
import { selectCallTotalsBetween } from './queries/follow-up-calls';
import { countComplaints } from './queries/complaints';

/** The follow-up calls of a period; averages unrounded, null when no call has a score. */
export interface CallFigures {
  calls: number;
  reached: number;
  quality: number | null;
  attitude: number | null;
}

/** The calls of a half-open range of UTC instants, read from the calls themselves (an index range). */
export async function periodCalls(tx: ReadTx, range: { fromUtc: string; toUtc: string }): Promise<CallFigures> {
  const c = await selectCallTotalsBetween(tx, range);
  return { calls: c.calls, reached: c.reached ?? 0, quality: c.quality, attitude: c.attitude };
}

/** Half-open range of UTC instants: fromUtc <= at < toUtc; `calls` when the caller already has them (a report reads them from the day totals). */
export async function satisfactionSummary(tx: ReadTx, range: { fromUtc: string; toUtc: string }, known?: CallFigures): Promise<SatisfactionSummary> {
  const calls = known ?? (await periodCalls(tx, range));
  const complaints = await countComplaints(tx, range);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    calls: calls.calls,
    reached: calls.reached,
    averageQuality: round(calls.quality),
    averageAttitude: round(calls.attitude),
    complaintsOpened: complaints.opened,
    complaintsClosed: complaints.closed,
    complaintsOpen: complaints.open,
  };
}
