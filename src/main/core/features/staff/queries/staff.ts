// The staff table's statements for signing in: a person's PIN state, the wrong
// PIN count and lock, setting a PIN, and counting managers who have one.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { StaffRole } from '../../../../../shared/domain';
import { onlyRow } from '../../../storage/rows';
import { rowReaderOf } from '../../../storage/sql-reader';

export interface StaffAuthRow {
  id: number;
  name: string;
  role: StaffRole;
  active: number;
  pin_hash: string | null;
  pin_failed_count: number;
  pin_locked_until: string | null;
}

/** Read at the start of every use case a person signs (on SQLite on the driver, as the settings are). */
export async function selectStaffAuthById(tx: ReadTx, staffId: number): Promise<StaffAuthRow | undefined> {
  const rows = await rowReaderOf(tx)<StaffAuthRow>(`SELECT id, name, role, active, pin_hash, pin_failed_count, pin_locked_until FROM staff WHERE id = ?`, [
    staffId,
  ]);
  return rows[0];
}

/** The active staff, by name, for the sign-in screen. */
export async function selectActiveStaffAuth(tx: ReadTx): Promise<StaffAuthRow[]> {
  return tx.query<StaffAuthRow[]>(`SELECT id, name, role, active, pin_hash, pin_failed_count, pin_locked_until FROM staff WHERE active = 1 ORDER BY name`);
}

/** Books a PIN attempt as a failure: the new count, and the lock (unchanged when none is due). */
export async function updatePinFailures(tx: WriteTx, staffId: number, failures: number, lockedUntil: string | null): Promise<void> {
  await tx.query<unknown>(`UPDATE staff SET pin_failed_count = ?, pin_locked_until = ? WHERE id = ?`, [failures, lockedUntil, staffId]);
}

export async function clearPinFailures(tx: WriteTx, staffId: number): Promise<void> {
  await tx.query<unknown>(`UPDATE staff SET pin_failed_count = 0, pin_locked_until = NULL WHERE id = ?`, [staffId]);
}

/** Sets a new PIN hash and clears the wrong PIN count and lock. */
export async function updatePinHash(tx: WriteTx, staffId: number, pinHash: string): Promise<void> {
  await tx.query<unknown>(`UPDATE staff SET pin_hash = ?, pin_failed_count = 0, pin_locked_until = NULL WHERE id = ?`, [pinHash, staffId]);
}

/** How many active managers have a PIN. */
export async function countManagersWithPin(tx: ReadTx): Promise<number> {
  const rows = await tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL`);
  return onlyRow(rows).n;
}

/** How many active managers other than `staffId` have a PIN. */
export async function countOtherManagersWithPin(tx: ReadTx, staffId: number): Promise<number> {
  const rows = await tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM staff WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL AND id <> ?`, [
    staffId,
  ]);
  return onlyRow(rows).n;
}
