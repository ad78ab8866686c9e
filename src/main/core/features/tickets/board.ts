// The tickets board: open tickets by status, oldest first, with age, promised
// date (overdue flagged), technician and severity; filtered by status and by
// technician ("my tickets"); paged. Open tickets are a small share of ten
// years of tickets and the (status, id) and (technician_id, status, id)
// indexes reach them directly.
import type { ReadTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { DeviceType, TicketStatus } from '../../../../shared/domain';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { BoardTicket, TicketBoard } from '../../../../shared/tickets-contract';
import type { SeverityLevel } from '../../../../shared/workflow';
import { daysBetween, localIsoDate } from '../../../../shared/calendar';
import { OPEN_STATUSES } from '../../rules/status-machine';
import { isOverdue } from '../repair';

interface BoardRecord {
  id: number;
  number: number;
  status: TicketStatus;
  created_at: string;
  promised_date: string | null;
  technician_id: number | null;
  technician_name: string | null;
  severity: SeverityLevel | null;
  customer_name: string;
  customer_phone: string;
  type: DeviceType;
  brand: string;
  model: string;
}

export async function ticketBoard(tx: ReadTx, input: ChannelParsedInput<'tickets.board'>, prefix: string, now: Date): Promise<TicketBoard> {
  const statuses = input.statuses ?? [...OPEN_STATUSES];
  const byTechnician = input.technicianId === null ? '' : ' AND t.technician_id = ?';
  const technician = input.technicianId === null ? [] : [input.technicianId];
  // Counts for every open status (the filter chips keep theirs while one is chosen); the total is the chosen ones'.
  const counts: { status: TicketStatus; n: number }[] = await tx.query(
    `SELECT t.status, COUNT(*) AS n FROM ticket t WHERE t.status IN (${OPEN_STATUSES.map(() => '?').join(',')})${byTechnician} GROUP BY t.status`,
    [...OPEN_STATUSES, ...technician],
  );
  const countsByStatus: Partial<Record<TicketStatus, number>> = {};
  for (const c of counts) countsByStatus[c.status] = c.n;
  const total = statuses.reduce((sum, status) => sum + (countsByStatus[status] ?? 0), 0);
  if (statuses.length === 0 || total === 0) return { items: [], total, page: input.page, pageSize: input.pageSize, countsByStatus };
  const where = `t.status IN (${statuses.map(() => '?').join(',')})${byTechnician}`;
  const params: unknown[] = [...statuses, ...technician];
  // The page's ids come from the index alone; only those rows are joined to their customer and device.
  const rows: BoardRecord[] = await tx.query(
    `WITH page AS (SELECT t.id FROM ticket t WHERE ${where} ORDER BY t.id LIMIT ? OFFSET ?)
     SELECT t.id, t.number, t.status, t.created_at, t.promised_date, t.technician_id, s.name AS technician_name, t.severity,
       c.name AS customer_name, c.phone AS customer_phone, d.type, d.brand, d.model
     FROM page
     JOIN ticket t ON t.id = page.id
     JOIN customer c ON c.id = t.customer_id
     JOIN device d ON d.id = t.device_id
     LEFT JOIN staff s ON s.id = t.technician_id
     ORDER BY t.id`,
    [...params, input.pageSize, (input.page - 1) * input.pageSize],
  );
  const today = localIsoDate(now);
  const items: BoardTicket[] = rows.map((r) => ({
    ticketId: r.id,
    number: r.number,
    displayNumber: displayTicketNumber(r.number, prefix),
    status: r.status,
    customerName: r.customer_name,
    customerPhone: r.customer_phone,
    deviceType: r.type,
    brand: r.brand,
    model: r.model,
    createdAt: r.created_at,
    ageDays: Math.max(0, daysBetween(localIsoDate(new Date(r.created_at)), today)),
    promisedDate: r.promised_date,
    overdue: isOverdue(r.status, r.promised_date, today),
    technicianId: r.technician_id,
    technicianName: r.technician_name,
    severity: r.severity,
  }));
  return { items, total, page: input.page, pageSize: input.pageSize, countsByStatus };
}
