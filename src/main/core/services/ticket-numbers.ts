import type { WriteTx } from '../storage/transactions';
import { DAILY_SEQUENCE_MAX, composeTicketNumber, localDayCode } from '../../../shared/ticket-number';
import { DeskError } from '../../../shared/errors';

/**
 * Takes the next number of the shop's day inside the caller's transaction.
 * The counter row only ever grows, so a number is never handed out twice,
 * even after the ticket that had it is voided.
 */
export async function allocateTicketNumber(tx: WriteTx, at: Date): Promise<number> {
  const day = localDayCode(at);
  const rows: { last_sequence: number }[] = await tx.query(
    `INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, 1)
     ON CONFLICT(day) DO UPDATE SET last_sequence = last_sequence + 1
     WHERE last_sequence < ${DAILY_SEQUENCE_MAX}
     RETURNING last_sequence`,
    [day],
  );
  if (rows.length === 0) throw new DeskError('conflict', [], 'daily ticket numbers exhausted');
  return composeTicketNumber(day, rows[0].last_sequence);
}
