// Collection through the desk (contract → handlers → services → SQLite): finding
// the ticket, wrong states refused, identity, payments (split, change), refunds
// and voids with a manager, the hand-over with the repair warranty, loaners,
// returned unrepaired, unclaimed devices, the cash drawer and the receipt print.
import { describe, expect, it } from 'vitest';
import type { CollectionView } from '../../src/shared/collection-contract';
import type { ChannelInput } from '../../src/shared/contract';
import { fixedClock, type TestDesk } from '../support/desk';
import { firstItem, itemAt } from '../support/lists';
import { CHECK_REFUSED } from '../support/suite-engine';
import {
  checkIn,
  diagnoseAndQuote,
  eventsOf,
  feeItemId,
  forceStatus,
  freshDeskWithCrewEachTest,
  signInAgain,
  signaturePng,
  ticketRow,
  type Crew,
  type Person,
} from '../support/workflow';

// 06:30 UTC is 23 November in every time zone from UTC-6 to UTC+14.
const START = '2026-11-23T06:30:00Z';
const clock = fixedClock(START);

function later(days: number, hours = 0): string {
  return new Date(Date.parse(START) + days * 86_400_000 + hours * 3_600_000).toISOString();
}

/** Quote lines: the diagnosis fee (30.00) and a mainboard repair (150.00): 180.00 in all, out of warranty. */
async function standardLines(desk: TestDesk): Promise<ChannelInput<'quotes.save'>['lines']> {
  return [
    { kind: 'labour', feeItemId: await feeItemId(desk, 'diagnosis') },
    { kind: 'labour', feeItemId: await feeItemId(desk, 'board_repair') },
  ];
}

/** Diagnosis, quote, the customer's decision; then to ready (accepted) or declined. */
async function driveTo(desk: TestDesk, person: Person, ticketId: number, end: 'ready' | 'declined'): Promise<void> {
  await diagnoseAndQuote(desk, person.session, ticketId, { lines: await standardLines(desk) });
  await desk.call('workflow.move', { session: person.session, ticketId, toStatus: 'awaiting_approval' });
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId })).quotes).id;
  const decision = end === 'ready' ? 'accepted' : 'declined';
  await desk.call('approvals.record', { session: person.session, ticketId, quoteId, decision, method: 'in_person', signaturePng: signaturePng() });
  if (end === 'ready')
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: person.session, ticketId, toStatus });
}

async function readyTicket(desk: TestDesk, crew: Crew, device: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) {
  const ticket = await checkIn(desk, { device, customer });
  await driveTo(desk, crew.technician, ticket.id, 'ready');
  return ticket;
}

function completion(session: string, ticketId: number, extra: Partial<ChannelInput<'collection.complete'>> = {}): ChannelInput<'collection.complete'> {
  return { session, ticketId, identity: 'claim_ticket', signaturePng: signaturePng(), accessoriesReturned: ['charger'], ...extra };
}

async function rows(desk: TestDesk, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return desk.context.db.dataSource.query(sql, params);
}

describe('collection', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('finds a ticket by its number with or without prefix, whatever its status, and says why it cannot be handed over', async () => {
    const ticket = await checkIn(desk);
    const digits = String(ticket.number);
    for (const query of [ticket.displayNumber, digits, `rd${digits}`, digits.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))]) {
      const found = await desk.call('collection.find', { query });
      expect(found.map((m) => [m.ticketId, m.status, m.collectable, m.refusal])).toEqual([[ticket.id, 'received', false, 'not_ready']]);
    }
    const match = firstItem(await desk.call('collection.find', { query: digits }));
    expect(match.customerPhoneMasked).toBe('•••• 8000');
    expect(JSON.stringify(match)).not.toContain('13800138000');
    expect(match).toMatchObject({ customerName: '王小明 Wang', brand: 'Huawei', model: 'Mate 60', readyAt: null });

    await forceStatus(desk, ticket.id, 'collected');
    expect(firstItem(await desk.call('collection.find', { query: digits })).refusal).toBe('already_collected');
    await forceStatus(desk, ticket.id, 'cancelled');
    expect(firstItem(await desk.call('collection.find', { query: digits })).refusal).toBe('cancelled');
  });

  it('by phone (last digits) or name lists the customer’s collectable tickets first', async () => {
    const waiting = await checkIn(desk, { customer: { name: '陈大文 Chan', phone: '139 2222 7766' } });
    const ready = await readyTicket(desk, crew, {}, { name: '陈大文 Chan', phone: '139 2222 7766' });
    const other = await checkIn(desk, { customer: { name: 'Somebody Else', phone: '137 0000 1111' } });
    for (const query of ['7766', '13922227766', '陈大文', 'chan']) {
      const found = await desk.call('collection.find', { query });
      expect(found.map((m) => m.ticketId)).toEqual([ready.id, waiting.id]);
      expect(found[0]).toMatchObject({ collectable: true, refusal: null, status: 'ready' });
      expect(firstItem(found).readyAt).toBe(clock.now().toISOString());
      expect(found.map((m) => m.ticketId)).not.toContain(other.id);
    }
    expect(await desk.call('collection.find', { query: '   ' })).toEqual([]);
  });

  it('refuses to take payment for or hand over a ticket that is not ready, already collected or cancelled', async () => {
    const ticket = await checkIn(desk);
    for (const status of ['received', 'in_repair', 'testing', 'collected', 'cancelled'] as const) {
      await forceStatus(desk, ticket.id, status);
      const view = await desk.call('collection.get', { ticketId: ticket.id });
      expect(view.collectable).toBe(false);
      const pay = await desk.fail('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'card', amountMinor: 100 });
      expect(pay.fields).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
      const complete = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id));
      expect(complete.fields).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
    }
    expect(await rows(desk, 'SELECT * FROM payment')).toEqual([]);
    expect(await rows(desk, 'SELECT * FROM collection')).toEqual([]);
    expect((await ticketRow(desk, ticket.id)).status).toBe('cancelled');
  });

  it('takes a split payment with cash change, then hands over: collected, warranty = collection day + repair warranty days, all in the trail', async () => {
    const ticket = await readyTicket(desk, crew);
    let view: CollectionView = await desk.call('collection.get', { ticketId: ticket.id });
    expect(view).toMatchObject({
      status: 'ready',
      collectable: true,
      repaired: true,
      totalMinor: 18000,
      depositMinor: 10000,
      paidMinor: 10000,
      balanceMinor: 8000,
    });
    expect(view.lines.map((l) => [l.kind, l.qty, l.unitMinor, l.totalMinor, l.free])).toEqual([
      ['labour', 1, 3000, 3000, false],
      ['labour', 1, 15000, 15000, false],
    ]);
    expect(view.workDone).toEqual({ cause: 'Cracked LCD', solution: 'Replace the screen' });
    expect(view.accessories).toEqual(['charger']);

    const early = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id));
    expect(early.fields).toEqual([{ path: 'ticketId', code: 'balance_due' }]);
    const tooMuch = await desk.fail('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'card', amountMinor: 8001 });
    expect(tooMuch.fields).toEqual([{ path: 'amountMinor', code: 'amount_over_balance' }]);
    const short = await desk.fail('collection.pay', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      method: 'cash',
      amountMinor: 5000,
      tenderedMinor: 4000,
    });
    expect(short.fields).toEqual([{ path: 'tenderedMinor', code: 'tendered_short' }]);

    view = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'cash', amountMinor: 5000, tenderedMinor: 10000 });
    expect(view.payments.at(-1)).toMatchObject({
      kind: 'payment',
      method: 'cash',
      amountMinor: 5000,
      tenderedMinor: 10000,
      changeMinor: 5000,
      staffName: crew.clerk.name,
    });
    expect(view.balanceMinor).toBe(3000);
    view = await desk.call('collection.pay', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      method: 'alipay',
      amountMinor: 3000,
      reference: '2026112322001',
    });
    expect(view).toMatchObject({ paidMinor: 18000, paymentsNetMinor: 8000, balanceMinor: 0 });

    clock.set(later(0, 2));
    const result = await desk.call('collection.complete', completion(crew.clerk.session, ticket.id, { accessoriesReturned: ['charger', 'SIM tray pin'] }));
    expect(result).toMatchObject({
      ticketId: ticket.id,
      status: 'collected',
      repairWarrantyUntil: '2027-02-21',
      receipt: { document: 'receipt', number: ticket.displayNumber },
    });
    expect((await desk.call('settings.get', {})).repairWarrantyDays).toBe(90);
    expect(result.view.collection).toMatchObject({ identity: 'claim_ticket', accessoriesReturned: ['charger', 'SIM tray pin'], staffName: crew.clerk.name });
    const stored = await ticketRow(desk, ticket.id);
    expect(stored).toMatchObject({ status: 'collected', repair_warranty_until: '2027-02-21', collected_at: clock.now().toISOString() });

    const money = (await eventsOf(desk, ticket.id)).filter((e) => ['payment_taken', 'collected'].includes(e.kind) || e.to_status === 'collected');
    expect(money.map((e) => [e.kind, e.amount_minor, e.staff_id])).toEqual([
      ['payment_taken', 5000, crew.clerk.id],
      ['payment_taken', 3000, crew.clerk.id],
      ['status_changed', null, crew.clerk.id],
      ['collected', 18000, crew.clerk.id],
    ]);
    expect(money.map((e) => e.note)).toEqual([
      'Cash · tendered CN¥100.00, change CN¥50.00',
      'Alipay · 2026112322001',
      'claim ticket',
      'repaired · claim ticket · returned: Charger, SIM tray pin',
    ]);

    // Collected: nothing more is taken, and it cannot be handed over twice.
    expect((await desk.fail('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'card', amountMinor: 1 })).fields?.[0]?.code).toBe(
      'wrong_status',
    );
    expect((await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id))).fields?.[0]?.code).toBe('wrong_status');
    expect(firstItem(await desk.call('collection.find', { query: ticket.displayNumber })).refusal).toBe('already_collected');
  });

  it('records a lost claim ticket as identified by phone and name, with what the clerk checked and who they are', async () => {
    const ticket = await readyTicket(desk, crew, { depositMinor: 18000 });
    const noNote = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id, { identity: 'phone_and_name' }));
    expect(noNote.fields).toEqual([{ path: 'identityNote', code: 'required' }]);
    const unsigned = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id, { signaturePng: 'data:image/png;base64,AAAA' }));
    expect(unsigned.fields).toEqual([{ path: 'signaturePng', code: 'signature_invalid' }]);

    const result = await desk.call(
      'collection.complete',
      completion(crew.clerk.session, ticket.id, { identity: 'phone_and_name', identityNote: 'Phone 138…8000 and name matched the ID card' }),
    );
    expect(result.view.collection).toMatchObject({
      identity: 'phone_and_name',
      identityNote: 'Phone 138…8000 and name matched the ID card',
      staffName: crew.clerk.name,
    });
    const [record] = await rows(desk, 'SELECT identity, identity_note, staff_id FROM collection WHERE ticket_id = ?', [ticket.id]);
    expect(record).toEqual({ identity: 'phone_and_name', identity_note: 'Phone 138…8000 and name matched the ID card', staff_id: crew.clerk.id });
    const collected = (await eventsOf(desk, ticket.id)).find((e) => e.kind === 'collected')!;
    expect(collected.note).toBe('repaired · ticket lost, checked phone and name: Phone 138…8000 and name matched the ID card · returned: Charger');
  });

  it('will not hand over while a loaner is out, unless a manager overrides with a reason', async () => {
    const ticket = await readyTicket(desk, crew, { depositMinor: 18000 });
    const loaner = await desk.call('loaners.save', { session: crew.manager.session, name: '备机 iPhone 12', serial: 'LN-1' });
    await desk.call('loans.lend', { session: crew.clerk.session, ticketId: ticket.id, loanerId: loaner.id });
    const view = await desk.call('collection.get', { ticketId: ticket.id });
    expect(view.openLoans).toMatchObject([{ loanerName: '备机 iPhone 12', loanerSerial: 'LN-1' }]);

    const blocked = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id));
    expect(blocked.fields).toEqual([{ path: 'loanerOverrideReason', code: 'still_on_loan' }]);
    const noManager = await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id, { loanerOverrideReason: 'Returns it tomorrow' }));
    expect(noManager.fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    expect((await ticketRow(desk, ticket.id)).status).toBe('ready');

    const result = await desk.call(
      'collection.complete',
      completion(crew.clerk.session, ticket.id, {
        loanerOverrideReason: 'Returns it tomorrow',
        managerApproval: { staffId: crew.manager.id, pin: crew.manager.pin },
      }),
    );
    expect(result.view.collection).toMatchObject({ loanerOverrideReason: 'Returns it tomorrow', approvedByName: 'Manager' });
    const override = (await eventsOf(desk, ticket.id)).find((e) => e.kind === 'loaner_override')!;
    expect(override).toMatchObject({ approved_by: crew.manager.id, staff_id: crew.clerk.id });
    expect(override.note).toContain('Returns it tomorrow');
  });

  it('a returned loaner no longer blocks the hand-over', async () => {
    const ticket = await readyTicket(desk, crew, { depositMinor: 18000 });
    const loaner = await desk.call('loaners.save', { session: crew.manager.session, name: 'Loaner A' });
    const lent = await desk.call('loans.lend', { session: crew.clerk.session, ticketId: ticket.id, loanerId: loaner.id });
    await desk.call('loans.return', { session: crew.clerk.session, loanId: firstItem(lent.loans).id });
    expect((await desk.call('collection.complete', completion(crew.clerk.session, ticket.id))).status).toBe('collected');
  });

  it('refunds and voids need a manager and a reason; money rows are never deleted or rewritten', async () => {
    // Deposit 200.00 against a bill of 180.00: 20.00 is due back.
    const ticket = await readyTicket(desk, crew, { depositMinor: 20000 });
    let view = await desk.call('collection.get', { ticketId: ticket.id });
    expect(view.balanceMinor).toBe(-2000);
    expect((await desk.fail('collection.complete', completion(crew.clerk.session, ticket.id))).fields).toEqual([{ path: 'ticketId', code: 'refund_due' }]);

    const refundInput = { session: crew.clerk.session, ticketId: ticket.id, method: 'cash' as const, amountMinor: 2000, reason: 'Deposit above the bill' };
    expect((await desk.fail('collection.refund', refundInput)).fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    const approval = { staffId: crew.manager.id, pin: crew.manager.pin };
    // The role table asks for the manager's PIN before the use case looks at the reason.
    expect((await desk.fail('collection.refund', { ...refundInput, reason: ' ', managerApproval: approval })).fields?.[0]).toMatchObject({
      path: 'reason',
      code: 'required',
    });
    const wrongPin = await desk.fail('collection.refund', { ...refundInput, managerApproval: { staffId: crew.manager.id, pin: '0000' } });
    expect(wrongPin.fields?.[0]?.code).toBe('pin_wrong');
    expect((await desk.fail('collection.refund', { ...refundInput, amountMinor: 20001, managerApproval: approval })).fields).toEqual([
      { path: 'amountMinor', code: 'refund_over_paid' },
    ]);
    view = await desk.call('collection.refund', { ...refundInput, managerApproval: approval });
    expect(view.payments).toMatchObject([{ kind: 'refund', method: 'cash', amountMinor: 2000, reason: 'Deposit above the bill', approvedByName: 'Manager' }]);
    expect(view.balanceMinor).toBe(0);

    // A refund typed twice by mistake, then voided by a manager (a manager signed in needs no PIN).
    view = await desk.call('collection.refund', { ...refundInput, amountMinor: 500, managerApproval: approval });
    expect(view.balanceMinor).toBe(500);
    const mistaken = view.payments.at(-1)!;
    const voidInput = { session: crew.clerk.session, paymentId: mistaken.id, reason: 'Refund entered twice' };
    expect((await desk.fail('collection.voidPayment', voidInput)).fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    expect((await desk.fail('collection.voidPayment', { ...voidInput, session: crew.manager.session, reason: '' })).fields?.[0]).toMatchObject({
      path: 'reason',
      code: 'required',
    });
    view = await desk.call('collection.voidPayment', { ...voidInput, session: crew.manager.session });
    expect(view.payments.at(-1)).toMatchObject({ id: mistaken.id, voided: true, voidReason: 'Refund entered twice', voidedByName: 'Manager' });
    expect(view.balanceMinor).toBe(0);
    expect((await desk.fail('collection.voidPayment', { ...voidInput, session: crew.manager.session })).fields).toEqual([
      { path: 'paymentId', code: 'already_voided' },
    ]);

    const trail = (await eventsOf(desk, ticket.id)).filter((e) => e.kind.startsWith('payment_') || e.kind.endsWith('_voided'));
    expect(trail.map((e) => [e.kind, e.amount_minor, e.approved_by])).toEqual([
      ['payment_refunded', -2000, crew.manager.id],
      ['payment_refunded', -500, crew.manager.id],
      ['refund_voided', 500, crew.manager.id],
    ]);
    expect(trail.map((e) => e.note)).toEqual(['Cash: Deposit above the bill', 'Cash: Deposit above the bill', `#${mistaken.id} Cash: Refund entered twice`]);

    const db = desk.context.db.dataSource;
    await expect(db.query('DELETE FROM payment WHERE id = ?', [mistaken.id])).rejects.toThrow(/never deleted/);
    await expect(db.query('UPDATE payment SET amount_minor = 1 WHERE id = ?', [firstItem(view.payments).id])).rejects.toThrow(/never changed/);
    await expect(
      db.query('UPDATE payment SET voided_at = NULL, voided_by = NULL, void_approved_by = NULL, void_reason = NULL WHERE id = ?', [mistaken.id]),
    ).rejects.toThrow(/never changed/);
    await expect(
      db.query(`UPDATE payment SET voided_at = 'x', void_approved_by = 1, void_reason = '' WHERE id = ?`, [firstItem(view.payments).id]),
    ).rejects.toThrow(CHECK_REFUSED);
    expect(await rows(desk, 'SELECT COUNT(*) AS n FROM payment')).toEqual([{ n: 2 }]);

    const done = await desk.call('collection.complete', completion(crew.clerk.session, ticket.id));
    await expect(db.query('DELETE FROM collection WHERE ticket_id = ?', [ticket.id])).rejects.toThrow(/never deleted/);
    await expect(db.query(`UPDATE collection SET identity_note = 'x' WHERE ticket_id = ?`, [ticket.id])).rejects.toThrow(/never changed/);
    // After the hand-over a payment is no longer voided (money goes back by a refund).
    expect(
      (await desk.fail('collection.voidPayment', { ...voidInput, paymentId: firstItem(done.view.payments).id, session: crew.manager.session })).fields,
    ).toEqual([{ path: 'paymentId', code: 'wrong_status' }]);
  });

  it('returns a declined device unrepaired with the diagnosis fee only, and no repair warranty', async () => {
    const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
    await driveTo(desk, crew.technician, ticket.id, 'declined');
    let view = await desk.call('collection.get', { ticketId: ticket.id });
    expect(view).toMatchObject({ status: 'declined', collectable: true, repaired: false, totalMinor: 3000, discountMinor: 0, balanceMinor: 3000 });
    expect(view.lines.map((l) => [l.kind, l.totalMinor])).toEqual([['labour', 3000]]);
    view = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'wechat', amountMinor: 3000 });
    const result = await desk.call('collection.complete', completion(crew.clerk.session, ticket.id));
    expect(result.repairWarrantyUntil).toBeNull();
    expect(result.view).toMatchObject({ repaired: false, totalMinor: 3000, balanceMinor: 0, status: 'collected' });
    const collected = (await eventsOf(desk, ticket.id)).find((e) => e.kind === 'collected')!;
    expect(collected).toMatchObject({ amount_minor: 3000 });
    expect(collected.note).toBe('returned unrepaired · claim ticket · returned: Charger');
  });

  it('hands back an unrepairable device with nothing to pay when no diagnosis fee was quoted', async () => {
    const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'diagnosing' });
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'unrepairable', note: 'Board beyond repair' });
    const view = await desk.call('collection.get', { ticketId: ticket.id });
    expect(view).toMatchObject({ repaired: false, lines: [], totalMinor: 0, balanceMinor: 0, collectable: true });
    expect((await desk.call('collection.complete', completion(crew.clerk.session, ticket.id))).repairWarrantyUntil).toBeNull();
  });

  it('lists devices ready longer than the setting, oldest first, with the last notification', async () => {
    const old = await readyTicket(desk, crew, {}, { name: 'Old Customer', phone: '139 0000 0001' });
    await desk.call('notifications.log', { session: crew.clerk.session, ticketId: old.id, method: 'phone', outcome: 'no_answer' });
    clock.set(later(5));
    await signInAgain(desk, crew);
    const older = await checkIn(desk, { customer: { name: 'Declined Customer', phone: '139 0000 0002' } });
    await driveTo(desk, crew.technician, older.id, 'declined');
    clock.set(later(20));
    await signInAgain(desk, crew);
    const fresh = await readyTicket(desk, crew, {}, { name: 'Fresh Customer', phone: '139 0000 0003' });

    clock.set(later(34));
    let list = await desk.call('collection.unclaimed', {});
    expect(list.map((u) => [u.ticketId, u.daysWaiting])).toEqual([[old.id, 34]]);
    expect(list[0]).toMatchObject({
      customerName: 'Old Customer',
      customerPhone: '139 0000 0001',
      status: 'ready',
      lastNotification: { method: 'phone', outcome: 'no_answer', at: new Date(START).toISOString() },
    });

    await signInAgain(desk, crew);
    await desk.call('settings.update', { unclaimedAfterDays: 10 });
    list = await desk.call('collection.unclaimed', {});
    expect(list.map((u) => [u.ticketId, u.status, u.daysWaiting])).toEqual([
      [old.id, 'ready', 34],
      [older.id, 'declined', 29],
      [fresh.id, 'ready', 14],
    ]);
    expect(itemAt(list, 1).lastNotification).toBeNull();
    expect((await desk.fail('settings.update', { unclaimedAfterDays: 0 })).fields?.[0]).toMatchObject({ path: 'unclaimedAfterDays', code: 'invalid' });
  });

  it('counts the day’s takings by method, intake deposits included, refunds negative, voided payments left out, other days apart', async () => {
    const a = await readyTicket(desk, crew, { depositMinor: 0 });
    const b = await readyTicket(desk, crew, { depositMinor: 0 });
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: a.id, method: 'cash', amountMinor: 10000, tenderedMinor: 20000 });
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: a.id, method: 'card', amountMinor: 8000 });
    const wrong = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: b.id, method: 'card', amountMinor: 18000 });
    await desk.call('collection.voidPayment', { session: crew.manager.session, paymentId: firstItem(wrong.payments).id, reason: 'Card declined after all' });
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: b.id, method: 'wechat', amountMinor: 18000 });
    await desk.call('collection.refund', { session: crew.manager.session, ticketId: b.id, method: 'wechat', amountMinor: 1000, reason: 'Goodwill' });

    // Deposits taken at today's intakes count too, under the method they were paid by (cash unless said);
    // one from before the method was asked counts under none.
    await checkIn(desk, { device: { depositMinor: 5000 } });
    await checkIn(desk, { device: { depositMinor: 2000, depositMethod: 'alipay' } });
    const legacy = await checkIn(desk, { device: { depositMinor: 1500, depositMethod: 'card' } });
    await desk.context.db.write((tx) => tx.query(`UPDATE ticket SET deposit_method = NULL WHERE id = ?`, [legacy.id]));
    const today = await desk.call('collection.drawer', {});
    // Counts are of payments: the WeChat refund is counted apart, not as a second payment.
    expect(today.byMethod).toEqual([
      { method: 'cash', count: 2, refundCount: 0, amountMinor: 15000 },
      { method: 'card', count: 1, refundCount: 0, amountMinor: 8000 },
      { method: 'wechat', count: 1, refundCount: 1, amountMinor: 17000 },
      { method: 'alipay', count: 1, refundCount: 0, amountMinor: 2000 },
    ]);
    expect(today.refunds).toEqual({ count: 1, amountMinor: 1000 });
    expect(today).toMatchObject({
      totalMinor: 35000 + 5000 + 2000 + 1500,
      cashInMinor: 15000,
      intakeDeposits: { count: 3, amountMinor: 8500 },
      depositsWithoutMethodMinor: 1500,
      currency: 'CNY',
    });
    const date = today.date;
    expect(await desk.call('collection.drawer', { date })).toEqual(today);

    clock.set(later(1));
    await signInAgain(desk, crew);
    const c = await readyTicket(desk, crew, { depositMinor: 0 });
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: c.id, method: 'alipay', amountMinor: 18000 });
    const tomorrow = await desk.call('collection.drawer', {});
    expect(tomorrow.date).not.toBe(date);
    expect(tomorrow).toMatchObject({ totalMinor: 18000, cashInMinor: 0, intakeDeposits: { count: 0, amountMinor: 0 }, depositsWithoutMethodMinor: 0 });
    expect((await desk.call('collection.drawer', { date })).totalMinor).toBe(43500);
  });

  it('prints and previews the repair receipt for a collected ticket only, archived and recorded as a reprint', async () => {
    const ticket = await readyTicket(desk, crew, { depositMinor: 18000 });
    const early = await desk.fail('printing.printTicket', { number: ticket.displayNumber, documents: ['receipt'] });
    expect(early.fields).toEqual([{ path: 'documents', code: 'wrong_status' }]);
    await desk.call('collection.complete', completion(crew.clerk.session, ticket.id));
    const results = await desk.call('printing.printTicket', { number: ticket.displayNumber, documents: ['receipt'], session: crew.clerk.session });
    expect(results.map((r) => [r.document, r.ok])).toEqual([['receipt', true]]);
    expect(firstItem(results).archivedPath).toMatch(/receipt/);
    const preview = await desk.call('printing.preview', { number: ticket.displayNumber, document: 'receipt' });
    expect(preview.path).toMatch(/receipt\.pdf$/);
    expect((await eventsOf(desk, ticket.id)).map((e) => e.kind)).toContain('printed_receipt');
  });
});
