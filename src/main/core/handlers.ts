// One handler per contract channel. Inputs arrive already validated by the
// dispatcher; each handler is one use case in one transaction.
import { PRINTABLE_DOCUMENTS, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract';
import type { DeskContext } from './context';
import { localIsoDate } from './rules/calendar';
import { assessWarranty } from './rules/warranty';
import { getCustomer, searchCustomers } from './services/customers';
import { checkIn } from './services/intake';
import { loadSettings, saveSettings } from './services/settings';
import { listStaff, saveStaffAudited } from './services/staff';
import { getTicketByNumber, revealPasscode } from './services/tickets';
import { printingHandlers, requirePreset } from './printing-handlers';
import { authoriseStaffChange, requireActor } from './services/auth';
import { workflowHandlers } from './workflow-handlers';
import { collectionHandlers } from './collection-handlers';
import { customerCareHandlers } from './customer-care-handlers';
import { figuresHandlers } from './figures-handlers';
import { intakeDraftHandlers } from './intake-draft-handlers';
import { definedFields } from './defined-fields';
import { dataSafetyHandlers } from './data-safety-handlers';
import { trustHandlers } from './trust-handlers';
import { acting } from './acting';
import { changedValues, recordAudit } from './services/audit';
import { requireSetupDone } from './services/setup';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>, ctx: DeskContext) => Promise<ChannelOutput<C>>;
};

export const handlers: Handlers = {
  'settings.get': (_input, { db }) => db.read((tx) => loadSettings(tx)),
  'settings.update': ({ session, ...input }, ctx) => {
    for (const document of PRINTABLE_DOCUMENTS) {
      const chosen = input.printing?.[document];
      if (chosen) requirePreset(document, chosen.preset, `printing.${document}.preset`);
    }
    // A field sent as undefined is a field not sent: it keeps its stored value.
    const given = definedFields(input);
    return acting(ctx, session, null, async ({ tx, actor, settings: current, now }) => {
      // A screen that knows fewer documents (an older one) leaves the others' print settings alone.
      const saved = await saveSettings(tx, { ...current, ...given, printing: { ...current.printing, ...definedFields(given.printing ?? {}) } });
      const change = changedValues<Record<string, unknown>>(current, saved);
      if (change) await recordAudit(tx, { kind: 'settings', subjectId: null, oldValue: change.old, newValue: change.new, staffId: actor.id, at: now.toISOString() });
      return saved;
    });
  },
  'staff.list': (input, { db }) => db.read((tx) => listStaff(tx, input.includeInactive)),
  'staff.save': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, now }) => {
      await authoriseStaffChange(tx, ctx, input.session, input);
      return saveStaffAudited(tx, actor, input, now.toISOString());
    }),
  'customers.search': (input, { db }) => db.read((tx) => searchCustomers(tx, input.query, input.limit)),
  'customers.get': (input, { db }) =>
    db.read(async (tx) => getCustomer(tx, input.id, (await loadSettings(tx)).ticketPrefix)),
  'warranty.assess': (input, { db, clock }) =>
    db.read(async (tx) => {
      const { warrantyMonths } = await loadSettings(tx);
      return assessWarranty({ ...input, today: localIsoDate(clock.now()), warrantyMonths });
    }),
  'intake.checkIn': async (input, ctx) => {
    const result = await acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await requireSetupDone(tx);
      return checkIn(tx, ctx.secrets, settings, actor, input, now);
    });
    // Remembered beside the file: an emptied or older file is then recognised at start.
    ctx.safety.noteTickets(result.tickets.map((ticket) => ticket.number));
    return result;
  },
  'tickets.get': (input, { db }) =>
    db.read(async (tx) => getTicketByNumber(tx, input.number, await loadSettings(tx))),
  'tickets.revealPasscode': (input, ctx) =>
    ctx.db.write(async (tx) => {
      const viewer = await requireActor(tx, ctx, input.session);
      return revealPasscode(tx, ctx.secrets, input.ticketId, viewer.id, ctx.clock.now().toISOString());
    }),
  ...printingHandlers,
  ...workflowHandlers,
  ...collectionHandlers,
  ...customerCareHandlers,
  ...figuresHandlers,
  ...intakeDraftHandlers,
  ...dataSafetyHandlers,
  ...trustHandlers,
};
