// The ticket_day_counter table's statements: the last ticket number sequence
// handed out on each shop day, taken one by one or raised to a floor.
import type { WriteTx } from '../../../storage/transactions';
import { DAILY_SEQUENCE_MAX } from '../../../../../shared/ticket-number';
import { engineOf, type StorageEngine } from '../../../storage/engine';
import { rowWriterOf } from '../../../storage/row-writer';

export interface DaySequenceRecord {
  last_sequence: number;
}

/** Takes the day's next sequence (starting at 1); answers no row once the day's numbers are used up. */
export function takeNextDaySequence(tx: WriteTx, day: string): Promise<DaySequenceRecord[]> {
  // Every check-in runs it: on SQLite one prepared statement on the driver (row-writer.ts).
  return rowWriterOf(tx)<DaySequenceRecord>(nextSequenceSql(engineOf(tx)), [day, 1]);
}

const nextSequenceText = new Map<StorageEngine, string>();
/** The engine's upsert, written once (the same text each time, so its prepared statement is found again). */
function nextSequenceSql(engine: StorageEngine): string {
  let sql = nextSequenceText.get(engine);
  if (sql === undefined) {
    sql = engine.upsert({
      table: 'ticket_day_counter',
      columns: ['day', 'last_sequence'],
      keys: ['day'],
      set: { last_sequence: 'last_sequence + 1' },
      where: `last_sequence < ${DAILY_SEQUENCE_MAX}`,
      returning: ['last_sequence'],
    });
    nextSequenceText.set(engine, sql);
  }
  return sql;
}

/** Raises the day's last sequence to at least this one. */
export async function raiseDaySequence(tx: WriteTx, day: string, sequence: number): Promise<void> {
  await tx.query<unknown[]>(
    `INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, ?)
     ON CONFLICT(day) DO UPDATE SET last_sequence = excluded.last_sequence WHERE last_sequence < excluded.last_sequence`,
    [day, sequence],
  );
}
