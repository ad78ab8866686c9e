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
import { insertLoaner, selectLoanerById, selectLoaners, updateLoaner, type LoanerRow } from './queries/loaners';
import { insertLoan, markLoanReturned, selectLoanToReturn, selectTicketLoans } from './queries/loans';

function toLoaner(r: LoanerRow, prefix: string): LoanerView {
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
  const rows = await selectLoaners(tx, includeInactive);
  return rows.map((r) => toLoaner(r, prefix));
}

async function getLoaner(tx: ReadTx, id: number, prefix: string, path: string): Promise<LoanerView> {
  const row = await selectLoanerById(tx, id);
  if (!row) throw DeskError.field(path, 'not_found');
  return toLoaner(row, prefix);
}

export async function saveLoaner(tx: WriteTx, input: ChannelParsedInput<'loaners.save'>, prefix: string, nowIso: string): Promise<LoanerView> {
  if (input.id === null) {
    const id = await insertLoaner(tx, input, nowIso);
    return getLoaner(tx, id, prefix, 'id');
  }
  const existing = await getLoaner(tx, input.id, prefix, 'id');
  if (!input.active && existing.currentLoan !== null) throw DeskError.field('active', 'still_on_loan');
  await updateLoaner(tx, input.id, input);
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
  await insertLoan(tx, ticket.id, loaner.id, nowIso, actor.id, input.note);
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
  const loan = await selectLoanToReturn(tx, input.loanId);
  if (!loan) throw DeskError.field('loanId', 'not_found');
  if (loan.returned_at !== null) throw new DeskError('conflict', [{ path: 'loanId', code: 'already_returned' }]);
  await markLoanReturned(tx, input.loanId, nowIso, actor.id, input.note);
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
  const rows = await selectTicketLoans(tx, ticketId);
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
