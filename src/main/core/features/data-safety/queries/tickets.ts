// What data safety reads of the tickets: how many the shop holds and its last number.
import type { ReadTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface TicketTotals {
  tickets: number;
  last: number | null;
}

export async function selectTicketTotals(tx: ReadTx): Promise<TicketTotals> {
  // Numbers on either engine (a bigint aggregate may come back as text from a client that parses none).
  const { tickets, last } = onlyRow(
    await tx.query<{ tickets: number | string; last: number | string | null }[]>(`SELECT COUNT(*) AS tickets, MAX(number) AS last FROM ticket`),
  );
  return { tickets: Number(tickets), last: last === null ? null : Number(last) };
}
