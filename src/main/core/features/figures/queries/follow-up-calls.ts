// The figures' statements on the follow-up calls (table follow_up_call): the calls of a period and the
// quality scores they gave, by the technician of the repair called about.
import type { ReadTx } from '../../../storage/transactions';
import type { Period } from '../../../rules/money-booking';
import { onlyRow } from '../../../storage/rows';
import type { ScoreGroup } from './figures-days';

/** NULL sums and averages when no call is in the range (or none has a score). */
export interface CallTotalsRow {
  calls: number;
  reached: number | null;
  quality: number | null;
  attitude: number | null;
}

/** The calls recorded in a half-open range of UTC instants (an index range). */
export async function selectCallTotalsBetween(tx: ReadTx, range: { fromUtc: string; toUtc: string }): Promise<CallTotalsRow> {
  const rows = await tx.query<CallTotalsRow[]>(
    `SELECT COUNT(*) AS calls, SUM(reached) AS reached, AVG(quality) AS quality, AVG(attitude) AS attitude
     FROM follow_up_call WHERE at >= ? AND at < ?`,
    [range.fromUtc, range.toUtc],
  );
  return onlyRow(rows);
}

/** The quality scores of the calls of the period, by the technician of the repair called about. */
export async function selectScoresByTechnician(tx: ReadTx, period: Period): Promise<ScoreGroup[]> {
  return tx.query<ScoreGroup[]>(
    `SELECT t.technician_id AS technicianId, SUM(f.quality) AS qualitySum, COUNT(f.quality) AS qualityCount
       FROM follow_up_call f JOIN ticket t ON t.id = f.ticket_id WHERE f.at >= ? AND f.at < ? AND f.quality IS NOT NULL GROUP BY t.technician_id`,
    [period.from, period.to],
  );
}
