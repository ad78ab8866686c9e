// Handlers of the trusted-record channels: first-run
// setup, the explicit customer update and the manager's history check.
import type { FeatureHandlers } from '../../handler-map';
import type { trustContract } from '../../../../shared/trust-contract';
import { acting } from '../../acting';
import { hashPin } from '../../security/pin';
import { signIn } from './auth';
import { updateCustomer } from '../customers';
import { completeSetup, setupStatus } from '../settings';
import { verifyHistory } from '../../storage/history-chain';

export const trustHandlers: FeatureHandlers<typeof trustContract> = {
  'setup.status': (_input, { db }) => db.read(setupStatus),
  'setup.complete': async (input, ctx) => {
    // Hashing takes tens of milliseconds: done before the transaction.
    const pinHash = await hashPin(input.managerPin);
    const managerId = await ctx.db.write((tx) => completeSetup(tx, input, pinHash, ctx.clock.now().toISOString()));
    return signIn(ctx, managerId, input.managerPin);
  },
  'customers.update': (input, ctx) => acting(ctx, input.session, null, ({ tx, actor, now }) => updateCustomer(tx, actor, input, now.toISOString())),
  // The role table has already checked the manager's session; the check itself only reads.
  'audit.verify': (_input, { db }) => db.read(verifyHistory),
};
