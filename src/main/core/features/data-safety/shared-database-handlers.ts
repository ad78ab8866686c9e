// Handlers of Settings > Storage / Shared database: a signed-in manager only.
import { DeskError } from '../../../../shared/errors';
import type { sharedDatabaseChannels } from '../../../../shared/shared-database-contract';
import type { DeskContext } from '../../context';
import type { FeatureHandlers } from '../../handler-map';
import { requireActor, requireManagerRole } from '../staff';
import { connectToServer, moveProgress, sharedDatabaseStatus, startMove, testServer } from './shared-database';

async function asManager(ctx: DeskContext, session: string): Promise<void> {
  await ctx.db.read(async (tx) => requireManagerRole(await requireActor(tx, ctx, session)));
}

export const sharedDatabaseHandlers: FeatureHandlers<typeof sharedDatabaseChannels> = {
  'sharedDatabase.status': async (input, ctx) => {
    await asManager(ctx, input.session);
    return sharedDatabaseStatus(ctx);
  },
  'sharedDatabase.test': async (input, ctx) => {
    await asManager(ctx, input.session);
    return testServer(ctx, input);
  },
  'sharedDatabase.move': async (input, ctx) => {
    await asManager(ctx, input.session);
    return startMove(ctx, input);
  },
  'sharedDatabase.moveProgress': async (input) => {
    // Not through the database: the copy holds the desk's queue, and once moved the old sign-ins are gone.
    const progress = moveProgress(input.jobId);
    if (!progress) throw DeskError.field('jobId', 'not_found');
    return progress;
  },
  'sharedDatabase.connect': async (input, ctx) => {
    await asManager(ctx, input.session);
    return connectToServer(ctx, input);
  },
};
