import type { ReadTx, WriteTx } from '../storage/transactions';
import type { TicketDetail, TicketEventView, TicketSummary } from '../../../shared/contract';
import type { Language, PasscodeKind, PaymentMethod, TicketStatus } from '../../../shared/domain';
import { DeskError } from '../../../shared/errors';
import { displayTicketNumber, parseTicketNumber } from '../../../shared/ticket-number';
import type { SecretBox } from '../security/secret-box';
import { noteText } from './history-notes';
import type { TicketRow } from '../storage/entities/tickets';
import { recordEvent } from './ticket-record';

interface SummaryRecord {
  id: number;
  number: number;
  status: TicketStatus;
  type: TicketSummary['deviceType'];
  brand: string;
  model: string;
  fault: string;
  created_at: string;
  technician_name: string | null;
}

const SUMMARY_SELECT = `SELECT t.id, t.number, t.status, d.type, d.brand, d.model, t.fault, t.created_at,
    tech.name AS technician_name
  FROM ticket t
  JOIN device d ON d.id = t.device_id
  LEFT JOIN staff tech ON tech.id = t.technician_id`;

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
  const rows: SummaryRecord[] = await tx.query(`${SUMMARY_SELECT} WHERE t.customer_id = ? ORDER BY t.number DESC LIMIT 50`, [customerId]);
  return rows.map((r) => toSummary(r, prefix));
}

type DetailRecord = SummaryRecord &
  Record<
    | 'customer_request'
    | 'accessories'
    | 'accessories_other'
    | 'condition_checks'
    | 'condition_notes'
    | 'warranty_status'
    | 'warranty_basis'
    | 'data_answer'
    | 'currency'
    | 'serial'
    | 'colour'
    | 'updated_at'
    | 'customer_name'
    | 'customer_phone'
    | 'customer_address',
    string
  > & {
    customer_id: number;
    purchase_date: string | null;
    promised_date: string | null;
    proof_of_purchase: number;
    fee_consent: number;
    estimate_minor: number;
    deposit_minor: number;
    deposit_method: PaymentMethod | null;
    clerk_name: string | null;
    passcode_kind: PasscodeKind | null;
  };

/** Looks a ticket up by the number as typed or scanned (prefix optional). */
export async function getTicketByNumber(tx: ReadTx, typed: string, shop: { ticketPrefix: string; language: Language }): Promise<TicketDetail> {
  const prefix = shop.ticketPrefix;
  const number = parseTicketNumber(typed);
  if (number === null) throw DeskError.field('number', 'invalid');
  const rows: DetailRecord[] = await tx.query(
    `SELECT t.id, t.number, t.status, d.type, d.brand, d.model, d.serial, d.colour, t.fault, t.created_at, t.updated_at,
       tech.name AS technician_name, clerk.name AS clerk_name,
       t.customer_request, t.accessories, t.accessories_other, t.condition_checks, t.condition_notes,
       t.purchase_date, t.proof_of_purchase, t.warranty_status, t.warranty_basis, t.fee_consent, t.data_answer,
       t.estimate_minor, t.deposit_minor, t.deposit_method, t.currency, t.promised_date, t.passcode_kind,
       c.id AS customer_id, c.name AS customer_name, c.phone AS customer_phone, c.address AS customer_address
     FROM ticket t
     JOIN device d ON d.id = t.device_id
     JOIN customer c ON c.id = t.customer_id
     LEFT JOIN staff tech ON tech.id = t.technician_id
     LEFT JOIN staff clerk ON clerk.id = t.clerk_id
     WHERE t.number = ?`,
    [number],
  );
  const r = rows[0];
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
  const rows: (Omit<TicketEventView, 'staffName' | 'fromStatus' | 'toStatus' | 'amountMinor'> & {
    from_status: TicketStatus | null;
    to_status: TicketStatus | null;
    amount_minor: number | null;
    staff_name: string | null;
    note_data: string | null;
  })[] = await tx.query(
    `SELECT e.id, e.kind, e.from_status, e.to_status, e.amount_minor, e.note, e.note_data, e.at, s.name AS staff_name
     FROM ticket_event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ? ORDER BY e.id`,
    [ticketId],
  );
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
  const rows: Pick<TicketRow, 'passcodeKind' | 'passcodeSealed'>[] = await tx.query(
    `SELECT passcode_kind AS "passcodeKind", passcode_sealed AS "passcodeSealed" FROM ticket WHERE id = ?`,
    [ticketId],
  );
  const row = rows[0];
  if (!row || row.passcodeKind === null || row.passcodeSealed === null) throw new DeskError('not_found');
  await recordEvent(tx, { ticketId, kind: 'passcode_viewed', staffId, at: nowIso });
  return { kind: row.passcodeKind, value: secrets.open(row.passcodeSealed) };
}
