// What the desk writes keeps no language of its own: history notes are stored as
// a code and parameters and quote lines named by the fee standard keep both
// names, so a shop that switches to Chinese reads its history, quotes and
// reprinted receipts in Chinese. What staff typed stays as typed, and notes
// written before the data was kept are shown as they were written.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { pdfText, requirePdfTools } from '../support/pdf';
import { checkIn, feeItemId, freshDeskWithCrewEachTest, signaturePng, type Crew } from '../support/workflow';

const START = '2026-11-23T06:30:00Z';
const clock = fixedClock(START);

/** English words the composed part of a note or line must not keep after the switch. */
const ENGLISH =
  /software|hardware|user caused|accepted|declined|in person|signed|phone|sms|no answer|cash|tendered|change|claim ticket|repaired|returned|Cleaning|Diagnosis|maintenance|Nov 2026/i;

describe('words as data', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));
  beforeAll(requirePdfTools);

  /** A whole repair in an English shop: diagnosis, quote, signed approval, call, new date, payment, collection. */
  async function repairInEnglish() {
    const tech = crew.technician.session;
    const clerk = crew.clerk.session;
    const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
    await desk.call('workflow.move', { session: tech, ticketId: ticket.id, toStatus: 'diagnosing' });
    await desk.call('diagnosis.save', {
      session: tech,
      ticketId: ticket.id,
      category: 'hardware',
      cause: 'dust in the fan',
      solution: 'clean it',
      severity: 3,
    });
    await desk.call('quotes.save', {
      session: tech,
      ticketId: ticket.id,
      lines: [
        { kind: 'labour', feeItemId: await feeItemId(desk, 'cleaning') },
        { kind: 'labour', feeItemId: null, description: 'Keyboard deep clean', unitPriceMinor: 2000 },
      ],
    });
    await desk.call('workflow.move', { session: tech, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
    await desk.call('approvals.record', {
      session: clerk,
      ticketId: ticket.id,
      quoteId,
      decision: 'accepted',
      method: 'in_person',
      signaturePng: signaturePng(),
    });
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: tech, ticketId: ticket.id, toStatus });
    await desk.call('notifications.log', { session: clerk, ticketId: ticket.id, method: 'phone', outcome: 'no_answer', note: '' });
    await desk.call('tickets.changePromisedDate', { session: clerk, ticketId: ticket.id, promisedDate: '2026-11-30', reason: 'part late' });
    const due = (await desk.call('collection.get', { ticketId: ticket.id })).balanceMinor;
    await desk.call('collection.pay', { session: clerk, ticketId: ticket.id, method: 'cash', amountMinor: due, tenderedMinor: due + 1000 });
    await desk.call('collection.complete', {
      session: clerk,
      ticketId: ticket.id,
      identity: 'claim_ticket',
      signaturePng: signaturePng(),
      accessoriesReturned: ['charger'],
    });
    return ticket;
  }

  it('a history written in English reads in Chinese after the shop switches', async () => {
    const ticket = await repairInEnglish();
    const english = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).timeline;
    expect(english.find((e) => e.toStatus === 'approved')?.note).toBe('v1 accepted (in person, signed)');
    expect(english.find((e) => e.kind === 'promised_date_changed')?.note).toMatch(/→ 30 Nov 2026: part late$/);

    await desk.call('settings.update', { language: 'zh-CN' });
    const timeline = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).timeline;
    const noteOf = (kind: string, toStatus?: string) => timeline.find((e) => e.kind === kind && (toStatus === undefined || e.toStatus === toStatus))?.note;
    const notes = {
      diagnosis: noteOf('diagnosis_saved'),
      quote: noteOf('quote_saved'),
      approval: noteOf('status_changed', 'approved'),
      notification: noteOf('customer_notified'),
      promisedDate: noteOf('promised_date_changed'),
      payment: noteOf('payment_taken'),
      identity: noteOf('status_changed', 'collected'),
      collected: noteOf('collected'),
    };
    expect(notes).toEqual({
      diagnosis: '硬件故障 · 3级：dust in the fan',
      quote: '报价 v1',
      approval: '报价 v1 客户同意（到店签字）',
      notification: '电话 · 无人接听',
      promisedDate: expect.stringMatching(/ → 2026-11-30：part late$/),
      payment: expect.stringMatching(/^现金 · 实收 ¥[\d.]+，找零 ¥10\.00$/),
      identity: '出示取机凭证',
      collected: '已修复 · 出示取机凭证 · 归还：充电器',
    });
    for (const note of Object.values(notes)) expect(note!.replace(/part late|dust in the fan/, '')).not.toMatch(ENGLISH);
    // The ticket page's own list of events reads the same.
    const detail = await desk.call('tickets.get', { number: ticket.displayNumber });
    expect(detail.events.find((e) => e.kind === 'collected')?.note).toBe('已修复 · 出示取机凭证 · 归还：充电器');
    // The history's chain still holds over notes kept as data.
    expect((await desk.call('audit.verify', {})).ok).toBe(true);
  });

  it('quote lines named by the fee standard, and a reprinted receipt, read in Chinese; a typed line stays as typed', async () => {
    const ticket = await repairInEnglish();
    const before = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).lines.map((l) => l.description);
    expect(before).toEqual(['Cleaning and maintenance', 'Keyboard deep clean']);

    await desk.call('settings.update', { language: 'zh-CN' });
    const after = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).lines.map((l) => l.description);
    expect(after).toEqual(['清洁保养', 'Keyboard deep clean']);
    expect((await desk.call('collection.get', { ticketId: ticket.id })).lines.map((l) => l.description)).toEqual(['清洁保养', 'Keyboard deep clean']);

    const preview = await desk.call('printing.preview', { number: ticket.displayNumber, document: 'receipt' });
    const text = await pdfText(await readFile(preview.path));
    expect(text).toContain('清洁保养');
    expect(text).toContain('Keyboard deep clean');
    expect(text).not.toContain('Cleaning and maintenance');
  });

  it('a note written as text before notes were kept as data is shown as it was written', async () => {
    const ticket = await checkIn(desk);
    await desk.context.db.write((tx) =>
      tx.query(`INSERT INTO ticket_event (ticket_id, kind, note, staff_id, at) VALUES (?, 'customer_notified', ?, NULL, ?)`, [
        ticket.id,
        'Phone · Reached: old words',
        START,
      ]),
    );
    await desk.call('settings.update', { language: 'zh-CN' });
    const timeline = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).timeline;
    expect(timeline.find((e) => e.kind === 'customer_notified')?.note).toBe('Phone · Reached: old words');
    expect((await desk.call('audit.verify', {})).ok).toBe(true);
  });
});
