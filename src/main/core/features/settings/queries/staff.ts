// The staff table's statements of the first run: finding the shop's first
// manager, or adding one, and giving them their name and PIN.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import { onlyRow } from '../../../storage/rows';

export interface ManagerPinRow {
  id: number;
  pin_hash: string | null;
}

/** The active managers, oldest first, and whether each has a PIN. */
export async function selectActiveManagers(tx: ReadTx): Promise<ManagerPinRow[]> {
  return tx.query<ManagerPinRow[]>(`SELECT id, pin_hash FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id`);
}

/** Adds an active manager; answers the id. */
export async function insertManager(tx: WriteTx, name: string, nowIso: string): Promise<number> {
  const inserted = await tx.query<{ id: number }[]>(`INSERT INTO staff (name, role, active, created_at) VALUES (?, 'manager', 1, ?) RETURNING id`, [
    name,
    nowIso,
  ]);
  return onlyRow(inserted).id;
}

/** Names a staff member and sets their PIN hash, clearing the wrong PIN count and lock. */
export async function updateNameAndPin(tx: WriteTx, staffId: number, name: string, pinHash: string): Promise<void> {
  await tx.query<unknown>(`UPDATE staff SET name = ?, pin_hash = ?, pin_failed_count = 0, pin_locked_until = NULL WHERE id = ?`, [name, pinHash, staffId]);
}
