import type { ReadTx, WriteTx } from '../storage/transactions';
import type { TicketDetail, TicketEventView, TicketSummary } from '../../../shared/contract';
import type { Language, PasscodeKind } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { displayTicketNumber, parseTicketNumber } from '../../../shared/ticket-number';
import type { SecretBox } from '../security/secret-box';
import { noteText } from './history-notes';
import { selectCustomerTicketSummaries, selectSealedPasscode, selectTicketDetailByNumber, type SummaryRecord } from './queries/tickets';
import { selectTicketEvents } from './queries/ticket-events';
import { recordEvent } from './ticket-record';

function toSummary(r: SummaryRecord, prefix: string): TicketSummary {
  return {
    id: r.id,
    number: r.number,
    displayNumber: displayTicketNumber(r.number, prefix),
    status: r.status,
    deviceType: r.type,
    brand: r.brand,
    model: r.model,
    fault: r.fault,
    createdAt: r.created_at,
    technicianName: r.technician_name,
  };
}

export async function listTicketsOfCustomer(tx: ReadTx, customerId: number, prefix: string): Promise<TicketSummary[]> {
  const rows = await selectCustomerTicketSummaries(tx, customerId);
  return rows.map((r) => toSummary(r, prefix));
}

/** Looks a ticket up by the number as typed or scanned (prefix optional). */
export async function getTicketByNumber(tx: ReadTx, typed: string, shop: { ticketPrefix: string; language: Language }): Promise<TicketDetail> {
  const prefix = shop.ticketPrefix;
  const number = parseTicketNumber(typed);
  if (number === null) throw DeskError.field('number', 'invalid');
  const r = await selectTicketDetailByNumber(tx, number);
  if (!r) throw new DeskError('not_found');
  return {
    ...toSummary(r, prefix),
    customer: { id: r.customer_id, name: r.customer_name, phone: r.customer_phone, address: r.customer_address },
    serial: r.serial,
    colour: r.colour,
    accessories: JSON.parse(r.accessories) as string[],
    accessoriesOther: r.accessories_other,
    conditionChecks: JSON.parse(r.condition_checks) as string[],
    conditionNotes: r.condition_notes,
    customerRequest: r.customer_request,
    purchaseDate: r.purchase_date,
    proofOfPurchase: Boolean(r.proof_of_purchase),
    warrantyStatus: r.warranty_status as TicketDetail['warrantyStatus'],
    warrantyBasis: r.warranty_basis as TicketDetail['warrantyBasis'],
    feeConsent: Boolean(r.fee_consent),
    dataAnswer: r.data_answer as TicketDetail['dataAnswer'],
    estimateMinor: r.estimate_minor,
    depositMinor: r.deposit_minor,
    depositMethod: r.deposit_method,
    currency: r.currency,
    promisedDate: r.promised_date,
    clerkName: r.clerk_name,
    hasPasscode: r.passcode_kind !== null,
    passcodeKind: r.passcode_kind,
    updatedAt: r.updated_at,
    events: await listTicketEvents(tx, r.id, shop.language),
  };
}

async function listTicketEvents(tx: ReadTx, ticketId: number, language: Language): Promise<TicketEventView[]> {
  const rows = await selectTicketEvents(tx, ticketId);
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    amountMinor: e.amount_minor,
    note: noteText(language, e.note, e.note_data),
    staffName: e.staff_name,
    at: e.at,
  }));
}

/** Opens a sealed passcode for the ticket page; each viewing is logged. */
export async function revealPasscode(
  tx: WriteTx,
  secrets: SecretBox,
  ticketId: number,
  staffId: number,
  nowIso: string,
): Promise<{ kind: PasscodeKind; value: string }> {
  const row = await selectSealedPasscode(tx, ticketId);
  if (!row || row.passcodeKind === null || row.passcodeSealed === null) throw new DeskError('not_found');
  await recordEvent(tx, { ticketId, kind: 'passcode_viewed', staffId, at: nowIso });
  return { kind: row.passcodeKind, value: secrets.open(row.passcodeSealed) };
}
