import type { WriteTx } from '../../storage/transactions';
import { DAILY_SEQUENCE_MAX, composeTicketNumber, localDayCode, splitTicketNumber } from '../../../../shared/ticket-number';
import { DeskError } from '../../../../shared/errors';
import { engineOf } from '../../storage/engine';
import { onlyRow } from '../../storage/rows';
import { raiseDaySequence, takeNextDaySequence } from './queries/ticket-day-counters';

/**
 * Takes the next number of the shop's day inside the caller's transaction,
 * under the engine's ticket-number lock (held until the transaction ends).
 * The counter row only ever grows, so a number is never handed out twice,
 * even after the ticket that had it is voided.
 */
export async function allocateTicketNumber(tx: WriteTx, at: Date): Promise<number> {
  const day = localDayCode(at);
  await engineOf(tx).lockTicketNumbers(tx);
  const rows = await takeNextDaySequence(tx, day);
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
  await raiseDaySequence(tx, day, Math.min(sequence, DAILY_SEQUENCE_MAX));
}
