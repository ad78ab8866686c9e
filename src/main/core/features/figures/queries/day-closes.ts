// The day closes' statements (table day_close, each with the staff who closed and recorded it):
// the last close, the highest number, storing a close and reading closes back.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { StaffRole } from '../../../../../shared/domain';
import { DayCloseEntity, type DayCloseRow as StoredDayClose } from '../../../storage/entities/money';
import { insertRow } from '../../../storage/row-insert';

export interface LastCloseRow {
  number: number;
  business_date: string;
  period_to: string;
}

export async function selectLastDayClose(tx: ReadTx): Promise<LastCloseRow | undefined> {
  const rows = await tx.query<LastCloseRow[]>(`SELECT number, business_date, period_to FROM day_close ORDER BY number DESC LIMIT 1`);
  return rows[0];
}

interface CountRow {
  n: number;
}

/** The highest close number so far, 0 before the first close. */
export async function selectHighestDayCloseNumber(tx: ReadTx): Promise<number> {
  const rows = await tx.query<CountRow[]>(`SELECT COALESCE(MAX(number), 0) AS n FROM day_close`, []);
  return rows[0]?.n ?? 0;
}

/** A close as stored, in the order the INSERT binds it (JSON columns already as text). */
export type NewDayClose = Omit<StoredDayClose, 'id'>;

export async function insertDayClose(tx: WriteTx, close: NewDayClose): Promise<void> {
  await insertRow(tx, DayCloseEntity, close);
}

export interface DayCloseRow {
  number: number;
  business_date: string;
  counted_cash_minor: number;
  expected_cash_minor: number;
  difference_minor: number;
  takings_minor: number;
  denominations: string | null;
  figures: string;
  note: string;
  currency: string;
  closed_at: string;
  closed_by: number;
  closed_by_name: string;
  closed_by_role: StaffRole;
  recorded_by: number;
  recorded_by_name: string;
  recorded_by_role: StaffRole;
}

const SELECT_CLOSE = `SELECT d.number, d.business_date, d.counted_cash_minor, d.expected_cash_minor, d.difference_minor, d.takings_minor,
    d.denominations, d.figures, d.note, d.currency, d.closed_at,
    d.closed_by, c.name AS closed_by_name, c.role AS closed_by_role, d.recorded_by, r.name AS recorded_by_name, r.role AS recorded_by_role
  FROM day_close d JOIN staff c ON c.id = d.closed_by JOIN staff r ON r.id = d.recorded_by`;

export async function selectDayCloseByNumber(tx: ReadTx, number: number): Promise<DayCloseRow | undefined> {
  const rows = await tx.query<DayCloseRow[]>(`${SELECT_CLOSE} WHERE d.number = ?`, [number]);
  return rows[0];
}

/** The latest closes, newest first. */
export async function selectLatestDayCloses(tx: ReadTx, limit: number): Promise<DayCloseRow[]> {
  return tx.query<DayCloseRow[]>(`${SELECT_CLOSE} ORDER BY d.number DESC LIMIT ?`, [limit]);
}
