// The figures' statements on the staff (table staff): names, to show the technicians in a report.
import type { ReadTx } from '../../../storage/transactions';

export interface StaffNameRow {
  id: number;
  name: string;
}

export async function selectStaffNames(tx: ReadTx): Promise<StaffNameRow[]> {
  return tx.query<StaffNameRow[]>(`SELECT id, name FROM staff`);
}
