// The Printing section of Settings, end to end: the shop owner picks the
// device label size and copies, saves, reloads and finds them kept; a Test
// print lands in the harness's print folder at the right page size; a printer
// calibration is tried, saved and kept; a refused preset shows at its field;
// the section reads in English and in Chinese.
import type { TestInput } from '../support/desk';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { firstItem, lastItem } from '../support/lists';
import { pdfInfo, pdfWords, requirePdfTools } from '../support/pdf';
import { launchChromium, openDesk, VIEWPORT } from './support/browser';
import { TEST_PINS } from '../support/desk';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, fieldError, isFocused, waitUntil } from './support/page-helpers';
import { closePrintingDesk, printedJobs, type JobRecord } from './support/printed-jobs';
import { SCREENSHOTS } from './support/screenshots';

const FOLDER_PRINTER = 'PDF folder';
const PT_PER_MM = 72 / 25.4;

async function waitForJobs(dir: string, count: number): Promise<JobRecord[]> {
  await waitUntil(`${count} print jobs are in ${dir}`, async () => printedJobs(dir).length >= count, 15_000);
  return printedJobs(dir);
}

async function openSettings(page: Page, nav = en.app.nav.settings, printerLabel = 'Device label printer'): Promise<void> {
  await page.getByRole('button', { name: nav, exact: true }).click();
  await field(page, printerLabel).waitFor({ state: 'visible' });
  // The printer list is asked for on opening; wait until it answered.
  await waitUntil('the printer list has loaded', async () => (await field(page, printerLabel).getAttribute('aria-busy')) === 'false');
}

async function reloadSettings(page: Page): Promise<void> {
  await page.reload();
  await page.locator('form[aria-labelledby="intake-title"]').waitFor({ state: 'visible', timeout: 30_000 });
  await openSettings(page);
}

function intakeInput(): TestInput<'intake.checkIn'> {
  return {
    technicianId: null,
    customer: { name: 'Lin Hua', phone: '138 0013 8000' },
    devices: [
      {
        type: 'phone',
        brand: 'Huawei',
        model: 'Mate 60',
        serial: '861234567890123',
        accessories: [],
        conditionChecks: [],
        fault: 'Screen cracked',
        dataAnswer: 'has_backup',
        estimateMinor: 45000,
        depositMinor: 0,
        feeConsent: true,
      },
    ],
  } as unknown as TestInput<'intake.checkIn'>;
}

describe('printing settings', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let printTo: string;

  beforeAll(async () => {
    await requirePdfTools();
    printTo = mkdtempSync(join(tmpdir(), 'repair-desk-printed-'));
    harness = await startHarness({ printTo });
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
    // Printer settings and test prints are a manager's.
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
    await openSettings(page);
  });

  afterAll(() => closePrintingDesk(browser, harness, printTo));

  /**
   * The device label on a 2 × 1 in label, two copies (what the first test saves on screen), and
   * optionally on a chosen printer: set here so that each test can run alone.
   */
  async function labelTwoByOneTwice(printer?: string): Promise<void> {
    const stored = await harness.call('settings.get', {});
    const label = { ...stored.printing['device-label'], preset: 'label-2x1in', copies: 2, ...(printer ? { printer } : {}) };
    await harness.call('settings.update', { printing: { ...stored.printing, 'device-label': label } });
    await reloadSettings(page);
  }

  it('keeps the device label preset and copies after a reload', async () => {
    const preset = field(page, 'Device label preset');
    // Only the device label's own sizes, in millimetres.
    const options = await preset.locator('option').allTextContents();
    expect(options).toHaveLength(3);
    expect(options.some((text) => text.includes('50.8 × 25.4 mm'))).toBe(true);
    expect(options.some((text) => /A4|roll/i.test(text))).toBe(false);

    await preset.selectOption('label-2x1in');
    await field(page, 'Device label copies').selectOption('2');
    await page.getByRole('button', { name: 'Save printing settings' }).click();
    await page.getByText('Printing settings saved', { exact: true }).waitFor();

    const stored = await harness.call('settings.get', {});
    expect(stored.printing['device-label']).toMatchObject({ preset: 'label-2x1in', copies: 2 });
    // The other documents were not touched.
    expect(stored.printing['intake-form']).toMatchObject({ preset: 'a4', copies: 1 });

    await reloadSettings(page);
    expect(await field(page, 'Device label preset').inputValue()).toBe('label-2x1in');
    expect(await field(page, 'Device label copies').inputValue()).toBe('2');
  });

  it('test prints the device label on its preset from the keyboard', async () => {
    await labelTwoByOneTwice();
    const before = printedJobs(printTo).length;
    // Keyboard: from the copies field, Tab reaches this document's Test print, Enter presses it.
    await field(page, 'Device label copies').focus();
    await page.keyboard.press('Tab');
    const testPrint = page.getByRole('button', { name: 'Test print device label', exact: true });
    expect(await isFocused(testPrint)).toBe(true);
    await page.keyboard.press('Enter');
    const section = page.getByRole('region', { name: 'Device label', exact: true });
    await section.getByText('Test print sent to the printer.', { exact: true }).waitFor();

    const jobs = await waitForJobs(printTo, before + 1);
    const job = lastItem(jobs);
    expect(job.title).toMatch(/device-label$/);
    expect(job.printer).toBe(FOLDER_PRINTER);
    expect(job.media).toEqual({ widthMm: 50.8, heightMm: 25.4 });
    // A test print is one sample label, whatever the copies setting says.
    expect(job.copies).toBe(1);
    const info = await pdfInfo(readFileSync(join(printTo, job.file)));
    expect(info.pages).toBe(1);
    expect(Math.abs(firstItem(info.pageSizes).width - 144)).toBeLessThanOrEqual(1);
    expect(Math.abs(firstItem(info.pageSizes).height - 72)).toBeLessThanOrEqual(1);
  });

  it('prints the saved number of device label copies after a check-in', async () => {
    await labelTwoByOneTwice();
    const before = printedJobs(printTo).length;
    const ticket = firstItem((await harness.call('intake.checkIn', intakeInput())).tickets);
    const results = await harness.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: ['device-label'],
      labelCaptions: [],
      onlyEnabled: true,
    });
    expect(results.map((result) => result.ok)).toEqual([true]);
    const job = (await waitForJobs(printTo, before + 1)).at(-1)!;
    expect(job.title).toBe(`${ticket.displayNumber} device-label`);
    expect(job.copies).toBe(2);
    expect(job.media).toEqual({ widthMm: 50.8, heightMm: 25.4 });
  });

  it('tries a calibration for the folder printer, saves it and keeps it after a reload', async () => {
    await labelTwoByOneTwice();
    const section = page.getByRole('region', { name: 'Device label', exact: true });
    await field(page, 'Device label printer').selectOption(FOLDER_PRINTER);
    await section.getByText(`Calibration for ${FOLDER_PRINTER}`, { exact: true }).waitFor();

    // An uncalibrated sample first, to compare with.
    const first = printedJobs(printTo).length;
    await page.getByRole('button', { name: 'Test print device label', exact: true }).click();
    await section.getByText('Test print sent to the printer.', { exact: true }).waitFor();
    const plain = (await waitForJobs(printTo, first + 1)).at(-1)!;

    // Out of range: refused at the field, nothing printed.
    await field(page, 'Device label calibration: move right (mm)').fill('12');
    await page.getByRole('button', { name: 'Test print device label', exact: true }).click();
    expect(await fieldError(field(page, 'Device label calibration: move right (mm)'))).toBe(en.errors.field.invalid);
    expect(printedJobs(printTo).length).toBe(first + 1);

    await field(page, 'Device label calibration: move right (mm)').fill('2');
    await field(page, 'Device label calibration: move down (mm)').fill('-1');
    await field(page, 'Device label calibration: scale').fill('0.95');
    expect(await fieldError(field(page, 'Device label calibration: move right (mm)'))).toBeNull();

    // Test print uses the calibration on screen, before it is saved.
    await page.getByRole('button', { name: 'Test print device label', exact: true }).click();
    await section.getByText('Test print sent to the printer.', { exact: true }).waitFor();
    const calibrated = (await waitForJobs(printTo, first + 2)).at(-1)!;
    expect((await harness.call('settings.get', {})).calibrations).toEqual({});
    const left = async (file: string) => Math.min(...(await pdfWords(readFileSync(join(printTo, file)))).words.map((word) => word.xMin));
    const shift = (await left(calibrated.file)) - (await left(plain.file));
    // 2 mm to the right is 5.67 pt; the 0.95 scale pulls words in a little from the content's left edge.
    expect(shift).toBeGreaterThan(2 * PT_PER_MM - 1.2);
    expect(shift).toBeLessThan(2 * PT_PER_MM + 0.5);
    const calibratedInfo = await pdfInfo(readFileSync(join(printTo, calibrated.file)));
    expect(Math.abs(firstItem(calibratedInfo.pageSizes).width - 144)).toBeLessThanOrEqual(1);

    await page.getByRole('button', { name: 'Save printing settings' }).click();
    await page.getByText('Printing settings saved', { exact: true }).waitFor();
    const stored = await harness.call('settings.get', {});
    expect(stored.calibrations[FOLDER_PRINTER]).toEqual({ offsetXmm: 2, offsetYmm: -1, scale: 0.95 });
    expect(stored.printing['device-label']).toMatchObject({ printer: FOLDER_PRINTER, preset: 'label-2x1in', copies: 2 });

    await reloadSettings(page);
    expect(await field(page, 'Device label printer').inputValue()).toBe(FOLDER_PRINTER);
    expect(await field(page, 'Device label calibration: move right (mm)').inputValue()).toBe('2');
    expect(await field(page, 'Device label calibration: move down (mm)').inputValue()).toBe('-1');
    expect(await field(page, 'Device label calibration: scale').inputValue()).toBe('0.95');

    // The same printer chosen for the claim ticket shows the same calibration.
    await field(page, 'Claim ticket printer').selectOption(FOLDER_PRINTER);
    expect(await field(page, 'Claim ticket calibration: move right (mm)').inputValue()).toBe('2');
  });

  it('shows a preset refused by the desk at the preset field', async () => {
    await labelTwoByOneTwice();
    // The screen only offers a document's own sizes; make the request carry a wrong one
    // to see the desk's field error where the owner would fix it.
    await page.route('**/api/settings.update', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}');
      body.printing['device-label'].preset = 'a4';
      await route.continue({ postData: JSON.stringify(body) });
    });
    try {
      await field(page, 'Device label copies').selectOption('3');
      await page.getByRole('button', { name: 'Save printing settings' }).click();
      await waitUntil('the preset shows its error', async () => (await fieldError(field(page, 'Device label preset'))) === en.errors.field.invalid);
      await page.getByRole('alert').filter({ hasText: en.errors.validation }).waitFor();
      // Focus goes to the field at fault.
      expect(await isFocused(field(page, 'Device label preset'))).toBe(true);
      expect((await harness.call('settings.get', {})).printing['device-label'].copies).toBe(2);
    } finally {
      await page.unroute('**/api/settings.update');
    }
    // Choosing again clears the error.
    await field(page, 'Device label preset').selectOption('label-62x29');
    expect(await fieldError(field(page, 'Device label preset'))).toBeNull();
  });

  it('saves the shop terms for the intake form and the claim ticket', async () => {
    await reloadSettings(page);
    const intakeTerms = field(page, en.settings.printing.intakeTerms);
    expect(await intakeTerms.getAttribute('placeholder')).toBe(en.docs.defaultTerms);
    await intakeTerms.fill('Data is not guaranteed.\nUncollected devices are kept 60 days.');
    await field(page, en.settings.printing.claimTerms).fill('Bring this ticket.');
    await page.getByRole('button', { name: 'Save printing settings' }).click();
    await page.getByText('Printing settings saved', { exact: true }).waitFor();
    const stored = await harness.call('settings.get', {});
    expect(stored.intakeTerms).toBe('Data is not guaranteed.\nUncollected devices are kept 60 days.');
    expect(stored.claimTerms).toBe('Bring this ticket.');

    // Saving the shop profile afterwards does not put back the printing settings it started with.
    await page.getByRole('button', { name: en.settings.save, exact: true }).click();
    await page.getByText(en.settings.saved, { exact: true }).waitFor();
    const after = await harness.call('settings.get', {});
    expect(after.intakeTerms).toBe(stored.intakeTerms);
    expect(after.calibrations).toEqual(stored.calibrations);
    expect(after.printing).toEqual(stored.printing);
  });

  it('says why a test print failed, in words the owner can act on', async () => {
    const stored = await harness.call('settings.get', {});
    await harness.call('settings.update', {
      printing: { ...stored.printing, 'claim-ticket': { ...stored.printing['claim-ticket'], printer: 'Back office laser' } },
    });
    await reloadSettings(page);
    const printer = field(page, 'Claim ticket printer');
    expect(await printer.inputValue()).toBe('Back office laser');
    expect(await printer.locator('option:checked').textContent()).toBe('Back office laser (not found)');

    await page.getByRole('button', { name: 'Test print claim ticket', exact: true }).click();
    const section = page.getByRole('region', { name: 'Claim ticket', exact: true });
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(en.settings.printing.testFailed);
    expect(await alert.innerText()).toContain(en.errors.print.printer_not_found);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // A small counter screen: the fields and the error still fit.
    await page.setViewportSize({ width: 1024, height: 1400 });
    await section.screenshot({ path: join(SCREENSHOTS, 'settings-printing-failed-1024.png') });
    await page.setViewportSize(VIEWPORT);

    // Refresh asks the system again and says what it found.
    await page.getByRole('button', { name: en.settings.printing.refresh, exact: true }).click();
    await page.getByText('1 printer found', { exact: true }).waitFor();

    await printer.selectOption('');
    await page.getByRole('button', { name: 'Save printing settings' }).click();
    await page.getByText('Printing settings saved', { exact: true }).waitFor();
    expect((await harness.call('settings.get', {})).printing['claim-ticket'].printer).toBeNull();
  });

  it('reads in English and in Chinese (screenshots)', async () => {
    // On a chosen printer, so the calibration fields show too.
    await labelTwoByOneTwice(FOLDER_PRINTER);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // Tall enough for the whole section, so the app's fixed header does not cover its top.
    await page.setViewportSize({ width: VIEWPORT.width, height: 2000 });
    await reloadSettings(page);
    const englishForm = page.getByRole('form', { name: en.settings.printing.title, exact: true });
    await englishForm.screenshot({ path: join(SCREENSHOTS, 'settings-printing-en.png') });

    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.locator('form[aria-labelledby="intake-title"]').waitFor({ state: 'visible', timeout: 30_000 });
    await openSettings(page, zhCN.app.nav.settings, '设备标签打印机');
    const zh = zhCN.settings.printing;
    const form = page.getByRole('form', { name: zh.title, exact: true });
    expect(await field(page, '设备标签纸张规格').inputValue()).toBe('label-2x1in');
    await page.getByRole('button', { name: '测试打印设备标签', exact: true }).waitFor();
    await form.screenshot({ path: join(SCREENSHOTS, 'settings-printing-zh-CN.png') });

    const text = await form.innerText();
    for (const english of [
      en.settings.printing.intro,
      en.settings.printing.enabled,
      en.settings.printing.systemDefault,
      en.settings.printing.testPrint,
      en.settings.printing.copies,
      en.settings.printing.calibrationHint,
      en.settings.printing.save,
      'Thermal receipt roll',
      'Device label',
    ]) {
      expect(text).not.toContain(english);
    }
    expect(text).toContain(zh.documents['device-label']);
    expect(text).toContain(zh.calibrationHint);

    await page.getByRole('button', { name: '测试打印设备标签', exact: true }).click();
    await form.getByText(zh.testSent, { exact: true }).waitFor();
    await page.setViewportSize(VIEWPORT);
  });
});
