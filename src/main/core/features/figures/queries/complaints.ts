// The figures' statements on the complaints (table complaint): opened and closed in a period, and open now.
import type { ReadTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface ComplaintCountsRow {
  opened: number;
  closed: number;
  open: number;
}

/** Complaints opened and closed in a half-open range of UTC instants, and those not closed now. */
export async function countComplaints(tx: ReadTx, range: { fromUtc: string; toUtc: string }): Promise<ComplaintCountsRow> {
  const rows = await tx.query<ComplaintCountsRow[]>(
    `SELECT (SELECT COUNT(*) FROM complaint WHERE opened_at >= ? AND opened_at < ?) AS opened,
       (SELECT COUNT(*) FROM complaint WHERE closed_at >= ? AND closed_at < ?) AS closed,
       (SELECT COUNT(*) FROM complaint WHERE status <> 'closed') AS open`,
    [range.fromUtc, range.toUtc, range.fromUtc, range.toUtc],
  );
  return onlyRow(rows);
}
