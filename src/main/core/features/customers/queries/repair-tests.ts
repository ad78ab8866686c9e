// The repair_test rows: what was tested on a ticket's device after the repair,
// whether it passed, and who tested it.
import type { ReadTx, WriteTx } from '../../../storage/transactions';

export interface RepairTestRow {
  id: number;
  tested: string;
  passed: number;
  note: string;
  staff_name: string | null;
  at: string;
}

export async function selectRepairTestsOfTicket(tx: ReadTx, ticketId: number): Promise<RepairTestRow[]> {
  return tx.query<RepairTestRow[]>(
    `SELECT r.id, r.tested, r.passed, r.note, s.name AS staff_name, r.at FROM repair_test r LEFT JOIN staff s ON s.id = r.staff_id
     WHERE r.ticket_id = ? ORDER BY r.id DESC`,
    [ticketId],
  );
}

export async function insertRepairTest(
  tx: WriteTx,
  test: { ticketId: number; tested: string; passed: boolean; note: string; staffId: number; at: string },
): Promise<void> {
  await tx.query<unknown>(`INSERT INTO repair_test (ticket_id, tested, passed, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    test.ticketId,
    test.tested,
    test.passed ? 1 : 0,
    test.note,
    test.staffId,
    test.at,
  ]);
}
