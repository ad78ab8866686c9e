import { describe, expect, it } from 'vitest';
import { findMove } from '../../src/main/core/rules/status-machine';
import { loadSettings } from '../../src/main/core/features/settings/settings';
import { collectTicket } from '../../src/main/core/features/repair/workflow';
import { TICKET_STATUSES } from '../../src/shared/domain';
import { atOnceOnCounters } from '../support/counter-worker';
import { fixedClock, type TestDesk } from '../support/desk';
import { failInserts } from '../support/failing-write';
import { entryOf, firstItem, lastItem } from '../support/lists';
import {
  checkIn,
  diagnoseAndQuote,
  eventsOf,
  feeItemId,
  forceStatus,
  freshDeskWithCrewEachTest,
  signInAgain,
  signaturePng,
  tableCounts,
  ticketRow,
  type Crew,
  type Person,
} from '../support/workflow';

const START = '2026-11-23T02:30:00Z';
const clock = fixedClock(START);

function daysLater(days: number, from = START): string {
  return new Date(Date.parse(from) + days * 86_400_000).toISOString();
}

/** Takes a freshly checked-in ticket through diagnosis, quote, approval by signature, repair and test to ready. */
async function driveToReady(desk: TestDesk, person: Person, ticketId: number): Promise<void> {
  await diagnoseAndQuote(desk, person.session, ticketId);
  await desk.call('workflow.move', { session: person.session, ticketId, toStatus: 'awaiting_approval' });
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId })).quotes).id;
  await desk.call('approvals.record', { session: person.session, ticketId, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
  for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: person.session, ticketId, toStatus });
}

async function collect(desk: TestDesk, person: Person, ticketId: number): Promise<void> {
  await desk.context.db.write(async (tx) =>
    collectTicket(tx, { id: person.id, name: person.name, role: person.role }, ticketId, '', await loadSettings(tx), clock.now()),
  );
}

describe('status moves through the desk', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('tries every pair of statuses: legal plain moves write exactly one event, anything else changes nothing', async () => {
    const outcomes: string[] = [];
    for (const from of TICKET_STATUSES) {
      const ticket = await checkIn(desk);
      // Give it a diagnosis and a quote, so a move to awaiting_approval has what it needs.
      await diagnoseAndQuote(desk, crew.manager.session, ticket.id);
      await forceStatus(desk, ticket.id, from);
      for (const to of TICKET_STATUSES) {
        clock.set(daysLater(0.001 * outcomes.length));
        const before = await tableCounts(desk);
        const rowBefore = await ticketRow(desk, ticket.id);
        const lastEvent = lastItem(await eventsOf(desk, ticket.id)).id;
        const result = await desk.dispatch('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: to, note: 'because' });
        const rule = findMove(from, to);
        if (rule && rule.via === 'move') {
          expect(result.ok, `${from} -> ${to}`).toBe(true);
          const added = (await eventsOf(desk, ticket.id)).filter((e) => e.id > lastEvent);
          expect(added, `${from} -> ${to}`).toEqual([
            {
              id: expect.any(Number),
              ticket_id: ticket.id,
              kind: 'status_changed',
              from_status: from,
              to_status: to,
              amount_minor: null,
              note: 'because',
              // Typed by staff: kept as typed, no data to render.
              note_data: null,
              staff_id: crew.manager.id,
              approved_by: rule.requiresManager ? crew.manager.id : null,
              at: clock.now().toISOString(),
            },
          ]);
          expect((await ticketRow(desk, ticket.id)).status).toBe(to);
          expect((await tableCounts(desk)).ticket_event).toBe(entryOf(before, 'ticket_event') + 1);
          outcomes.push(`${from}->${to}: moved`);
          await forceStatus(desk, ticket.id, from);
        } else {
          expect(result.ok, `${from} -> ${to}`).toBe(false);
          if (result.ok) continue;
          const expectedCode = rule === null ? 'illegal_move' : rule.via === 'approval' ? 'use_approval' : 'use_collection';
          expect(result.error, `${from} -> ${to}`).toMatchObject({ code: 'conflict', fields: [{ path: 'toStatus', code: expectedCode }] });
          expect(await tableCounts(desk)).toEqual(before);
          expect(await ticketRow(desk, ticket.id)).toEqual(rowBefore);
          outcomes.push(`${from}->${to}: ${expectedCode}`);
        }
      }
    }
    expect(outcomes).toHaveLength(TICKET_STATUSES.length ** 2);
    expect(outcomes.filter((o) => o.endsWith('moved'))).toHaveLength(28);
  });

  it('records the customer decision only from awaiting approval, and hands back only from ready, declined or unrepairable', async () => {
    for (const from of TICKET_STATUSES) {
      const ticket = await checkIn(desk);
      await diagnoseAndQuote(desk, crew.manager.session, ticket.id);
      await forceStatus(desk, ticket.id, 'awaiting_approval');
      await desk.context.db.write((tx) => tx.query(`UPDATE quote SET status = 'sent' WHERE ticket_id = ?`, [ticket.id]));
      await forceStatus(desk, ticket.id, from);
      const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
      const before = await tableCounts(desk);
      const approval = await desk.dispatch('approvals.record', {
        session: crew.clerk.session,
        ticketId: ticket.id,
        quoteId,
        decision: 'accepted',
        method: 'in_person',
        signaturePng: signaturePng(),
      });
      expect(approval.ok, from).toBe(from === 'awaiting_approval');
      if (!approval.ok) {
        expect(approval.error.fields, from).toEqual([{ path: 'ticketId', code: 'wrong_status' }]);
        expect(await tableCounts(desk)).toEqual(before);
      }
      await forceStatus(desk, ticket.id, from);
      const handBack = await collect(desk, crew.clerk, ticket.id).then(
        () => 'collected',
        (error: { fields?: { code: string }[] }) => error.fields?.[0]?.code,
      );
      expect(handBack, from).toBe(['ready', 'declined', 'unrepairable'].includes(from) ? 'collected' : 'illegal_move');
    }
  });

  it('records who, when, from, to and the note of a move, and shows it on the timeline', async () => {
    const ticket = await checkIn(desk);
    clock.set('2026-11-23T03:00:00Z');
    const view = await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'diagnosing', note: 'on the bench' });
    expect(view.status).toBe('diagnosing');
    expect(view.timeline.at(-1)).toEqual({
      id: expect.any(Number),
      kind: 'status_changed',
      fromStatus: 'received',
      toStatus: 'diagnosing',
      amountMinor: null,
      note: 'on the bench',
      staffName: '李工 Li',
      approvedByName: null,
      at: '2026-11-23T03:00:00.000Z',
    });
    expect((await ticketRow(desk, ticket.id)).updated_at).toBe('2026-11-23T03:00:00.000Z');
  });

  it('writes the status and its event in one transaction: when the event cannot be written, the status stays', async () => {
    const ticket = await checkIn(desk);
    await failInserts(desk, { name: 'fail_event', table: 'ticket_event', when: "NEW.note = 'boom'", message: 'disk full' });
    const before = await tableCounts(desk);
    const error = await desk.fail('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: 'diagnosing', note: 'boom' });
    expect(error.code).toBe('internal');
    expect((await ticketRow(desk, ticket.id)).status).toBe('received');
    expect(await tableCounts(desk)).toEqual(before);
  });

  it('asks for a note where the machine needs one and changes nothing without it', async () => {
    const ticket = await checkIn(desk);
    await forceStatus(desk, ticket.id, 'diagnosing');
    const before = await tableCounts(desk);
    const error = await desk.fail('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'unrepairable', note: '   ' });
    expect(error).toMatchObject({ code: 'validation', fields: [{ path: 'note', code: 'required' }] });
    expect(await tableCounts(desk)).toEqual(before);
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'unrepairable', note: 'board burnt, no parts' });
  });

  it('lets only a manager cancel (void), in person or with their PIN typed at the counter', async () => {
    const ticket = await checkIn(desk);
    const move = { ticketId: ticket.id, toStatus: 'cancelled' as const, note: 'customer took it back' };
    for (const person of [crew.clerk, crew.technician]) {
      const error = await desk.fail('workflow.move', { ...move, session: person.session });
      expect(error).toMatchObject({ code: 'forbidden', fields: [{ path: 'managerApproval', code: 'manager_required' }] });
    }
    // A technician's own PIN is no manager approval; a wrong manager PIN neither.
    expect(
      await desk.fail('workflow.move', { ...move, session: crew.clerk.session, managerApproval: { staffId: crew.technician.id, pin: crew.technician.pin } }),
    ).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'managerApproval.staffId', code: 'manager_required' }],
    });
    expect(await desk.fail('workflow.move', { ...move, session: crew.clerk.session, managerApproval: { staffId: 1, pin: '0000' } })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'managerApproval.pin', code: 'pin_wrong' }],
    });
    expect((await ticketRow(desk, ticket.id)).status).toBe('received');

    const view = await desk.call('workflow.move', { ...move, session: crew.clerk.session, managerApproval: { staffId: 1, pin: crew.manager.pin } });
    expect(view.status).toBe('cancelled');
    expect(view.timeline.at(-1)).toMatchObject({ toStatus: 'cancelled', staffName: '前台 Zhou', approvedByName: 'Manager' });
    // Cancelled is an end: nothing leaves it, not even for a manager.
    for (const to of TICKET_STATUSES) {
      const error = await desk.fail('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: to, note: 'x' });
      expect(error.fields).toEqual([{ path: 'toStatus', code: 'illegal_move' }]);
    }
  });

  it('needs a diagnosis and a quote before the customer is asked, and sends the quote with the move', async () => {
    const ticket = await checkIn(desk);
    const session = crew.technician.session;
    await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' });
    expect((await desk.fail('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' })).fields).toEqual([
      { path: 'toStatus', code: 'diagnosis_required' },
    ]);
    await desk.call('diagnosis.save', { session, ticketId: ticket.id, category: 'hardware', cause: 'Cracked LCD', severity: 2 });
    expect((await desk.fail('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' })).fields).toEqual([
      { path: 'toStatus', code: 'quote_required' },
    ]);
    await desk.call('quotes.save', { session, ticketId: ticket.id, lines: [{ kind: 'labour', feeItemId: await feeItemId(desk, 'screen_replacement') }] });
    const view = await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    expect(firstItem(view.quotes).status).toBe('sent');
    expect(view.actions).toContain('approvals.record');
  });

  it('lets only one of three counter PCs (processes) make the same move at the same instant', async () => {
    const ticket = await checkIn(desk);
    const calls = [{ channel: 'workflow.move', input: { ticketId: ticket.id, toStatus: 'diagnosing' } }];
    // Starting a diagnosis is bench work: the technician on one PC, the manager on another and on this one.
    const others = [crew.technician, crew.manager].map((person) => ({ person, calls }));
    const mine = () => desk.dispatch('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: 'diagnosing' });
    const { elsewhere: outputs, here: local } = await atOnceOnCounters(desk, START, others, mine);
    const results = [...outputs.flat(), local.ok ? 'ok' : local.error.fields?.[0]?.code];
    expect(results.sort()).toEqual(['illegal_move', 'illegal_move', 'ok']);
    expect((await eventsOf(desk, ticket.id)).filter((e) => e.kind === 'status_changed')).toHaveLength(1);
    expect((await ticketRow(desk, ticket.id)).status).toBe('diagnosing');
  }, 60_000);

  it('refuses moves from someone signed out, and for a ticket that does not exist', async () => {
    const ticket = await checkIn(desk);
    expect(await desk.fail('workflow.move', { session: 'not-a-token', ticketId: ticket.id, toStatus: 'diagnosing' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    // No session at all: refused by the role table before the input is even read.
    expect(await desk.fail('workflow.move', { session: undefined, ticketId: ticket.id, toStatus: 'diagnosing' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    expect(await desk.fail('workflow.move', { session: crew.manager.session, ticketId: 9999, toStatus: 'diagnosing' })).toMatchObject({
      fields: [{ path: 'ticketId', code: 'not_found' }],
    });
    expect(await desk.fail('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: 'fixed' })).toMatchObject({
      code: 'validation',
      fields: [{ path: 'toStatus', code: 'invalid' }],
    });
  });
});

describe('re-open under the repair warranty (返修)', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('opens a free, linked rework within the repair warranty; the warranty is never restarted or extended', async () => {
    const original = await checkIn(desk, { device: { purchaseDate: '2024-01-10', proofOfPurchase: true } });
    await driveToReady(desk, crew.technician, original.id);
    clock.set(daysLater(1));
    await collect(desk, crew.clerk, original.id);
    const collected = await desk.call('tickets.getWorkflow', { ticketId: original.id });
    expect(collected).toMatchObject({ status: 'collected', repairWarrantyUntil: '2027-02-22', withinRepairWarranty: true });
    expect(collected.actions).toContain('workflow.reopen');
    expect(collected.nextMoves).toEqual([]);

    clock.set(daysLater(31));
    await signInAgain(desk, crew);
    const eventsBefore = (await eventsOf(desk, original.id)).length;
    const rework = await desk.call('workflow.reopen', {
      session: crew.clerk.session,
      ticketId: original.id,
      fault: 'screen flickers again',
      note: 'same screen',
    });
    expect(rework.reworkOfTicketId).toBe(original.id);
    expect(rework.number).not.toBe(original.number);
    // The collected ticket stays collected, with one more event pointing to the rework.
    const after = await desk.call('tickets.getWorkflow', { ticketId: original.id });
    expect(after.status).toBe('collected');
    // A second click (or the other counter) does not open a second rework while this one is in the shop.
    expect(after.actions).not.toContain('workflow.reopen');
    expect(await desk.fail('workflow.reopen', { session: crew.clerk.session, ticketId: original.id, fault: 'screen flickers again' })).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'ticketId', code: 'duplicate' }],
    });
    expect(after.reworks).toEqual([{ ticketId: rework.ticketId, number: rework.number, displayNumber: rework.displayNumber }]);
    const originalEvents = await eventsOf(desk, original.id);
    expect(originalEvents).toHaveLength(eventsBefore + 1);
    expect(originalEvents.at(-1)).toMatchObject({ kind: 'reopened_as_rework', note: `${rework.displayNumber}: same screen`, staff_id: crew.clerk.id });

    const view = await desk.call('tickets.getWorkflow', { ticketId: rework.ticketId });
    expect(view).toMatchObject({
      status: 'received',
      reworkOf: { ticketId: original.id },
      repairWarrantyUntil: '2027-02-22',
      technicianId: crew.technician.id,
    });
    expect(view.timeline.map((e) => e.kind)).toEqual(['checked_in', 'rework_opened']);
    // The rework is free even though the device is out of warranty.
    expect(view.warrantyStatus).toBe('out_of_warranty');
    await diagnoseAndQuote(desk, crew.technician.session, rework.ticketId);
    const quoted = await desk.call('tickets.getWorkflow', { ticketId: rework.ticketId });
    expect(quoted.pricingBasis).toBe('rework_within_repair_warranty');
    expect(quoted.quotes[0]).toMatchObject({ subtotalMinor: 8000, coveredMinor: 8000, totalMinor: 0 });

    // Repaired and collected again: the rework keeps the original's end date.
    await forceStatus(desk, rework.ticketId, 'ready');
    clock.set(daysLater(40));
    await collect(desk, crew.clerk, rework.ticketId);
    expect((await desk.call('tickets.getWorkflow', { ticketId: rework.ticketId })).repairWarrantyUntil).toBe('2027-02-22');
    expect((await desk.call('tickets.getWorkflow', { ticketId: original.id })).actions).toContain('workflow.reopen');

    // A second claim inside the same period is allowed.
    clock.set(daysLater(80));
    await signInAgain(desk, crew);
    const second = await desk.call('workflow.reopen', { session: crew.clerk.session, ticketId: rework.ticketId, fault: 'flickers once more' });
    expect((await desk.call('tickets.getWorkflow', { ticketId: second.ticketId })).repairWarrantyUntil).toBe('2027-02-22');
  });

  it('refuses a re-open after the repair warranty, for a device not repaired, and for open or cancelled tickets', async () => {
    const repaired = await checkIn(desk);
    await driveToReady(desk, crew.technician, repaired.id);
    await collect(desk, crew.clerk, repaired.id);
    const until = (await desk.call('tickets.getWorkflow', { ticketId: repaired.id })).repairWarrantyUntil;
    expect(until).toBe('2027-02-21');

    // The last day of the repair warranty still counts; the day after does not.
    clock.set('2027-02-21T02:30:00Z');
    expect((await desk.call('tickets.getWorkflow', { ticketId: repaired.id })).withinRepairWarranty).toBe(true);
    clock.set('2027-02-22T02:30:00Z');
    await signInAgain(desk, crew);
    const late = await desk.call('tickets.getWorkflow', { ticketId: repaired.id });
    expect(late.withinRepairWarranty).toBe(false);
    expect(late.actions).not.toContain('workflow.reopen');
    const before = await tableCounts(desk);
    expect(await desk.fail('workflow.reopen', { session: crew.clerk.session, ticketId: repaired.id, fault: 'broken again' })).toMatchObject({
      code: 'conflict',
      fields: [{ path: 'ticketId', code: 'outside_repair_warranty' }],
    });
    expect(await tableCounts(desk)).toEqual(before);

    clock.set(START);
    await signInAgain(desk, crew);
    // Declined and handed back unrepaired: no repair warranty to claim.
    const declined = await checkIn(desk);
    await diagnoseAndQuote(desk, crew.technician.session, declined.id);
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: declined.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: declined.id })).quotes).id;
    await desk.call('approvals.record', {
      session: crew.clerk.session,
      ticketId: declined.id,
      quoteId,
      decision: 'declined',
      method: 'phone',
      contactName: '王小明',
      contactedAt: START,
    });
    await collect(desk, crew.clerk, declined.id);
    expect((await desk.call('tickets.getWorkflow', { ticketId: declined.id })).repairWarrantyUntil).toBeNull();
    expect((await desk.fail('workflow.reopen', { session: crew.clerk.session, ticketId: declined.id, fault: 'x' })).fields).toEqual([
      { path: 'ticketId', code: 'outside_repair_warranty' },
    ]);

    const open = await checkIn(desk);
    expect((await desk.fail('workflow.reopen', { session: crew.clerk.session, ticketId: open.id, fault: 'x' })).fields).toEqual([
      { path: 'ticketId', code: 'wrong_status' },
    ]);
    await desk.call('workflow.move', { session: crew.manager.session, ticketId: open.id, toStatus: 'cancelled', note: 'void' });
    expect((await desk.fail('workflow.reopen', { session: crew.clerk.session, ticketId: open.id, fault: 'x' })).fields).toEqual([
      { path: 'ticketId', code: 'wrong_status' },
    ]);
  });

  it('hands back a declined or unrepairable device only through collection, and collected is an end', async () => {
    const ticket = await checkIn(desk);
    await forceStatus(desk, ticket.id, 'unrepairable');
    expect((await desk.fail('workflow.move', { session: crew.manager.session, ticketId: ticket.id, toStatus: 'collected' })).fields).toEqual([
      { path: 'toStatus', code: 'use_collection' },
    ]);
    await collect(desk, crew.clerk, ticket.id);
    const view = await desk.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(view).toMatchObject({ status: 'collected', repairWarrantyUntil: null, nextMoves: [] });
    expect(view.timeline.at(-1)).toMatchObject({ kind: 'status_changed', fromStatus: 'unrepairable', toStatus: 'collected' });
    await expect(collect(desk, crew.clerk, ticket.id)).rejects.toMatchObject({ fields: [{ path: 'toStatus', code: 'illegal_move' }] });
  });
});
