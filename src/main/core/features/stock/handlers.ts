// The fee standard and parts stock: lists, prices, restock and counted adjustments.
// Cost prices are answered only to a manager's session.
import { acting } from '../../acting';
import type { FeatureHandlers } from '../../handler-map';
import type { stockChannels } from '../../../../shared/stock-contract';
import { costsVisibleTo } from '../../../../shared/roles';
import { listFeeItems, saveFeeItem } from '../repair';
import { loadSettings } from '../settings';
import { sessionRole } from '../staff';
import { adjustStock, listPartMoves, listParts, restockPart, savePart, withoutCosts } from './stock';

export const stockHandlers: FeatureHandlers<typeof stockChannels> = {
  'feeStandard.list': (input, { db }) => db.read((tx) => listFeeItems(tx, input.includeInactive)),
  'feeStandard.save': (input, ctx) => acting(ctx, input.session, null, ({ tx, actor, now }) => saveFeeItem(tx, actor, input, now.toISOString())),

  'parts.list': (input, ctx) =>
    ctx.db.read(async (tx) => {
      const show = costsVisibleTo(await sessionRole(tx, ctx, input.session));
      return (await listParts(tx, input)).map((part) => withoutCosts(part, show));
    }),
  'parts.save': (input, ctx) => acting(ctx, input.session, null, ({ tx, actor, now }) => savePart(tx, actor, input, now.toISOString())),
  'parts.restock': (input, ctx) => acting(ctx, input.session, null, ({ tx, actor, now }) => restockPart(tx, actor, input, now.toISOString())),
  'parts.adjust': (input, ctx) =>
    acting(ctx, input.session, input.managerApproval, ({ tx, actor, approver, now }) => adjustStock(tx, actor, approver, input, now.toISOString())),
  'parts.moves': (input, ctx) =>
    ctx.db.read(async (tx) => {
      const show = costsVisibleTo(await sessionRole(tx, ctx, input.session));
      const settings = await loadSettings(tx);
      const moves = await listPartMoves(tx, input.partId, input.limit, settings.ticketPrefix, settings.language);
      return moves.map((move) => withoutCosts(move, show));
    }),
};
