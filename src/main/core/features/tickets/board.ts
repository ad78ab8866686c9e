// The tickets board: open tickets by status, oldest first, with age, promised
// date (overdue flagged), technician and severity; filtered by status and by
// technician ("my tickets"); paged. Open tickets are a small share of ten
// years of tickets and the (status, id) and (technician_id, status, id)
// indexes reach them directly.
import type { ReadTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { TicketStatus } from '../../../../shared/domain';
import type { BoardTicket, TicketBoard } from '../../../../shared/tickets-contract';
import { daysBetween, localIsoDate } from '../../../../shared/calendar';
import { OPEN_STATUSES } from '../../rules/status-machine';
import { isOverdue } from '../repair';
import { countTicketsByStatus, selectBoardPage } from './queries/tickets';
import { ticketLineWith } from './ticket-line';

export async function ticketBoard(tx: ReadTx, input: ChannelParsedInput<'tickets.board'>, prefix: string, now: Date): Promise<TicketBoard> {
  const statuses = input.statuses ?? [...OPEN_STATUSES];
  // Counts for every open status (the filter chips keep theirs while one is chosen); the total is the chosen ones'.
  const counts = await countTicketsByStatus(tx, OPEN_STATUSES, input.technicianId);
  const countsByStatus: Partial<Record<TicketStatus, number>> = {};
  for (const c of counts) countsByStatus[c.status] = c.n;
  const total = statuses.reduce((sum, status) => sum + (countsByStatus[status] ?? 0), 0);
  if (statuses.length === 0 || total === 0) return { items: [], total, page: input.page, pageSize: input.pageSize, countsByStatus };
  const rows = await selectBoardPage(tx, statuses, input.technicianId, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  const today = localIsoDate(now);
  const items: BoardTicket[] = rows.map((r) =>
    ticketLineWith(r, prefix, {
      ageDays: Math.max(0, daysBetween(localIsoDate(new Date(r.created_at)), today)),
      promisedDate: r.promised_date,
      overdue: isOverdue(r.status, r.promised_date, today),
      technicianId: r.technician_id,
      technicianName: r.technician_name,
      severity: r.severity,
    }),
  );
  return { items, total, page: input.page, pageSize: input.pageSize, countsByStatus };
}
