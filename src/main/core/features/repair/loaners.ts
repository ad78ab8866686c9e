// Loaner units (备机): the shop's list of spare devices, lent to a customer
// while their device is in repair and recorded back when returned. A loaner is
// out on one loan at a time (a unique index says so).
import type { ReadTx, WriteTx } from '../../storage/transactions';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain';
import { DeskError } from '../../../../shared/errors';
import { displayTicketNumber } from '../../../../shared/ticket-number';
import type { LoanView, LoanerView } from '../../../../shared/repair-contract';
import { isTerminal } from '../../rules/status-machine';
import type { Actor } from '../staff';
import { loanerNote } from '../../record/history-notes';
import { loadTicket, recordEvent, touchTicket } from '../../record/ticket-record';
import { onlyRow } from '../../storage/rows';

interface LoanerRecord {
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

const LOANER_SELECT = `SELECT l.id, l.name, l.serial, l.notes, l.active, o.id AS loan_id, o.ticket_id, t.number AS ticket_number,
    c.name AS customer_name, o.lent_at
  FROM loaner l
  LEFT JOIN loan o ON o.loaner_id = l.id AND o.returned_at IS NULL
  LEFT JOIN ticket t ON t.id = o.ticket_id
  LEFT JOIN customer c ON c.id = t.customer_id`;

function toLoaner(r: LoanerRecord, prefix: string): LoanerView {
  const out = r.loan_id !== null;
  return {
    id: r.id,
    name: r.name,
    serial: r.serial,
    notes: r.notes,
    active: Boolean(r.active),
    available: Boolean(r.active) && !out,
    currentLoan: out
      ? {
          loanId: r.loan_id!,
          ticketId: r.ticket_id!,
          number: r.ticket_number!,
          displayNumber: displayTicketNumber(r.ticket_number!, prefix),
          customerName: r.customer_name ?? '',
          lentAt: r.lent_at!,
        }
      : null,
  };
}

export async function listLoaners(tx: ReadTx, includeInactive: boolean, prefix: string): Promise<LoanerView[]> {
  const rows: LoanerRecord[] = await tx.query(`${LOANER_SELECT} ${includeInactive ? '' : 'WHERE l.active = 1'} ORDER BY l.name, l.id`);
  return rows.map((r) => toLoaner(r, prefix));
}

async function getLoaner(tx: ReadTx, id: number, prefix: string, path: string): Promise<LoanerView> {
  const rows: LoanerRecord[] = await tx.query(`${LOANER_SELECT} WHERE l.id = ?`, [id]);
  const [row] = rows;
  if (!row) throw DeskError.field(path, 'not_found');
  return toLoaner(row, prefix);
}

export async function saveLoaner(tx: WriteTx, input: ChannelParsedInput<'loaners.save'>, prefix: string, nowIso: string): Promise<LoanerView> {
  if (input.id === null) {
    const rows: { id: number }[] = await tx.query(`INSERT INTO loaner (name, serial, notes, active, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`, [
      input.name,
      input.serial,
      input.notes,
      input.active,
      nowIso,
    ]);
    return getLoaner(tx, onlyRow(rows).id, prefix, 'id');
  }
  const existing = await getLoaner(tx, input.id, prefix, 'id');
  if (!input.active && existing.currentLoan !== null) throw DeskError.field('active', 'still_on_loan');
  await tx.query(`UPDATE loaner SET name = ?, serial = ?, notes = ?, active = ? WHERE id = ?`, [input.name, input.serial, input.notes, input.active, input.id]);
  return getLoaner(tx, input.id, prefix, 'id');
}

export async function lendLoaner(
  tx: WriteTx,
  actor: Actor,
  input: ChannelParsedInput<'loans.lend'>,
  prefix: string,
  language: Language,
  nowIso: string,
): Promise<void> {
  const ticket = await loadTicket(tx, input.ticketId);
  if (isTerminal(ticket.status)) throw new DeskError('conflict', [{ path: 'ticketId', code: 'wrong_status' }]);
  const loaner = await getLoaner(tx, input.loanerId, prefix, 'loanerId');
  if (!loaner.available) throw new DeskError('conflict', [{ path: 'loanerId', code: 'loaner_unavailable' }]);
  await tx.query(`INSERT INTO loan (ticket_id, loaner_id, lent_at, lent_by, lend_note) VALUES (?, ?, ?, ?, ?)`, [
    ticket.id,
    loaner.id,
    nowIso,
    actor.id,
    input.note,
  ]);
  await recordEvent(tx, {
    ticketId: ticket.id,
    kind: 'loaner_lent',
    note: loanerNote(language, { name: loaner.name, serial: loaner.serial, note: input.note }),
    staffId: actor.id,
    at: nowIso,
  });
  await touchTicket(tx, ticket.id, nowIso);
}

/** Records a loaner back in the shop; returns the ticket it was lent for. */
export async function returnLoan(tx: WriteTx, actor: Actor, input: ChannelParsedInput<'loans.return'>, language: Language, nowIso: string): Promise<number> {
  const rows: { ticket_id: number; returned_at: string | null; name: string; serial: string }[] = await tx.query(
    `SELECT o.ticket_id, o.returned_at, l.name, l.serial FROM loan o JOIN loaner l ON l.id = o.loaner_id WHERE o.id = ?`,
    [input.loanId],
  );
  const loan = rows[0];
  if (!loan) throw DeskError.field('loanId', 'not_found');
  if (loan.returned_at !== null) throw new DeskError('conflict', [{ path: 'loanId', code: 'already_returned' }]);
  await tx.query(`UPDATE loan SET returned_at = ?, returned_by = ?, return_note = ? WHERE id = ?`, [nowIso, actor.id, input.note, input.loanId]);
  await recordEvent(tx, {
    ticketId: loan.ticket_id,
    kind: 'loaner_returned',
    note: loanerNote(language, { name: loan.name, serial: loan.serial, note: input.note }),
    staffId: actor.id,
    at: nowIso,
  });
  await touchTicket(tx, loan.ticket_id, nowIso);
  return loan.ticket_id;
}

export async function listTicketLoans(tx: ReadTx, ticketId: number): Promise<LoanView[]> {
  const rows: {
    id: number;
    ticket_id: number;
    loaner_id: number;
    loaner_name: string;
    loaner_serial: string;
    lent_at: string;
    lent_by_name: string | null;
    lend_note: string;
    returned_at: string | null;
    returned_by_name: string | null;
    return_note: string;
  }[] = await tx.query(
    `SELECT o.id, o.ticket_id, o.loaner_id, l.name AS loaner_name, l.serial AS loaner_serial, o.lent_at, lb.name AS lent_by_name, o.lend_note,
       o.returned_at, rb.name AS returned_by_name, o.return_note
     FROM loan o JOIN loaner l ON l.id = o.loaner_id
     LEFT JOIN staff lb ON lb.id = o.lent_by LEFT JOIN staff rb ON rb.id = o.returned_by
     WHERE o.ticket_id = ? ORDER BY o.id`,
    [ticketId],
  );
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    loanerId: r.loaner_id,
    loanerName: r.loaner_name,
    loanerSerial: r.loaner_serial,
    lentAt: r.lent_at,
    lentByName: r.lent_by_name,
    lendNote: r.lend_note,
    returnedAt: r.returned_at,
    returnedByName: r.returned_by_name,
    returnNote: r.return_note,
  }));
}
