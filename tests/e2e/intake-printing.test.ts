// After Check in the documents print: the harness writes every print job into
// a folder (PDF + JSON record), so this test reads exactly what a clerk's
// printers would have received. Also a printer the desk does not know (the
// clerk sees why and can reprint; the ticket is stored anyway), the time from
// Check in to the number on screen, and screenshots in English and Chinese.
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrintableDocument, Settings, TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { barcodeText } from '../../src/shared/ticket-number';
import { firstItem } from '../support/lists';
import { decodeBarcodes, pdfText, requirePdfTools } from '../support/pdf';
import { launchChromium, openDesk } from './support/browser';
import { TEST_PINS } from '../support/desk';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, shownTicketNumbers, waitUntil } from './support/page-helpers';
import { closePrintingDesk, printedJobs, type JobRecord } from './support/printed-jobs';
import { SCREENSHOTS, screenshotWholePage } from './support/screenshots';

const DOCUMENTS: PrintableDocument[] = ['intake-form', 'claim-ticket', 'device-label'];
const UNKNOWN_PRINTER = 'Counter thermal 80mm';

function jobsFor(dir: string, number: string): JobRecord[] {
  return printedJobs(dir).filter((job) => job.title.startsWith(`${number} `));
}

/** Whitespace as pdftotext lays it out varies; compare words. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('printing after check-in', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let printTo: string;
  /** The printing settings the desk starts with: every document on the folder printer. */
  let printing: Settings['printing'];

  beforeAll(async () => {
    await requirePdfTools();
    mkdirSync(SCREENSHOTS, { recursive: true });
    printTo = mkdtempSync(join(tmpdir(), 'repair-desk-printed-'));
    harness = await startHarness({ printTo });
    await harness.call('staff.save', { name: 'Zhao Lei', role: 'technician' });
    printing = (await harness.call('settings.get', {})).printing;
    browser = await launchChromium();
  });

  // Each test on a page of its own, in English, with every document going to the folder printer, signed in as the manager.
  beforeEach(async () => {
    await harness.call('settings.update', { language: 'en', printing });
    page = await openDesk(browser, harness.url);
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
  });

  afterEach(async () => {
    await page?.context().close();
  });

  afterAll(() => closePrintingDesk(browser, harness, printTo));

  const screenshot = (name: string) => screenshotWholePage(page, name);

  const documentsTable = (number: string, label = en.printResult.documentsFor) =>
    page.getByRole('table', { name: label.replace('{{number}}', number), exact: true });

  /** Waits until the document's row shows the state, e.g. "Sent to the printer". */
  async function waitForRow(number: string, document: string, state: string, label?: string): Promise<void> {
    const row = documentsTable(number, label)
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: document, exact: true }) });
    await row.getByText(state, { exact: true }).waitFor({ timeout: 20_000 });
  }

  async function fillIntake(
    customer: { name: string; phone: string },
    device: { brand: string; model: string; fault: string },
    labels = en.intake,
    zh = false,
  ) {
    const t = zh ? zhCN : en;
    await field(page, labels.customerName).fill(customer.name);
    await field(page, labels.phone).fill(customer.phone);
    await field(page, labels.deviceType).selectOption('phone');
    await field(page, labels.brand).fill(device.brand);
    await field(page, labels.model).fill(device.model);
    await field(page, labels.fault).fill(device.fault);
    await page.getByRole('checkbox', { name: t.accessory.charger, exact: true }).check();
    await page.getByRole('radio', { name: t.dataAnswer.has_backup, exact: true }).check();
    // No purchase date: out of warranty, so the fee standard is read and consent recorded.
    await field(page, labels.feeConsent).check();
    await field(page, labels.estimate).fill('280');
  }

  it('prints the intake form, claim ticket and device label of a new customer', async () => {
    await screenshot('intake-en-empty');
    // Check in on an empty form: every problem at its field.
    await page.getByRole('button', { name: en.intake.checkIn, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: en.intake.fixErrors }).waitFor();
    await screenshot('intake-en-errors');

    await fillIntake({ name: 'Chen Jing', phone: '137 2222 3333' }, { brand: 'Huawei', model: 'P60 Pro', fault: 'Battery drains in two hours' });
    await screenshot('intake-en-filled');

    await page.getByRole('button', { name: en.intake.checkIn, exact: true }).click();
    const number = firstItem(await shownTicketNumbers(page, en.intake.ticketNumber, 1));
    for (const document of DOCUMENTS) await waitForRow(number, en.printResult.documents[document], en.printResult.printed);
    await screenshot('result-en-printed');

    const stored: TicketDetail = await harness.call('tickets.get', { number });
    expect(stored.customer.name).toBe('Chen Jing');
    // Exactly the three documents of this ticket, one job each, on the folder's printer.
    const jobs = jobsFor(printTo, number);
    expect(jobs.map((job) => job.title).sort()).toEqual(DOCUMENTS.map((document) => `${number} ${document}`).sort());
    for (const job of jobs) {
      expect(job.printer).toBe('PDF folder');
      expect(job.copies).toBe(1);
      expect(job.media.widthMm).toBeGreaterThan(0);
    }
    for (const job of jobs) {
      const text = squeeze(await pdfText(readFileSync(join(printTo, job.file))));
      expect(text, job.title).toContain(number);
      expect(text, job.title).toContain(stored.customer.name);
      expect(text, job.title).toContain(stored.model);
    }
    const label = jobs.find((job) => job.title.endsWith('device-label'))!;
    const symbols = await decodeBarcodes(readFileSync(join(printTo, label.file)));
    expect(symbols).toContainEqual({ type: 'CODE-128', data: barcodeText(stored.number) });

    // Preview opens the PDF (the harness only writes it) and prints nothing.
    await page.getByRole('button', { name: `Preview ${en.printResult.documents['claim-ticket']}`, exact: true }).click();
    await waitUntil('the preview is written', async () => existsSync(join(harness.dataDir, 'previews', `${number}-claim-ticket.pdf`)));
    expect(jobsFor(printTo, number)).toHaveLength(3);

    // Print again: just that document.
    await page.getByRole('button', { name: `Print again: ${en.printResult.documents['claim-ticket']}`, exact: true }).click();
    await waitUntil('the claim ticket printed again', async () => jobsFor(printTo, number).length === 4);
    expect(jobsFor(printTo, number).at(-1)?.title).toBe(`${number} claim-ticket`);

    // Extra labels: one more device label captioned with the accessory left with the phone, and nothing else.
    await page.getByRole('button', { name: `Extra labels for ${number}`, exact: true }).click();
    await waitForRow(number, 'Device label: Charger', en.printResult.printed);
    const extra = jobsFor(printTo, number).slice(4);
    expect(extra.map((job) => job.title)).toEqual([`${number} device-label`]);
    const extraText = squeeze(await pdfText(readFileSync(join(printTo, firstItem(extra).file))));
    expect(extraText).toContain('Charger');
    expect(extraText).toContain(number);
    const extraSymbols = await decodeBarcodes(readFileSync(join(printTo, firstItem(extra).file)));
    expect(extraSymbols).toContainEqual({ type: 'CODE-128', data: barcodeText(stored.number) });
  });

  it('shows a printer the desk does not know, with Reprint, and keeps the ticket', async () => {
    await harness.call('settings.update', { printing: { ...printing, 'claim-ticket': { ...printing['claim-ticket'], printer: UNKNOWN_PRINTER } } });

    await fillIntake({ name: 'Wu Fang', phone: '136 5555 6666' }, { brand: 'Xiaomi', model: 'Redmi Note 12', fault: 'Cracked screen' });
    await page.getByRole('button', { name: en.intake.checkIn, exact: true }).click();
    const number = firstItem(await shownTicketNumbers(page, en.intake.ticketNumber, 1));

    await waitForRow(number, en.printResult.documents['claim-ticket'], en.printResult.failed);
    await waitForRow(number, en.printResult.documents['intake-form'], en.printResult.printed);
    await waitForRow(number, en.printResult.documents['device-label'], en.printResult.printed);
    await page.getByText(en.errors.print.printer_not_found, { exact: true }).waitFor();
    const reprint = page.getByRole('button', { name: `Reprint ${en.printResult.documents['claim-ticket']}`, exact: true });
    expect(await reprint.isVisible()).toBe(true);
    await screenshot('result-en-print-failed');

    // The ticket is stored all the same; only its claim ticket is missing from the printer.
    const stored: TicketDetail = await harness.call('tickets.get', { number });
    expect(stored.customer.name).toBe('Wu Fang');
    expect(
      jobsFor(printTo, number)
        .map((job) => job.title)
        .sort(),
    ).toEqual([`${number} device-label`, `${number} intake-form`]);

    // The printer is fixed in Settings; Reprint prints just the claim ticket.
    await harness.call('settings.update', { printing });
    await reprint.click();
    await waitForRow(number, en.printResult.documents['claim-ticket'], en.printResult.printed);
    expect(
      jobsFor(printTo, number)
        .map((job) => job.title)
        .sort(),
    ).toEqual([`${number} claim-ticket`, `${number} device-label`, `${number} intake-form`]);
    expect(await page.getByText(en.errors.print.printer_not_found, { exact: true }).count()).toBe(0);
  });

  it('shows the number at once while a slow printer is still printing', async () => {
    // Every print call answers 3 s late, as a slow spooler would.
    const SLOW_MS = 3_000;
    await page.route('**/api/printing.printTicket', async (route) => {
      await new Promise((done) => setTimeout(done, SLOW_MS));
      await route.continue();
    });
    try {
      await fillIntake({ name: 'Slow Printer', phone: '135 1234 0000' }, { brand: 'Vivo', model: 'X100', fault: 'Camera blurry' });
      const started = performance.now();
      await page.getByRole('button', { name: en.intake.checkIn, exact: true }).click();
      const number = firstItem(await shownTicketNumbers(page, en.intake.ticketNumber, 1));
      // The number is on screen while every document is still on its way: it never waits for the printer.
      expect((await harness.call('tickets.get', { number })).customer.name).toBe('Slow Printer');
      for (const document of DOCUMENTS) await waitForRow(number, en.printResult.documents[document], en.printResult.printing);
      await screenshot('result-en-printing');
      for (const document of DOCUMENTS) await waitForRow(number, en.printResult.documents[document], en.printResult.printed);
      expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS);
    } finally {
      await page.unroute('**/api/printing.printTicket');
    }
  });

  it('reads in Chinese, prints in Chinese and shows a print failure in Chinese', async () => {
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    const zh = zhCN.intake;
    await field(page, zh.customerName).waitFor();
    await screenshot('intake-zh-empty');
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    await page.getByRole('alert').filter({ hasText: zh.fixErrors }).waitFor();
    await screenshot('intake-zh-errors');

    await fillIntake({ name: '刘海燕', phone: '139 8888 7777' }, { brand: '华为', model: 'nova 11', fault: '充不进电' }, zh, true);
    await screenshot('intake-zh-filled');
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    const number = firstItem(await shownTicketNumbers(page, zh.ticketNumber, 1));
    for (const document of DOCUMENTS) {
      await waitForRow(number, zhCN.printResult.documents[document], zhCN.printResult.printed, zhCN.printResult.documentsFor);
    }
    await page.getByRole('button', { name: zhCN.printResult.extraLabelsFor.replace('{{number}}', number), exact: true }).click();
    await waitForRow(
      number,
      zhCN.printResult.extraLabel.replace('{{caption}}', zhCN.accessory.charger),
      zhCN.printResult.printed,
      zhCN.printResult.documentsFor,
    );
    await screenshot('result-zh-printed');

    const stored: TicketDetail = await harness.call('tickets.get', { number });
    for (const job of jobsFor(printTo, number).slice(0, 3)) {
      const text = squeeze(await pdfText(readFileSync(join(printTo, job.file))));
      expect(text, job.title).toContain(number);
      expect(text, job.title).toContain(stored.customer.name);
      expect(text, job.title).toContain(stored.model);
    }
    const body = await page.locator('body').innerText();
    for (const english of [
      en.printResult.printed,
      en.printResult.printAgain,
      en.printResult.preview,
      en.printResult.extraLabels,
      en.printResult.document,
      'Charger',
    ]) {
      expect(body).not.toContain(english);
    }

    // A printer the desk does not know, in Chinese.
    await harness.call('settings.update', { printing: { ...printing, 'claim-ticket': { ...printing['claim-ticket'], printer: UNKNOWN_PRINTER } } });
    await page.getByRole('button', { name: zh.startNew }).click();
    await fillIntake({ name: '孙立', phone: '138 1111 2222' }, { brand: '小米', model: '13', fault: '屏幕不亮' }, zh, true);
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    const failed = firstItem(await shownTicketNumbers(page, zh.ticketNumber, 1));
    await waitForRow(failed, zhCN.printResult.documents['claim-ticket'], zhCN.printResult.failed, zhCN.printResult.documentsFor);
    await page.getByText(zhCN.errors.print.printer_not_found, { exact: true }).waitFor();
    await page.getByRole('button', { name: zhCN.printResult.reprintFor.replace('{{document}}', zhCN.printResult.documents['claim-ticket']) }).waitFor();
    await waitForRow(failed, zhCN.printResult.documents['device-label'], zhCN.printResult.printed, zhCN.printResult.documentsFor);
    await screenshot('result-zh-print-failed');
    expect((await harness.call('tickets.get', { number: failed })).customer.name).toBe('孙立');
    await harness.call('settings.update', { printing });
  });
});
