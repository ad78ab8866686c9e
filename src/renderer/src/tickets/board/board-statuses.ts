import { TICKET_STATUSES, type TicketStatus } from '../../../../shared/domain';

/** The board shows tickets still in the shop: every status but the two that end a ticket. */
export const BOARD_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => status !== 'collected' && status !== 'cancelled');
