// The repair feature's statements on the diagnosis table: one diagnosis per ticket,
// written or revised in place, and read back with who wrote it.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { ChannelParsedInput } from '../../../../../shared/contract';
import type { FaultCategory, SeverityLevel } from '../../../../../shared/workflow';
import type { RepairClass } from '../../../../../shared/repair-class';

export interface DiagnosisRow {
  category: FaultCategory;
  cause: string;
  solution: string;
  severity: SeverityLevel;
  user_caused: number;
  internal_notes: string;
  repair_class: RepairClass | null;
  staff_name: string | null;
  updated_at: string;
}

type DiagnosisFields = Pick<
  ChannelParsedInput<'diagnosis.save'>,
  'category' | 'cause' | 'solution' | 'severity' | 'userCaused' | 'internalNotes' | 'repairClass'
>;

/** Writes the ticket's diagnosis, or revises the one it has. */
export async function upsertDiagnosis(tx: WriteTx, ticketId: number, input: DiagnosisFields, staffId: number, nowIso: string): Promise<void> {
  await tx.query<unknown>(
    `INSERT INTO diagnosis (ticket_id, category, cause, solution, severity, user_caused, internal_notes, repair_class, staff_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(ticket_id) DO UPDATE SET category = excluded.category, cause = excluded.cause, solution = excluded.solution,
       severity = excluded.severity, user_caused = excluded.user_caused, internal_notes = excluded.internal_notes, repair_class = excluded.repair_class,
       staff_id = excluded.staff_id, updated_at = excluded.updated_at`,
    [ticketId, input.category, input.cause, input.solution, input.severity, input.userCaused, input.internalNotes, input.repairClass, staffId, nowIso, nowIso],
  );
}

export async function selectDiagnosis(tx: ReadTx, ticketId: number): Promise<DiagnosisRow | undefined> {
  const rows = await tx.query<DiagnosisRow[]>(
    `SELECT d.category, d.cause, d.solution, d.severity, d.user_caused, d.internal_notes, d.repair_class, s.name AS staff_name, d.updated_at
     FROM diagnosis d LEFT JOIN staff s ON s.id = d.staff_id WHERE d.ticket_id = ?`,
    [ticketId],
  );
  return rows[0];
}
