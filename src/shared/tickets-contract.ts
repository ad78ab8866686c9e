// Finding tickets: the search box (number, phone, serial, name) and the board of
// open tickets. Input schemas, output types and the channels themselves; joined
// into the one contract in contract.ts.
import { z } from 'zod';
import { TICKET_STATUSES, type DeviceType, type TicketStatus } from './domain';
import { code, plainText } from './schema-helpers';
import { WORKFLOW_LIMITS, type SearchMatchField, type SearchMatchKind, type SeverityLevel } from './workflow';
import type { TicketRef } from './repair-contract';

const id = z.number(code('required')).int(code('invalid')).positive(code('invalid'));

export const searchInput = z.object({
  query: plainText(WORKFLOW_LIMITS.searchQueryMax),
  limit: z.number().int().min(1).max(100).default(20),
  /** Partial matches too, even when the query matched a ticket number, phone or serial exactly. */
  more: z.boolean().default(false),
});

export const boardInput = z.object({
  /** Null: every open status. */
  statuses: z.array(z.enum(TICKET_STATUSES)).max(TICKET_STATUSES.length).nullable().default(null),
  /** "My tickets": the signed-in technician's id. */
  technicianId: id.nullable().default(null),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(WORKFLOW_LIMITS.boardPageSizeMax).default(50),
});

// ---- outputs ----------------------------------------------------------------

export interface TicketSearchHit extends TicketRef {
  status: TicketStatus;
  customerName: string;
  customerPhone: string;
  deviceType: DeviceType;
  brand: string;
  model: string;
  serial: string;
  createdAt: string;
  matchedOn: SearchMatchField;
  match: SearchMatchKind;
}

export interface BoardTicket extends TicketRef {
  status: TicketStatus;
  customerName: string;
  customerPhone: string;
  deviceType: DeviceType;
  brand: string;
  model: string;
  createdAt: string;
  /** Whole days since intake. */
  ageDays: number;
  promisedDate: string | null;
  /** The promised date has passed and the device is not ready yet. */
  overdue: boolean;
  technicianId: number | null;
  technicianName: string | null;
  severity: SeverityLevel | null;
}

export interface TicketBoard {
  items: BoardTicket[];
  /** Tickets matching the filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** Open tickets per status, every open status whatever the status filter (technician filter applied). */
  countsByStatus: Partial<Record<TicketStatus, number>>;
}

// ---- the channels -----------------------------------------------------------

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

export const ticketChannels = {
  'tickets.search': channel<TicketSearchHit[]>()(searchInput),
  'tickets.board': channel<TicketBoard>()(boardInput),
} as const;
