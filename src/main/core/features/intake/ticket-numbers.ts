import type { WriteTx } from '../../storage/transactions';
import { DAILY_SEQUENCE_MAX, composeTicketNumber, localDayCode, splitTicketNumber } from '../../../../shared/ticket-number';
import { DeskError } from '../../../../shared/errors';
import { engineOf } from '../../storage/engine';
import { onlyRow } from '../../storage/rows';

/**
 * Takes the next number of the shop's day inside the caller's transaction,
 * under the engine's ticket-number lock (held until the transaction ends).
 * The counter row only ever grows, so a number is never handed out twice,
 * even after the ticket that had it is voided.
 */
export async function allocateTicketNumber(tx: WriteTx, at: Date): Promise<number> {
  const day = localDayCode(at);
  const engine = engineOf(tx);
  await engine.lockTicketNumbers(tx);
  const rows: { last_sequence: number }[] = await tx.query(
    engine.upsert({
      table: 'ticket_day_counter',
      columns: ['day', 'last_sequence'],
      keys: ['day'],
      set: { last_sequence: 'last_sequence + 1' },
      where: `last_sequence < ${DAILY_SEQUENCE_MAX}`,
      returning: ['last_sequence'],
    }),
    [day, 1],
  );
  if (rows.length === 0) throw new DeskError('conflict', [], 'daily ticket numbers exhausted');
  return composeTicketNumber(day, onlyRow(rows).last_sequence);
}

/**
 * Raises the counter of the floor's day to at least the floor's sequence, so
 * the next number of that day comes after it. The floor is a number already
 * handed out (and perhaps printed on a claim ticket) that the file no longer
 * holds, e.g. after restoring an older backup; numbers of other days cannot
 * meet it, as the day is part of the number.
 */
export async function applyTicketNumberFloor(tx: WriteTx, floor: number): Promise<void> {
  const { day, sequence } = splitTicketNumber(floor);
  if (sequence < 1) return;
  await tx.query(
    `INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, ?)
     ON CONFLICT(day) DO UPDATE SET last_sequence = excluded.last_sequence WHERE last_sequence < excluded.last_sequence`,
    [day, Math.min(sequence, DAILY_SEQUENCE_MAX)],
  );
}
