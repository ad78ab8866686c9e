// The ticket statements every feature shares: a ticket's core facts, its
// summary and detail rows, its sealed passcode, and the small updates the
// workflow makes to any ticket (last change, owner).
import type { TicketSummary } from '../../../../shared/contract';
import type { PasscodeKind, PaymentMethod, TicketStatus } from '../../../../shared/domain';
import type { SeverityLevel } from '../../../../shared/workflow';
import type { TicketRow } from '../../storage/entities/tickets';
import type { ReadTx, WriteTx } from '../../storage/transactions';

const CORE_COLUMNS = `id, number, status, customer_id AS "customerId", device_id AS "deviceId", technician_id AS "technicianId",
  warranty_status AS "warrantyStatus", purchase_date AS "purchaseDate", proof_of_purchase AS "proofOfPurchase", data_answer AS "dataAnswer",
  created_at AS "createdAt", promised_date AS "promisedDate", repair_warranty_until AS "repairWarrantyUntil",
  rework_of_ticket_id AS "reworkOfTicketId", severity, currency, deposit_minor AS "depositMinor"`;

/** The core columns of a ticket, named as on the entity; the flag as the engine stores it (0/1 or a smallint). */
export type TicketCoreRecord = Pick<
  TicketRow,
  | 'id'
  | 'number'
  | 'status'
  | 'customerId'
  | 'deviceId'
  | 'technicianId'
  | 'warrantyStatus'
  | 'purchaseDate'
  | 'dataAnswer'
  | 'createdAt'
  | 'promisedDate'
  | 'repairWarrantyUntil'
  | 'reworkOfTicketId'
  | 'currency'
  | 'depositMinor'
> & { proofOfPurchase: number | boolean; severity: SeverityLevel | null };

export async function selectTicketCore(tx: ReadTx, ticketId: number): Promise<TicketCoreRecord | undefined> {
  const rows = await tx.query<TicketCoreRecord[]>(`SELECT ${CORE_COLUMNS} FROM ticket WHERE id = ?`, [ticketId]);
  return rows[0];
}

export async function touchTicketRow(tx: WriteTx, ticketId: number, nowIso: string): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET updated_at = ? WHERE id = ?`, [nowIso, ticketId]);
}

/** Makes the staff member the ticket's technician when it has none. */
export async function claimTicketTechnician(tx: WriteTx, ticketId: number, staffId: number, nowIso: string): Promise<void> {
  await tx.query<unknown>(`UPDATE ticket SET technician_id = ?, updated_at = ? WHERE id = ? AND technician_id IS NULL`, [staffId, nowIso, ticketId]);
}

/** Makes the staff member the owner of the ticket's customer when they have none. */
export async function claimCustomerOwner(tx: WriteTx, ticketId: number, staffId: number): Promise<void> {
  await tx.query<unknown>(
    `UPDATE customer SET owner_technician_id = ? WHERE owner_technician_id IS NULL AND id = (SELECT customer_id FROM ticket WHERE id = ?)`,
    [staffId, ticketId],
  );
}

export interface SummaryRecord {
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

/** A customer's newest 50 tickets. */
export function selectCustomerTicketSummaries(tx: ReadTx, customerId: number): Promise<SummaryRecord[]> {
  return tx.query<SummaryRecord[]>(`${SUMMARY_SELECT} WHERE t.customer_id = ? ORDER BY t.number DESC LIMIT 50`, [customerId]);
}

export type DetailRecord = SummaryRecord &
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

export async function selectTicketDetailByNumber(tx: ReadTx, number: number): Promise<DetailRecord | undefined> {
  const rows = await tx.query<DetailRecord[]>(
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
  return rows[0];
}

export type SealedPasscodeRecord = Pick<TicketRow, 'passcodeKind' | 'passcodeSealed'>;

export async function selectSealedPasscode(tx: ReadTx, ticketId: number): Promise<SealedPasscodeRecord | undefined> {
  const rows = await tx.query<SealedPasscodeRecord[]>(`SELECT passcode_kind AS "passcodeKind", passcode_sealed AS "passcodeSealed" FROM ticket WHERE id = ?`, [
    ticketId,
  ]);
  return rows[0];
}
