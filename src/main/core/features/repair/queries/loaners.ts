// The repair feature's statements on the loaner table: the shop's spare devices, each read
// with the loan it is out on (if any), added and changed.
import type { ReadTx, WriteTx } from '../../../storage/transactions';
import type { ChannelParsedInput } from '../../../../../shared/contract';
import { onlyRow } from '../../../storage/rows';

export interface LoanerRow {
  id: number;
  name: string;
  serial: string;
  notes: string;
  active: number;
  loan_id: number | null;
  ticket_id: number | null;
  ticket_number: number | null;
  customer_name: string | null;
  lent_at: string | null;
}

export interface LoanerIdRow {
  id: number;
}

type LoanerFields = Pick<ChannelParsedInput<'loaners.save'>, 'name' | 'serial' | 'notes' | 'active'>;

const LOANER_SELECT = `SELECT l.id, l.name, l.serial, l.notes, l.active, o.id AS loan_id, o.ticket_id, t.number AS ticket_number,
    c.name AS customer_name, o.lent_at
  FROM loaner l
  LEFT JOIN loan o ON o.loaner_id = l.id AND o.returned_at IS NULL
  LEFT JOIN ticket t ON t.id = o.ticket_id
  LEFT JOIN customer c ON c.id = t.customer_id`;

/** The loaners by name: the active ones, or every one. */
export function selectLoaners(tx: ReadTx, includeInactive: boolean): Promise<LoanerRow[]> {
  return tx.query<LoanerRow[]>(`${LOANER_SELECT} ${includeInactive ? '' : 'WHERE l.active = 1'} ORDER BY l.name, l.id`);
}

export async function selectLoanerById(tx: ReadTx, id: number): Promise<LoanerRow | undefined> {
  const rows = await tx.query<LoanerRow[]>(`${LOANER_SELECT} WHERE l.id = ?`, [id]);
  return rows[0];
}

/** Adds a loaner; answers its id. */
export async function insertLoaner(tx: WriteTx, loaner: LoanerFields, nowIso: string): Promise<number> {
  const rows = await tx.query<LoanerIdRow[]>(`INSERT INTO loaner (name, serial, notes, active, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`, [
    loaner.name,
    loaner.serial,
    loaner.notes,
    loaner.active,
    nowIso,
  ]);
  return onlyRow(rows).id;
}

export async function updateLoaner(tx: WriteTx, id: number, loaner: LoanerFields): Promise<void> {
  await tx.query<unknown>(`UPDATE loaner SET name = ?, serial = ?, notes = ?, active = ? WHERE id = ?`, [
    loaner.name,
    loaner.serial,
    loaner.notes,
    loaner.active,
    id,
  ]);
}
