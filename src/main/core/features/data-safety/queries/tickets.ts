// What data safety reads of the tickets: how many the shop holds and its last number.
import type { ReadTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface TicketCountRow {
  /** PostgreSQL's bigint aggregates may come back as text. */
  tickets: number | string;
  last: number | string | null;
}

export async function selectTicketCountAndLast(tx: ReadTx): Promise<TicketCountRow> {
  return onlyRow(await tx.query<TicketCountRow[]>(`SELECT COUNT(*) AS tickets, MAX(number) AS last FROM ticket`));
}

export interface LastTicketRow {
  last: number | null;
  n: number;
}

export async function selectLastTicketAndCount(tx: ReadTx): Promise<LastTicketRow> {
  return onlyRow(await tx.query<LastTicketRow[]>(`SELECT MAX(number) AS last, COUNT(*) AS n FROM ticket`));
}
