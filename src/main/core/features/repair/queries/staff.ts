// The repair feature's statements on the staff table: the technicians a hand-over is between,
// and the name of a ticket's technician.
import type { ReadTx } from '../../../storage/transactions';

export interface HandOverStaffRow {
  id: number;
  name: string;
  role: string;
  active: number;
}

export interface StaffNameRow {
  name: string;
}

/** The next technician and the current one of a hand-over (0 when the ticket has none). */
export function selectHandOverStaff(tx: ReadTx, toTechnicianId: number, currentTechnicianId: number): Promise<HandOverStaffRow[]> {
  return tx.query<HandOverStaffRow[]>(`SELECT id, name, role, active FROM staff WHERE id IN (?, ?)`, [toTechnicianId, currentTechnicianId]);
}

export async function selectStaffName(tx: ReadTx, staffId: number): Promise<StaffNameRow | undefined> {
  const rows = await tx.query<StaffNameRow[]>(`SELECT name FROM staff WHERE id = ?`, [staffId]);
  return rows[0];
}
