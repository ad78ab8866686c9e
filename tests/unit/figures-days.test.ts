// The day totals the reports read (migration figures-days) against the same
// figures computed from the tickets at read time: a generated fortnight of
// counter work through the desk's own use cases (check-ins with deposits,
// diagnoses that set the fault level and repair class, quotes accepted, some
// with parts and discounts, parts fitted, a repair cancelled after a part was
// fitted (the part back on the shelf), devices found unrepairable and
// collected for the diagnosis fee, repairs finished, payments, refunds, voids
// of earlier days' payments, follow-up calls, a hand-over to another
// technician, a day close, a rework), with moments just before and after
// local midnight. Every report over every day, every
// three-day window and the whole span is the same from either source, and the
// stored rows are the ones a refill from the whole history gives.
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import { buildReport } from '../../src/main/core/features/figures/reports';
import { FILL_FIGURES_TECHNICIAN_SCORES } from '../../src/main/core/storage/migrations/0022-figures-technician-scores';
import { FILL_FIGURES_DAYS_NOW, FILL_FIGURES_DAY_MONEY_NOW } from '../../src/main/core/storage/migrations/0021-figures-bought-parts';
import { addDays } from '../../src/shared/calendar';
import { REPAIR_CLASSES } from '../../src/shared/figures-contract';
import { fixedClock, type TestDesk } from '../support/desk';
import { addPart, checkIn, feeItemId, freshDeskWithCrewEachTest, signInAgain, signaturePng, type Crew } from '../support/workflow';
import { firstItem, lastItem } from '../support/lists';

/** A local moment (the shop's clock), as the UTC instant the desk stores. */
const local = (day: string, hour: number, minute: number) => {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(y, m - 1, d, hour, minute).toISOString();
};
const FIRST_DAY = '2026-05-04';
const DAYS = Number(process.env.FD_DAYS ?? 12);
const START = local(FIRST_DAY, 9, 0);
const clock = fixedClock(START);

/** A small seeded random source, so the history is the same on every run. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { chance: (p: number) => next() < p, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

describe('the stored day totals', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  let signedInAt = 0;
  /** Sets the clock; signs everyone in again when their sessions may have run out (every few hours). */
  async function go(iso: string): Promise<void> {
    clock.set(iso);
    const now = Date.parse(iso);
    if (now - signedInAt < 3 * 3_600_000) return;
    await signInAgain(desk, crew);
    signedInAt = now;
  }
  const move = (ticketId: number, toStatus: ChannelInput<'workflow.move'>['toStatus'], session = crew.technician.session) =>
    desk.call('workflow.move', { session, ticketId, toStatus, note: toStatus === 'cancelled' ? 'Customer changed their mind' : '' });

  const toCall: number[] = [];
  async function collect(t: { id: number; stage: string }) {
    await desk.call('collection.complete', { session: crew.clerk.session, ticketId: t.id, identity: 'claim_ticket', signaturePng: signaturePng() });
    t.stage = 'collected';
    toCall.push(t.id);
  }

  async function generateHistory() {
    const rand = random(20260504);
    const board = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'board_repair') };
    const diagnosisFee = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'diagnosis') };
    const screen = await addPart(desk, crew, { openingQty: 500, reorderLevel: 0 });
    const battery = await addPart(desk, crew, {
      name: 'Battery',
      specification: '5000 mAh',
      costMinor: 9000,
      priceMinor: 15000,
      openingQty: 500,
      reorderLevel: 0,
    });
    const screenLine = { kind: 'part' as const, partId: screen.id, qty: 1 };
    const boughtLine = { kind: 'bought_part' as const, description: 'Hinge kit', qty: 2, unitPriceMinor: 4500, unitCostMinor: 2500, supplier: '' };
    const discount = { kind: 'amount' as const, value: 1000, reason: 'Regular customer' };
    let cancelledWithPart = false;
    type Open = { id: number; stage: 'received' | 'diagnosing' | 'in_repair' | 'ready' | 'paid' | 'collected'; paidIds: number[] };
    const tickets: Open[] = [];
    let handedOver = false;
    for (let i = 0; i < DAYS; i += 1) {
      const day = addDays(FIRST_DAY, i);
      const checkInAt = async (hour: number, minute: number) => {
        await go(local(day, hour, minute));
        const deposit = rand.chance(0.4) ? rand.int(1, 5) * 1000 : 0;
        const depositMethod = rand.chance(0.5) ? 'cash' : 'wechat';
        const ticket = await checkIn(desk, { technicianId: crew.technician.id, device: { depositMinor: deposit, depositMethod } });
        tickets.push({ id: ticket.id, stage: 'received', paidIds: [] });
      };
      // The day's work starts just after midnight or in the afternoon; check-ins at 09:05 and
      // 13:40, and some days one at 23:57 that is looked at after midnight.
      const early = rand.chance(0.5);
      if (!early) {
        await checkInAt(9, 5);
        await checkInAt(13, 40);
      }
      // The work of the day, each step a few minutes apart, some just after midnight.
      let minute = early ? 1 : 14 * 60;
      for (const t of tickets) {
        if (!rand.chance(0.6)) continue;
        minute += rand.int(3, 40);
        await go(local(day, Math.floor(minute / 60) % 24, minute % 60));
        if (t.stage === 'received') {
          if (rand.chance(0.1)) {
            await move(t.id, 'cancelled', crew.manager.session);
            t.stage = 'collected';
            continue;
          }
          await move(t.id, 'diagnosing');
          t.stage = 'diagnosing';
        } else if (t.stage === 'diagnosing') {
          const severity = rand.int(1, 3) as 1 | 2 | 3;
          await desk.call('diagnosis.save', {
            session: crew.technician.session,
            ticketId: t.id,
            category: 'hardware',
            cause: 'Fault found',
            solution: 'Repair',
            severity,
            repairClass: REPAIR_CLASSES[rand.int(0, 3)],
          });
          if (rand.chance(0.15)) {
            // Not worth repairing: collected unrepaired, paying the diagnosis fee of the quote.
            await desk.call('quotes.save', { session: crew.technician.session, ticketId: t.id, lines: [diagnosisFee], discount: null });
            await desk.call('workflow.move', { session: crew.technician.session, ticketId: t.id, toStatus: 'unrepairable', note: 'Board beyond repair' });
            t.stage = 'ready';
            continue;
          }
          const lines: ChannelInput<'quotes.save'>['lines'] = rand.chance(0.5) ? [diagnosisFee, board] : [board];
          if (rand.chance(0.4)) lines.push(screenLine);
          // Every fifth ticket also has a part bought in for it (chosen by id, so the random history stays as it was).
          if (t.id % 5 === 0) lines.push(boughtLine);
          await desk.call('quotes.save', { session: crew.technician.session, ticketId: t.id, lines, discount: rand.chance(0.3) ? discount : null });
          await move(t.id, 'awaiting_approval');
          const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: t.id })).quotes).id;
          await desk.call('approvals.record', {
            session: crew.technician.session,
            ticketId: t.id,
            quoteId,
            decision: 'accepted',
            method: 'in_person',
            signaturePng: signaturePng(),
          });
          await move(t.id, 'in_repair');
          t.stage = 'in_repair';
        } else if (t.stage === 'in_repair') {
          await desk.call('parts.use', { session: crew.technician.session, ticketId: t.id, partId: rand.chance(0.5) ? screen.id : battery.id, qty: 1 });
          if (!cancelledWithPart) {
            // Waiting for a part, then cancelled: the fitted part goes back on the shelf, booked to the ticket.
            await move(t.id, 'awaiting_parts');
            await move(t.id, 'cancelled', crew.manager.session);
            cancelledWithPart = true;
            t.stage = 'collected';
            continue;
          }
          await move(t.id, 'testing');
          await move(t.id, 'ready');
          t.stage = 'ready';
          if (!handedOver) {
            // Handed over after it was finished: the finished work moves to the new technician in both sources.
            await desk.call('tickets.handOver', { session: crew.technician.session, ticketId: t.id, toTechnicianId: crew.manager.id, note: 'Off sick' });
            handedOver = true;
          }
        } else if (t.stage === 'ready') {
          const due = (await desk.call('collection.get', { ticketId: t.id })).balanceMinor;
          if (due > 0) {
            const paid = await desk.call('collection.pay', {
              session: crew.clerk.session,
              ticketId: t.id,
              method: rand.chance(0.5) ? 'cash' : 'card',
              amountMinor: due,
            });
            t.paidIds.push(lastItem(paid.payments).id);
          }
          // Some are paid one day and collected another (after a void of that payment).
          if (due > 0 && rand.chance(0.5)) {
            t.stage = 'paid';
            continue;
          }
          await collect(t);
        } else if (t.stage === 'paid') {
          // A payment of an earlier day voided today, paid again another way, then collected.
          const voided = await desk.call('collection.voidPayment', {
            session: crew.manager.session,
            paymentId: t.paidIds.shift()!,
            reason: 'Charged twice by the terminal',
          });
          if (voided.balanceMinor > 0)
            await desk.call('collection.pay', { session: crew.clerk.session, ticketId: t.id, method: 'wechat', amountMinor: voided.balanceMinor });
          await collect(t);
        }
      }
      // Follow-up calls on the collected tickets, some reaching the customer.
      for (const ticketId of toCall.splice(0, rand.int(0, 2))) {
        minute += rand.int(3, 40);
        await go(local(day, Math.floor(minute / 60) % 24, minute % 60));
        const reached = rand.chance(0.7);
        await desk.call('followUps.record', {
          session: crew.clerk.session,
          ticketId,
          reached,
          ...(reached ? { working: true, quality: rand.int(3, 5), attitude: rand.int(2, 5) } : {}),
        });
      }
      if (early) {
        await checkInAt(9, 5);
        await checkInAt(13, 40);
      }
      if (i === 5) {
        await go(local(day, 22, 0));
        await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 0, countedCashMinor: 0 });
      }
      if (rand.chance(0.5)) await checkInAt(23, 57);
    }
    // A rework of the first finished repair.
    const collected = tickets.find((t) => t.stage === 'collected' && t.paidIds.length > 0);
    if (collected)
      await desk.call('collection.refund', { session: crew.manager.session, ticketId: collected.id, method: 'cash', amountMinor: 500, reason: 'Goodwill' });
    if (collected) {
      await go(local(addDays(FIRST_DAY, DAYS - 1), 23, 59));
      await desk.call('workflow.reopen', { session: crew.clerk.session, ticketId: collected.id, fault: 'No power again' });
    }
    await go(local(addDays(FIRST_DAY, DAYS), 9, 0));
    return { tickets, reworks: collected ? 1 : 0 };
  }

  async function report(from: string, to: string, source: 'stored' | 'live') {
    const settings = await desk.call('settings.get', {});
    return desk.context.db.read((tx) => buildReport(tx, from, to, settings, { withParts: true, now: clock.now(), source }));
  }

  it('give every report the same figures as the tickets themselves, and the same rows as a refill', { timeout: 300_000 }, async () => {
    signedInAt = 0;
    const { tickets, reworks } = await generateHistory();
    expect(tickets.length).toBeGreaterThan(20);

    const ranges: [string, string][] = [[FIRST_DAY, addDays(FIRST_DAY, DAYS)]];
    for (let i = 0; i <= DAYS; i += 1) ranges.push([addDays(FIRST_DAY, i), addDays(FIRST_DAY, i)], [addDays(FIRST_DAY, i), addDays(FIRST_DAY, i + 2)]);
    let finished = 0;
    for (const [from, to] of ranges) {
      const stored = await report(from, to, 'stored');
      expect(stored, `${from} to ${to}`).toEqual(await report(from, to, 'live'));
      if (from !== to) continue;
      finished += stored.turnaround.finished;
    }
    // The history has the cases the totals must get right.
    const whole = await report(FIRST_DAY, addDays(FIRST_DAY, DAYS), 'stored');
    expect(finished).toBe(whole.turnaround.finished);
    expect(whole.turnaround.finished).toBeGreaterThan(3);
    expect(whole.tickets.in).toBe(tickets.length + reworks);
    expect(reworks).toBe(1);
    expect(whole.revenue.refundsMinor).toBeGreaterThan(0);
    expect(whole.firstResponse.some((r) => r.severity !== null && r.responded > 0)).toBe(true);
    expect(whole.technicians.filter((t) => t.finished > 0).length).toBe(2);
    const voided = await desk.context.db.read((tx) => tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM payment WHERE voided_at IS NOT NULL`));
    expect(firstItem(voided).n).toBeGreaterThan(0);
    expect(whole.tickets.collected).toBeGreaterThan(3);
    expect(whole.tickets.cancelled).toBeGreaterThan(0);
    expect(whole.revenue.diagnosisMinor).toBeGreaterThan(0);
    expect(whole.revenue.discountsMinor).toBeGreaterThan(0);
    expect(whole.revenue.partsMinor).toBeGreaterThan(0);
    expect(whole.parts!.lines.length).toBe(2);
    expect(whole.parts!.boughtIn.qty).toBeGreaterThan(0);
    expect(whole.satisfaction.calls).toBeGreaterThan(0);
    expect(whole.satisfaction.averageQuality).not.toBeNull();
    const moves = await desk.context.db.read((tx) =>
      tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM stock_move WHERE reason = 'restock' AND ticket_id IS NOT NULL`),
    );
    expect(firstItem(moves).n).toBe(1);
    const unrepaired = await desk.context.db.read((tx) => tx.query<{ n: number }[]>(`SELECT COUNT(*) AS n FROM collection WHERE repaired = 0`));
    expect(firstItem(unrepaired).n).toBeGreaterThan(0);

    // The rows the triggers kept are the rows a refill from the whole history gives.
    const tables = [
      'figures_day_intake',
      'figures_day_response',
      'figures_day_finished',
      'figures_day_payment',
      'figures_day_collected',
      'figures_day_parts',
      'figures_day_calls',
      'figures_day_technician_scores',
    ];
    const kept = await desk.context.db.read(async (tx) => Promise.all(tables.map((t) => tx.query<unknown[]>(`SELECT * FROM ${t} ORDER BY 1, 2, 3`))));
    const refilled = await desk.context.db.write(async (tx) => {
      for (const t of tables) await tx.query(`DELETE FROM ${t}`);
      for (const statement of [...FILL_FIGURES_DAYS_NOW, ...FILL_FIGURES_DAY_MONEY_NOW, FILL_FIGURES_TECHNICIAN_SCORES]) await tx.query(statement);
      return Promise.all(tables.map((t) => tx.query<unknown[]>(`SELECT * FROM ${t} ORDER BY 1, 2, 3`)));
    });
    expect(kept).toEqual(refilled);
    for (const rows of kept) expect(rows.length).toBeGreaterThan(0);
    // Voided payments sit under the day they were voided as well as the day they were taken.
    expect((kept[3] as { void_day: string }[]).some((r) => r.void_day !== '')).toBe(true);
  });
});
