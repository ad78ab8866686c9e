// 试机通检: after the repair the device is tested; what was tested and the
// result are recorded while the ticket is in testing (a failed test is the
// technician's cue to move it back to repair).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { RepairTestView } from '../../../../shared/customer-care-contract';
import type { Actor } from '../staff';
import { loadTicket, recordEvent, requireStatus } from '../../record/ticket-record';

export async function testsOfTicket(tx: ReadTx, ticketId: number): Promise<RepairTestView[]> {
  const rows: { id: number; tested: string; passed: number; note: string; staff_name: string | null; at: string }[] = await tx.query(
    `SELECT r.id, r.tested, r.passed, r.note, s.name AS staff_name, r.at FROM repair_test r LEFT JOIN staff s ON s.id = r.staff_id
     WHERE r.ticket_id = ? ORDER BY r.id DESC`,
    [ticketId],
  );
  return rows.map((r) => ({ id: r.id, tested: r.tested, passed: Boolean(r.passed), note: r.note, staffName: r.staff_name, at: r.at }));
}

export async function recordRepairTest(
  tx: WriteTx,
  actor: Actor,
  input: { ticketId: number; tested: string; passed: boolean; note: string },
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, ['testing']);
  await tx.query(`INSERT INTO repair_test (ticket_id, tested, passed, note, staff_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    ticket.id,
    input.tested,
    input.passed ? 1 : 0,
    input.note,
    actor.id,
    nowIso,
  ]);
  const note = [input.passed ? '✓' : '✗', input.tested, input.note].filter(Boolean).join(' ');
  await recordEvent(tx, { ticketId: ticket.id, kind: input.passed ? 'repair_test_passed' : 'repair_test_failed', note, staffId: actor.id, at: nowIso });
}
