// Satisfaction over a period, for the reports: follow-up calls recorded in
// the range (how many reached the customer, average scores of those that
// did), complaints opened and closed in the range, and complaints open now.
import type { ReadTx } from '../../storage/transactions';
import type { SatisfactionSummary } from '../../../../shared/customer-care-contract';
import { onlyRow } from '../../storage/rows';

/** Half-open range of UTC instants: fromUtc <= at < toUtc. */
export async function satisfactionSummary(tx: ReadTx, range: { fromUtc: string; toUtc: string }): Promise<SatisfactionSummary> {
  const calls: { calls: number; reached: number | null; quality: number | null; attitude: number | null }[] = await tx.query(
    `SELECT COUNT(*) AS calls, SUM(reached) AS reached, AVG(quality) AS quality, AVG(attitude) AS attitude
     FROM follow_up_call WHERE at >= ? AND at < ?`,
    [range.fromUtc, range.toUtc],
  );
  const complaints: { opened: number; closed: number; open: number }[] = await tx.query(
    `SELECT (SELECT COUNT(*) FROM complaint WHERE opened_at >= ? AND opened_at < ?) AS opened,
       (SELECT COUNT(*) FROM complaint WHERE closed_at >= ? AND closed_at < ?) AS closed,
       (SELECT COUNT(*) FROM complaint WHERE status <> 'closed') AS open`,
    [range.fromUtc, range.toUtc, range.fromUtc, range.toUtc],
  );
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    calls: onlyRow(calls).calls,
    reached: onlyRow(calls).reached ?? 0,
    averageQuality: round(onlyRow(calls).quality),
    averageAttitude: round(onlyRow(calls).attitude),
    complaintsOpened: onlyRow(complaints).opened,
    complaintsClosed: onlyRow(complaints).closed,
    complaintsOpen: onlyRow(complaints).open,
  };
}
