import { describe, expect, it } from 'vitest';
import { atOnceOnCounters } from '../support/counter-worker';
import { fixedClock, type TestDesk } from '../support/desk';
import { failInserts } from '../support/failing-write';
import { firstItem, itemAt } from '../support/lists';
import { CHECK_REFUSED } from '../support/suite-engine';
import { addPart, checkIn, eventsOf, forceStatus, freshDeskWithCrewEachTest, PINS, tableCounts, type Crew } from '../support/workflow';
import { TICKET_STATUSES } from '../../src/shared/domain';

const START = '2026-11-23T02:30:00Z';
const clock = fixedClock(START);

describe('parts drawn from stock', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  async function partRow(id: number): Promise<{ qty_on_hand: number; qty_returned: number }> {
    const rows = await desk.context.db.dataSource.query(`SELECT qty_on_hand, qty_returned FROM part WHERE id = ?`, [id]);
    return firstItem(rows);
  }

  /** A ticket on the bench, diagnosed (hardware, or as given). */
  async function ticketInRepair(overrides: Parameters<typeof checkIn>[1] = {}, userCaused = false): Promise<number> {
    const ticket = await checkIn(desk, overrides);
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'diagnosing' });
    await desk.call('diagnosis.save', { session: crew.technician.session, ticketId: ticket.id, category: 'hardware', cause: 'LCD', severity: 2, userCaused });
    await forceStatus(desk, ticket.id, 'in_repair');
    return ticket.id;
  }

  it('draws the part in the same transaction as the ticket event, with the ledger in step', async () => {
    const part = await addPart(desk, crew, { openingQty: 3 });
    const ticketId = await ticketInRepair();
    clock.set('2026-11-23T04:00:00Z');
    const view = await desk.call('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 2, note: 'front and spare' });
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 0 });
    expect(view.partsUsed.map((m) => [m.reason, m.qtyDelta, m.unitPriceMinor, m.underWarranty, m.staffName, m.ticketDisplayNumber])).toEqual([
      ['used', -2, 60000, false, '李工 Li', view.displayNumber],
    ]);
    expect(view.timeline.at(-1)).toMatchObject({
      kind: 'part_used',
      amountMinor: 120000,
      note: '2 × LCD screen (6.7" OLED): front and spare',
      staffName: '李工 Li',
    });
    expect((await desk.call('parts.list', { lowStockOnly: true })).map((p) => p.id)).toEqual([part.id]);

    // When the event cannot be written, the stock is not drawn either.
    await failInserts(desk, { name: 'fail_part_event', table: 'ticket_event', when: "NEW.kind = 'part_used'", message: 'disk full' });
    const before = await tableCounts(desk);
    expect((await desk.fail('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 1 })).code).toBe('internal');
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 0 });
    expect(await tableCounts(desk)).toEqual(before);
  });

  it('puts the parts fitted on a cancelled repair back on the shelf, once', async () => {
    const screen = await addPart(desk, crew, { openingQty: 3 });
    const battery = await addPart(desk, crew, { name: 'Battery', specification: '4800 mAh', openingQty: 2 });
    const ticket = await checkIn(desk);
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'diagnosing' });
    await desk.call('diagnosis.save', { session: crew.technician.session, ticketId: ticket.id, category: 'hardware', cause: 'LCD', severity: 2 });
    // Approved, waiting for another part: parts may be drawn, and the repair may still be cancelled.
    await forceStatus(desk, ticket.id, 'awaiting_parts');
    await desk.call('parts.use', { session: crew.technician.session, ticketId: ticket.id, partId: screen.id, qty: 2 });
    await desk.call('parts.use', { session: crew.technician.session, ticketId: ticket.id, partId: battery.id, qty: 1 });
    expect(await partRow(screen.id)).toMatchObject({ qty_on_hand: 1 });
    expect(await partRow(battery.id)).toMatchObject({ qty_on_hand: 1 });

    const view = await desk.call('workflow.move', {
      session: crew.manager.session,
      ticketId: ticket.id,
      toStatus: 'cancelled',
      note: 'customer changed their mind',
    });
    expect(view.status).toBe('cancelled');
    expect(await partRow(screen.id)).toMatchObject({ qty_on_hand: 3 });
    expect(await partRow(battery.id)).toMatchObject({ qty_on_hand: 2 });
    expect(view.partsUsed.map((m) => [m.partName, m.reason, m.qtyDelta])).toEqual([
      ['LCD screen', 'used', -2],
      ['Battery', 'used', -1],
      ['LCD screen', 'restock', 2],
      ['Battery', 'restock', 1],
    ]);
    expect(view.timeline.slice(-3).map((e) => [e.kind, e.note])).toEqual([
      ['status_changed', 'customer changed their mind'],
      ['part_restocked', '2 × LCD screen (6.7" OLED): taken off the device, the repair was cancelled'],
      ['part_restocked', '1 × Battery (4800 mAh): taken off the device, the repair was cancelled'],
    ]);
    // Cancelled is the end: nothing can put the parts back a second time.
    expect((await desk.fail('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: 'cancelled', note: 'again' })).code).toBe(
      'conflict',
    );
    expect(await partRow(screen.id)).toMatchObject({ qty_on_hand: 3 });
  });

  it('words the stock move of a part taken off a cancelled repair in the language the shop reads it in', async () => {
    const screen = await addPart(desk, crew, { openingQty: 2 });
    const ticketId = await ticketInRepair();
    await desk.call('parts.use', { session: crew.technician.session, ticketId, partId: screen.id, qty: 1, note: 'front glass' });
    await forceStatus(desk, ticketId, 'awaiting_parts');
    await desk.call('workflow.move', { session: crew.manager.session, ticketId, toStatus: 'cancelled', note: 'customer changed their mind' });
    const restockNote = async () => {
      const moves = await desk.call('parts.moves', { session: crew.manager.session, partId: screen.id, limit: 10 });
      const onTicket = (await desk.call('tickets.getWorkflow', { ticketId })).partsUsed;
      const notes = [moves, onTicket].map((list) => list.filter((m) => m.reason === 'restock' && m.ticketId === ticketId).map((m) => m.note));
      // The part's ledger and the ticket page say the same.
      expect(notes[0]).toEqual(notes[1]);
      return { restocked: notes[0], typed: onTicket.find((m) => m.reason === 'used')?.note };
    };
    expect(await restockNote()).toEqual({ restocked: ['taken off the device, the repair was cancelled'], typed: 'front glass' });

    await desk.call('settings.update', { language: 'zh-CN' });
    // Worded when read: the shop's language now, not the one of the day it was written; what staff typed stays as typed.
    expect(await restockNote()).toEqual({ restocked: ['维修已取消，配件已拆回'], typed: 'front glass' });
    const stored = await desk.context.db.dataSource.query(`SELECT note, note_data FROM stock_move WHERE ticket_id = ? AND reason = 'restock'`, [ticketId]);
    expect(stored).toEqual([{ note: 'taken off the device, the repair was cancelled', note_data: '{"code":"fitted_part_restocked"}' }]);
  });

  it('refuses to draw more than is on hand, and changes nothing', async () => {
    const part = await addPart(desk, crew, { openingQty: 1 });
    const ticketId = await ticketInRepair();
    const before = await tableCounts(desk);
    expect(await desk.fail('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 2 })).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'qty', code: 'stock_insufficient' }],
    });
    // Even a manager needs to ask for the override explicitly.
    expect((await desk.fail('parts.use', { session: crew.manager.session, ticketId, partId: part.id, qty: 2 })).fields).toEqual([
      { path: 'qty', code: 'stock_insufficient' },
    ]);
    expect(await tableCounts(desk)).toEqual(before);
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 0 });
  });

  it('lets stock go below zero only by a manager’s explicit override, recorded on the move and the event', async () => {
    const part = await addPart(desk, crew, { openingQty: 1 });
    const ticketId = await ticketInRepair();
    const draw = { ticketId, partId: part.id, qty: 3, overrideStock: true, note: 'shelf count is wrong' };
    for (const person of [crew.clerk, crew.technician]) {
      expect(await desk.fail('parts.use', { ...draw, session: person.session })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'managerApproval', code: 'manager_required' }],
      });
    }
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 0 });
    const view = await desk.call('parts.use', { ...draw, session: crew.technician.session, managerApproval: { staffId: crew.manager.id, pin: PINS.manager } });
    expect(await partRow(part.id)).toEqual({ qty_on_hand: -2, qty_returned: 0 });
    expect(view.partsUsed.at(-1)).toMatchObject({ qtyDelta: -3, staffName: '李工 Li', approvedByName: 'Manager' });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'part_used', staffName: '李工 Li', approvedByName: 'Manager' });
    // An override with enough stock is a plain draw: nobody is recorded as approving.
    await desk.call('parts.restock', { session: crew.clerk.session, partId: part.id, qty: 10 });
    const plain = await desk.call('parts.use', { ...draw, qty: 1, session: crew.technician.session });
    expect(plain.partsUsed.at(-1)).toMatchObject({ qtyDelta: -1, approvedByName: null });
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 7, qty_returned: 0 });
  });

  it('keeps the database itself from taking stock below zero or changing it outside the ledger', async () => {
    const part = await addPart(desk, crew, { openingQty: 1 });
    const ticketId = await ticketInRepair();
    const query = (sql: string, params: unknown[] = []) => desk.context.db.dataSource.query(sql, params);
    await expect(
      query(
        `INSERT INTO stock_move (part_id, ticket_id, reason, qty_delta, unit_cost_minor, unit_price_minor, staff_id, at) VALUES (?, ?, 'used', -2, 0, 0, 2, 'now')`,
        [part.id, ticketId],
      ),
    ).rejects.toThrow(/cannot go negative/);
    await expect(query(`UPDATE part SET qty_on_hand = 100 WHERE id = ?`, [part.id])).rejects.toThrow(/only through stock moves/);
    await expect(query(`DELETE FROM stock_move`)).rejects.toThrow(/never deleted/);
    await expect(query(`UPDATE stock_move SET qty_delta = 50`)).rejects.toThrow(/never changed/);
    await expect(
      query(`INSERT INTO stock_move (part_id, reason, qty_delta, unit_cost_minor, unit_price_minor, staff_id, at) VALUES (?, 'override', 5, 0, 0, 2, 'now')`, [
        part.id,
      ]),
    ).rejects.toThrow(CHECK_REFUSED);
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 0 });
  });

  it('returns the replaced part of a warranty repair to the stores (旧件返还), not to sellable stock', async () => {
    const part = await addPart(desk, crew, { openingQty: 3 });
    const ticketId = await ticketInRepair({ device: { purchaseDate: '2026-06-01', proofOfPurchase: true } });
    const view = await desk.call('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 1, returnOldPart: true });
    expect(view.pricingBasis).toBe('in_warranty');
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 2, qty_returned: 1 });
    expect(view.partsUsed.map((m) => [m.reason, m.qtyDelta, m.underWarranty, m.unitPriceMinor])).toEqual([
      ['used', -1, true, 60000],
      ['returned_to_stores', 1, true, 0],
    ]);
    expect(view.timeline.slice(-2).map((e) => e.kind)).toEqual(['part_used', 'part_returned_to_stores']);
    expect((await desk.call('parts.list', {}))[0]).toMatchObject({ qtyOnHand: 2, qtyReturned: 1 });

    // Recorded separately after the fact: one old part for each new one fitted, never more.
    await desk.call('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 1 });
    const before = await tableCounts(desk);
    expect(await desk.fail('parts.returnToStores', { session: crew.technician.session, ticketId, partId: part.id, qty: 2 })).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'qty', code: 'too_many' }],
    });
    expect(await tableCounts(desk)).toEqual(before);
    const returned = await desk.call('parts.returnToStores', { session: crew.technician.session, ticketId, partId: part.id, qty: 1, note: '配件已换已还' });
    expect(returned.timeline.at(-1)).toMatchObject({ kind: 'part_returned_to_stores', note: '1 × LCD screen (6.7" OLED): 配件已换已还' });
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 1, qty_returned: 2 });
    expect((await desk.fail('parts.returnToStores', { session: crew.technician.session, ticketId, partId: part.id, qty: 1 })).fields).toEqual([
      { path: 'qty', code: 'too_many' },
    ]);
    // A part never fitted on another ticket cannot be "returned" for it.
    const other = await ticketInRepair();
    expect((await desk.fail('parts.returnToStores', { session: crew.technician.session, ticketId: other, partId: part.id, qty: 1 })).fields).toEqual([
      { path: 'qty', code: 'too_many' },
    ]);
  });

  it('marks parts drawn for an out-of-warranty or user-caused repair as not under warranty', async () => {
    const part = await addPart(desk, crew, { openingQty: 3 });
    const caused = await ticketInRepair({ device: { purchaseDate: '2026-06-01', proofOfPurchase: true } }, true);
    const out = await ticketInRepair();
    for (const ticketId of [caused, out]) {
      const view = await desk.call('parts.use', { session: crew.technician.session, ticketId, partId: part.id, qty: 1 });
      expect(firstItem(view.partsUsed).underWarranty).toBe(false);
    }
  });

  it('draws parts only while the repair is approved and not yet finished', async () => {
    const part = await addPart(desk, crew, { openingQty: 5 });
    const ticket = await checkIn(desk);
    const allowed = ['approved', 'awaiting_parts', 'in_repair', 'back_from_manufacturer', 'testing'];
    // Every status there is, so a status added later is checked too.
    for (const status of TICKET_STATUSES) {
      await forceStatus(desk, ticket.id, status);
      const result = await desk.dispatch('parts.use', { session: crew.technician.session, ticketId: ticket.id, partId: part.id, qty: 1 });
      expect(result.ok, status).toBe(allowed.includes(status));
      if (!result.ok) expect(result.error.fields).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
    }
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 0, qty_returned: 0 });
    // An inactive part is not drawn.
    await desk.call('parts.save', { session: crew.manager.session, id: part.id, name: part.name, costMinor: 1, priceMinor: 2, active: false });
    await forceStatus(desk, ticket.id, 'in_repair');
    expect(
      (await desk.fail('parts.use', { session: crew.technician.session, ticketId: ticket.id, partId: part.id, qty: 1, overrideStock: true })).fields,
    ).toEqual([{ path: 'partId', code: 'not_found' }]);
  });

  it('never goes negative when three counter PCs (processes) draw the last units at the same instant', async () => {
    const part = await addPart(desk, crew, { openingQty: 5 });
    const tickets = [await ticketInRepair(), await ticketInRepair(), await ticketInRepair()];
    const perProcess = 4;
    const callsFor = (ticketId: number) => Array.from({ length: perProcess }, () => ({ channel: 'parts.use', input: { ticketId, partId: part.id, qty: 1 } }));
    const others = [
      { person: { id: crew.technician.id, pin: PINS.technician }, calls: callsFor(itemAt(tickets, 1)) },
      { person: { id: crew.clerk.id, pin: PINS.clerk }, calls: callsFor(itemAt(tickets, 2)) },
    ];
    const mine = () =>
      Promise.all(
        Array.from({ length: perProcess }, () =>
          desk.dispatch('parts.use', { session: crew.manager.session, ticketId: itemAt(tickets, 0), partId: part.id, qty: 1 }),
        ),
      );
    const { elsewhere: outputs, here: local } = await atOnceOnCounters(desk, START, others, mine);
    const results = [...outputs.flat(), ...local.map((r) => (r.ok ? 'ok' : (r.error.fields?.[0]?.code ?? r.error.code)))];
    expect(results).toHaveLength(3 * perProcess);
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r !== 'ok').every((r) => r === 'stock_insufficient')).toBe(true);
    expect(await partRow(part.id)).toEqual({ qty_on_hand: 0, qty_returned: 0 });
    const ledger: { n: number; total: number }[] = await desk.context.db.dataSource.query(
      `SELECT COUNT(*) AS n, SUM(qty_delta) AS total FROM stock_move WHERE part_id = ? AND reason = 'used'`,
      [part.id],
    );
    expect(firstItem(ledger)).toEqual({ n: 5, total: -5 });
    // One part_used event for each unit drawn, on the ticket it was drawn for.
    let events = 0;
    for (const ticketId of tickets) events += (await eventsOf(desk, ticketId)).filter((e) => e.kind === 'part_used').length;
    expect(events).toBe(5);
  }, 90_000);
});
