import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATE_FILL } from '../../src/main/core/storage/migrations/0012-follow-up-state';
import { satisfactionSummary } from '../../src/main/core/features/figures/satisfaction-summary';
import { fixedClock, type TestDesk } from '../support/desk';
import { firstItem, onlyItem } from '../support/lists';
import { onSqliteFile } from '../support/sqlite-only';
import { checkIn, eventsOf, forceStatus, freshDeskWithCrewEachTest, signaturePng, signInAgain, type Crew } from '../support/workflow';

const START = '2026-11-23T04:00:00Z';
const clock = fixedClock(START);

function dayAt(days: number): string {
  return new Date(Date.parse(START) + days * 86_400_000).toISOString();
}

/** A ticket handed back now through the collection use case (the status before it is set behind the workflow's back). */
async function collectedTicket(desk: TestDesk, options: { repaired?: boolean; phone?: string; name?: string; serial?: string } = {}) {
  const ticket = await checkIn(desk, {
    customer: { phone: options.phone ?? '138 0013 8000', name: options.name ?? '王小明 Wang' },
    // No deposit: with nothing quoted the hand-back owes nothing either way.
    device: { serial: options.serial ?? '861234567890123', depositMinor: 0 },
  });
  await forceStatus(desk, ticket.id, options.repaired === false ? 'unrepairable' : 'ready');
  await desk.call('collection.complete', { ticketId: ticket.id, identity: 'claim_ticket', signaturePng: signaturePng() });
  return ticket;
}

async function dueOn(desk: TestDesk, days: number): Promise<number[]> {
  const date = dayAt(days).slice(0, 10);
  return (await desk.call('followUps.due', { date })).map((d) => d.ticketId);
}

describe('follow-up calls (回访)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('lists each collected repair from day 3 to day 7, overdue after, and a not-fixed repair the same day', async () => {
    const ordinary = await collectedTicket(desk);
    const notFixed = await collectedTicket(desk, { repaired: false, phone: '139 1111 2222', serial: 'SN-NOTFIXED' });
    const table: [number, number[]][] = [
      [0, [notFixed.id]],
      [2, [notFixed.id]],
      [3, [notFixed.id, ordinary.id]],
      [7, [notFixed.id, ordinary.id]],
      [30, [notFixed.id, ordinary.id]],
      [31, []],
    ];
    for (const [day, expected] of table) expect(await dueOn(desk, day)).toEqual(expected);
    const list = await desk.call('followUps.due', { date: dayAt(8).slice(0, 10) });
    expect(list.find((d) => d.ticketId === ordinary.id)).toMatchObject({ overdue: true, reason: 'window', dueFrom: '2026-11-26', dueTo: '2026-11-30' });
    expect(list.find((d) => d.ticketId === notFixed.id)).toMatchObject({ overdue: true, reason: 'same_day', repaired: false });
  });

  it('a rework is called the same day it is collected', async () => {
    const original = await collectedTicket(desk);
    const rework = await desk.call('workflow.reopen', { session: crew.clerk.session, ticketId: original.id, fault: 'Screen flickers again' });
    clock.set(dayAt(2));
    await signInAgain(desk, crew);
    await forceStatus(desk, rework.ticketId, 'ready');
    await desk.call('collection.complete', { ticketId: rework.ticketId, identity: 'claim_ticket', signaturePng: signaturePng() });
    expect(await dueOn(desk, 2)).toEqual([rework.ticketId]);
  });

  it('retries a call that did not reach the customer the next day, closes when reached after two tries', async () => {
    const ticket = await collectedTicket(desk);
    clock.set(dayAt(3));
    await signInAgain(desk, crew);
    const first = await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false, remarks: 'No answer' });
    expect(first.state).toBe('retry');
    expect(await dueOn(desk, 3)).toEqual([]);
    expect(await desk.call('followUps.due', { date: dayAt(4).slice(0, 10) })).toMatchObject([{ ticketId: ticket.id, reason: 'retry', attempts: 1 }]);
    clock.set(dayAt(4));
    await signInAgain(desk, crew);
    expect((await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false })).state).toBe('retry');
    clock.set(dayAt(5));
    await signInAgain(desk, crew);
    const reached = await desk.call('followUps.record', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      reached: true,
      working: true,
      quality: 5,
      attitude: 4,
      remarks: 'All good',
    });
    expect(reached).toMatchObject({ state: 'closed', complaintId: null, reworkTicketId: null });
    for (const day of [5, 6, 9]) expect(await dueOn(desk, day)).toEqual([]);
    const error = await desk.fail('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false });
    expect(error.fields).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
    const kinds = (await eventsOf(desk, ticket.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('follow_up'))).toEqual(['follow_up_not_reached', 'follow_up_not_reached', 'follow_up_reached']);
  });

  it('closes as unreachable after the set number of tries', async () => {
    await desk.call('settings.update', { followUpMaxAttempts: 2 });
    const ticket = await collectedTicket(desk);
    clock.set(dayAt(3));
    await signInAgain(desk, crew);
    expect((await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false })).state).toBe('retry');
    clock.set(dayAt(4));
    await signInAgain(desk, crew);
    expect((await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false })).state).toBe('unreachable');
    expect(await dueOn(desk, 5)).toEqual([]);
  });

  /** Collections, a rework and calls that leave every kind of follow-up state behind; answers the state kept. */
  async function stateAfterCallsAndRework() {
    const ordinary = await collectedTicket(desk);
    const notFixed = await collectedTicket(desk, { repaired: false, phone: '139 1111 2222', serial: 'SN-NOTFIXED' });
    await collectedTicket(desk, { phone: '137 0000 1111', serial: 'SN-NEVER-CALLED' });
    const rework = await desk.call('workflow.reopen', { session: crew.clerk.session, ticketId: ordinary.id, fault: 'Again' });
    clock.set(dayAt(3));
    await signInAgain(desk, crew);
    await forceStatus(desk, rework.ticketId, 'ready');
    await desk.call('collection.complete', { ticketId: rework.ticketId, identity: 'claim_ticket', signaturePng: signaturePng() });
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: notFixed.id, reached: false });
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ordinary.id, reached: true, working: true, quality: 5, attitude: 5 });
    clock.set(dayAt(4));
    await signInAgain(desk, crew);
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: notFixed.id, reached: false });
    const kept: Record<string, unknown>[] = await desk.context.db.dataSource.query(`SELECT * FROM follow_up_state ORDER BY ticket_id`);
    return { ordinary, notFixed, rework, kept };
  }

  it("collection and calls keep each ticket's follow-up state, which only moves forward", async () => {
    const { ordinary, notFixed, rework, kept } = await stateAfterCallsAndRework();
    expect(kept).toHaveLength(4);
    expect(kept.find((r) => r.ticket_id === notFixed.id)).toMatchObject({
      same_day: 1,
      failed_attempts: 2,
      last_failed_on: dayAt(4).slice(0, 10),
      reached: 0,
    });
    expect(kept.find((r) => r.ticket_id === rework.ticketId)).toMatchObject({ same_day: 1, collected_on: dayAt(3).slice(0, 10) });
    // Calls only move it forward; it is never deleted.
    await expect(desk.context.db.dataSource.query(`UPDATE follow_up_state SET reached = 0 WHERE ticket_id = ?`, [ordinary.id])).rejects.toThrow();
    await expect(desk.context.db.dataSource.query(`DELETE FROM follow_up_state WHERE ticket_id = ?`, [notFixed.id])).rejects.toThrow();
  });

  // The fill is SQLite's upgrade of files from before the state was kept; a PostgreSQL database starts with it kept.
  onSqliteFile('the state kept is what the SQLite migration fills from the history', async () => {
    const { kept } = await stateAfterCallsAndRework();
    const filled: Record<string, unknown>[] = await desk.context.db.dataSource.query(
      `${FOLLOW_UP_STATE_FILL.replace(/^INSERT INTO follow_up_state \([^)]*\)/, '')} ORDER BY t.id`,
    );
    expect(kept).toHaveLength(4);
    expect(kept.map((r) => Object.values(r))).toEqual(filled.map((r) => Object.values(r)));
  });

  it('a reached call needs the answers; bad input is refused and nothing is stored', async () => {
    const ticket = await collectedTicket(desk);
    const error = await desk.fail('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: true, quality: 9 });
    expect(error.code).toBe('validation');
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['attitude', 'quality', 'working']);
    const calls: { n: number }[] = await desk.context.db.dataSource.query(`SELECT COUNT(*) AS n FROM follow_up_call`);
    expect(onlyItem(calls).n).toBe(0);
  });

  it('"not working" opens a rework ticket in the same step', async () => {
    const ticket = await collectedTicket(desk);
    const result = await desk.call('followUps.record', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      reached: true,
      working: false,
      quality: 2,
      attitude: 4,
      remarks: 'Battery drains again',
      then: 'rework',
    });
    expect(result.reworkTicketId).not.toBeNull();
    const rows: { rework_of_ticket_id: number; fault: string }[] = await desk.context.db.dataSource.query(
      `SELECT rework_of_ticket_id, fault FROM ticket WHERE id = ?`,
      [result.reworkTicketId],
    );
    expect(rows[0]).toEqual({ rework_of_ticket_id: ticket.id, fault: 'Battery drains again' });
  });
});

describe('complaints (投诉)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('a low score opens a complaint owned by a manager; steps, resolve by the owner, close by a manager only', async () => {
    const ticket = await collectedTicket(desk);
    const call = await desk.call('followUps.record', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      reached: true,
      working: true,
      quality: 2,
      attitude: 1,
      remarks: 'Rude at the counter',
      then: 'complaint',
      complaintCategory: 'attitude',
    });
    expect(call.complaintId).not.toBeNull();
    const complaintId = call.complaintId as number;
    const opened = await desk.call('complaints.get', { complaintId });
    expect(opened).toMatchObject({
      status: 'open',
      ownerId: crew.manager.id,
      category: 'attitude',
      severity: 'high',
      dueDate: '2026-11-26',
      ticketId: ticket.id,
    });
    expect((await desk.call('complaints.list', {})).map((c) => c.id)).toEqual([complaintId]);

    clock.set(dayAt(1));
    await signInAgain(desk, crew);
    await desk.call('complaints.addStep', { session: crew.technician.session, complaintId, note: 'Called back, apologised' });
    // A clerk who does not own it may not resolve it; nobody but a manager may close it.
    expect((await desk.fail('complaints.resolve', { session: crew.clerk.session, complaintId, outcome: 'x', customerAccepted: true })).code).toBe('forbidden');
    expect((await desk.fail('complaints.close', { session: crew.manager.session, complaintId })).fields).toEqual([
      { path: 'complaintId', code: 'wrong_status' },
    ]);
    await desk.call('complaints.resolve', { session: crew.manager.session, complaintId, outcome: 'Free cleaning offered', customerAccepted: true });
    const refused = await desk.fail('complaints.close', { session: crew.clerk.session, complaintId });
    expect(refused).toMatchObject({ code: 'forbidden', fields: [{ path: 'session', code: 'manager_required' }] });
    const closed = await desk.call('complaints.close', { session: crew.manager.session, complaintId, note: 'Customer satisfied' });
    expect(closed).toMatchObject({ status: 'closed', closedByName: 'Manager', outcome: 'Free cleaning offered', customerAccepted: true });
    expect(closed.steps.map((s) => [s.kind, s.staffName])).toEqual([
      ['opened', crew.clerk.name],
      ['step', crew.technician.name],
      ['resolved', 'Manager'],
      ['closed', 'Manager'],
    ]);
    expect(await desk.call('complaints.list', {})).toEqual([]);
    expect((await desk.fail('complaints.addStep', { session: crew.manager.session, complaintId, note: 'late' })).code).toBe('conflict');
    await expect(desk.context.db.dataSource.query(`UPDATE complaint SET reason = 'changed' WHERE id = ?`, [complaintId])).rejects.toThrow(/never changed/);
  });

  it('the owner named at opening may resolve; the summary counts calls and complaints in the range', async () => {
    const ticket = await collectedTicket(desk);
    const complaint = await desk.call('complaints.open', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      category: 'delay',
      reason: 'Took two weeks',
      severity: 'low',
      ownerId: crew.technician.id,
      dueDate: '2026-11-30',
    });
    await desk.call('complaints.resolve', {
      session: crew.technician.session,
      complaintId: complaint.id,
      outcome: 'Explained the parts delay',
      customerAccepted: false,
    });
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: false });
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: ticket.id, reached: true, working: true, quality: 4, attitude: 3 });
    const summary = await desk.context.db.read((tx) => satisfactionSummary(tx, { fromUtc: '2026-11-23T00:00:00Z', toUtc: '2026-11-24T00:00:00Z' }));
    expect(summary).toEqual({ calls: 2, reached: 1, averageQuality: 4, averageAttitude: 3, complaintsOpened: 1, complaintsClosed: 0, complaintsOpen: 1 });
    await desk.call('complaints.close', { session: crew.manager.session, complaintId: complaint.id });
    const later = await desk.context.db.read((tx) => satisfactionSummary(tx, { fromUtc: '2026-11-24T00:00:00Z', toUtc: '2026-11-25T00:00:00Z' }));
    expect(later).toEqual({ calls: 0, reached: 0, averageQuality: null, averageAttitude: null, complaintsOpened: 0, complaintsClosed: 0, complaintsOpen: 0 });
  });
});

describe('the customer archive (客户档案)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));
  /** The archive's first hit for a name, as the clerk would pick it. */
  const idOf = async (name: string) => firstItem(await desk.call('archive.search', { query: name })).id;
  /** Each hit as customer:matchedOn:match, in the order shown. */
  const how = (hits: { id: number; matchedOn: string; match: string }[]) => hits.map((h) => `${h.id}:${h.matchedOn}:${h.match}`);

  it('finds a customer by any part of the phone, part of the name or the serial', async () => {
    const wang = await checkIn(desk, { customer: { name: '王小明 Wang', phone: '138 0013 8000' }, device: { serial: 'IMEI35001122' } });
    await checkIn(desk, { customer: { name: '李四 Li', phone: '139 5555 6666' }, device: { serial: 'C02XK1' } });
    expect((await desk.call('tickets.search', { query: wang.displayNumber })).length).toBe(1);
    for (const query of ['0013', '13800138000', '小明', 'wang', '35001', 'IMEI35001122']) {
      const hits = await desk.call('archive.search', { query });
      expect(
        hits.map((h) => h.name),
        query,
      ).toEqual(['王小明 Wang']);
    }
    expect((await desk.call('archive.search', { query: 'IMEI35001122' }))[0]).toMatchObject({ matchedOn: 'serial', device: 'Huawei Mate 60 · IMEI35001122' });
    expect(await desk.call('archive.search', { query: '777' })).toEqual([]);
    // The lookup at intake ignores the case of a name's letters as well.
    expect((await desk.call('customers.search', { query: 'wang' })).map((c) => c.name)).toEqual(['王小明 Wang']);
  });

  it('a whole phone or serial stops at its exact match; "more" brings the partial matches too', async () => {
    await checkIn(desk, { customer: { name: '王小明', phone: '138 0013 8000' }, device: { serial: 'IMEI35001122' } });
    await checkIn(desk, { customer: { name: 'Wang Abroad', phone: '+86 138 0013 8000' }, device: { serial: 'IMEI350011229' } });
    const [wangId, abroadId] = [await idOf('王小明'), await idOf('Wang Abroad')];
    expect(how(await desk.call('archive.search', { query: '13800138000' }))).toEqual([`${wangId}:phone:exact`]);
    expect(how(await desk.call('archive.search', { query: '13800138000', more: true }))).toEqual([`${wangId}:phone:exact`, `${abroadId}:phone:contains`]);
    expect(how(await desk.call('archive.search', { query: 'IMEI35001122' }))).toEqual([`${wangId}:serial:exact`]);
    expect(how(await desk.call('archive.search', { query: 'imei35001122', more: true }))).toEqual([`${wangId}:serial:exact`, `${abroadId}:serial:prefix`]);
    // Nothing whole: the partial matches as before.
    expect(how(await desk.call('archive.search', { query: '0013 80' }))).toEqual([`${abroadId}:phone:contains`, `${wangId}:phone:contains`]);
  });

  it('a whole phone that found its customer leaves a serial of the same digits for "more"', async () => {
    await checkIn(desk, { customer: { name: '王小明', phone: '138 0013 8000' }, device: { serial: 'C02XK1' } });
    await checkIn(desk, { customer: { name: 'Serial Owner', phone: '139 5555 6666' }, device: { serial: '13800138000' } });
    const [wangId, ownerId] = [await idOf('王小明'), await idOf('Serial Owner')];
    expect(how(await desk.call('archive.search', { query: '13800138000' }))).toEqual([`${wangId}:phone:exact`]);
    expect(how(await desk.call('archive.search', { query: '13800138000', more: true }))).toEqual([`${ownerId}:serial:exact`, `${wangId}:phone:exact`]);
    // Digits that are nobody's phone still find the serial at once.
    await checkIn(desk, { customer: { name: 'Second Owner', phone: '139 5555 7777' }, device: { serial: '13700000000' } });
    expect(how(await desk.call('archive.search', { query: '13700000000' }))).toEqual([`${await idOf('Second Owner')}:serial:exact`]);
  });

  it('edits keep a history of who changed what, old and new values', async () => {
    await checkIn(desk, { customer: { name: '王小明', phone: '138 0013 8000' } });
    const hit = firstItem(await desk.call('archive.search', { query: '0013' }));
    const page = await desk.call('archive.update', {
      session: crew.clerk.session,
      customerId: hit.id,
      name: '王小明',
      phone: '186 0000 1111',
      address: '幸福路 1 号',
      notes: '',
    });
    // Newest first; name and notes did not change.
    expect(page.changes.map((c) => [c.field, c.oldValue, c.newValue, c.staffName])).toEqual([
      ['address', '', '幸福路 1 号', crew.clerk.name],
      ['phone', '138 0013 8000', '186 0000 1111', crew.clerk.name],
    ]);
    expect((await desk.call('archive.search', { query: '0000 11' })).map((h) => h.id)).toEqual([hit.id]);
    expect(await desk.call('archive.search', { query: '0013 8' })).toEqual([]);
    expect((await desk.fail('archive.update', { session: 'nobody', customerId: hit.id, name: 'x', phone: '12345' })).code).toBe('forbidden');
  });

  it('an "Update customer" at intake is the same edit, kept in the customer history; an unknown customer is refused', async () => {
    await checkIn(desk, { customer: { name: '陈静 Chen', phone: '137 0000 2222' } });
    const hit = firstItem(await desk.call('archive.search', { query: '2222' }));
    const updated = await desk.call('customers.update', {
      session: crew.clerk.session,
      id: hit.id,
      name: '陈静 Chen Jing',
      phone: '137 0000 2222',
      address: '',
      notes: '',
    });
    expect(updated).toMatchObject({ id: hit.id, name: '陈静 Chen Jing', changed: true });
    const page = await desk.call('archive.get', { customerId: hit.id });
    expect(page.changes.map((c) => [c.field, c.oldValue, c.newValue, c.staffName])).toEqual([['name', '陈静 Chen', '陈静 Chen Jing', crew.clerk.name]]);
    // Sent again unchanged: nothing written.
    expect(
      (await desk.call('customers.update', { session: crew.clerk.session, id: hit.id, name: '陈静 Chen Jing', phone: '137 0000 2222', address: '', notes: '' }))
        .changed,
    ).toBe(false);
    expect((await desk.call('archive.get', { customerId: hit.id })).changes).toHaveLength(1);
    expect(
      (await desk.fail('customers.update', { session: crew.clerk.session, id: 999999, name: 'x', phone: '12345', address: '', notes: '' })).fields,
    ).toEqual([{ path: 'id', code: 'not_found' }]);
  });

  it('merging two records of the same person keeps every ticket, device and the history, and needs a manager', async () => {
    const first = await checkIn(desk, { customer: { name: '王小明', phone: '138 0013 8000' }, device: { serial: 'AAA111' } });
    const second = await checkIn(desk, { customer: { name: '王晓明', phone: '138-0013-8001', notes: '喜欢短信' }, device: { serial: 'BBB222' } });
    const third = await checkIn(desk, { customer: { name: '王晓明', phone: '138-0013-8001' }, device: { serial: 'CCC333' } });
    const keep = firstItem(await desk.call('archive.search', { query: '8000' })).id;
    const merge = firstItem(await desk.call('archive.search', { query: '13800138001' })).id;
    await desk.call('archive.update', {
      session: crew.clerk.session,
      customerId: merge,
      name: '王晓明',
      phone: '138-0013-8001',
      address: '北京',
      notes: '喜欢短信',
    });
    const eventsBefore = await eventsOf(desk, second.id);

    const refused = await desk.fail('archive.merge', { session: crew.clerk.session, keepId: keep, mergeId: merge });
    expect(refused.fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    const wrongPin = await desk.fail('archive.merge', {
      session: crew.clerk.session,
      keepId: keep,
      mergeId: merge,
      managerApproval: { staffId: 1, pin: '0000' },
    });
    expect(wrongPin.fields).toEqual([{ path: 'managerApproval.pin', code: 'pin_wrong' }]);

    const result = await desk.call('archive.merge', {
      session: crew.clerk.session,
      keepId: keep,
      mergeId: merge,
      managerApproval: { staffId: 1, pin: crew.manager.pin },
    });
    expect(result).toEqual({ keptId: keep, ticketsMoved: 2, devicesMoved: 2 });
    const page = await desk.call('archive.get', { customerId: keep });
    expect(page.tickets.map((t) => t.id).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(page.devices.map((d) => d.serial).sort()).toEqual(['AAA111', 'BBB222', 'CCC333']);
    expect(page.notes).toBe('喜欢短信');
    expect(page.address).toBe('北京');
    expect(page.changes[0]).toMatchObject({ field: 'merged', staffName: crew.clerk.name, approvedByName: 'Manager' });
    expect(await eventsOf(desk, second.id)).toEqual(eventsBefore);
    const old = await desk.call('archive.get', { customerId: merge });
    expect(old.mergedIntoId).toBe(keep);
    // The duplicate keeps its own history, newest first (an intake no longer changes a returning customer, so the third device left its notes alone).
    expect(old.changes.map((c) => c.field)).toEqual(['merged', 'address']);
    expect((await desk.call('archive.search', { query: '13800138001' })).map((h) => h.id)).toEqual([]);
    expect((await desk.call('customers.search', { query: '王晓明' })).length).toBe(0);
    await expect(desk.context.db.dataSource.query(`DELETE FROM customer WHERE id = ?`, [merge])).rejects.toThrow();
  });

  it('the page shows tickets with work done and paid, totals, loaners out, complaints and contacts', async () => {
    const ticket = await collectedTicket(desk);
    await desk.context.db.write((tx) =>
      tx.query(
        `INSERT INTO payment (ticket_id, kind, method, amount_minor, tendered_minor, change_minor, staff_id, at) VALUES (?, 'payment', 'card', 25000, NULL, 0, 1, ?)`,
        [ticket.id, START],
      ),
    );
    await desk.call('messages.log', { session: crew.clerk.session, ticketId: ticket.id, template: 'follow_up', language: 'zh-CN', text: '您好，回访一下' });
    await desk.call('complaints.open', {
      session: crew.clerk.session,
      customerId: null,
      ticketId: ticket.id,
      category: 'price',
      reason: 'Too dear',
      severity: 'medium',
    });
    const hit = firstItem(await desk.call('archive.search', { query: '8000' }));
    const page = await desk.call('archive.get', { customerId: hit.id });
    expect(page.tickets[0]).toMatchObject({ id: ticket.id, status: 'collected', paidMinor: 25000, collectedAt: new Date(START).toISOString() });
    expect(page.totals).toEqual({ visits: 1, spentMinor: 25000 });
    expect(page.complaints.map((c) => [c.reason, c.status])).toEqual([['Too dear', 'open']]);
    expect(page.contacts.map((c) => [c.kind, c.detail, c.text])).toEqual([['message', 'follow_up', '您好，回访一下']]);
    expect((await desk.call('tickets.contacts', { ticketId: ticket.id })).length).toBe(1);
  });
});

describe('trips to the manufacturer (返厂)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('records the RMA, where it went and when it is due back; lists it away, overdue after that day, until it is back', async () => {
    const ticket = await checkIn(desk);
    await forceStatus(desk, ticket.id, 'in_repair');
    const past = await desk.fail('manufacturer.send', {
      session: crew.technician.session,
      ticketId: ticket.id,
      rmaNumber: 'R1',
      manufacturer: 'Huawei',
      expectedBack: '2026-11-01',
    });
    expect(past.fields).toEqual([{ path: 'expectedBack', code: 'date_in_past' }]);
    const sent = await desk.call('manufacturer.send', {
      session: crew.technician.session,
      ticketId: ticket.id,
      rmaNumber: 'RMA-7781',
      manufacturer: 'Huawei service centre, Shenzhen',
      expectedBack: '2026-11-30',
    });
    expect(sent[0]).toMatchObject({
      rmaNumber: 'RMA-7781',
      manufacturer: 'Huawei service centre, Shenzhen',
      sentByName: crew.technician.name,
      overdue: false,
      backAt: null,
    });
    expect((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).status).toBe('at_manufacturer');
    expect(
      (
        await desk.fail('manufacturer.send', {
          session: crew.technician.session,
          ticketId: ticket.id,
          rmaNumber: 'R2',
          manufacturer: 'X',
          expectedBack: '2026-12-30',
        })
      ).code,
    ).toBe('conflict');

    expect((await desk.call('manufacturer.away', {})).map((t) => [t.rmaNumber, t.overdue])).toEqual([['RMA-7781', false]]);
    clock.set(dayAt(8));
    await signInAgain(desk, crew);
    expect((await desk.call('manufacturer.away', {})).map((t) => [t.rmaNumber, t.overdue])).toEqual([['RMA-7781', true]]);

    const back = await desk.call('manufacturer.back', { session: crew.technician.session, ticketId: ticket.id, note: 'Board replaced' });
    expect(firstItem(back).backAt).toBe(dayAt(8));
    expect(await desk.call('manufacturer.away', {})).toEqual([]);
    expect((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).status).toBe('back_from_manufacturer');
    const notes = (await eventsOf(desk, ticket.id)).filter((e) => e.kind === 'status_changed').map((e) => e.note);
    expect(notes.some((n) => n.includes('RMA-7781'))).toBe(true);
  });
});

describe('the test after the repair (试机通检)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('records what was tested and the result while the ticket is in testing, and only then', async () => {
    const ticket = await checkIn(desk);
    const early = await desk.fail('repairTests.record', { session: crew.technician.session, ticketId: ticket.id, tested: 'Screen', passed: true });
    expect(early.fields).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
    await forceStatus(desk, ticket.id, 'testing');
    expect((await desk.fail('repairTests.record', { session: crew.technician.session, ticketId: ticket.id, tested: ' ', passed: true })).fields).toEqual([
      { path: 'tested', code: 'required' },
    ]);
    await desk.call('repairTests.record', {
      session: crew.technician.session,
      ticketId: ticket.id,
      tested: 'Touch, camera, charging',
      passed: false,
      note: 'Camera blurry',
    });
    const tests = await desk.call('repairTests.record', {
      session: crew.technician.session,
      ticketId: ticket.id,
      tested: 'Touch, camera, charging',
      passed: true,
    });
    expect(tests.map((r) => [r.tested, r.passed, r.staffName])).toEqual([
      ['Touch, camera, charging', true, crew.technician.name],
      ['Touch, camera, charging', false, crew.technician.name],
    ]);
    const kinds = (await eventsOf(desk, ticket.id)).map((e) => e.kind);
    expect(kinds.filter((k) => k.startsWith('repair_test'))).toEqual(['repair_test_failed', 'repair_test_passed']);
  });
});
