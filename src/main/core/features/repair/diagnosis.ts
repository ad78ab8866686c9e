// Diagnosis (故障诊断): software or hardware, the cause, the proposed solution,
// the fault severity (故障等级 1-3), whether the user caused it, and internal
// notes that are never printed. One per ticket, revised until the customer
// decides; each save is on the ticket's timeline.
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { Language, TicketStatus } from '../../../../shared/domain';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { DiagnosisView } from '../../../../shared/repair-contract';
import type { Actor } from '../staff';
import { diagnosisNote } from '../../record/history-notes';
import { loadDiagnosisFacts, loadTicket, recordEvent, requireStatus, claimTicket } from '../../record/ticket-record';
import { selectDiagnosis, upsertDiagnosis } from './queries/diagnoses';
import { selectOpenQuoteVersions, supersedeOpenQuotes } from './queries/quotes';
import { setTicketSeverity } from './queries/tickets';

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
  const withdrawn = pricingChanged ? await selectOpenQuoteVersions(tx, ticket.id) : [];
  if (withdrawn.length > 0) await supersedeOpenQuotes(tx, ticket.id);
  await upsertDiagnosis(tx, ticket.id, input, actor.id, nowIso);
  await setTicketSeverity(tx, ticket.id, input.severity, nowIso);
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
  const r = await selectDiagnosis(tx, ticketId);
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
