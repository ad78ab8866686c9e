// Signing in at the counter with a short PIN, and the manager's approval.
//
// Token model: auth.signIn checks the PIN and returns a random 256-bit token.
// Main keeps the session (who, role, last use) in memory only, per open desk;
// the renderer keeps the token in memory and sends it as `session` with every
// call that changes the workflow. Main resolves the actor from it and re-reads
// the staff row inside each use case, so a deactivated person or a changed role
// takes effect at once. Restarting the app signs everyone out. Sessions end
// after SESSION_IDLE_MS without use and after SESSION_MAX_MS in any case.
//
// Wrong PINs are counted in the staff row (so a restart or a second counter PC
// does not reset them); after PIN_LIMITS.freeAttempts in a row, sign-in locks
// for 30 s, doubling up to 15 minutes. A manager's approval (a large discount,
// a stock override, a void) is a manager's id and PIN typed at the counter, or
// simply a manager's own session; the approver is recorded with the change.
import { randomBytes } from 'node:crypto';
import type { ReadTx } from '../../storage/transactions';
import type { StaffRole } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import type { AuthSession, SignInRoster, StaffRef } from '../../../../shared/staff-contract';
import type { DeskContext } from '../../context';
import { hashPin, lockSecondsAfter, verifyPin } from '../../security/pin';
import type { Database } from '../../storage/database';
import {
  clearPinFailures,
  countManagersWithPin,
  countOtherManagersWithPin,
  selectActiveStaffAuth,
  selectStaffAuthById,
  updatePinFailures,
  updatePinHash,
} from './queries/staff';

export const SESSION_IDLE_MS = 4 * 60 * 60 * 1000;
export const SESSION_MAX_MS = 14 * 60 * 60 * 1000;

interface Session {
  staffId: number;
  createdAt: number;
  lastUsedAt: number;
}

/** Sessions of each open desk (one database connection), in memory only. */
const sessionsByDesk = new WeakMap<Database, Map<string, Session>>();

function sessionsOf(ctx: DeskContext): Map<string, Session> {
  let sessions = sessionsByDesk.get(ctx.db);
  if (!sessions) {
    sessions = new Map();
    sessionsByDesk.set(ctx.db, sessions);
  }
  return sessions;
}

export type Actor = StaffRef;

function expiresAt(session: Session): number {
  return Math.min(session.lastUsedAt + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_MS);
}

/**
 * Checks a PIN for a staff member and books the result (wrong PINs count
 * towards the lock). `path` is where a refusal is reported.
 *
 * The attempt is booked as a failure (and the lock set when it is one too
 * many) in one write transaction BEFORE the PIN is hashed, and cleared again
 * when the PIN was right. So guesses sent in parallel, or from two counter PCs,
 * each see the ones before them: no more than the free attempts get checked
 * before the lock holds.
 */
export async function checkStaffPin(ctx: DeskContext, staffId: number, pin: string, path: string): Promise<Actor> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const record = await ctx.db.write(async (tx) => {
    const found = await selectStaffAuthById(tx, staffId);
    if (!found || !found.active) throw new DeskError('forbidden', [{ path: `${path}.staffId`, code: 'not_found' }]);
    if (found.pin_hash === null) throw new DeskError('forbidden', [{ path: `${path}.pin`, code: 'pin_not_set' }]);
    if (found.pin_locked_until !== null && found.pin_locked_until > nowIso) {
      throw new DeskError('forbidden', [{ path: `${path}.pin`, code: 'pin_locked' }], `locked until ${found.pin_locked_until}`);
    }
    const failures = found.pin_failed_count + 1;
    const lockSeconds = lockSecondsAfter(failures);
    const lockedUntil = lockSeconds > 0 ? new Date(now.getTime() + lockSeconds * 1000).toISOString() : found.pin_locked_until;
    await updatePinFailures(tx, staffId, failures, lockedUntil);
    return { ...found, pin_hash: found.pin_hash };
  });
  // Hashing takes tens of milliseconds: done outside any transaction.
  const ok = await verifyPin(pin, record.pin_hash);
  if (!ok) throw new DeskError('forbidden', [{ path: `${path}.pin`, code: 'pin_wrong' }]);
  await ctx.db.write((tx) => clearPinFailures(tx, staffId));
  return { id: record.id, name: record.name, role: record.role };
}

export async function signIn(ctx: DeskContext, staffId: number, pin: string): Promise<AuthSession> {
  const actor = await checkStaffPin(ctx, staffId, pin, '').catch((error: unknown) => {
    // Report on the sign-in form's own fields ("staffId", "pin").
    if (error instanceof DeskError)
      throw new DeskError(
        error.code,
        error.fields.map((f) => ({ ...f, path: f.path.replace(/^\./, '') })),
        error.message,
      );
    throw error;
  });
  const now = ctx.clock.now().getTime();
  const token = randomBytes(32).toString('base64url');
  const session: Session = { staffId: actor.id, createdAt: now, lastUsedAt: now };
  sessionsOf(ctx).set(token, session);
  return { token, staff: actor, expiresAt: new Date(expiresAt(session)).toISOString() };
}

export function signOut(ctx: DeskContext, token: string): { signedOut: boolean } {
  return { signedOut: sessionsOf(ctx).delete(token) };
}

/** Ends every session of one staff member (their PIN changed or they left). */
export function endSessionsOf(ctx: DeskContext, staffId: number): void {
  const sessions = sessionsOf(ctx);
  for (const [token, session] of sessions) if (session.staffId === staffId) sessions.delete(token);
}

function liveSession(ctx: DeskContext, token: string | null): Session | null {
  if (token === null) return null;
  const sessions = sessionsOf(ctx);
  const session = sessions.get(token);
  if (!session) return null;
  if (ctx.clock.now().getTime() >= expiresAt(session)) {
    sessions.delete(token);
    return null;
  }
  return session;
}

/**
 * The signed-in staff member behind a token, re-read in the use case's own
 * transaction. Refused when signed out, expired, or deactivated.
 */
export async function requireActor(tx: ReadTx, ctx: DeskContext, token: string): Promise<Actor> {
  const session = liveSession(ctx, token);
  if (!session) throw new DeskError('forbidden', [{ path: 'session', code: 'signed_out' }]);
  const record = await selectStaffAuthById(tx, session.staffId);
  if (!record || !record.active) {
    endSessionsOf(ctx, session.staffId);
    throw new DeskError('forbidden', [{ path: 'session', code: 'signed_out' }]);
  }
  session.lastUsedAt = ctx.clock.now().getTime();
  return { id: record.id, name: record.name, role: record.role };
}

/** The role behind an optional session, for reads that show more to some roles; null when signed out. */
export async function sessionRole(tx: ReadTx, ctx: DeskContext, token: string | null): Promise<StaffRole | null> {
  const session = liveSession(ctx, token);
  if (!session) return null;
  const record = await selectStaffAuthById(tx, session.staffId);
  return record && record.active ? record.role : null;
}

export async function currentSession(ctx: DeskContext, token: string): Promise<{ staff: StaffRef | null; expiresAt: string | null }> {
  const session = liveSession(ctx, token);
  if (!session) return { staff: null, expiresAt: null };
  const record = await ctx.db.read((tx) => selectStaffAuthById(tx, session.staffId));
  if (!record || !record.active) return { staff: null, expiresAt: null };
  return { staff: { id: record.id, name: record.name, role: record.role }, expiresAt: new Date(expiresAt(session)).toISOString() };
}

export interface ManagerApprovalInput {
  staffId: number;
  pin: string;
}

/**
 * Verifies a manager's id and PIN typed for an approval, before the use case's
 * own transaction (so a wrong PIN is counted even though the use case fails).
 * Returns the manager, or null when no approval was given.
 */
export async function verifyManagerApproval(ctx: DeskContext, approval: ManagerApprovalInput | null): Promise<Actor | null> {
  if (approval === null) return null;
  const manager = await checkStaffPin(ctx, approval.staffId, approval.pin, 'managerApproval');
  if (manager.role !== 'manager') throw new DeskError('forbidden', [{ path: 'managerApproval.staffId', code: 'manager_required' }]);
  return manager;
}

/**
 * The manager who approves an act: the actor when they are a manager, else the
 * verified approver (re-checked inside the transaction), else null.
 */
export async function approvingManager(tx: ReadTx, actor: Actor, approver: Actor | null): Promise<Actor | null> {
  if (actor.role === 'manager') return actor;
  if (approver === null) return null;
  const record = await selectStaffAuthById(tx, approver.id);
  if (!record || !record.active || record.role !== 'manager') return null;
  return approver;
}

export async function requireManagerApproval(tx: ReadTx, actor: Actor, approver: Actor | null): Promise<Actor> {
  const manager = await approvingManager(tx, actor, approver);
  if (!manager) throw new DeskError('forbidden', [{ path: 'managerApproval', code: 'manager_required' }]);
  return manager;
}

export function requireManagerRole(actor: Actor): void {
  if (actor.role !== 'manager') throw new DeskError('forbidden', [{ path: 'session', code: 'manager_required' }]);
}

async function managerHasPin(tx: ReadTx): Promise<boolean> {
  return (await countManagersWithPin(tx)) > 0;
}

/**
 * Who may add staff or change their name, role or active flag (staff.save):
 * anyone on a fresh desk, where no manager has a PIN yet and nobody can sign
 * in; after that only a signed-in manager — otherwise a clerk could make
 * themselves a manager. Nor may a change leave the shop without an active
 * manager who has a PIN (nobody could then approve or set PINs).
 */
export async function authoriseStaffChange(
  tx: ReadTx,
  ctx: DeskContext,
  session: string | null,
  change: { id: number | null; role: StaffRole; active: boolean },
): Promise<void> {
  if (!(await managerHasPin(tx))) return;
  if (session === null) throw new DeskError('forbidden', [{ path: 'session', code: 'signed_out' }]);
  requireManagerRole(await requireActor(tx, ctx, session));
  if (change.id !== null && (change.role !== 'manager' || !change.active)) {
    if ((await countOtherManagersWithPin(tx, change.id)) === 0) throw DeskError.field(change.role !== 'manager' ? 'role' : 'active', 'manager_required');
  }
}

export async function signInRoster(tx: ReadTx, nowIso: string): Promise<SignInRoster> {
  const rows = await selectActiveStaffAuth(tx);
  return {
    staff: rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      hasPin: r.pin_hash !== null,
      lockedUntil: r.pin_locked_until !== null && r.pin_locked_until > nowIso ? r.pin_locked_until : null,
    })),
    setupNeeded: !(await managerHasPin(tx)),
  };
}

export interface SetPinInput {
  session: string | null;
  staffId: number;
  currentPin: string | null;
  newPin: string;
}

/**
 * Sets a PIN. Allowed to: a signed-in manager for anyone; a signed-in staff
 * member for themselves, typing their current PIN; and, on a fresh desk where
 * no manager has a PIN yet, for a manager without one (first run).
 */
export async function setPin(ctx: DeskContext, input: SetPinInput): Promise<{ staffId: number }> {
  // Check the current PIN first (counted like a sign-in) when someone changes their own.
  const session = liveSession(ctx, input.session);
  const ownChange = session !== null && session.staffId === input.staffId;
  if (ownChange && input.currentPin !== null) await checkStaffPin(ctx, input.staffId, input.currentPin, 'current');
  const hash = await hashPin(input.newPin);
  await ctx.db.write(async (tx) => {
    const target = await selectStaffAuthById(tx, input.staffId);
    if (!target || !target.active) throw DeskError.field('staffId', 'not_found');
    if (input.session === null) {
      const firstRun = !(await managerHasPin(tx)) && target.role === 'manager' && target.pin_hash === null;
      if (!firstRun) throw new DeskError('forbidden', [{ path: 'session', code: 'signed_out' }]);
    } else {
      const actor = await requireActor(tx, ctx, input.session);
      if (actor.id === input.staffId) {
        if (target.pin_hash !== null && input.currentPin === null) throw DeskError.field('currentPin', 'required');
      } else if (actor.role !== 'manager') {
        throw new DeskError('forbidden', [{ path: 'session', code: 'manager_required' }]);
      }
    }
    await updatePinHash(tx, input.staffId, hash);
  });
  // Someone else's PIN was reset by a manager: their open sessions end.
  if (!ownChange) endSessionsOf(ctx, input.staffId);
  return { staffId: input.staffId };
}
