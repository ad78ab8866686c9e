// The ticket table's statements for the board: how many tickets each status
// holds, and one page of tickets with their customer, device and technician.
import { rowLimit } from '../../../storage/row-limit';
import type { ReadTx } from '../../../storage/transactions';
import type { TicketStatus } from '../../../../../shared/domain';
import type { TicketLineRecord } from './ticket-hits';
import type { SeverityLevel } from '../../../../../shared/workflow';

export interface StatusCountRecord {
  status: TicketStatus;
  n: number;
}

export interface BoardRecord extends TicketLineRecord {
  promised_date: string | null;
  technician_id: number | null;
  technician_name: string | null;
  severity: SeverityLevel | null;
}

/** The technician's condition on ticket t (none for every technician), and its parameters. */
function byTechnicianOf(technicianId: number | null): { sql: string; params: number[] } {
  return technicianId === null ? { sql: '', params: [] } : { sql: ' AND t.technician_id = ?', params: [technicianId] };
}

/** How many tickets each of these statuses holds (statuses without tickets are left out), of one technician or of all. */
export function countTicketsByStatus(tx: ReadTx, statuses: readonly TicketStatus[], technicianId: number | null): Promise<StatusCountRecord[]> {
  const byTechnician = byTechnicianOf(technicianId);
  return tx.query<StatusCountRecord[]>(
    `SELECT t.status, COUNT(*) AS n FROM ticket t WHERE t.status IN (${statuses.map(() => '?').join(',')})${byTechnician.sql} GROUP BY t.status`,
    [...statuses, ...byTechnician.params],
  );
}

/** One page of tickets in these statuses (of one technician or of all), oldest first. */
export function selectBoardPage(
  tx: ReadTx,
  statuses: readonly TicketStatus[],
  technicianId: number | null,
  page: { limit: number; offset: number },
): Promise<BoardRecord[]> {
  const byTechnician = byTechnicianOf(technicianId);
  const where = `t.status IN (${statuses.map(() => '?').join(',')})${byTechnician.sql}`;
  const params: unknown[] = [...statuses, ...byTechnician.params];
  // The page's ids come from the index alone (its size written in: a bound LIMIT is planned again at every call); only those rows are joined to their customer and device.
  return tx.query<BoardRecord[]>(
    `WITH page AS (SELECT t.id FROM ticket t WHERE ${where} ORDER BY t.id ${rowLimit(page.limit)} OFFSET ?)
     SELECT t.id, t.number, t.status, t.created_at, t.promised_date, t.technician_id, s.name AS technician_name, t.severity,
       c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model
     FROM page
     JOIN ticket t ON t.id = page.id
     JOIN customer c ON c.id = t.customer_id
     JOIN device d ON d.id = t.device_id
     LEFT JOIN staff s ON s.id = t.technician_id
     ORDER BY t.id`,
    [...params, page.offset],
  );
}
