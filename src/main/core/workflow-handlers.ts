// Handlers of the repair-workflow channels (spread into handlers.ts). Each is
// one use case in one transaction; calls with a session resolve the acting
// staff member inside it, and a manager's PIN approval is checked just before.
import { acting, type Acting } from './acting';
import type { DeskContext } from './context';
import type { FeatureHandlers } from './handler-map';
import type { repairChannels, sessionChannels, stockChannels } from '../../shared/contract';
import { ticketBoard } from './services/board';
import { saveDiagnosis } from './services/diagnosis';
import { listFeeItems, saveFeeItem } from './services/fee-standard';
import { lendLoaner, listLoaners, returnLoan, saveLoaner } from './services/loaners';
import { currentSession, sessionRole, setPin, signIn, signInRoster, signOut, type ManagerApprovalInput } from './services/auth';
import { getQuote, previewQuote, saveQuote } from './services/quotes';
import { searchTickets, searchTicketsIn } from './services/search';
import { loadSettings, readTicketPrefix } from './services/settings';
import { adjustStock, listPartMoves, listParts, restockPart, returnToCustomer, returnToStores, savePart, useParts, withoutCosts } from './services/stock';
import { costsVisibleTo } from '../../shared/roles';
import {
  changePromisedDate,
  getWorkflow,
  handOver,
  logNotification,
  recordApproval,
  reopenAsRework,
  workflowMove,
} from './services/workflow';

/** A ticket action: does the work, then answers with the ticket's workflow view from the same transaction. */
function ticketAction(
  ctx: DeskContext,
  session: string,
  approval: ManagerApprovalInput | null,
  work: (acting: Acting) => Promise<number>,
) {
  return acting(ctx, session, approval, async (a) => getWorkflow(a.tx, await work(a), a.settings, a.now));
}

export const workflowHandlers: FeatureHandlers<typeof sessionChannels & typeof repairChannels & typeof stockChannels> = {
  'auth.roster': (_input, { db, clock }) => db.read((tx) => signInRoster(tx, clock.now().toISOString())),
  'auth.signIn': (input, ctx) => signIn(ctx, input.staffId, input.pin),
  'auth.signOut': async (input, ctx) => signOut(ctx, input.session),
  'auth.session': (input, ctx) => currentSession(ctx, input.session),
  'auth.setPin': (input, ctx) => setPin(ctx, input),

  'tickets.search': (input, { db, clock }) => {
    const options = { today: clock.now(), more: input.more };
    // SQLite answers on the driver with the prefix its connection keeps; PostgreSQL in a read transaction.
    return db.engine.name === 'sqlite'
      ? db.readSql((sql) => searchTickets(sql, input.query, input.limit, readTicketPrefix(sql), options))
      : db.read(async (tx) => searchTicketsIn(tx, input.query, input.limit, (await loadSettings(tx)).ticketPrefix, options));
  },
  'tickets.board': (input, { db, clock }) => db.read(async (tx) => ticketBoard(tx, input, (await loadSettings(tx)).ticketPrefix, clock.now())),
  'tickets.getWorkflow': (input, { db, clock }) => db.read(async (tx) => getWorkflow(tx, input.ticketId, await loadSettings(tx), clock.now())),

  'workflow.move': (input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await workflowMove(tx, actor, approver, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'workflow.reopen': async (input, ctx) => {
    const rework = await acting(ctx, input.session, null, ({ tx, actor, settings, now }) => reopenAsRework(tx, actor, input, settings, now));
    // A rework takes a new ticket number: remembered beside the file like a check-in's.
    ctx.safety.noteTickets([rework.number]);
    return rework;
  },
  'diagnosis.save': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await saveDiagnosis(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'quotes.preview': (input, { db }) => db.read(async (tx) => previewQuote(tx, input, await loadSettings(tx))),
  'quotes.save': (input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await saveQuote(tx, actor, approver, input, settings, now.toISOString());
      return input.ticketId;
    }),
  'quotes.get': (input, { db }) => db.read(async (tx) => getQuote(tx, input.quoteId, (await loadSettings(tx)).language)),
  'approvals.record': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await recordApproval(tx, actor, input, settings.language, now);
      return input.ticketId;
    }),
  'tickets.handOver': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await handOver(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'tickets.changePromisedDate': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await changePromisedDate(tx, actor, input, settings.language, now);
      return input.ticketId;
    }),
  'notifications.log': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await logNotification(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),

  'loaners.list': (input, { db }) => db.read(async (tx) => listLoaners(tx, input.includeInactive, (await loadSettings(tx)).ticketPrefix)),
  'loaners.save': (input, ctx) =>
    acting(ctx, input.session, null, ({ tx, settings, now }) => saveLoaner(tx, input, settings.ticketPrefix, now.toISOString())),
  'loans.lend': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await lendLoaner(tx, actor, input, settings.ticketPrefix, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'loans.return': (input, ctx) =>
    ticketAction(ctx, input.session, null, ({ tx, actor, settings, now }) => returnLoan(tx, actor, input, settings.language, now.toISOString())),

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
      const moves = await listPartMoves(tx, input.partId, input.limit, (await loadSettings(tx)).ticketPrefix);
      return moves.map((move) => withoutCosts(move, show));
    }),
  'parts.use': (input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await useParts(tx, actor, approver, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'parts.returnToStores': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await returnToStores(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  'parts.returnToCustomer': (input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await returnToCustomer(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
};
