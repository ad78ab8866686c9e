// Handlers of the repair at the bench: moves, diagnosis, quotes, approvals,
// hand-over, promised dates, notifications, loaners and parts used. Each is one
// use case in one transaction; calls with a session resolve the acting staff
// member inside it, and a manager's PIN approval is checked just before.
import { acting, type Acting } from '../../acting';
import { rolesCheckedInUseCase } from '../../role-check-in-use-case';
import type { DeskContext } from '../../context';
import type { FeatureHandlers } from '../../handler-map';
import type { repairChannels } from '../../../../shared/repair-contract';
import { loadSettings } from '../settings';
import type { ManagerApprovalInput } from '../staff';
import { returnToCustomer, returnToStores, useParts } from '../stock';
import { saveDiagnosis } from './diagnosis';
import { lendLoaner, listLoaners, returnLoan, saveLoaner } from './loaners';
import { getQuote, previewQuote, saveQuote } from './quotes';
import { changePromisedDate, getWorkflow, handOver, logNotification, recordApproval, reopenAsRework, workflowMove } from './workflow';

/** A ticket action: does the work, then answers with the ticket's workflow view from the same transaction. */
function ticketAction(ctx: DeskContext, session: string, approval: ManagerApprovalInput | null, work: (acting: Acting) => Promise<number>) {
  return acting(ctx, session, approval, async (a) => getWorkflow(a.tx, await work(a), a.settings, a.now));
}

export const repairHandlers: FeatureHandlers<typeof repairChannels> = {
  'tickets.getWorkflow': (input, { db, clock }) => db.read(async (tx) => getWorkflow(tx, input.ticketId, await loadSettings(tx), clock.now())),

  'workflow.move': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await workflowMove(tx, actor, approver, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'workflow.reopen': rolesCheckedInUseCase(async (input, ctx) => {
    const rework = await acting(ctx, input.session, null, ({ tx, actor, settings, now }) => reopenAsRework(tx, actor, input, settings, now));
    // A rework takes a new ticket number: remembered beside the file like a check-in's.
    ctx.safety.noteTickets([rework.number]);
    return rework;
  }),
  'diagnosis.save': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await saveDiagnosis(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'quotes.preview': (input, { db }) => db.read(async (tx) => previewQuote(tx, input, await loadSettings(tx))),
  'quotes.save': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await saveQuote(tx, actor, approver, input, settings, now.toISOString());
      return input.ticketId;
    }),
  ),
  'quotes.get': (input, { db }) => db.read(async (tx) => getQuote(tx, input.quoteId, (await loadSettings(tx)).language)),
  'approvals.record': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await recordApproval(tx, actor, input, settings.language, now);
      return input.ticketId;
    }),
  ),
  'tickets.handOver': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await handOver(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'tickets.changePromisedDate': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await changePromisedDate(tx, actor, input, settings.language, now);
      return input.ticketId;
    }),
  ),
  'notifications.log': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await logNotification(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),

  'loaners.list': (input, { db }) => db.read(async (tx) => listLoaners(tx, input.includeInactive, (await loadSettings(tx)).ticketPrefix)),
  'loaners.save': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, null, ({ tx, settings, now }) => saveLoaner(tx, input, settings.ticketPrefix, now.toISOString())),
  ),
  'loans.lend': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await lendLoaner(tx, actor, input, settings.ticketPrefix, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'loans.return': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, ({ tx, actor, settings, now }) => returnLoan(tx, actor, input, settings.language, now.toISOString())),
  ),

  'parts.use': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) => {
      await useParts(tx, actor, approver, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'parts.returnToStores': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await returnToStores(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
  'parts.returnToCustomer': rolesCheckedInUseCase((input, ctx) =>
    ticketAction(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await returnToCustomer(tx, actor, input, settings.language, now.toISOString());
      return input.ticketId;
    }),
  ),
};
