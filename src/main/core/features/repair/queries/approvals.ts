// The repair feature's statements on the approval table: the customer's recorded decision
// on a quote (signed in person or given by phone), and the ticket's list of them.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { ApprovalDecision, ApprovalMethod } from '../../../../../shared/workflow';
import { ApprovalEntity, type ApprovalRow as StoredApproval } from '../../../storage/entities/repair';
import { insertRow } from '../../../storage/row-insert';

export interface ApprovalRow {
  id: number;
  quote_id: number;
  version: number;
  decision: ApprovalDecision;
  method: ApprovalMethod;
  signature_png: string | null;
  contact_name: string;
  contacted_at: string | null;
  note: string;
  staff_name: string | null;
  at: string;
}

/** A customer's decision as stored. */
type NewApproval = Omit<StoredApproval, 'id'>;

export async function insertApproval(tx: WriteTx, approval: NewApproval): Promise<void> {
  await insertRow(tx, ApprovalEntity, approval);
}

/** A ticket's approvals in the order recorded, with the quote version and who recorded them. */
export function selectTicketApprovals(tx: ReadTx, ticketId: number): Promise<ApprovalRow[]> {
  return tx.query<ApprovalRow[]>(
    `SELECT a.id, a.quote_id, q.version, a.decision, a.method, a.signature_png, a.contact_name, a.contacted_at, a.note, s.name AS staff_name, a.at
     FROM approval a JOIN quote q ON q.id = a.quote_id LEFT JOIN staff s ON s.id = a.staff_id
     WHERE a.ticket_id = ? ORDER BY a.id`,
    [ticketId],
  );
}
