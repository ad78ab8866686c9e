// A customer comes back to the counter: the clerk finds the ticket on the
// Tickets screen (by part of the phone, by the number typed without its
// prefix, by a scanned claim ticket), opens it, checks what was stored, and
// prints the claim ticket again and an extra label for the charger. The
// harness writes every print job into a folder, so the test reads what the
// printers would have received. Then the same in Chinese, with no English left.
import type { TestInput } from '../support/desk';
import { mkdirSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { barcodeText } from '../../src/shared/ticket-number';
import { firstItem, onlyItem } from '../support/lists';
import { decodeBarcodes, pdfText, requirePdfTools } from '../support/pdf';
import { launchChromium, openDesk } from './support/browser';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, fieldError, focusedLabel, isFocused, waitUntil } from './support/page-helpers';
import { closePrintingDesk, printedJobs } from './support/printed-jobs';
import { SCREENSHOTS, screenshotWholePage } from './support/screenshots';

const squeeze = (text: string) => text.replace(/\s+/g, ' ');
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');

function intake(clerkId: number, customer: { name: string; phone: string; address?: string }, device: Record<string, unknown>): TestInput<'intake.checkIn'> {
  return {
    technicianId: null,
    customer: { address: '', ...customer },
    devices: [
      {
        type: 'laptop',
        brand: 'Lenovo',
        model: 'ThinkPad X1 Carbon',
        serial: 'PF3ABC12',
        colour: 'black',
        accessories: ['charger', 'bag'],
        conditionChecks: ['housing_scratched'],
        fault: 'Does not charge; the light on the charger stays off',
        dataAnswer: 'has_backup',
        estimateMinor: 45000,
        depositMinor: 10000,
        feeConsent: true,
        ...device,
      },
    ],
  } as TestInput<'intake.checkIn'>;
}

describe('tickets: find, open and reprint', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let printTo: string;
  let ticket: TicketDetail;
  let other: TicketDetail;

  beforeAll(async () => {
    await requirePdfTools();
    mkdirSync(SCREENSHOTS, { recursive: true });
    printTo = mkdtempSync(join(tmpdir(), 'repair-desk-reprint-'));
    harness = await startHarness({ printTo });
    const clerk = firstItem(await harness.call('staff.list', { includeInactive: false }));
    // The set-up manager (PIN 4826) looks at a passcode.
    // Two customers whose phones share digits, so a partial phone finds only the right one.
    const first = await harness.call(
      'intake.checkIn',
      intake(clerk.id, { name: 'Chen Jing', phone: '137 2222 3333', address: '8 Renmin Road' }, { promisedDate: null }),
    );
    const second = await harness.call(
      'intake.checkIn',
      intake(
        clerk.id,
        { name: 'Wu Fang', phone: '136 2222 9999' },
        { type: 'phone', brand: 'Xiaomi', model: 'Redmi Note 12', serial: '', accessories: [], passcode: { kind: 'pin', value: '482915' } },
      ),
    );
    ticket = await harness.call('tickets.get', { number: firstItem(first.tickets).barcode });
    other = await harness.call('tickets.get', { number: firstItem(second.tickets).barcode });
    browser = await launchChromium();
  });

  // Every test starts in a fresh English page on the intake screen, the manager signed in (printing
  // and looking at a passcode are recorded under a signed-in person).
  beforeEach(async () => {
    await harness.call('settings.update', { language: 'en' });
    page = await openDesk(browser, harness.url);
    await signInOnScreen(page, 'Manager', '4826');
  });

  afterEach(async () => {
    await page?.close();
  });

  afterAll(() => closePrintingDesk(browser, harness, printTo));

  const screenshot = (name: string) => screenshotWholePage(page, name);

  const searchBox = (label = en.tickets.search) => field(page, label);
  const results = (label = en.tickets.results) => page.getByRole('table', { name: label, exact: true });
  const pageNumber = () => page.locator('#ticket-page-number');

  /** The rows of the results table, each as its cells' text. */
  async function resultRows(label?: string): Promise<string[][]> {
    const rows = results(label).locator('tbody tr');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < count; i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim()));
    return out;
  }

  async function search(text: string, label?: string): Promise<void> {
    const box = searchBox(label);
    await box.fill('');
    await box.pressSequentially(text, { delay: 20 });
  }

  async function waitForOnlyRow(number: string, label?: string): Promise<string[]> {
    let rows: string[][] = [];
    await waitUntil(`exactly the row of ${number} is listed (listed: ${JSON.stringify(rows)})`, async () => {
      rows = (await results(label).count()) ? await resultRows(label) : [];
      return rows.length === 1 && rows[0]?.[0] === number;
    });
    return onlyItem(rows);
  }

  async function openTicketsScreen(): Promise<void> {
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    await waitUntil(`the search box has focus (it is on ${await focusedLabel(page)})`, () => isFocused(searchBox()));
  }

  /** A ticket's page, opened as a scanned claim ticket opens it. */
  async function openTicketPage(which: TicketDetail): Promise<void> {
    await openTicketsScreen();
    await searchBox().pressSequentially(barcodeText(which.number), { delay: 5 });
    await searchBox().press('Enter');
    await pageNumber().filter({ hasText: which.displayNumber }).waitFor();
  }

  function printRow(document: string, label = en.printResult.documentsFor): Locator {
    return page
      .getByRole('table', { name: fill(label, { number: ticket.displayNumber }), exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: document, exact: true }) });
  }

  it('opens the Tickets screen with the search box focused, also by Ctrl+F', async () => {
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    await waitUntil(`the search box has focus (it is on ${await focusedLabel(page)})`, () => isFocused(searchBox()));
    // From the intake screen, Ctrl+F comes straight back to the search box.
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    await field(page, en.intake.customerName).click();
    await page.keyboard.press('Control+f');
    await waitUntil('Ctrl+F focused the search box', () => isFocused(searchBox()));
    await page.keyboard.press('F3');
    expect(await isFocused(searchBox())).toBe(true);
  });

  it('finds the ticket by part of the phone and by the number without its prefix', async () => {
    await openTicketsScreen();
    // "2222 3" is in Chen Jing's phone only; "2222" alone is in both.
    await search('2222');
    await waitUntil('both customers are listed', async () => (await results().count()) > 0 && (await resultRows()).length === 2);
    // The digits typed are marked in each phone; ↓ moves the highlight that Enter would open.
    expect(await results().locator('tbody tr mark').allInnerTexts()).toEqual(['2222', '2222']);
    await searchBox().press('ArrowDown');
    await results().locator('tbody tr').nth(1).and(page.locator('[data-active]')).waitFor();
    await screenshot('tickets-list-en-two');
    await search('2222 3');
    const row = await waitForOnlyRow(ticket.displayNumber);
    expect(row.slice(1)).toEqual(['Chen Jing', '137 2222 3333', 'Laptop · Lenovo ThinkPad X1 Carbon', en.status.received, expect.stringMatching(/\d{4}/)]);
    await screenshot('tickets-list-en');

    const withoutPrefix = ticket.displayNumber.replace(/^RD-/, '');
    expect(withoutPrefix).toMatch(/^\d{6}-\d{4}$/);
    await search(withoutPrefix);
    await waitForOnlyRow(ticket.displayNumber);
    await searchBox().press('Enter');
    await pageNumber().filter({ hasText: ticket.displayNumber }).waitFor();
  });

  it('shows what was stored at intake and the history', async () => {
    await openTicketPage(ticket);
    const details = page.getByRole('region', { name: en.tickets.details, exact: true });
    const text = squeeze(await details.innerText());
    for (const expected of [
      'Chen Jing',
      '137 2222 3333',
      '8 Renmin Road',
      'Laptop',
      'Lenovo ThinkPad X1 Carbon · black',
      'PF3ABC12',
      'Charger, Bag',
      en.condition.housing_scratched,
      ticket.fault,
      en.warrantyStatus.out_of_warranty,
      en.dataAnswer.has_backup,
      '450.00',
      '100.00',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const history = page.getByRole('table', { name: en.tickets.timeline.title, exact: true });
    const historyText = squeeze(await history.innerText());
    expect(historyText).toContain(en.workflow.eventKind.checked_in);
    expect(historyText).toContain(en.status.received);
    expect(historyText).toContain(en.workflow.eventKind.estimate);
    expect(historyText).toContain('450.00');
    expect(historyText).toContain(ticket.clerkName!);
    // The passcode is never on the page unless asked for (this ticket has none).
    expect(await page.getByRole('button', { name: en.ticket.showPasscode }).count()).toBe(0);
  });

  it('prints the claim ticket again, previews without printing, and prints an extra label for the charger', async () => {
    await openTicketPage(ticket);
    const before = printedJobs(printTo).length;
    await page.getByRole('button', { name: fill(en.printResult.printAgainFor, { document: en.printResult.documents['claim-ticket'] }), exact: true }).click();
    await printRow(en.printResult.documents['claim-ticket']).getByText(en.printResult.printed, { exact: true }).waitFor();
    let jobs = printedJobs(printTo).slice(before);
    expect(jobs.map((job) => job.title)).toEqual([`${ticket.displayNumber} claim-ticket`]);
    const claim = squeeze(await pdfText(readFileSync(join(printTo, firstItem(jobs).file))));
    expect(claim).toContain(ticket.displayNumber);
    expect(claim).toContain('Chen Jing');

    await page.getByRole('button', { name: fill(en.printResult.previewFor, { document: en.printResult.documents['intake-form'] }), exact: true }).click();
    await page.getByText(fill(en.tickets.print.previewOpened, { document: en.printResult.documents['intake-form'] }), { exact: true }).waitFor();
    expect(existsSync(join(harness.dataDir, 'previews', `${ticket.displayNumber}-intake-form.pdf`))).toBe(true);
    expect(printedJobs(printTo)).toHaveLength(before + 1);

    // Both accessories are ticked; the clerk wants a label for the charger only.
    const charger = page.getByRole('checkbox', { name: en.accessory.charger, exact: true });
    const bag = page.getByRole('checkbox', { name: en.accessory.bag, exact: true });
    expect(await charger.isChecked()).toBe(true);
    await bag.uncheck();
    await page.getByRole('button', { name: en.tickets.print.printExtra, exact: true }).click();
    await printRow(fill(en.printResult.extraLabel, { caption: en.accessory.charger }))
      .getByText(en.printResult.printed, { exact: true })
      .waitFor();
    expect(await printRow(fill(en.printResult.extraLabel, { caption: en.accessory.bag })).count()).toBe(0);
    // Only the extra label: the device's own label is not printed again.
    expect(await printRow(en.printResult.documents['device-label']).getByText(en.printResult.printed, { exact: true }).count()).toBe(0);

    jobs = printedJobs(printTo).slice(before + 1);
    expect(jobs.map((job) => job.title)).toEqual([`${ticket.displayNumber} device-label`]);
    const pdf = readFileSync(join(printTo, firstItem(jobs).file));
    const label = squeeze(await pdfText(pdf));
    expect(label).toContain(en.accessory.charger);
    expect(label).toContain(ticket.displayNumber);
    expect(await decodeBarcodes(pdf)).toContainEqual({ type: 'CODE-128', data: barcodeText(ticket.number) });

    // Nothing ticked and no caption: the clerk is told what to do. A typed caption prints on Enter.
    await charger.uncheck();
    await page.getByRole('button', { name: en.tickets.print.printExtra, exact: true }).click();
    const caption = field(page, en.tickets.print.otherCaption);
    expect(await fieldError(caption)).toBe(en.tickets.print.nothingChosen);
    await caption.fill('Power bank');
    await caption.press('Enter');
    await printRow(fill(en.printResult.extraLabel, { caption: 'Power bank' }))
      .getByText(en.printResult.printed, { exact: true })
      .waitFor();
    const powerBank = printedJobs(printTo).slice(before + 2);
    expect(powerBank.map((job) => job.title)).toEqual([`${ticket.displayNumber} device-label`]);
    expect(squeeze(await pdfText(readFileSync(join(printTo, firstItem(powerBank).file))))).toContain('Power bank');
    expect(await caption.inputValue()).toBe('');
    await charger.check();
    await screenshot('ticket-page-en');
  });

  it('shows why a reprint failed, and Reprint prints it once the printer is fixed', async () => {
    await openTicketPage(ticket);
    const printing = (await harness.call('settings.get', {})).printing;
    await harness.call('settings.update', {
      printing: { ...printing, 'claim-ticket': { ...printing['claim-ticket'], printer: 'Counter thermal 80mm' } },
    });
    const claimTicket = en.printResult.documents['claim-ticket'];
    const before = printedJobs(printTo).length;
    await page.getByRole('button', { name: fill(en.printResult.printAgainFor, { document: claimTicket }), exact: true }).click();
    await printRow(claimTicket).getByText(en.printResult.failed, { exact: true }).waitFor();
    await printRow(claimTicket).getByText(en.errors.print.printer_not_found, { exact: true }).waitFor();
    expect(printedJobs(printTo)).toHaveLength(before);
    await screenshot('ticket-page-en-print-failed');

    await harness.call('settings.update', { printing });
    await page.getByRole('button', { name: fill(en.printResult.reprintFor, { document: claimTicket }), exact: true }).click();
    await printRow(claimTicket).getByText(en.printResult.printed, { exact: true }).waitFor();
    expect(
      printedJobs(printTo)
        .slice(before)
        .map((job) => job.title),
    ).toEqual([`${ticket.displayNumber} claim-ticket`]);
    expect(await page.getByText(en.errors.print.printer_not_found, { exact: true }).count()).toBe(0);
  });

  it('opens a scanned claim ticket straight away, and says so when no ticket has the number', async () => {
    await openTicketPage(ticket);
    await page.keyboard.press('Escape');
    await waitUntil('back on the search box', () => isFocused(searchBox()));
    // A USB scanner types the barcode's 10 digits and Enter, faster than the search debounce.
    await searchBox().pressSequentially(barcodeText(other.number), { delay: 5 });
    await searchBox().press('Enter');
    await pageNumber().filter({ hasText: other.displayNumber }).waitFor();
    expect(squeeze(await page.getByRole('region', { name: en.tickets.details, exact: true }).innerText())).toContain('Wu Fang');
    expect(await page.getByText(en.tickets.print.noAccessories, { exact: true }).count()).toBe(1);
    // The passcode stays hidden until asked for; asking is logged in the history.
    expect(await page.locator('body').innerText()).not.toContain('482915');
    await page.getByRole('button', { name: en.ticket.showPasscode, exact: true }).click();
    expect(await page.getByLabel(en.intake.passcodeValue, { exact: true }).innerText()).toBe('482915');
    await page.getByRole('table', { name: en.tickets.timeline.title, exact: true }).getByText(en.workflow.eventKind.passcode_viewed, { exact: true }).waitFor();
    await page.getByRole('button', { name: en.ticket.hidePasscode, exact: true }).click();
    expect(await page.locator('body').innerText()).not.toContain('482915');
    await page.getByRole('button', { name: en.tickets.back, exact: true }).focus();

    // Scanned on a ticket's page (focus on a button, not in the search box): the scan still opens its ticket.
    expect(await isFocused(page.getByRole('button', { name: en.tickets.back, exact: true }))).toBe(true);
    await page.keyboard.type(barcodeText(ticket.number), { delay: 5 });
    await page.keyboard.press('Enter');
    await pageNumber().filter({ hasText: ticket.displayNumber }).waitFor();

    await page.keyboard.press('F3');
    await waitUntil('F3 went back to the search box', () => isFocused(searchBox()));
    const missing = `${barcodeText(ticket.number).slice(0, 6)}9999`;
    await searchBox().pressSequentially(missing, { delay: 5 });
    await searchBox().press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: fill(en.tickets.noSuchNumber, { number: missing }) })
      .waitFor();
    expect(await pageNumber().count()).toBe(0);
  });

  it('reads entirely in Chinese', async () => {
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zhCN.intake.customerName).waitFor();
    await page.keyboard.press('Control+f');
    await waitUntil('the Chinese search box has focus', () => isFocused(searchBox(zhCN.tickets.search)));
    await search('陈', zhCN.tickets.search);
    // No Chinese customer yet: the empty result says so in Chinese.
    await page.getByText(fill(zhCN.tickets.noResults, { query: '陈' }), { exact: true }).waitFor();
    await search('Chen', zhCN.tickets.search);
    const row = await waitForOnlyRow(ticket.displayNumber, zhCN.tickets.results);
    expect(row).toContain(zhCN.status.received);
    expect(row).toContain(`${zhCN.deviceType.laptop} · Lenovo ThinkPad X1 Carbon`);
    await screenshot('tickets-list-zh');
    await expectNoEnglish();

    await page.getByRole('button', { name: fill(zhCN.tickets.open, { number: ticket.displayNumber }), exact: true }).click();
    await pageNumber().filter({ hasText: ticket.displayNumber }).waitFor();
    const details = squeeze(await page.getByRole('region', { name: zhCN.tickets.details, exact: true }).innerText());
    expect(details).toContain(`${zhCN.accessory.charger}${zhCN.printResult.listSeparator}${zhCN.accessory.bag}`);
    expect(details).toContain(zhCN.warrantyStatus.out_of_warranty);

    const before = printedJobs(printTo).length;
    await page.getByRole('checkbox', { name: zhCN.accessory.bag, exact: true }).uncheck();
    await page.getByRole('button', { name: zhCN.tickets.print.printExtra, exact: true }).click();
    await printRow(fill(zhCN.printResult.extraLabel, { caption: zhCN.accessory.charger }), zhCN.printResult.documentsFor)
      .getByText(zhCN.printResult.printed, { exact: true })
      .waitFor();
    const jobs = printedJobs(printTo).slice(before);
    expect(jobs.map((job) => job.title)).toEqual([`${ticket.displayNumber} device-label`]);
    const pdf = readFileSync(join(printTo, firstItem(jobs).file));
    expect(squeeze(await pdfText(pdf))).toContain(zhCN.accessory.charger);
    expect(await decodeBarcodes(pdf)).toContainEqual({ type: 'CODE-128', data: barcodeText(ticket.number) });
    await screenshot('ticket-page-zh');
    await expectNoEnglish();
  });

  /**
   * Every Latin word on screen must be the customer's own data (names, models,
   * address, serial), the ticket prefix, or a key name; anything else is
   * English the translation missed.
   */
  async function expectNoEnglish(): Promise<void> {
    const body = await page.locator('body').innerText();
    const allowed = new Set(
      [
        ticket.customer.name,
        ticket.customer.address,
        ticket.brand,
        ticket.model,
        ticket.colour,
        ticket.serial,
        ticket.fault,
        other.customer.name,
        other.brand,
        other.model,
        // Staff names are the shop's data too (a fresh desk has one called "Manager").
        ticket.clerkName ?? '',
        // Extra-label captions are stored as printed, here while the desk was in English.
        'Charger',
        'Power bank',
        // The language picker names each language in its own language.
        'English',
        'RD',
        'Alt',
        'Ctrl',
        'Esc',
        'PDF',
        'IMEI',
      ]
        .join(' ')
        .split(/[^A-Za-z]+/)
        .filter(Boolean),
    );
    const words = [...new Set(body.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !allowed.has(word));
    expect(words, 'English words on the Chinese screen').toEqual([]);
  }
});
