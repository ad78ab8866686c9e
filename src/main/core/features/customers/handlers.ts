// Handlers of the customer-care channels: the archive, follow-up calls, complaints, messages and the satisfaction summary.
// Each is one use case in one transaction; calls that record a person resolve
// the signed-in staff member inside it.
import { acting } from '../../acting';
import { rolesCheckedInUseCase } from '../../role-check-in-use-case';
import type { FeatureHandlers } from '../../handler-map';
import type { customerCareChannels } from '../../../../shared/customer-care-contract';
import { localIsoDate } from '../../../../shared/calendar';
import { requireManagerApproval } from '../staff';
import { addComplaintStep, closeComplaint, getComplaint, listComplaints, openComplaint, resolveComplaint } from './complaints';
import { contactsOfTickets, logMessage } from './contact-history';
import { getArchive, mergeCustomers, updateCustomer } from './customer-archive';
import { searchArchive, searchArchiveIn } from './customer-archive-search';
import { followUpsDue, recordFollowUp } from './follow-ups';
import { satisfactionSummary } from '../figures';
import { loadSettings } from '../settings';
import { recordRepairTest, testsOfTicket } from './repair-tests';
import { backFromManufacturer, sendToManufacturer, tripsAway, tripsOfTicket } from './manufacturer-trips';

export const customerCareHandlers: FeatureHandlers<typeof customerCareChannels> = {
  // SQLite answers on the driver, as the ticket search does; PostgreSQL in a read transaction.
  'archive.search': (input, { db }) =>
    db.engine.name === 'sqlite'
      ? db.readSql((sql) => searchArchive(sql, input.query, input.limit, { more: input.more }))
      : db.read((tx) => searchArchiveIn(tx, input.query, input.limit, { more: input.more })),
  'archive.get': (input, { db, clock }) => db.read(async (tx) => getArchive(tx, input.customerId, await loadSettings(tx), clock.now())),
  'archive.update': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await updateCustomer(tx, actor, input, now.toISOString());
      return getArchive(tx, input.customerId, settings, now);
    }),
  'archive.merge': (input, ctx) =>
    acting(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, now }) =>
      mergeCustomers(tx, actor, await requireManagerApproval(tx, actor, approver), input, now.toISOString()),
    ),

  'followUps.due': (input, { db, clock }) => db.read(async (tx) => followUpsDue(tx, input.date ?? localIsoDate(clock.now()), await loadSettings(tx))),
  'followUps.record': rolesCheckedInUseCase((input, ctx) =>
    acting(ctx, input.session, null, ({ tx, actor, settings, now }) => recordFollowUp(tx, actor, input, settings, now)),
  ),

  'complaints.open': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) =>
      getComplaint(tx, await openComplaint(tx, actor, input, now), settings.ticketPrefix, now),
    ),
  'complaints.list': (input, { db, clock }) =>
    db.read(async (tx) => listComplaints(tx, input.includeClosed, (await loadSettings(tx)).ticketPrefix, clock.now())),
  'complaints.get': (input, { db, clock }) => db.read(async (tx) => getComplaint(tx, input.complaintId, (await loadSettings(tx)).ticketPrefix, clock.now())),
  'complaints.addStep': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await addComplaintStep(tx, actor, input.complaintId, input.note, now.toISOString());
      return getComplaint(tx, input.complaintId, settings.ticketPrefix, now);
    }),
  'complaints.resolve': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await resolveComplaint(tx, actor, input, now.toISOString());
      return getComplaint(tx, input.complaintId, settings.ticketPrefix, now);
    }),
  'complaints.close': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await closeComplaint(tx, actor, input, now.toISOString());
      return getComplaint(tx, input.complaintId, settings.ticketPrefix, now);
    }),

  'messages.log': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await logMessage(tx, actor, input, now.toISOString());
      return contactsOfTickets(tx, [input.ticketId], settings.ticketPrefix);
    }),
  'tickets.contacts': (input, { db }) => db.read(async (tx) => contactsOfTickets(tx, [input.ticketId], (await loadSettings(tx)).ticketPrefix)),
  'satisfaction.summary': (input, { db }) => db.read((tx) => satisfactionSummary(tx, input)),

  'manufacturer.send': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await sendToManufacturer(tx, actor, input, settings.language, now);
      return tripsOfTicket(tx, input.ticketId, settings.ticketPrefix, now);
    }),
  'manufacturer.back': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, settings, now }) => {
      await backFromManufacturer(tx, actor, input, settings.language, now.toISOString());
      return tripsOfTicket(tx, input.ticketId, settings.ticketPrefix, now);
    }),
  'manufacturer.ofTicket': (input, { db, clock }) =>
    db.read(async (tx) => tripsOfTicket(tx, input.ticketId, (await loadSettings(tx)).ticketPrefix, clock.now())),
  'manufacturer.away': (_input, { db, clock }) => db.read(async (tx) => tripsAway(tx, (await loadSettings(tx)).ticketPrefix, clock.now())),

  'repairTests.record': (input, ctx) =>
    acting(ctx, input.session, null, async ({ tx, actor, now }) => {
      await recordRepairTest(tx, actor, input, now.toISOString());
      return testsOfTicket(tx, input.ticketId);
    }),
  'repairTests.ofTicket': (input, { db }) => db.read((tx) => testsOfTicket(tx, input.ticketId)),
};
