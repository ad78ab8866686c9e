// Diagnosis (故障诊断): software or hardware, the cause, the proposed solution,
// the fault severity (故障等级 1-3), whether the user caused it, and internal
// notes that are never printed. One per ticket, revised until the customer
// decides; each save is on the ticket's timeline.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { Language, TicketStatus } from '../../../../shared/domain';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { DiagnosisView } from '../../../../shared/repair-contract';
import type { FaultCategory, SeverityLevel } from '../../../../shared/workflow';
import type { RepairClass } from '../../../../shared/repair-class';
import type { Actor } from '../staff';
import { diagnosisNote } from '../../record/history-notes';
import { loadDiagnosisFacts, loadTicket, recordEvent, requireStatus, claimTicket } from '../../record/ticket-record';

/** The diagnosis can be written or revised until the customer has decided. */
export const DIAGNOSIS_STATUSES: readonly TicketStatus[] = ['diagnosing', 'awaiting_approval'];

export async function saveDiagnosis(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'diagnosis.save'>, language: Language, nowIso: string): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  requireStatus(ticket, DIAGNOSIS_STATUSES);
  await claimTicket(tx, ticket.id, actor, nowIso);
  // The quote was priced on the diagnosis (software or hardware, caused by the
  // user or not). When either changes, an open quote no longer says what the
  // warranty covers: it is withdrawn and must be saved again before the
  // customer decides.
  const previous = await loadDiagnosisFacts(tx, ticket.id);
  const pricingChanged = previous !== null && (previous.category !== input.category || Boolean(previous.user_caused) !== input.userCaused);
  const withdrawn: { version: number }[] = pricingChanged
    ? await tx.query(`SELECT version FROM quote WHERE ticket_id = ? AND status IN ('draft', 'sent') ORDER BY version`, [ticket.id])
    : [];
  if (withdrawn.length > 0) await tx.query(`UPDATE quote SET status = 'superseded' WHERE ticket_id = ? AND status IN ('draft', 'sent')`, [ticket.id]);
  await tx.query(
    `INSERT INTO diagnosis (ticket_id, category, cause, solution, severity, user_caused, internal_notes, repair_class, staff_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(ticket_id) DO UPDATE SET category = excluded.category, cause = excluded.cause, solution = excluded.solution,
       severity = excluded.severity, user_caused = excluded.user_caused, internal_notes = excluded.internal_notes, repair_class = excluded.repair_class,
       staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
    [
      ticket.id,
      input.category,
      input.cause,
      input.solution,
      input.severity,
      input.userCaused,
      input.internalNotes,
      input.repairClass,
      actor.id,
      nowIso,
      nowIso,
    ],
  );
  await tx.query(`UPDATE ticket SET severity = ?, updated_at = ? WHERE id = ?`, [input.severity, nowIso, ticket.id]);
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'diagnosis_saved',
    note: diagnosisNote(language, {
      category: input.category,
      severity: input.severity,
      userCaused: input.userCaused,
      cause: input.cause,
      withdrawnVersions: withdrawn.map((q) => q.version),
    }),
    staffId: actor.id,
    at: nowIso,
  });
}

export async function getDiagnosis(tx: ReadTx, ticketId: number): Promise<DiagnosisView | null> {
  const rows: {
    category: FaultCategory;
    cause: string;
    solution: string;
    severity: SeverityLevel;
    user_caused: number;
    internal_notes: string;
    repair_class: RepairClass | null;
    staff_name: string | null;
    updated_at: string;
  }[] = await tx.query(
    `SELECT d.category, d.cause, d.solution, d.severity, d.user_caused, d.internal_notes, d.repair_class, s.name AS staff_name, d.updated_at
     FROM diagnosis d LEFT JOIN staff s ON s.id = d.staff_id WHERE d.ticket_id = ?`,
    [ticketId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    category: r.category,
    cause: r.cause,
    solution: r.solution,
    severity: r.severity,
    userCaused: Boolean(r.user_caused),
    internalNotes: r.internal_notes,
    repairClass: r.repair_class,
    staffName: r.staff_name,
    updatedAt: r.updated_at,
  };
}
