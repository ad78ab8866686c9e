// The day close (日结) through the desk: expected cash from the float and the
// cash movements, the counted difference, takings by method with refunds apart,
// deposits, voids, discounts and tickets; the numbered record that nothing can
// change; payments after a close belong to the next day; a void of an earlier
// day's payment is booked on the day of the void; managers only; the print.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import { fixedClock, type TestDesk } from '../support/desk';
import { firstItem, onlyItem } from '../support/lists';
import { pdfText, requirePdfTools } from '../support/pdf';
import { onSqliteFile } from '../support/sqlite-only';
import { CHECK_REFUSED } from '../support/suite-engine';
import { checkIn, diagnoseAndQuote, feeItemId, freshDeskWithCrewEachTest, signInAgain, signaturePng, type Crew } from '../support/workflow';

// 06:30 UTC is 23 November in every time zone from UTC-6 to UTC+14; the day's
// events stay within three hours of it, so they share that local day.
const START = '2026-11-23T06:30:00Z';
const clock = fixedClock(START);
const at = (days: number, minutes: number) => new Date(Date.parse(START) + days * 86_400_000 + minutes * 60_000).toISOString();

/** Checked in (deposit as given), diagnosed, quoted 180.00 (diagnosis 30 + mainboard 150), accepted, ready. */
async function readyTicket(desk: TestDesk, crew: Crew, device: Record<string, unknown>) {
  const ticket = await checkIn(desk, { device });
  const session = crew.technician.session;
  const lines: ChannelInput<'quotes.save'>['lines'] = [
    { kind: 'labour', feeItemId: await feeItemId(desk, 'diagnosis') },
    { kind: 'labour', feeItemId: await feeItemId(desk, 'board_repair') },
  ];
  await diagnoseAndQuote(desk, session, ticket.id, { lines });
  await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
  await desk.call('approvals.record', { session, ticketId: ticket.id, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
  for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus });
  return ticket;
}

async function dayCloseRows(desk: TestDesk): Promise<Record<string, unknown>[]> {
  return desk.context.db.dataSource.query(`SELECT * FROM day_close ORDER BY number`);
}

describe('day close', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  /** Day one: 200.00 float; A paid cash (deposit 100 + 80), B by card 180 then 10 refunded in cash, C's mistaken cash payment voided; a cancelled intake. */
  async function dayOne() {
    await desk.call('settings.update', { cashFloatMinor: 20000 });
    const a = await readyTicket(desk, crew, { depositMinor: 10000 });
    const b = await readyTicket(desk, crew, { depositMinor: 0 });
    const c = await readyTicket(desk, crew, { depositMinor: 5000, depositMethod: 'wechat' });
    const clerk = crew.clerk.session;
    await desk.call('collection.pay', { session: clerk, ticketId: a.id, method: 'cash', amountMinor: 8000, tenderedMinor: 10000 });
    await desk.call('collection.complete', { session: clerk, ticketId: a.id, identity: 'claim_ticket', signaturePng: signaturePng() });
    await desk.call('collection.pay', { session: clerk, ticketId: b.id, method: 'card', amountMinor: 18000 });
    await desk.call('collection.refund', { session: crew.manager.session, ticketId: b.id, method: 'cash', amountMinor: 1000, reason: 'Goodwill' });
    const wrong = await desk.call('collection.pay', { session: clerk, ticketId: c.id, method: 'cash', amountMinor: 13000 });
    await desk.call('collection.voidPayment', { session: crew.manager.session, paymentId: firstItem(wrong.payments).id, reason: 'Typed the wrong ticket' });
    const cancelled = await checkIn(desk, { device: { depositMinor: 0 } });
    await desk.call('workflow.move', { session: crew.manager.session, ticketId: cancelled.id, toStatus: 'cancelled', note: 'Customer changed their mind' });
    return { a, b, c };
  }

  it('shows the expected cash, takings by method with refunds counted apart, deposits, voids, discounts and tickets; closing stores it numbered', async () => {
    await dayOne();
    clock.set(at(0, 170));
    const preview = await desk.call('dayClose.preview', { session: crew.manager.session });
    expect(preview.byMethod).toEqual([
      // A's deposit and payment; the refund is counted apart; C's voided payment leaves no trace.
      { method: 'cash', count: 2, refundCount: 1, amountMinor: 10000 + 8000 - 1000 },
      { method: 'card', count: 1, refundCount: 0, amountMinor: 18000 },
      { method: 'wechat', count: 1, refundCount: 0, amountMinor: 5000 },
      { method: 'alipay', count: 0, refundCount: 0, amountMinor: 0 },
    ]);
    expect(preview).toMatchObject({
      takingsMinor: 40000,
      deposits: { count: 2, amountMinor: 15000 },
      refunds: { count: 1, amountMinor: 1000 },
      voids: { count: 1, amountMinor: 13000 },
      discounts: { count: 0, amountMinor: 0 },
      tickets: { in: 4, collected: 1, cancelled: 1 },
      cash: { openingFloatMinor: 20000, inMinor: 18000, outMinor: 1000, expectedMinor: 37000 },
      closedToday: null,
      periodTo: at(0, 170),
    });

    // Counted by note and coin: 5 × 50 + 5 × 20 + 1 × 10 + 5 × 1 = 365.00, five yuan short.
    const denominations = [
      { faceMinor: 5000, count: 5 },
      { faceMinor: 2000, count: 5 },
      { faceMinor: 1000, count: 1 },
      { faceMinor: 100, count: 5 },
      { faceMinor: 50, count: 0 },
    ];
    const record = await desk.call('dayClose.close', {
      session: crew.manager.session,
      openingFloatMinor: 20000,
      countedCashMinor: 36500,
      denominations,
      note: '5 yuan short',
    });
    expect(record).toMatchObject({
      number: 1,
      countedCashMinor: 36500,
      differenceMinor: -500,
      denominations: denominations.filter((d) => d.count > 0),
      closedBy: { id: crew.manager.id },
      recordedBy: { id: crew.manager.id },
      closedAt: at(0, 170),
      figures: { ...preview, closedToday: null },
    });
    expect(await desk.call('dayClose.get', { session: crew.manager.session, number: 1 })).toEqual(record);
    expect(await desk.call('dayClose.list', { session: crew.manager.session })).toEqual([
      expect.objectContaining({ number: 1, takingsMinor: 40000, expectedCashMinor: 37000, countedCashMinor: 36500, differenceMinor: -500 }),
    ]);
  });

  it('puts a payment after the close into the next day and books a void of an earlier day’s payment on the day of the void', async () => {
    const { c } = await dayOne();
    // D pays part in cash on day one and is still in the shop.
    const d = await readyTicket(desk, crew, { depositMinor: 0 });
    const dPaid = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: d.id, method: 'cash', amountMinor: 5000 });
    clock.set(at(0, 170));
    const first = await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 20000, countedCashMinor: 42000 });
    expect(first.differenceMinor).toBe(0);
    const again = await desk.fail('dayClose.close', { session: crew.manager.session, openingFloatMinor: 20000, countedCashMinor: 37000 });
    expect(again).toMatchObject({ code: 'conflict', fields: [{ path: 'businessDate', code: 'already_closed' }] });

    // Paid after the close, the same evening: tomorrow's.
    clock.set(at(0, 175));
    const late = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: c.id, method: 'cash', amountMinor: 13000 });
    clock.set(at(0, 176));
    const after = await desk.call('dayClose.preview', { session: crew.manager.session });
    expect(after.closedToday).toEqual({ number: 1, closedAt: at(0, 170) });
    expect(after).toMatchObject({ periodFrom: at(0, 170), takingsMinor: 13000 });

    // Next day: the late payment was a mistake and is voided; a new ticket comes in with a deposit.
    clock.set(at(1, 60));
    await signInAgain(desk, crew);
    await desk.call('collection.voidPayment', {
      session: crew.manager.session,
      paymentId: onlyItem(late.payments.filter((p) => p.amountMinor === 13000 && !p.voided)).id,
      reason: 'Paid twice',
    });
    // D's cash payment of day one voided today: booked today, day one's record stays as it was.
    await desk.call('collection.voidPayment', { session: crew.manager.session, paymentId: firstItem(dPaid.payments).id, reason: 'Counted twice' });
    await checkIn(desk, { device: { depositMinor: 3000, depositMethod: 'alipay' } });
    clock.set(at(1, 120));
    const second = await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 42000, countedCashMinor: 37000 });
    expect(second.number).toBe(2);
    expect(second.figures.periodFrom).toBe(first.closedAt);
    expect(second.figures.byMethod).toEqual([
      // The late cash payment and its void both fall in this period: nothing; day one's 50.00 voided now: −50.
      { method: 'cash', count: 0, refundCount: 0, amountMinor: -5000 },
      { method: 'card', count: 0, refundCount: 0, amountMinor: 0 },
      { method: 'wechat', count: 0, refundCount: 0, amountMinor: 0 },
      { method: 'alipay', count: 1, refundCount: 0, amountMinor: 3000 },
    ]);
    expect(second.figures).toMatchObject({ takingsMinor: -2000, voids: { count: 2, amountMinor: 18000 }, tickets: { in: 1, collected: 0, cancelled: 0 } });
    expect(second.figures.cash).toEqual({ openingFloatMinor: 42000, inMinor: 0, outMinor: 5000, expectedMinor: 37000 });
    expect(second.differenceMinor).toBe(0);
    expect(await desk.call('dayClose.get', { session: crew.manager.session, number: 1 })).toEqual(first);
    // The calendar day's drawer books the same way: day one still shows D's payment, and the
    // late one (same calendar day, voided the next): A's deposit and payment, D's and the late one.
    const dayOneDrawer = await desk.call('collection.drawer', { date: first.figures.businessDate });
    expect(dayOneDrawer.byMethod[0]).toEqual({ method: 'cash', count: 4, refundCount: 1, amountMinor: 10000 + 8000 - 1000 + 5000 + 13000 });
  });

  /** Day one closed: its stored row, the row's columns but the id, and every row as it was. */
  async function closedDayOne() {
    await dayOne();
    clock.set(at(0, 170));
    await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 20000, countedCashMinor: 30000 });
    const before = await dayCloseRows(desk);
    const row = onlyItem(before);
    return { before, row, columns: Object.keys(row).filter((k) => k !== 'id') };
  }

  it('keeps the record as it was: no update, delete, replace or out-of-order insert', async () => {
    const { before, row, columns } = await closedDayOne();
    const db = desk.context.db.dataSource;
    await expect(db.query(`UPDATE day_close SET counted_cash_minor = 37000, difference_minor = 0`)).rejects.toThrow(/never changed/);
    await expect(db.query(`UPDATE day_close SET note = 'tidied up'`)).rejects.toThrow(/never changed/);
    await expect(db.query(`DELETE FROM day_close`)).rejects.toThrow(/never deleted/);
    // Written again over its number, as the engine's upsert writes a row.
    const rewrite = desk.context.db.engine.upsert({
      table: 'day_close',
      columns,
      keys: ['number'],
      set: Object.fromEntries(columns.map((k) => [k, `excluded.${k}`])),
    });
    await expect(
      db.query(
        rewrite,
        columns.map((k) => (k === 'note' ? 'tidied up' : row[k])),
      ),
    ).rejects.toThrow(/never replaced/);
    // A later number for an earlier day, a period that does not follow on, a sum that does not add up: refused.
    const next: Record<string, unknown> = { ...row, number: 2, business_date: '2026-11-22' };
    await expect(
      db.query(
        `INSERT INTO day_close (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        columns.map((k) => next[k]),
      ),
    ).rejects.toThrow(/never replaced/);
    const gap: Record<string, unknown> = {
      ...row,
      number: 2,
      business_date: '2026-11-24',
      period_from: '2026-11-24T00:00:00.000Z',
      period_to: '2026-11-24T10:00:00.000Z',
      closed_at: '2026-11-24T10:00:00.000Z',
    };
    await expect(
      db.query(
        `INSERT INTO day_close (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        columns.map((k) => gap[k]),
      ),
    ).rejects.toThrow(/never replaced/);
    const wrongSum: Record<string, unknown> = {
      ...row,
      number: 2,
      business_date: '2026-11-24',
      period_from: row.period_to,
      period_to: '2026-11-24T10:00:00.000Z',
      closed_at: '2026-11-24T10:00:00.000Z',
      difference_minor: 0,
    };
    await expect(
      db.query(
        `INSERT INTO day_close (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        columns.map((k) => wrongSum[k]),
      ),
    ).rejects.toThrow(CHECK_REFUSED);
    expect(await dayCloseRows(desk)).toEqual(before);
  });

  onSqliteFile('keeps the record from SQLite’s own replacing statements (INSERT OR REPLACE, REPLACE)', async () => {
    const { before, row, columns } = await closedDayOne();
    const db = desk.context.db.dataSource;
    const values = columns.map((k) => row[k]);
    await expect(db.query(`INSERT OR REPLACE INTO day_close (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, values)).rejects.toThrow(
      /never replaced/,
    );
    await expect(
      db.query(`REPLACE INTO day_close (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`, [row.id, ...values]),
    ).rejects.toThrow(/never replaced/);
    expect(await dayCloseRows(desk)).toEqual(before);
  });

  it('is a manager’s: a clerk neither sees the expected cash nor closes without a manager’s PIN; bad counts lose nothing', async () => {
    await dayOne();
    const refused = await desk.fail('dayClose.preview', { session: crew.clerk.session });
    expect(refused).toMatchObject({ code: 'forbidden', fields: [{ path: 'session', code: 'manager_required' }] });
    expect(await desk.fail('dayClose.close', { session: crew.clerk.session, openingFloatMinor: 0, countedCashMinor: 100 })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'managerApproval', code: 'manager_required' }],
    });
    expect(await desk.fail('dayClose.list', { session: crew.technician.session })).toMatchObject({ code: 'forbidden' });
    // Denominations that do not add up to the sum typed.
    const mismatch = await desk.fail('dayClose.close', {
      session: crew.manager.session,
      openingFloatMinor: 0,
      countedCashMinor: 100,
      denominations: [{ faceMinor: 5000, count: 1 }],
    });
    expect(mismatch).toMatchObject({ code: 'validation', fields: [{ path: 'countedCashMinor', code: 'invalid' }] });
    expect(mismatch.message.length).toBeGreaterThan(0);
    const oddCoin = await desk.fail('dayClose.close', {
      session: crew.manager.session,
      openingFloatMinor: 0,
      countedCashMinor: 300,
      denominations: [{ faceMinor: 300, count: 1 }],
    });
    expect(oddCoin.fields?.[0]).toMatchObject({ path: 'denominations.0.faceMinor', code: 'invalid' });
    expect(await dayCloseRows(desk)).toEqual([]);

    clock.set(at(0, 170));
    const byClerk = await desk.call('dayClose.close', {
      session: crew.clerk.session,
      managerApproval: { staffId: crew.manager.id, pin: crew.manager.pin },
      openingFloatMinor: 20000,
      countedCashMinor: 37200,
    });
    expect(byClerk).toMatchObject({ number: 1, differenceMinor: 200, closedBy: { id: crew.manager.id }, recordedBy: { id: crew.clerk.id } });
  });

  it('prints the stored close on the day close’s printer, in the desk’s language', async () => {
    await requirePdfTools();
    await dayOne();
    await desk.call('settings.update', { language: 'zh-CN', shopName: '码上修电脑店' });
    clock.set(at(0, 170));
    await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 20000, countedCashMinor: 36500 });
    const result = await desk.call('dayClose.print', { session: crew.manager.session, number: 1 });
    expect(result).toMatchObject({ ok: true, error: null });
    expect(result.archivedPath).toMatch(/day-close-0001/);
    const printed = join(desk.dir, 'printed');
    const pdfs = readdirSync(printed).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    const pdf = onlyItem(pdfs);
    const text = (await pdfText(readFileSync(join(printed, pdf)))).replace(/\s+/g, ' ');
    for (const expected of [
      '码上修电脑店',
      '日结单',
      '日结单号 1',
      '应有现金',
      '¥370.00',
      '实点现金',
      '¥365.00',
      '短款',
      '-¥5.00',
      '现金',
      '银行卡',
      '¥400.00',
    ]) {
      expect(text).toContain(expected);
    }
    const job = JSON.parse(readFileSync(join(printed, pdf.replace(/\.pdf$/, '.json')), 'utf8')) as { media: { widthMm: number } };
    expect(job.media.widthMm).toBe(80);
  });
});
