// A restore on a running desk: the backups stop, the connection closes, the
// backup is put in place (the current files kept aside), and the desk opens
// the restored file through the same checks as at start. Everyone is signed
// out (sessions belong to the old connection).
import { DeskError } from '../../../../shared/errors';
import type { BackupContentsView, RestoreView, StartEmptyView } from '../../../../shared/data-safety-contract';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { DeskContext } from '../../context';
import { verifyPin } from '../../security/pin';
import { DEFAULT_SETTINGS } from '../settings';
import { openRaw } from './data-file';
import { openShopFile } from './open-shop';
import { inspectBackup, restoreBackup, startEmpty } from './restore';

interface BackupPeople {
  shopName: string;
  prefix: string;
  managers: { id: number; name: string; pinHash: string }[];
}

/** The shop name, ticket prefix and managers with a PIN stored in a backup file. */
function peopleOf(file: string): BackupPeople {
  const db = openRaw(file, { readonly: true });
  try {
    const setting = (key: string): unknown => {
      const row = db.prepare(`SELECT value FROM setting WHERE key = ?`).get(key) as { value: string } | undefined;
      try {
        return row ? JSON.parse(row.value) : undefined;
      } catch {
        return undefined;
      }
    };
    const managers = db
      .prepare(`SELECT id, name, pin_hash AS pinHash FROM staff WHERE role = 'manager' AND active = 1 AND pin_hash IS NOT NULL ORDER BY name`)
      .all() as {
      id: number;
      name: string;
      pinHash: string;
    }[];
    const shopName = setting('shopName');
    const prefix = setting('ticketPrefix');
    return { shopName: typeof shopName === 'string' ? shopName : '', prefix: typeof prefix === 'string' ? prefix : 'RD', managers };
  } finally {
    db.close();
  }
}

/** What a backup holds, for the manager to see before restoring it. */
export function describeBackup(path: string): BackupContentsView {
  const contents = inspectBackup(path);
  const people = peopleOf(contents.file);
  return {
    file: contents.file,
    takenAt: contents.takenAt,
    tickets: contents.tickets,
    lastTicketNumber: contents.lastTicketNumber,
    displayLastTicket: contents.lastTicketNumber === null ? null : displayTicketNumber(contents.lastTicketNumber, people.prefix),
    shopName: people.shopName,
    ticketPrefix: people.prefix,
    managers: people.managers.map(({ id, name }) => ({ id, name })),
  };
}

/**
 * On the recovery screen nobody can sign in (the shop's staff are in the
 * missing file), so the restore is approved by a manager of the backup itself
 * with their PIN; a backup without any manager PIN needs none.
 */
export async function authoriseFromBackup(path: string, approval: { staffId: number; pin: string } | null): Promise<void> {
  const { managers } = peopleOf(inspectBackup(path).file);
  if (managers.length === 0) return;
  if (approval === null) throw new DeskError('forbidden', [{ path: 'managerApproval', code: 'manager_required' }]);
  const manager = managers.find((m) => m.id === approval.staffId);
  if (!manager) throw new DeskError('forbidden', [{ path: 'managerApproval.staffId', code: 'manager_required' }]);
  if (!(await verifyPin(approval.pin, manager.pinHash))) throw new DeskError('forbidden', [{ path: 'managerApproval.pin', code: 'pin_wrong' }]);
}

export async function restoreIntoDesk(ctx: DeskContext, path: string): Promise<RestoreView> {
  const contents = describeBackup(path); // refuses a bad file before anything is touched
  const { safety } = ctx;
  await safety.settle();
  await ctx.db.close();
  const { keptAside } = restoreBackup({ ...safety.files, backup: contents.file, now: ctx.clock.now() });
  if (await openShopFile(ctx)) safety.start({ backupNow: false });
  return { contents, keptAside };
}

/** Problems for which starting empty may be offered: the shop's file is gone or unreadable (a foreign file or a lost key have other answers). */
const EMPTY_START_PROBLEMS = new Set(['missing', 'damaged']);

/** Whether the recovery screen may offer to start empty: the file missing or damaged and no backup anywhere. */
export function mayStartEmpty(ctx: DeskContext): boolean {
  const { problem } = ctx.safety;
  return problem !== null && EMPTY_START_PROBLEMS.has(problem.kind) && ctx.safety.backups().length === 0;
}

/** Starts an empty desk in place of a missing or damaged file, keeping that file aside; refused while any backup exists. */
export async function startEmptyDesk(ctx: DeskContext): Promise<StartEmptyView> {
  const { safety } = ctx;
  const problem = safety.problem;
  if (!problem) throw new DeskError('forbidden');
  if (!EMPTY_START_PROBLEMS.has(problem.kind)) throw new DeskError('conflict', [{ path: 'confirm', code: 'invalid' }]);
  // Never past a backup: the manager restores it instead.
  if (safety.backups().length > 0) throw new DeskError('conflict', [{ path: 'confirm', code: 'backup_exists' }]);
  await safety.settle();
  await ctx.db.close();
  const { keptAside, ticketFloor } = startEmpty({ dataDir: safety.files.dataDir, databaseFile: safety.files.databaseFile, now: ctx.clock.now(), problem });
  if (!(await openShopFile(ctx))) throw new DeskError('internal', [], `the empty desk did not open: ${safety.problem?.detail ?? ''}`);
  safety.start({ backupNow: true });
  return { keptAside, ticketFloor: ticketFloor === null ? null : displayTicketNumber(ticketFloor, DEFAULT_SETTINGS.ticketPrefix) };
}
