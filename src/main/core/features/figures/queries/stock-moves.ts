// The figures' statements on the stock moves (table stock_move, with the part moved): the parts fitted on
// repairs in a period.
import type { ReadTx } from '../../../storage/transactions';
import type { Period } from '../../../rules/money-booking';
import type { PartTotal } from './figures-days';

/** Fitted parts, less those put back on the shelf when a repair was cancelled; a part under warranty is charged nothing. */
export async function selectFittedParts(tx: ReadTx, period: Period): Promise<PartTotal[]> {
  return tx.query<PartTotal[]>(
    `SELECT m.part_id, p.name, SUM(-m.qty_delta) AS qty, SUM(-m.qty_delta * m.unit_cost_minor) AS cost,
       SUM(CASE WHEN m.under_warranty THEN 0 ELSE -m.qty_delta * m.unit_price_minor END) AS charged
     FROM stock_move m JOIN part p ON p.id = m.part_id
     WHERE m.reason IN ('used', 'restock') AND m.at >= ? AND m.at < ? AND m.ticket_id IS NOT NULL
     GROUP BY m.part_id HAVING qty <> 0 ORDER BY cost DESC, p.name`,
    [period.from, period.to],
  );
}
