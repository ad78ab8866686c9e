// Handlers of the data-safety channels. Backups,
// restore and export need a signed-in manager; the recovery channels serve the
// recovery screen while the shop's file is missing or damaged.
import { DeskError } from '../../../../shared/errors';
import type { FeatureHandlers } from '../../handler-map';
import type { dataSafetyChannels } from '../../../../shared/data-safety-contract';
import type { DeskContext } from '../../context';
import { requireActor, requireManagerRole } from '../staff';
import { DEFAULT_SETTINGS, loadSettings } from '../settings';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import { authoriseFromBackup, describeBackup, mayStartEmpty, restoreIntoDesk, startEmptyDesk } from './restore-desk';
import { backupFolderProblem } from './backup-settings';

/** The signed-in manager's shop settings; refused for anyone else. */
async function asManager(ctx: DeskContext, session: string) {
  return ctx.db.read(async (tx) => {
    requireManagerRole(await requireActor(tx, ctx, session));
    return loadSettings(tx);
  });
}

function requireRecovery(ctx: DeskContext): void {
  // On a healthy desk a restore goes through backups.restore, by a signed-in manager.
  if (!ctx.safety.problem) throw new DeskError('forbidden');
}

export const dataSafetyHandlers: FeatureHandlers<typeof dataSafetyChannels> = {
  'backups.status': async (input, ctx) => ctx.safety.status((await asManager(ctx, input.session)).ticketPrefix),
  'backups.configure': async (input, ctx) => {
    const settings = await asManager(ctx, input.session);
    const folder = input.folder === '' ? null : input.folder;
    // A folder chosen before is kept as it is (an unplugged USB stick is a warning, not a reason to refuse the interval).
    if (folder !== null && folder !== ctx.safety.settings().folder) {
      const problem = backupFolderProblem(folder, ctx.safety.files.dataDir);
      if (problem) throw DeskError.field('folder', problem);
    }
    ctx.safety.configure({ folder, intervalHours: input.intervalHours });
    return ctx.safety.status(settings.ticketPrefix);
  },
  'backups.run': async (input, ctx) => {
    const settings = await asManager(ctx, input.session);
    await ctx.safety.backup('manual');
    return ctx.safety.status(settings.ticketPrefix);
  },
  'backups.inspect': async (input, ctx) => {
    await asManager(ctx, input.session);
    return describeBackup(input.path);
  },
  'backups.restore': async (input, ctx) => {
    await asManager(ctx, input.session);
    return restoreIntoDesk(ctx, input.path);
  },
  'recovery.status': async (_input, ctx) => {
    const { problem } = ctx.safety;
    if (!problem) return { problem: null, newest: null, canStartEmpty: false };
    const newest = ctx.safety.backups()[0];
    let described = null;
    try {
      described = newest ? describeBackup(newest.file) : null;
    } catch {
      described = null; // a backup that no longer passes its check is not offered
    }
    return {
      problem: {
        kind: problem.kind,
        // Shown as printed on the claim tickets (the prefix is in the backup: the shop's settings are in the missing file).
        lastTicketNumber:
          problem.lastTicketNumber === null ? null : displayTicketNumber(problem.lastTicketNumber, described?.ticketPrefix ?? DEFAULT_SETTINGS.ticketPrefix),
        detail: problem.detail,
      },
      newest: described,
      canStartEmpty: mayStartEmpty(ctx),
    };
  },
  'recovery.inspect': async (input, ctx) => {
    requireRecovery(ctx);
    return describeBackup(input.path);
  },
  'recovery.restore': async (input, ctx) => {
    requireRecovery(ctx);
    await authoriseFromBackup(input.path, input.managerApproval);
    return restoreIntoDesk(ctx, input.path);
  },
  'recovery.startEmpty': async (_input, ctx) => {
    requireRecovery(ctx);
    return startEmptyDesk(ctx);
  },
  'dataExport.start': async (input, ctx) => ctx.safety.startExport((await asManager(ctx, input.session)).shopName),
  'dataExport.progress': async (input, ctx) => {
    await asManager(ctx, input.session);
    const progress = ctx.safety.exportProgress(input.jobId);
    if (!progress) throw DeskError.field('jobId', 'not_found');
    return progress;
  },
};
