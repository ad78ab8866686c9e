// The notes on a ticket's history are written in the shop's language: a Chinese
// shop reads Chinese, never internal ids ("hardware", "no_answer", "cash");
// what staff or the customer typed stays as typed.
import { describe, expect, it } from 'vitest';
import { fixedClock, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { checkIn, diagnoseAndQuote, feeItemId, freshDeskWithCrewEachTest, signaturePng, type Crew } from '../support/workflow';

const START = '2026-11-23T06:30:00Z';
const clock = fixedClock(START);

/** Internal ids and English words the composed part of a note must not contain in Chinese. */
const ENGLISH_IDS =
  /software|hardware|user caused|accepted|declined|in person|phone|sms|no_answer|reached|cash|wechat|alipay|tendered|change|claim|repaired|returned|withdrawn/i;

function yuan(minor: number): string {
  return `¥${(minor / 100).toFixed(2)}`;
}

describe('history notes', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('are written in Chinese for a Chinese shop: diagnosis, decision, call, payment and hand-over', async () => {
    await desk.call('settings.update', { language: 'zh-CN' });
    const tech = crew.technician.session;
    const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
    await diagnoseAndQuote(desk, tech, ticket.id);
    await desk.call('workflow.move', { session: tech, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
    await desk.call('approvals.record', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      quoteId,
      decision: 'accepted',
      method: 'phone',
      contactName: '王小明',
      contactedAt: '2026-11-23T06:00:00Z',
      note: '可以修',
    });
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: tech, ticketId: ticket.id, toStatus });
    await desk.call('notifications.log', { session: crew.clerk.session, ticketId: ticket.id, method: 'sms', outcome: 'no_answer', note: '稍后再打' });
    await desk.call('tickets.changePromisedDate', { session: crew.clerk.session, ticketId: ticket.id, promisedDate: '2026-11-30', reason: '配件晚到' });
    const due = (await desk.call('collection.get', { ticketId: ticket.id })).balanceMinor;
    expect(due).toBeGreaterThan(0);
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'cash', amountMinor: due, tenderedMinor: due + 1000 });
    await desk.call('collection.complete', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      identity: 'claim_ticket',
      signaturePng: signaturePng(),
      accessoriesReturned: ['charger', 'SIM卡针'],
    });

    const timeline = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).timeline;
    const noteOf = (kind: string, toStatus?: string) => timeline.find((e) => e.kind === kind && (toStatus === undefined || e.toStatus === toStatus))?.note;
    const notes = {
      diagnosis: noteOf('diagnosis_saved'),
      approval: noteOf('status_changed', 'approved'),
      notification: noteOf('customer_notified'),
      promisedDate: noteOf('promised_date_changed'),
      payment: noteOf('payment_taken'),
      handOver: noteOf('status_changed', 'collected'),
      collected: noteOf('collected'),
    };
    expect(notes).toEqual({
      diagnosis: '硬件故障 · 2级：Cracked LCD',
      approval: '报价 v1 客户同意（电话：王小明）：可以修',
      notification: '短信 · 无人接听：稍后再打',
      promisedDate: expect.stringMatching(/ → 2026-11-30：配件晚到$/),
      payment: `现金 · 实收 ${yuan(due + 1000)}，找零 ¥10.00`,
      handOver: '出示取机凭证',
      collected: '已修复 · 出示取机凭证 · 归还：充电器、SIM卡针',
    });
    for (const note of Object.values(notes)) expect(note).not.toMatch(ENGLISH_IDS);
  });

  it('name refunds and voids by the payment method in the shop’s language, with the reason as typed', async () => {
    await desk.call('settings.update', { language: 'zh-CN' });
    const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
    // Declined: the diagnosis fee is still due.
    await diagnoseAndQuote(desk, crew.technician.session, ticket.id, { lines: [{ kind: 'labour', feeItemId: await feeItemId(desk, 'diagnosis') }] });
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
    await desk.call('approvals.record', {
      session: crew.technician.session,
      ticketId: ticket.id,
      quoteId,
      decision: 'declined',
      method: 'in_person',
      signaturePng: signaturePng(),
    });
    const due = (await desk.call('collection.get', { ticketId: ticket.id })).balanceMinor;
    let view = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'wechat', amountMinor: due, reference: 'WX-001' });
    view = await desk.call('collection.voidPayment', { session: crew.manager.session, paymentId: view.payments.at(-1)!.id, reason: '收错了' });

    const timeline = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).timeline;
    const declined = timeline.find((e) => e.toStatus === 'declined')?.note;
    const paid = timeline.find((e) => e.kind === 'payment_taken')?.note;
    const voided = timeline.find((e) => e.kind === 'payment_voided')?.note;
    expect(declined).toBe('报价 v1 客户拒绝（到店签字）');
    expect(paid).toBe('微信支付 · WX-001');
    expect(voided).toBe(`#${view.payments.at(-1)!.id} 微信支付：收错了`);
    for (const note of [declined, paid, voided]) expect(note).not.toMatch(ENGLISH_IDS);
  });
});
