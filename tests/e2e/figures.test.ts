// The shop's figures on screen: the manager closes the day with a cash
// difference and prints the day close (the harness's folder printer keeps the
// PDF); then last month's report, in Chinese, exported as XLSX and read back.
//
// Each test sets up its own harness and data. Tickets are driven to ready over
// HTTP; last month's tickets are moved back in time in the harness's SQLite
// file, the way a month of work would have left them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { TestInput } from '../support/desk';
import { firstItem, itemAt } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { formatDay } from '../../src/shared/dates';
import { formatMoney } from '../../src/shared/money';
import { pdfText, requirePdfTools } from '../support/pdf';
import { signaturePng } from '../support/workflow';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { closePrintingDesk, printedJobs } from './support/printed-jobs';
import { repairOverHttp } from './support/repair-over-http';
import { SCREENSHOTS, screenshotWholePage } from './support/screenshots';

/** A printed PDF's first page as a PNG beside the screenshots, for a person to look at. */
function printedPng(pdf: string, name: string): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, join(SCREENSHOTS, name)]);
}

const f = en.figures;
const zf = zhCN.figures;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

async function readyTicket(harness: RunningHarness, crew: E2eCrew, name: string, depositMinor: number): Promise<{ id: number; displayNumber: string }> {
  const result = await harness.call('intake.checkIn', {
    technicianId: crew.technician.id,
    customer: { name, phone: '139 1234 5678', address: '' },
    devices: [
      {
        type: 'laptop',
        brand: 'Lenovo',
        model: 'ThinkPad X1',
        fault: 'No power',
        dataAnswer: 'has_backup',
        estimateMinor: 20000,
        depositMinor,
        feeConsent: true,
      },
    ],
  } as TestInput<'intake.checkIn'>);
  const ticket = firstItem(result.tickets);
  const fee = (await harness.call('feeStandard.list', {})).find((item) => item.code === 'board_repair')!;
  await repairOverHttp(harness, crew, ticket.id, {
    cause: 'Power IC',
    solution: 'Replace it',
    lines: [{ kind: 'labour', feeItemId: fee.id }],
    contactName: name,
    until: 'ready',
  });
  return ticket;
}

describe('figures', () => {
  let harness: RunningHarness | undefined;
  let browser: Browser | undefined;
  let printTo: string | undefined;

  afterEach(async () => {
    await closePrintingDesk(browser, harness, printTo);
    harness = browser = printTo = undefined;
  });

  it('closes the day with a cash difference and prints the day close', async () => {
    await requirePdfTools();
    printTo = mkdtempSync(join(tmpdir(), 'repair-desk-e2e-print-'));
    harness = await startHarness({ printTo });
    const crew = await setUpCrewOverHttp(harness);
    await harness.call('settings.update', { cashFloatMinor: 20000 });
    // A deposit of 50.00 in cash at intake, then 100.00 cash at collection: 150.00 cash in.
    const ticket = await readyTicket(harness, crew, 'Chen Jie', 5000);
    await harness.call('collection.pay', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      method: 'cash',
      amountMinor: 10000,
      tenderedMinor: 10000,
    } as ChannelInput<'collection.pay'>);

    browser = await launchChromium();
    const page = await openDesk(browser, harness.url);
    await page.getByRole('button', { name: en.app.nav.figures, exact: true }).click();
    // Not signed in: the day close asks for a manager.
    await page.getByText(f.managerOnly).waitFor();
    await signInThroughUi(page, crew.manager);
    const takings = page.getByRole('table', { name: f.dayClose.takings, exact: true });
    await takings.waitFor();
    const cashRow = squeeze(
      await takings
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: f.method.cash, exact: true }) })
        .innerText(),
    );
    expect(cashRow).toBe(`${f.method.cash} 2 0 ${formatMoney(15000, 'CNY', 'en')}`);
    expect(await page.getByLabel(f.dayClose.expected, { exact: true }).innerText()).toBe(formatMoney(35000, 'CNY', 'en'));

    // 345.00 counted: five yuan short.
    await page.getByRole('textbox', { name: f.dayClose.counted, exact: true }).fill('345');
    // Typed as one sum, the counted cash is the field alone, not repeated as a figure under it.
    expect(await page.getByLabel(f.dayClose.counted, { exact: true }).count()).toBe(1);
    expect(await page.getByLabel(f.dayClose.difference, { exact: true }).innerText()).toBe(`${formatMoney(-500, 'CNY', 'en')} (${f.dayClose.short})`);
    await screenshotWholePage(page, 'figures-day-close-en');
    await page.getByRole('button', { name: f.dayClose.close, exact: true }).click();
    await page.getByText(f.dayClose.closedOk.replace('{{number}}', '1')).waitFor();
    expect(await page.getByLabel(f.dayClose.difference, { exact: true }).innerText()).toBe(formatMoney(-500, 'CNY', 'en'));

    await page.getByRole('button', { name: f.dayClose.print, exact: true }).click();
    await page.getByText(f.dayClose.printed, { exact: true }).waitFor();
    const jobs = printedJobs(printTo);
    expect(jobs).toHaveLength(1);
    expect(firstItem(jobs).media.widthMm).toBe(80);
    printedPng(join(printTo, firstItem(jobs).file), 'printed-day-close-en');
    const text = squeeze(await pdfText(readFileSync(join(printTo, firstItem(jobs).file))));
    for (const expected of [
      f.dayClose.documentTitle,
      'Day close no. 1',
      `${f.dayClose.expected} ${formatMoney(35000, 'CNY', 'en')}`,
      `${f.dayClose.counted} ${formatMoney(34500, 'CNY', 'en')}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(formatMoney(-500, 'CNY', 'en'));

    // The record is stored: the past closes list it, and closing again today is refused.
    await page.getByRole('tab', { name: f.tabs.history, exact: true }).click();
    const history = page.getByRole('table', { name: f.tabs.history, exact: true });
    await history.waitFor();
    expect(squeeze(await history.locator('tbody tr').first().innerText())).toContain(formatMoney(-500, 'CNY', 'en'));
    await page.getByRole('tab', { name: f.tabs.reports, exact: true }).click();
    await page.getByText(f.reports.presets.month, { exact: true }).click();
    await expect.poll(async () => (await page.getByRole('table', { name: f.reports.tickets, exact: true }).count()) > 0, { timeout: 30_000 }).toBe(true);
    await page.getByRole('table', { name: f.reports.satisfaction, exact: true }).waitFor({ timeout: 30_000 });
    // The range, in the picker and above the tables, in the shop's one date format: no ISO day in English.
    const main = await page.locator('main').innerText();
    expect(main).toContain(formatDay(new Date(), 'en'));
    expect(main).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    await screenshotWholePage(page, 'figures-report-en');
    await page.getByRole('button', { name: f.reports.print, exact: true }).click();
    await expect.poll(() => printedJobs(printTo!).length, { timeout: 30_000 }).toBe(2);
    printedPng(join(printTo, itemAt(printedJobs(printTo), 1).file), 'printed-report-en');
    expect(
      (await harness.invoke('dayClose.close', { session: crew.manager.session, openingFloatMinor: 0, countedCashMinor: 0 } as ChannelInput<'dayClose.close'>))
        .ok,
    ).toBe(false);
  });

  it('shows last month’s report in Chinese and exports it as XLSX with the same figures', async () => {
    harness = await startHarness();
    const crew = await setUpCrewOverHttp(harness);
    const collected = await readyTicket(harness, crew, 'Wu Fang', 0);
    await harness.call('collection.pay', {
      session: crew.clerk.session,
      ticketId: collected.id,
      method: 'wechat',
      amountMinor: 15000,
    } as ChannelInput<'collection.pay'>);
    await harness.call('collection.complete', {
      session: crew.clerk.session,
      ticketId: collected.id,
      identity: 'claim_ticket',
      signaturePng: signaturePng(),
    } as ChannelInput<'collection.complete'>);
    await readyTicket(harness, crew, 'Sun Li', 2000);
    // Move the month's work back to the 10th of last month, 10:00 local time: same times of day, one month earlier.
    const now = new Date();
    const target = new Date(now.getFullYear(), now.getMonth() - 1, 10, 10, 0, 0);
    const shiftDays = Math.round(
      (new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime() - new Date(target.getFullYear(), target.getMonth(), target.getDate()).getTime()) /
        86_400_000,
    );
    const db = new Database(join(harness.dataDir, 'repair-desk.sqlite'));
    // Raw writes to a ticket go through the desk's write guard, as the desk's own writes do.
    db.exec('INSERT INTO desk_write (id) VALUES (1)');
    const shift = `strftime('%Y-%m-%dT%H:%M:%fZ', julianday(%) - ${shiftDays})`;
    db.exec(
      `UPDATE ticket SET created_at = ${shift.replace('%)', 'created_at)')}, collected_at = CASE WHEN collected_at IS NULL THEN NULL ELSE ${shift.replace('%)', 'collected_at)')} END`,
    );
    // Money and history rows are append-only: the test recreates the month by lifting the guards for this one edit.
    db.exec(`DROP TRIGGER payment_void_only; UPDATE payment SET at = ${shift.replace('%)', 'at)')};`);
    db.exec(`DROP TRIGGER ticket_event_no_update; UPDATE ticket_event SET at = ${shift.replace('%)', 'at)')};`);
    db.exec(`DROP TRIGGER collection_no_update; UPDATE collection SET at = ${shift.replace('%)', 'at)')};`);
    db.exec('DELETE FROM desk_write');
    db.close();

    await harness.call('settings.update', { language: 'zh-CN' });
    browser = await launchChromium();
    const page = await openDesk(browser, harness.url);
    await page.getByRole('button', { name: zhCN.app.nav.figures, exact: true }).click();
    await page.getByRole('tab', { name: zf.tabs.reports, exact: true }).click();
    await signInThroughUi(page, crew.manager, { signIn: zhCN.session.signIn, staffMember: zhCN.session.staffMember, pin: zhCN.session.pin }, true);
    await page.getByText(zf.reports.presets.lastMonth, { exact: true }).click();
    const tickets = page.getByRole('table', { name: zf.reports.tickets, exact: true });
    await tickets.waitFor();
    const cell = async (table: string, row: string) =>
      squeeze(
        await page
          .getByRole('table', { name: table, exact: true })
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
          .innerText(),
      );
    await expect.poll(() => cell(zf.reports.tickets, zf.reports.ticketsIn), { timeout: 30_000 }).toBe(`${zf.reports.ticketsIn} 2`);
    expect(await cell(zf.reports.tickets, zf.reports.collected)).toBe(`${zf.reports.collected} 1`);
    expect(await cell(zf.reports.revenue, zf.reports.labour)).toBe(`${zf.reports.labour} ${formatMoney(15000, 'CNY', 'zh-CN')}`);
    expect(await cell(zf.reports.satisfaction, zf.reports.calls)).toBe(`${zf.reports.calls} 0 — —`);
    await screenshotWholePage(page, 'figures-report-zh-CN');
    const body = await page.locator('main').innerText();
    for (const english of [f.reports.tickets, f.reports.revenue, f.reports.takingsPerDay, f.reports.turnaround, f.tabs.reports])
      expect(body).not.toContain(english);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: zf.reports.export, exact: true }).click();
        await page.getByRole('menuitem', { name: zf.reports.xlsx, exact: true }).click();
      })(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'repair-desk-e2e-xlsx-')), download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // A manager's export has the parts sheet (cost and margin) too.
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      zf.reports.sheet.summary,
      zf.reports.sheet.technicians,
      zf.reports.sheet.parts,
      zf.reports.sheet.days,
    ]);
    const summary = workbook.getWorksheet(zf.reports.sheet.summary)!;
    const valueOf = (label: string) => {
      let found: ExcelJS.CellValue | undefined;
      summary.eachRow((row) => {
        if (found === undefined && row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    expect(valueOf(zf.reports.ticketsIn)).toBe(2);
    expect(valueOf(zf.reports.collected)).toBe(1);
    expect(valueOf(zf.reports.labour)).toBe(150);
    // The deposit (20.00 cash) and the WeChat payment (150.00), both last month.
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((r) => {
        if (found === undefined && r.getCell(1).value === label) found = r;
      });
      return found!;
    };
    const wechat = rowOf(zf.method.wechat);
    expect([wechat.getCell(2).value, wechat.getCell(3).value, wechat.getCell(3).numFmt]).toEqual([1, 150, '#,##0.00']);
    expect([rowOf(zf.method.cash).getCell(2).value, rowOf(zf.method.cash).getCell(3).value]).toEqual([1, 20]);
    expect(rowOf(zf.reports.takings).getCell(3).value).toBe(170);

    await page.getByRole('tab', { name: zf.tabs.dayClose, exact: true }).click();
    await page.getByRole('table', { name: zf.dayClose.takings, exact: true }).waitFor({ timeout: 30_000 });
    await screenshotWholePage(page, 'figures-day-close-zh-CN');
  });
});
