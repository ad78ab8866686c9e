// Who may do what at the counter: one table, every channel named once (the
// type checker refuses a channel missing from it). Main enforces it for every
// call before the handler runs; the renderer reads it to disable what the
// signed-in person may not use, and to say why.
import type { Channel } from './contract';
import type { StaffRole, TicketStatus } from './domain';
import type { FieldErrorCode } from './errors';

/**
 * - `open`: no sign-in needed (reads the counter shows before anyone signs in, sign-in itself).
 * - `setup`: only while the first-run setup is not done yet.
 * - a list of roles: a signed-in session of one of them. With `approval`, someone
 *   else may still make the call when a manager types their PIN for it
 *   (`managerApproval`); the use case checks that PIN.
 */
export type Access =
  { kind: 'open' } | { kind: 'setup' } | { kind: 'roles'; roles: readonly [StaffRole, ...StaffRole[]]; refusal: RoleRefusal; approval?: boolean };

/** Why a role was refused; each is translated under errors.field.<code>. */
export const ROLE_REFUSALS = ['manager_required', 'role_repair_only', 'role_counter_only'] as const;
export type RoleRefusal = (typeof ROLE_REFUSALS)[number] & FieldErrorCode;

const OPEN: Access = { kind: 'open' };
const SETUP: Access = { kind: 'setup' };
/** Anyone signed in; the act is recorded under their name. */
const STAFF: Access = { kind: 'roles', roles: ['clerk', 'technician', 'manager'], refusal: 'role_counter_only' };
const MANAGER: Access = { kind: 'roles', roles: ['manager'], refusal: 'manager_required' };
/** Manager-only, or anyone with a manager's PIN typed for this one call. */
const MANAGER_OR_APPROVED: Access = { kind: 'roles', roles: ['manager'], refusal: 'manager_required', approval: true };
/** Diagnosis and repair at the bench. */
const REPAIR: Access = { kind: 'roles', roles: ['technician', 'manager'], refusal: 'role_repair_only' };
/** Intake and collection at the counter. */
const COUNTER: Access = { kind: 'roles', roles: ['clerk', 'manager'], refusal: 'role_counter_only' };

export const ROLE_TABLE = {
  'setup.status': OPEN,
  'setup.complete': SETUP,
  'settings.get': OPEN,
  'settings.update': MANAGER,
  'staff.list': OPEN,
  'staff.save': MANAGER,
  'customers.search': OPEN,
  'customers.get': OPEN,
  'customers.update': COUNTER,
  'warranty.assess': OPEN,
  'intake.checkIn': COUNTER,
  'tickets.get': OPEN,
  'tickets.revealPasscode': STAFF,
  'printing.presets': OPEN,
  'printing.printers': OPEN,
  'printing.printTicket': STAFF,
  'printing.preview': OPEN,
  'printing.testPrint': MANAGER,
  'auth.roster': OPEN,
  'auth.signIn': OPEN,
  'auth.signOut': OPEN,
  'auth.session': OPEN,
  'auth.setPin': OPEN,
  'tickets.search': OPEN,
  'tickets.board': OPEN,
  'tickets.getWorkflow': OPEN,
  // Which moves each role may make is the MOVE_ROLES table below.
  'workflow.move': STAFF,
  'workflow.reopen': STAFF,
  'diagnosis.save': REPAIR,
  'quotes.preview': OPEN,
  'quotes.save': REPAIR,
  'quotes.get': OPEN,
  'approvals.record': STAFF,
  'tickets.handOver': REPAIR,
  'tickets.changePromisedDate': STAFF,
  'notifications.log': STAFF,
  'loaners.list': OPEN,
  'loaners.save': STAFF,
  'loans.lend': STAFF,
  'loans.return': STAFF,
  'feeStandard.list': OPEN,
  'feeStandard.save': MANAGER,
  // Cost prices are left out for anyone but a signed-in manager (see costsVisibleTo).
  'parts.list': OPEN,
  'parts.save': MANAGER,
  // Anyone signed in books a delivery; a new unit cost with it is a manager's (checked in the use case).
  'parts.restock': STAFF,
  'parts.adjust': MANAGER_OR_APPROVED,
  'parts.moves': OPEN,
  // Drawing a part for a ticket: anyone signed in (a clerk hands parts out at a small shop); an override needs a manager.
  'parts.use': STAFF,
  'parts.returnToStores': REPAIR,
  /** The old part leaves with its owner: at the bench or at the counter. */
  'parts.returnToCustomer': STAFF,
  'collection.find': OPEN,
  'collection.get': OPEN,
  'collection.pay': COUNTER,
  'collection.refund': MANAGER_OR_APPROVED,
  'collection.voidPayment': MANAGER_OR_APPROVED,
  'collection.complete': COUNTER,
  'collection.unclaimed': OPEN,
  'collection.drawer': OPEN,
  'audit.verify': MANAGER,
  'archive.search': OPEN,
  'archive.get': OPEN,
  'archive.update': STAFF,
  'archive.merge': MANAGER_OR_APPROVED,
  'followUps.due': OPEN,
  'followUps.record': STAFF,
  'complaints.list': OPEN,
  'complaints.get': OPEN,
  'complaints.open': STAFF,
  'complaints.addStep': STAFF,
  // The use case limits resolving to the complaint's owner or a manager.
  'complaints.resolve': STAFF,
  'complaints.close': MANAGER,
  'tickets.contacts': OPEN,
  'messages.log': STAFF,
  'satisfaction.summary': OPEN,
  'manufacturer.ofTicket': OPEN,
  'manufacturer.away': OPEN,
  'manufacturer.send': STAFF,
  'manufacturer.back': STAFF,
  'repairTests.ofTicket': OPEN,
  'repairTests.record': REPAIR,
  'intakeDraft.get': OPEN,
  'intakeDraft.save': OPEN,
  'intakeDraft.discard': OPEN,
  'reports.get': STAFF,
  'reports.export': STAFF,
  'reports.print': STAFF,
  'dayClose.preview': MANAGER,
  'dayClose.close': MANAGER_OR_APPROVED,
  'dayClose.list': MANAGER,
  'dayClose.get': MANAGER,
  'dayClose.print': MANAGER,
  'backups.status': MANAGER,
  'backups.configure': MANAGER,
  'backups.run': MANAGER,
  'backups.inspect': MANAGER,
  'backups.restore': MANAGER,
  // The recovery screen stands in for the desk before anyone can sign in; restoring asks for the backup's manager PIN.
  'recovery.status': OPEN,
  'recovery.inspect': OPEN,
  'recovery.restore': OPEN,
  // With no backup there is nobody to check a PIN against: the screen asks the manager to confirm in words.
  'recovery.startEmpty': OPEN,
  'dataExport.start': MANAGER,
  'dataExport.progress': MANAGER,
  'sharedDatabase.status': MANAGER,
  'sharedDatabase.test': MANAGER,
  'sharedDatabase.move': MANAGER,
  // The copy holds the desk's queue (a sign-in check would wait for it) and the move signs everyone out:
  // the job's id (128 random bits, handed only to the manager who started it) is what is asked for.
  'sharedDatabase.moveProgress': OPEN,
  'sharedDatabase.connect': MANAGER,
} as const satisfies Record<Channel, Access>;

/**
 * Status moves by role (workflow.move): technicians move the repair along,
 * clerks do what the counter does; cancelling a repair is a manager's (or needs
 * their PIN, as the status machine already asks).
 */
export const MOVE_ROLES = {
  received: ['clerk', 'technician', 'manager'],
  diagnosing: ['technician', 'manager'],
  awaiting_approval: ['clerk', 'technician', 'manager'],
  approved: ['clerk', 'technician', 'manager'],
  declined: ['clerk', 'technician', 'manager'],
  awaiting_parts: ['technician', 'manager'],
  in_repair: ['technician', 'manager'],
  at_manufacturer: ['technician', 'manager'],
  back_from_manufacturer: ['technician', 'manager'],
  testing: ['technician', 'manager'],
  ready: ['technician', 'manager'],
  collected: ['clerk', 'manager'],
  unrepairable: ['technician', 'manager'],
  cancelled: ['clerk', 'technician', 'manager'],
} as const satisfies Record<TicketStatus, readonly StaffRole[]>;

export function accessOf(channel: Channel): Access {
  return ROLE_TABLE[channel];
}

/** Whether a role may call a channel on its own (without a manager's PIN). */
export function roleMayCall(channel: Channel, role: StaffRole | null): boolean {
  const access = accessOf(channel);
  if (access.kind !== 'roles') return true;
  return role !== null && access.roles.includes(role);
}

export function roleMayMove(to: TicketStatus, role: StaffRole): boolean {
  return (MOVE_ROLES[to] as readonly StaffRole[]).includes(role);
}

/** Cost prices (part costs, restock costs) are a manager's business. */
export function costsVisibleTo(role: StaffRole | null): boolean {
  return role === 'manager';
}
