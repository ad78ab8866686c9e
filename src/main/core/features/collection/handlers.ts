// Handlers of the collection channels. Each is one
// use case in one transaction; money calls resolve the signed-in staff member
// inside it, and a manager's PIN approval is checked just before.
import type { FeatureHandlers } from '../../handler-map';
import type { collectionChannels } from '../../../../shared/contract';
import { acting } from '../../acting';
import { rolesCheckedInUseCase } from '../../role-check-in-use-case';
import { completeCollection, refund, takePayment, voidPayment } from './collection';
import { cashDrawer } from './collection-drawer';
import { findForCollection, unclaimedTickets } from './collection-find';
import { getCollectionView } from './collection-view';
import { loadSettings } from '../settings';

export const collectionHandlers: FeatureHandlers<typeof collectionChannels> = {
  'collection.find': (input, { db }) => db.read(async (tx) => findForCollection(tx, input.query, await loadSettings(tx))),
  'collection.get': (input, { db }) => db.read(async (tx) => getCollectionView(tx, input.ticketId, await loadSettings(tx))),
  'collection.pay': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await takePayment(tx, actor, input, settings, now.toISOString());
      return getCollectionView(tx, input.ticketId, settings);
    }),
  ),
  'collection.refund': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await refund(tx, actor, approver, input, settings, now.toISOString());
      return getCollectionView(tx, input.ticketId, settings);
    }),
  ),
  'collection.voidPayment': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) =>
      getCollectionView(tx, await voidPayment(tx, actor, approver, input, settings, now.toISOString()), settings),
    ),
  ),
  'collection.complete': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, input.managerApproval, ({ tx, actor, approver, settings, now }) =>
      completeCollection(tx, actor, approver, input, settings, now),
    ),
  ),
  'collection.unclaimed': (_input, { db, clock }) => db.read(async (tx) => unclaimedTickets(tx, await loadSettings(tx), clock.now())),
  'collection.drawer': (input, { db, clock }) => db.read(async (tx) => cashDrawer(tx, input.date, await loadSettings(tx), clock.now())),
};
