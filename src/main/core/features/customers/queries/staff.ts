// The staff rows a complaint's owner is checked or chosen from.
import type { ReadTx } from '../../../storage/transactions';

export interface StaffIdRow {
  id: number;
}

/** The first active manager, who owns a complaint when no one is named. */
export async function selectFirstActiveManager(tx: ReadTx): Promise<StaffIdRow | undefined> {
  const rows = await tx.query<StaffIdRow[]>(`SELECT id FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1`);
  return rows[0];
}

export async function selectActiveStaff(tx: ReadTx, staffId: number): Promise<StaffIdRow | undefined> {
  const rows = await tx.query<StaffIdRow[]>(`SELECT id FROM staff WHERE id = ? AND active = 1`, [staffId]);
  return rows[0];
}
