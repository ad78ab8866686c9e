// Handlers of the intake channels: customers as the counter finds them, the
// warranty check, check-in and the ticket as checked in.
import type { intakeChannels } from '../../../../shared/contract';
import { acting } from '../../acting';
import { rolesCheckedInUseCase } from '../../role-check-in-use-case';
import type { FeatureHandlers } from '../../handler-map';
import { localIsoDate } from '../../../../shared/calendar';
import { assessWarranty } from '../../../../shared/warranty';
import { requireActor } from '../staff';
import { getCustomer, searchCustomers, searchCustomersIn } from '../customers';
import { checkIn } from './intake';
import { loadSettings } from '../settings';
import { requireSetupDone } from '../settings';
import { getTicketByNumber, revealPasscode } from '../../record/tickets';

export const intakeHandlers: FeatureHandlers<typeof intakeChannels> = {
  // SQLite answers on the driver, as the ticket search does; PostgreSQL in a read transaction.
  'customers.search': (input, { db }) =>
    db.engine.name === 'sqlite'
      ? db.readSql((sql) => searchCustomers(sql, input.query, input.limit))
      : db.read((tx) => searchCustomersIn(tx, input.query, input.limit)),
  'customers.get': (input, { db }) => db.read(async (tx) => getCustomer(tx, input.id, (await loadSettings(tx)).ticketPrefix)),
  'warranty.assess': (input, { db, clock }) =>
    db.read(async (tx) => {
      const { warrantyMonths } = await loadSettings(tx);
      return assessWarranty({ ...input, today: localIsoDate(clock.now()), warrantyMonths });
    }),
  'intake.checkIn': rolesCheckedInUseCase(async (input, ctx) => {
    const result = await acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await requireSetupDone(tx);
      return checkIn(tx, ctx.secrets, settings, actor, input, now);
    });
    // Remembered beside the file: an emptied or older file is then recognised at start.
    ctx.safety.noteTickets(result.tickets.map((ticket) => ticket.number));
    return result;
  }),
  'tickets.get': (input, { db }) => db.read(async (tx) => getTicketByNumber(tx, input.number, await loadSettings(tx))),
  'tickets.revealPasscode': (input, ctx) =>
    ctx.db.write(async (tx) => {
      const viewer = await requireActor(tx, ctx, input.session);
      return revealPasscode(tx, ctx.secrets, input.ticketId, viewer.id, ctx.clock.now().toISOString());
    }),
};
