// The same walk-in intake in Simplified Chinese, after the language is
// switched in Settings (no reload): labels, numbers and lookup all in zh-CN.
// Each test has a desk of its own; after the first, each starts on a desk set
// to Chinese, and the returning customer is checked in first, so any one of
// them runs alone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { en } from '../../src/shared/i18n/en';
import { launchChromium, openDesk } from './support/browser';
import { TEST_PINS } from '../support/desk';
import { firstItem, itemAt } from '../support/lists';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, isoDayFromToday, shownTicketNumbers, waitUntil } from './support/page-helpers';

const zh = zhCN.intake;

describe('walk-in intake in Chinese', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    harness = await startHarness();
    await harness.call('staff.save', { name: '张师傅', role: 'technician' });
    page = await openDesk(browser, harness.url);
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
  });

  afterEach(async () => {
    await page?.close();
    await harness?.stop();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The desk already in Chinese (as the first test leaves it); the manager stays signed in over the reload. */
  async function chineseDesk(): Promise<void> {
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zh.customerName).waitFor();
  }

  /** 王小明's phone, typed into the Chinese form for 张师傅. */
  async function fillWangXiaoMing(): Promise<void> {
    await field(page, zh.customerName).fill('王小明');
    await field(page, zh.phone).fill('139 1234 5678');
    await field(page, zh.address).fill('北京市海淀区中关村大街 1 号');
    await field(page, zh.deviceType).selectOption({ label: zhCN.deviceType.phone });
    await field(page, zh.brand).fill('华为');
    await field(page, zh.model).fill('Mate 60');
    await field(page, zh.serial).fill('861234567890123');
    await field(page, zh.fault).fill('屏幕碎了，触摸失灵');
    await page.getByRole('checkbox', { name: zhCN.accessory.charger }).check();
    await page.getByRole('radio', { name: zhCN.dataAnswer.has_backup }).check();
    await field(page, zh.feeConsent).check();
    await field(page, zh.estimate).fill('300');
    await field(page, zh.deposit).fill('50');
    await field(page, zh.technician).selectOption({ label: `张师傅 (${zhCN.role.technician})` });
  }

  it('switches the interface to Chinese when the setting is saved', async () => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await field(page, 'Language').selectOption('zh-CN');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('heading', { name: zhCN.settings.title, exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect((await harness.call('settings.get', {})).language).toBe('zh-CN');

    await page.getByRole('button', { name: zhCN.app.nav.intake, exact: true }).click();
    await field(page, zh.customerName).waitFor();
    const text = await page.locator('body').innerText();
    for (const english of [en.intake.customerName, en.intake.deviceType, en.intake.checkIn, en.intake.dataQuestion, en.app.signedInAs]) {
      expect(text).not.toContain(english);
    }
  });

  it('shows and takes dates in the Chinese format, never mm/dd/yyyy', async () => {
    await chineseDesk();
    // No native date input is left to show the browser's own mm/dd/yyyy.
    expect(await page.locator('input[type="date"]').count()).toBe(0);
    const promised = field(page, zh.promisedDate);
    const day = isoDayFromToday(3);
    // Typed year first with slashes, from the keyboard; shown as the paper shows it once left.
    await promised.click();
    await page.keyboard.type(day.replace(/-/g, '/'));
    // The calendar opened by the field is in Chinese too.
    const calendar = page.locator('[data-dates-dropdown]').filter({ visible: true });
    const calendarText = await calendar.innerText();
    expect(calendarText).toMatch(/[一二三四五六七八九十]+月/);
    expect(calendarText).not.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\bMo\b|\bSu\b/);
    await page.keyboard.press('Tab');
    await waitUntil('the promised date is shown in the Chinese format', async () => (await promised.inputValue()) === day);
    for (const input of await page.locator('input').filter({ visible: true }).all()) {
      expect((await input.getAttribute('placeholder')) ?? '').not.toMatch(/mm|dd|yyyy/i);
      expect(await input.inputValue()).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b/);
    }
    // Emptied again, so the check-in below is the one it was.
    await promised.fill('');
    await page.keyboard.press('Tab');
    expect(await promised.inputValue()).toBe('');
  });

  it('checks in a new customer with Chinese labels', async () => {
    await chineseDesk();
    await fillWangXiaoMing();

    const started = performance.now();
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    const number = firstItem(await shownTicketNumbers(page, zh.ticketNumber, 1));
    console.log(`check-in (zh-CN, 1 device): click on "${zh.checkIn}" -> ticket number shown in ${Math.round(performance.now() - started)} ms`);
    expect(number).toMatch(/\d{6}-\d{4}/);
    await page.getByRole('heading', { name: zh.checkedInTitle }).waitFor();

    await page.getByRole('button', { name: zhCN.ticket.showDetails }).click();
    await page.getByText('¥300.00').waitFor();
    await page.getByText('¥50.00').waitFor();
    const stored = await harness.call('tickets.get', { number });
    expect(stored).toMatchObject({
      brand: '华为',
      fault: '屏幕碎了，触摸失灵',
      accessories: ['charger'],
      estimateMinor: 30000,
      depositMinor: 5000,
      technicianName: '张师傅',
      customer: { name: '王小明', phone: '139 1234 5678', address: '北京市海淀区中关村大街 1 号' },
    });
  });

  it('finds the returning customer by name and numbers two devices', async () => {
    await chineseDesk();
    await fillWangXiaoMing();
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    const [firstNumber] = await shownTicketNumbers(page, zh.ticketNumber, 1);
    await page.getByRole('button', { name: zh.startNew }).click();
    await field(page, zh.customerName).pressSequentially('王小');
    const match = page.getByRole('option', { name: /王小明/ });
    await match.waitFor({ state: 'visible' });
    expect(await match.textContent()).toContain(zhCN.intake.visits_other.replace('{{count}}', '1'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');

    await page.getByRole('region', { name: zh.returningCustomer }).waitFor();
    expect(await field(page, zh.phone).inputValue()).toBe('139 1234 5678');
    const history = page.getByRole('table', { name: zh.pastRepairs });
    await history.getByRole('cell', { name: firstNumber }).waitFor();
    expect(await history.textContent()).toContain(zhCN.status.received);
    expect(await field(page, zh.technician).locator('option:checked').textContent()).toBe(`张师傅 (${zhCN.role.technician})`);

    for (const [index, device] of [
      { type: 'laptop', brand: '联想', model: '小新 Pro 14', fault: '无法开机' },
      { type: 'printer', brand: '惠普', model: 'LaserJet 1020', fault: '卡纸' },
    ].entries()) {
      if (index > 0) {
        await page.getByRole('button', { name: zh.addDevice }).click();
        await page.getByRole('tab', { name: zh.deviceTab.replace('{{index}}', String(index + 1)) }).waitFor();
      }
      await field(page, zh.deviceType).selectOption(device.type);
      await field(page, zh.brand).fill(device.brand);
      await field(page, zh.model).fill(device.model);
      await field(page, zh.fault).fill(device.fault);
      await page.getByRole('radio', { name: zhCN.dataAnswer.nothing_to_keep }).check();
      await field(page, zh.feeConsent).check();
    }
    await page.getByRole('button', { name: zh.checkIn, exact: true }).click();
    const numbers = await shownTicketNumbers(page, zh.ticketNumber, 2);
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(number).toMatch(/\d{6}-\d{4}/);
    expect(new Set([firstNumber, ...numbers]).size).toBe(3);
    const stored = await Promise.all(numbers.map((number) => harness.call('tickets.get', { number })));
    const laptop = itemAt(stored, 0);
    const printer = itemAt(stored, 1);
    expect([laptop.brand, printer.brand]).toEqual(['联想', '惠普']);
    expect(laptop.customer.id).toBe(printer.customer.id);
    expect((await harness.call('customers.get', { id: laptop.customer.id })).ticketCount).toBe(3);
  });
});
