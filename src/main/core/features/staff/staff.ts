import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { Staff } from '../../../../shared/contract';
import type { StaffRole } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { StaffEntity, type StaffRow } from '../../storage/entities/staff';
import { changedValues, recordAudit } from '../../record/audit';
import { onlyRow } from '../../storage/rows';

function toStaff(row: StaffRow): Staff {
  return { id: row.id, name: row.name, role: row.role, active: Boolean(row.active) };
}

export async function listStaff(tx: ReadTx, includeInactive: boolean): Promise<Staff[]> {
  const rows = await tx.find(StaffEntity, { where: includeInactive ? {} : { active: true }, order: { name: 'ASC' } });
  return rows.map(toStaff);
}

export interface StaffDraft {
  id: number | null;
  name: string;
  role: StaffRole;
  active: boolean;
}

/** Staff are deactivated, never deleted: their names stay on past tickets. */
export async function saveStaff(tx: WriteTx, draft: StaffDraft, nowIso: string): Promise<Staff> {
  if (draft.id === null) {
    const result = await tx.insert(StaffEntity, { name: draft.name, role: draft.role, active: draft.active, createdAt: nowIso });
    return toStaff(await tx.findOneByOrFail(StaffEntity, { id: onlyRow(result.identifiers).id as number }));
  }
  const existing = await tx.findOneBy(StaffEntity, { id: draft.id });
  if (!existing) throw DeskError.field('id', 'not_found');
  await tx.update(StaffEntity, { id: draft.id }, { name: draft.name, role: draft.role, active: draft.active });
  return toStaff({ ...existing, ...draft, id: draft.id });
}

/** Resolves a staff id from the renderer; an unknown or inactive one is refused at `path`. */
export async function requireActiveStaff(tx: ReadTx, id: number | null, path: string): Promise<StaffRow | null> {
  if (id === null) return null;
  const row = await tx.findOneBy(StaffEntity, { id });
  if (!row || !row.active) throw DeskError.field(path, 'not_found');
  return row;
}

/** Saves a staff member and writes who changed a name, role or active flag (and what it was) to the history. */
export async function saveStaffAudited(tx: WriteTx, actor: { id: number }, draft: StaffDraft, nowIso: string): Promise<Staff> {
  const before = draft.id === null ? null : await tx.findOneBy(StaffEntity, { id: draft.id });
  const saved = await saveStaff(tx, draft, nowIso);
  const after = { name: saved.name, role: saved.role, active: saved.active };
  const old = before ? { name: before.name, role: before.role, active: Boolean(before.active) } : { name: null, role: null, active: null };
  const change = changedValues<Record<string, unknown>>(old, after);
  if (change) await recordAudit(tx, { kind: 'staff', subjectId: saved.id, oldValue: change.old, newValue: change.new, staffId: actor.id, at: nowIso });
  return saved;
}
