// The collection table's statements: a ticket's hand-over record, read with the
// names of the staff who made and approved it, and written once at the hand-over.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { CollectionIdentity } from '../../../../../shared/collection-contract';
import { CollectionEntity, type CollectionRow } from '../../../storage/entities/money';
import { insertRow } from '../../../storage/row-insert';

export interface CollectionRepairedRecord {
  repaired: number;
}

export interface CollectionRecord {
  identity: CollectionIdentity;
  identity_note: string;
  signature_png: string;
  accessories_returned: string;
  loaner_override_reason: string | null;
  staff_name: string | null;
  approved_by_name: string | null;
  at: string;
}

export async function selectCollectionRepaired(tx: ReadTx, ticketId: number): Promise<CollectionRepairedRecord | undefined> {
  const rows = await tx.query<CollectionRepairedRecord[]>(`SELECT repaired FROM collection WHERE ticket_id = ?`, [ticketId]);
  return rows[0];
}

export async function selectCollectionOfTicket(tx: ReadTx, ticketId: number): Promise<CollectionRecord | undefined> {
  const rows = await tx.query<CollectionRecord[]>(
    `SELECT c.identity, c.identity_note, c.signature_png, c.accessories_returned, c.loaner_override_reason,
       s.name AS staff_name, a.name AS approved_by_name, c.at
     FROM collection c LEFT JOIN staff s ON s.id = c.staff_id LEFT JOIN staff a ON a.id = c.approved_by WHERE c.ticket_id = ?`,
    [ticketId],
  );
  return rows[0];
}

export async function insertCollection(tx: WriteTx, collection: Omit<CollectionRow, 'id' | 'identity'> & { identity: CollectionIdentity }): Promise<void> {
  await insertRow(tx, CollectionEntity, collection);
}
