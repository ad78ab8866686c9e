// Walk-in intake: one customer, one or more devices, one ticket per device, all
// in the caller's transaction so nothing half-written is ever left behind.
import { randomUUID } from 'node:crypto';
import type { WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput, CheckInResult, Settings } from '../../../../shared/contract';
import { DeskError, type FieldError } from '../../../../shared/errors';
import { barcodeText, displayTicketNumber } from '../../../../shared/ticket-number';
import { localIsoDate } from '../../../../shared/calendar';
import { assessWarranty } from '../../../../shared/warranty';
import { intakeRuleErrors } from '../../../../shared/intake-rules';
import type { SecretBox } from '../../security/secret-box';
import { CustomerEntity, DeviceEntity, type CustomerRow } from '../../storage/entities/customers';
import { TicketEntity, type TicketRow } from '../../storage/entities/tickets';
import { phoneDigits } from '../customers';
import { requireActiveStaff } from '../staff';
import type { Actor } from '../staff';
import { allocateTicketNumber } from './ticket-numbers';
import { recordEvent } from '../../record/ticket-record';
import { insertRow } from '../../storage/row-insert';
import { selectCustomerByPhoneAndName } from './queries/customers';

export type CheckInInput = ChannelParsedInput<'intake.checkIn'>;
type DeviceInput = CheckInInput['devices'][number];

/** Rules that need today's date or the shop's settings, beyond the contract's schema (shared with the intake screen). */
export function checkIntakeRules(input: CheckInInput, settings: Settings, today: string): FieldError[] {
  const devices = input.devices.map((device) => ({
    ...device,
    // A purchase date ahead of today is refused on its own; there is no warranty to go by then.
    warranty:
      device.purchaseDate === null || device.purchaseDate <= today ? assessWarranty({ ...device, today, warrantyMonths: settings.warrantyMonths }) : null,
  }));
  return intakeRuleErrors(devices, settings, today);
}

async function resolveCustomer(tx: WriteTx, input: CheckInInput['customer'], nowIso: string): Promise<CustomerRow> {
  const digits = phoneDigits(input.phone);
  const details = { name: input.name, phone: input.phone, phoneDigits: digits, address: input.address, notes: input.notes };
  if (input.id !== null) {
    // A returning customer is used as the archive has them: changing their name or phone is
    // customers.update, an act of its own with its own history entry, never a side effect of an intake.
    const existing = await tx.findOneBy(CustomerEntity, { id: input.id });
    if (!existing) throw DeskError.field('customer.id', 'not_found');
    return existing;
  }
  // The clerk did not pick from the archive, but the same person may be there.
  const known = await selectCustomerByPhoneAndName(tx, digits, input.name);
  if (known) return resolveCustomer(tx, { ...input, id: known.id }, nowIso);
  const row = { ...details, ownerTechnicianId: null, mergedIntoId: null, createdAt: nowIso, updatedAt: nowIso };
  return { id: await insertRow(tx, CustomerEntity, row), ...row };
}

async function createTicket(
  tx: WriteTx,
  device: DeviceInput,
  shared: { customerId: number; batch: string; settings: Settings; now: Date; today: string; technicianId: number | null; clerkId: number | null },
  secrets: SecretBox,
): Promise<CheckInResult['tickets'][number]> {
  const nowIso = shared.now.toISOString();
  const deviceId = await insertRow(tx, DeviceEntity, {
    customerId: shared.customerId,
    type: device.type,
    brand: device.brand,
    model: device.model,
    serial: device.serial,
    colour: device.colour,
    createdAt: nowIso,
  });
  const warranty = assessWarranty({ ...device, today: shared.today, warrantyMonths: shared.settings.warrantyMonths });
  const number = await allocateTicketNumber(tx, shared.now);
  const ticket: Omit<TicketRow, 'id'> = {
    number,
    status: 'received',
    customerId: shared.customerId,
    deviceId,
    intakeBatch: shared.batch,
    fault: device.fault,
    customerRequest: device.customerRequest,
    accessories: JSON.stringify(device.accessories),
    accessoriesOther: device.accessoriesOther,
    conditionChecks: JSON.stringify(device.conditionChecks),
    conditionNotes: device.conditionNotes,
    purchaseDate: device.purchaseDate,
    proofOfPurchase: device.proofOfPurchase,
    warrantyStatus: warranty.status,
    warrantyBasis: warranty.basis,
    feeConsent: device.feeConsent,
    dataAnswer: device.dataAnswer,
    estimateMinor: device.estimateMinor,
    depositMinor: device.depositMinor,
    depositMethod: device.depositMinor > 0 ? device.depositMethod : null,
    currency: shared.settings.currency,
    promisedDate: device.promisedDate,
    technicianId: shared.technicianId,
    clerkId: shared.clerkId,
    passcodeKind: device.passcode?.kind ?? null,
    passcodeSealed: device.passcode ? secrets.seal(device.passcode.value) : null,
    createdAt: nowIso,
    updatedAt: nowIso,
    severity: null,
    repairWarrantyUntil: null,
    reworkOfTicketId: null,
    collectedAt: null,
  };
  const ticketId = await insertRow(tx, TicketEntity, ticket);
  await recordEvent(tx, { ticketId, kind: 'checked_in', toStatus: 'received', staffId: shared.clerkId, at: nowIso });
  if (device.estimateMinor > 0) {
    await recordEvent(tx, { ticketId, kind: 'estimate', amountMinor: device.estimateMinor, staffId: shared.clerkId, at: nowIso });
  }
  if (device.depositMinor > 0) {
    await recordEvent(tx, { ticketId, kind: 'deposit', amountMinor: device.depositMinor, staffId: shared.clerkId, at: nowIso });
  }
  return { id: ticketId, number, displayNumber: displayTicketNumber(number, shared.settings.ticketPrefix), barcode: barcodeText(number) };
}

export async function checkIn(tx: WriteTx, secrets: SecretBox, settings: Settings, clerk: Actor, input: CheckInInput, now: Date): Promise<CheckInResult> {
  const today = localIsoDate(now);
  const nowIso = now.toISOString();
  const ruleErrors = checkIntakeRules(input, settings, today);
  if (ruleErrors.length > 0) throw new DeskError('validation', ruleErrors);
  const technician = await requireActiveStaff(tx, input.technicianId, 'technicianId');

  const customer = await resolveCustomer(tx, input.customer, nowIso);
  const shared = {
    customerId: customer.id,
    batch: randomUUID(),
    settings,
    now,
    today,
    technicianId: technician?.id ?? null,
    clerkId: clerk.id,
  };
  const tickets: CheckInResult['tickets'] = [];
  for (const device of input.devices) tickets.push(await createTicket(tx, device, shared, secrets));
  if (technician) await tx.update(CustomerEntity, { id: customer.id }, { ownerTechnicianId: technician.id });
  return { customerId: customer.id, tickets };
}
