// The figures' statements on the tickets' events (table ticket_event): cancellations, and the tickets first
// ready in a period with what their accepted quotes charge.
import type { ReadTx } from '../../../storage/transactions';
import type { Period } from '../../../rules/money-booking';
import { onlyRow } from '../../../storage/rows';
import type { FinishedGroup } from './figures-days';

interface CountRow {
  n: number;
}

/** Tickets cancelled in the period; one cancelled, reopened and cancelled again counts once (an index range). */
export async function countTicketsCancelled(tx: ReadTx, period: Period): Promise<number> {
  const rows = await tx.query<CountRow[]>(`SELECT COUNT(DISTINCT ticket_id) AS n FROM ticket_event WHERE to_status = 'cancelled' AND at >= ? AND at < ?`, [
    period.from,
    period.to,
  ]);
  return onlyRow(rows).n;
}

/** A ticket's first ready event (ties broken by id): it is finished once, on that day. The unary plus keeps SQLite on the ticket's own events. */
const FIRST_READY = `NOT EXISTS (SELECT 1 FROM ticket_event p WHERE p.ticket_id = e.ticket_id AND +p.to_status = 'ready'
    AND (+p.at < e.at OR (+p.at = e.at AND p.id < e.id)))`;
/** What the accepted quotes of ticket `t` charge for labour, or for parts (from stock and bought in). */
const charged = (kind: 'labour' | 'parts') => `(SELECT COALESCE(SUM(ql.charged_minor), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ${kind === 'labour' ? `ql.kind = 'labour'` : `ql.kind IN ('part', 'bought_part')`})`;

/** A sum over the bought-in lines of the accepted quotes of ticket `t`. */
const bought = (expression: string) => `(SELECT COALESCE(SUM(${expression}), 0) FROM quote q JOIN quote_line ql ON ql.quote_id = q.id
    WHERE q.ticket_id = t.id AND q.status = 'accepted' AND ql.kind = 'bought_part')`;

/** The tickets first ready in the period, by check-in day, ready day, technician and repair class; `local` is the SQLite modifier to local time. */
export async function selectFinishedGroups(tx: ReadTx, period: Period, local: string): Promise<FinishedGroup[]> {
  return tx.query<FinishedGroup[]>(
    `SELECT date(t.created_at, '${local}') AS dayIn, date(e.at, '${local}') AS dayOut, t.technician_id AS technicianId, d.repair_class AS repairClass,
       COUNT(*) AS finished, SUM(julianday(e.at) - julianday(t.created_at) <= 1.0) AS within24Hours,
       SUM(${charged('labour')}) AS labourMinor, SUM(${charged('parts')}) AS partsMinor,
       SUM(${bought('ql.qty')}) AS boughtQty, SUM(${bought('ql.qty * ql.unit_cost_minor')}) AS boughtCostMinor, SUM(${bought('ql.charged_minor')}) AS boughtChargedMinor
     FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id LEFT JOIN diagnosis d ON d.ticket_id = t.id
     WHERE e.to_status = 'ready' AND e.at >= ? AND e.at < ? AND ${FIRST_READY}
     GROUP BY dayIn, dayOut, technicianId, repairClass`,
    [period.from, period.to],
  );
}
