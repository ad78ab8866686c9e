// The report on a hand-built month of tickets (March 2026), every figure worked
// out by hand below: turnaround in working days across a Sunday the shop is
// closed and a holiday, the 7-day and 24-hour shares, first response against
// the 10/30-minute rule, repair classes, revenue split, money by method with a
// refund and a void across a day close, technicians, parts, open tickets; and
// the same figures in the CSV and the XLSX.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { RepairClass } from '../../src/shared/repair-class';
import { fixedClock, type TestDesk } from '../support/desk';
import { addPart, checkIn, feeItemId, freshDeskWithCrewEachTest, signInAgain, signaturePng, type Crew } from '../support/workflow';
import { firstItem } from '../support/lists';

// Every moment is between 06:00 and 09:30 UTC: the same calendar day in every time zone from UTC-6 to UTC+14.
const START = '2026-03-02T06:30:00Z';
const clock = fixedClock(START);
const at = (day: number, time: string) => `2026-03-${String(day).padStart(2, '0')}T${time}:00.000Z`;

describe('the month report', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  async function go(iso: string): Promise<void> {
    clock.set(iso);
    await signInAgain(desk, crew);
  }

  const tech = () => crew.technician.session;
  const move = (ticketId: number, toStatus: ChannelInput<'workflow.move'>['toStatus'], session = tech()) =>
    desk.call('workflow.move', { session, ticketId, toStatus, note: toStatus === 'cancelled' ? 'Customer changed their mind' : '' });

  async function diagnose(
    ticketId: number,
    severity: 1 | 2 | 3,
    repairClass: RepairClass,
    lines: ChannelInput<'quotes.save'>['lines'],
    discount: ChannelInput<'quotes.save'>['discount'] = null,
  ) {
    await desk.call('diagnosis.save', { session: tech(), ticketId, category: 'hardware', cause: 'Fault found', solution: 'Repair', severity, repairClass });
    await desk.call('quotes.save', { session: tech(), ticketId, lines, discount });
    await move(ticketId, 'awaiting_approval');
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId })).quotes).id;
    await desk.call('approvals.record', { session: tech(), ticketId, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
    await move(ticketId, 'in_repair');
  }

  async function ready(ticketId: number) {
    await move(ticketId, 'testing');
    await move(ticketId, 'ready');
  }

  const collect = (ticketId: number) =>
    desk.call('collection.complete', { session: crew.clerk.session, ticketId, identity: 'claim_ticket', signaturePng: signaturePng() });
  const intake = (depositMinor: number) => checkIn(desk, { technicianId: crew.technician.id, device: { depositMinor } });

  async function buildMonth() {
    await desk.call('settings.update', { shopCalendar: { closedWeekdays: [0], holidays: ['2026-03-09'] } });
    const diagnosisFee = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'diagnosis') };
    const board = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'board_repair') };
    const screen = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'screen_replacement') };
    const lcd = await addPart(desk, crew);

    // T1: Mon 2 March 06:30 in, diagnosis at 06:35 (5 min, level 2), major; ready Tue 06:00 (23.5 h, 1 working day).
    const t1 = await intake(0);
    await go(at(2, '06:35'));
    await move(t1.id, 'diagnosing');
    await diagnose(t1.id, 2, 'major', [diagnosisFee, board]);
    await go(at(3, '06:00'));
    await ready(t1.id);
    await go(at(3, '07:00'));
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: t1.id, method: 'cash', amountMinor: 18000, tenderedMinor: 20000 });
    await collect(t1.id);
    await go(at(4, '07:00'));
    await desk.call('collection.refund', { session: crew.manager.session, ticketId: t1.id, method: 'cash', amountMinor: 2000, reason: 'Goodwill' });

    // T2: Fri 6 March, deposit 100.00 cash; diagnosis at 06:50 (20 min, level 1: late), medium, 10.00 off;
    // ready Tue 10 March: Sat open, Sun closed, Mon 9 a holiday, Tue = 2 working days.
    await go(at(6, '06:30'));
    const t2 = await intake(10000);
    await go(at(6, '06:50'));
    await move(t2.id, 'diagnosing');
    await diagnose(t2.id, 1, 'medium', [diagnosisFee, board], { kind: 'amount', value: 1000, reason: 'Regular customer' });
    await go(at(10, '07:00'));
    await ready(t2.id);
    await go(at(10, '08:00'));
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: t2.id, method: 'card', amountMinor: 7000 });
    await collect(t2.id);
    // Follow-up calls: T1's customer scores quality 5 and attitude 4 (below the 4.8 target); T2's is not reached.
    await go(at(10, '08:30'));
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: t1.id, reached: true, working: true, quality: 5, attitude: 4 });
    await desk.call('followUps.record', { session: crew.clerk.session, ticketId: t2.id, reached: false });

    // T3: Wed 11 March, diagnosis at 06:55 (25 min, level 3: in time), minor; screen labour 80.00 + the LCD 600.00;
    // ready Fri 20 March: 12-14 and 16-20 = 8 working days. Paid by card, the day closed, then the card
    // payment voided the next morning and paid by WeChat Pay, collected.
    await go(at(11, '06:30'));
    const t3 = await intake(0);
    await go(at(11, '06:55'));
    await move(t3.id, 'diagnosing');
    await diagnose(t3.id, 3, 'minor', [screen, { kind: 'part', partId: lcd.id, qty: 1 }]);
    await desk.call('parts.use', { session: tech(), ticketId: t3.id, partId: lcd.id, qty: 1 });
    await go(at(20, '08:00'));
    await ready(t3.id);
    await go(at(20, '08:10'));
    const card = await desk.call('collection.pay', { session: crew.clerk.session, ticketId: t3.id, method: 'card', amountMinor: 68000 });
    await go(at(20, '08:30'));
    const close = await desk.call('dayClose.close', { session: crew.manager.session, openingFloatMinor: 0, countedCashMinor: 0 });
    await go(at(21, '07:00'));
    await desk.call('collection.voidPayment', {
      session: crew.manager.session,
      paymentId: firstItem(card.payments).id,
      reason: 'Card charged twice by the terminal',
    });
    await go(at(21, '07:05'));
    await desk.call('collection.pay', { session: crew.clerk.session, ticketId: t3.id, method: 'wechat', amountMinor: 68000 });
    await go(at(21, '07:10'));
    await collect(t3.id);

    // T4: Mon 16 March, nobody has looked at it yet. T5: Tue 17 March, cancelled at 06:40 (10 min, never diagnosed).
    await go(at(16, '06:30'));
    const t4 = await intake(0);
    await go(at(17, '06:30'));
    const t5 = await intake(0);
    await go(at(17, '06:40'));
    await move(t5.id, 'cancelled', crew.manager.session);
    // T1 comes back on Wed 25 March: a rework against the technician, not looked at yet.
    await go(at(25, '06:30'));
    await desk.call('workflow.reopen', { session: crew.clerk.session, ticketId: t1.id, fault: 'No power again' });
    await go(at(31, '06:30'));
    return { t4, close };
  }

  it('works out every figure of the month as counted by hand', async () => {
    const { close } = await buildMonth();
    const report = await desk.call('reports.get', { session: crew.manager.session, from: '2026-03-01', to: '2026-03-31' });
    expect(report.tickets).toEqual({ in: 6, finished: 3, collected: 3, cancelled: 1 });
    expect(report.revenue).toEqual({
      labourMinor: 15000 + 15000 + 8000,
      partsMinor: 60000,
      diagnosisMinor: 3000 + 3000,
      discountsMinor: 1000,
      chargedMinor: 103000,
      refundsMinor: 2000,
      byMethod: [
        // T1's 180.00 and T2's deposit; T1's refund apart. T3's card payment and its void both fall in March: nothing.
        { method: 'cash', count: 2, refundCount: 1, amountMinor: 18000 + 10000 - 2000 },
        { method: 'card', count: 1, refundCount: 0, amountMinor: 7000 },
        { method: 'wechat', count: 1, refundCount: 0, amountMinor: 68000 },
        { method: 'alipay', count: 0, refundCount: 0, amountMinor: 0 },
      ],
      depositsWithoutMethodMinor: 0,
      takingsMinor: 101000,
    });
    expect(report.turnaround).toEqual({
      finished: 3,
      // (1 + 2 + 8) / 3
      averageWorkingDays: 3.7,
      within7Days: 2,
      within24Hours: 1,
      distribution: [
        { days: '0', count: 0 },
        { days: '1', count: 1 },
        { days: '2', count: 1 },
        ...['3', '4', '5', '6', '7'].map((days) => ({ days, count: 0 })),
        { days: '8+', count: 1 },
      ],
    });
    expect(report.firstResponse).toEqual([
      { severity: 1, targetMinutes: 10, responded: 1, withinTarget: 0, averageMinutes: 20, waiting: 0 },
      { severity: 2, targetMinutes: 10, responded: 1, withinTarget: 1, averageMinutes: 5, waiting: 0 },
      { severity: 3, targetMinutes: 30, responded: 1, withinTarget: 1, averageMinutes: 25, waiting: 0 },
      // T5 cancelled after 10 minutes; T4 and the rework not looked at.
      { severity: null, targetMinutes: null, responded: 1, withinTarget: 0, averageMinutes: 10, waiting: 2 },
    ]);
    expect(report.repairClasses).toEqual([
      { repairClass: 'major', count: 1 },
      { repairClass: 'medium', count: 1 },
      { repairClass: 'minor', count: 1 },
      { repairClass: 'maintenance', count: 0 },
      { repairClass: null, count: 0 },
    ]);
    expect(report.technicians).toEqual([
      // Labour as quoted (18000 + 18000 + 8000; the discount is the quote's, not a line's), the LCD, one rework of T1;
      // satisfaction: T1's call scored quality 5, T2's customer was not reached (no score).
      {
        staffId: crew.technician.id,
        name: crew.technician.name,
        finished: 3,
        labourMinor: 44000,
        partsMinor: 60000,
        averageWorkingDays: 3.7,
        reworks: 1,
        averageSatisfaction: 5,
      },
    ]);
    expect(report.parts).toEqual({
      lines: [{ partId: expect.any(Number), name: 'LCD screen', qty: 1, costMinor: 40000, chargedMinor: 60000, marginMinor: 20000 }],
      boughtIn: { qty: 0, costMinor: 0, chargedMinor: 0, marginMinor: 0 },
      costMinor: 40000,
      chargedMinor: 60000,
      marginMinor: 20000,
    });
    // As of 31 March: T4 (15 days) and the rework (6 days) still received.
    expect(report.open).toEqual({
      total: 2,
      byStatus: [{ status: 'received', count: 2 }],
      ageing: [
        { bucket: '0-2', count: 0 },
        { bucket: '3-7', count: 1 },
        { bucket: '8-14', count: 0 },
        { bucket: '15-30', count: 1 },
        { bucket: '31+', count: 0 },
      ],
    });
    expect(report.satisfaction).toEqual({
      calls: 2,
      reached: 1,
      averageQuality: 5,
      averageAttitude: 4,
      complaintsOpened: 0,
      complaintsClosed: 0,
      complaintsOpen: 0,
      targetScore: 4.8,
    });
    const day = (d: number) => report.days.find((x) => x.date === `2026-03-${String(d).padStart(2, '0')}`)!;
    expect(report.days).toHaveLength(31);
    expect([3, 4, 6, 10, 20, 21].map((d) => day(d).takingsMinor)).toEqual([18000, -2000, 10000, 7000, 68000, 0]);
    expect(report.days.reduce((s, d) => s + d.takingsMinor, 0)).toBe(report.revenue.takingsMinor);
    expect([2, 6, 11, 16, 17, 25].map((d) => day(d).ticketsIn)).toEqual([1, 1, 1, 1, 1, 1]);
    expect([3, 10, 20].map((d) => day(d).ticketsFinished)).toEqual([1, 1, 1]);

    // Across the day close of 20 March: that day keeps the card payment; the void is booked on the 21st.
    expect(close.figures.byMethod[1]).toEqual({ method: 'card', count: 1, refundCount: 0, amountMinor: 68000 });
    expect((await desk.call('dayClose.get', { session: crew.manager.session, number: 1 })).figures).toEqual(close.figures);
    const the20th = await desk.call('reports.get', { session: crew.manager.session, from: '2026-03-20', to: '2026-03-20' });
    expect(the20th.revenue.takingsMinor).toBe(68000);
    const the21st = await desk.call('reports.get', { session: crew.manager.session, from: '2026-03-21', to: '2026-03-21' });
    expect(the21st.revenue.byMethod.filter((m) => m.amountMinor !== 0)).toEqual([
      { method: 'card', count: 0, refundCount: 0, amountMinor: -68000 },
      { method: 'wechat', count: 1, refundCount: 0, amountMinor: 68000 },
    ]);
    expect(the21st.tickets).toMatchObject({ collected: 1, finished: 0 });

    // Costs and margins are a manager's: a clerk's report has none.
    expect((await desk.call('reports.get', { session: crew.clerk.session, from: '2026-03-01', to: '2026-03-31' })).parts).toBeNull();
  });

  it('exports the same figures as CSV (UTF-8 with BOM) and XLSX, and refuses a bad range with a field error', async () => {
    await buildMonth();
    await desk.call('settings.update', { language: 'zh-CN' });
    const csv = await desk.call('reports.export', { session: crew.manager.session, from: '2026-03-01', to: '2026-03-31', format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'report-2026-03-01-2026-03-31.csv', mimeType: 'text/csv;charset=utf-8' });
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    for (const line of [
      '受理,6',
      '工时费,380.00',
      '配件费,600.00',
      '检测费,60.00',
      '折扣,-10.00',
      '退款,-20.00',
      '现金,2,260.00',
      '实收,,1010.00',
      '7 个工作日内修复,66.7%,2',
      'LCD screen,1,400.00,600.00,200.00',
      '2026-03-20,680.00,0,1',
      '回访次数,2,,',
      '服务态度（满分 5）,4,不低于 4.8,未达标',
      '维修质量（满分 5）,5,不低于 4.8,达标',
    ]) {
      expect(lines).toContain(line);
    }

    const xlsx = await desk.call('reports.export', { session: crew.manager.session, from: '2026-03-01', to: '2026-03-31', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['受理', 6]);
    expect(rows).toContainEqual(['工时费', 380]);
    expect(rows).toContainEqual(['24 小时内修复', 1 / 3, 1]);
    expect(rows).toContainEqual(['服务态度（满分 5）', 4, '不低于 4.8', '未达标']);
    const days = workbook.getWorksheet('每日')!;
    const dayRows: unknown[][] = [];
    days.eachRow((row) => dayRows.push((row.values as unknown[]).slice(1)));
    expect(dayRows).toContainEqual(['2026-03-04', -20, 0, 0]);

    const pdf = await desk.call('reports.export', { session: crew.manager.session, from: '2026-03-01', to: '2026-03-31', format: 'pdf' });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const backwards = await desk.fail('reports.get', { session: crew.manager.session, from: '2026-03-31', to: '2026-03-01' });
    expect(backwards).toMatchObject({ code: 'validation', fields: [{ path: 'to', code: 'invalid' }] });
    expect(backwards.message).not.toBe('');
    expect((await desk.fail('reports.get', { session: 'nobody', from: '2026-03-01', to: '2026-03-31' })).code).toBe('forbidden');
  });
});
