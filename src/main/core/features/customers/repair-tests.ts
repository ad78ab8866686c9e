// 试机通检: after the repair the device is tested; what was tested and the
// result are recorded while the ticket is in testing (a failed test is the
// technician's cue to move it back to repair).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { RepairTestView } from '../../../../shared/customer-care-contract';
import type { Actor } from '../staff';
import { loadTicket, recordEvent, requireStatus } from '../../record/ticket-record';
import { insertRepairTest, selectRepairTestsOfTicket } from './queries/repair-tests';

export async function testsOfTicket(tx: ReadTx, ticketId: number): Promise<RepairTestView[]> {
  const rows = await selectRepairTestsOfTicket(tx, ticketId);
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
  await insertRepairTest(tx, { ticketId: ticket.id, tested: input.tested, passed: input.passed, note: input.note, staffId: actor.id, at: nowIso });
  const note = [input.passed ? '✓' : '✗', input.tested, input.note].filter(Boolean).join(' ');
  await recordEvent(tx, { ticketId: ticket.id, kind: input.passed ? 'repair_test_passed' : 'repair_test_failed', note, staffId: actor.id, at: nowIso });
}
