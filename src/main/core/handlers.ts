// One handler per contract channel. Inputs arrive already validated by the
// dispatcher; each handler is one use case in one transaction.
import { PRINTABLE_DOCUMENTS, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract';
import type { DeskContext } from './context';
import { localIsoDate } from './rules/calendar';
import { assessWarranty } from './rules/warranty';
import { getCustomer, searchCustomers } from './services/customers';
import { checkIn } from './services/intake';
import { loadSettings, saveSettings } from './services/settings';
import { listStaff, saveStaff } from './services/staff';
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

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>, ctx: DeskContext) => Promise<ChannelOutput<C>>;
};

export const handlers: Handlers = {
  'settings.get': (_input, { db }) => db.read((tx) => loadSettings(tx)),
  'settings.update': (input, { db }) => {
    for (const document of PRINTABLE_DOCUMENTS) {
      const chosen = input.printing?.[document];
      if (chosen) requirePreset(document, chosen.preset, `printing.${document}.preset`);
    }
    // A field sent as undefined is a field not sent: it keeps its stored value.
    const given = definedFields(input);
    return db.write(async (tx) => {
      const current = await loadSettings(tx);
      // A screen that knows fewer documents (an older one) leaves the others' print settings alone.
      return saveSettings(tx, { ...current, ...given, printing: { ...current.printing, ...definedFields(given.printing ?? {}) } });
    });
  },
  'staff.list': (input, { db }) => db.read((tx) => listStaff(tx, input.includeInactive)),
  'staff.save': (input, ctx) =>
    ctx.db.write(async (tx) => {
      await authoriseStaffChange(tx, ctx, input.session, input);
      return saveStaff(tx, input, ctx.clock.now().toISOString());
    }),
  'customers.search': (input, { db }) => db.read((tx) => searchCustomers(tx, input.query, input.limit)),
  'customers.get': (input, { db }) =>
    db.read(async (tx) => getCustomer(tx, input.id, (await loadSettings(tx)).ticketPrefix)),
  'warranty.assess': (input, { db, clock }) =>
    db.read(async (tx) => {
      const { warrantyMonths } = await loadSettings(tx);
      return assessWarranty({ ...input, today: localIsoDate(clock.now()), warrantyMonths });
    }),
  'intake.checkIn': async (input, { db, clock, secrets, safety }) => {
    const result = await db.write(async (tx) => checkIn(tx, secrets, await loadSettings(tx), input, clock.now()));
    // Remembered beside the file: an emptied or older file is then recognised at start.
    safety.noteTickets(result.tickets.map((ticket) => ticket.number));
    return result;
  },
  'tickets.get': (input, { db }) =>
    db.read(async (tx) => getTicketByNumber(tx, input.number, (await loadSettings(tx)).ticketPrefix)),
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
};
