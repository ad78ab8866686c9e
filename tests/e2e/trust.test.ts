// One identity at the counter, seen from the screen: a clerk checks in under
// their own PIN and the history names them; a technician who starts a
// diagnosis becomes the ticket's technician and finds it under "My tickets";
// a clerk cannot open the money limits (disabled, with why, in both
// languages); a counter left idle locks, and the interrupted check-in goes on
// after the next person's PIN. Each test sets up what it needs on its own desk.
import type { Browser, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { launchChromium, VIEWPORT } from './support/browser';
import { setUpCrewOverHttp, signInOnScreen, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, shownTicketNumbers } from './support/page-helpers';
import { screenshotWholePage } from './support/screenshots';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

function walkIn(name: string, phone: string): TestInput<'intake.checkIn'> {
  return {
    technicianId: null,
    customer: { name, phone, address: '' },
    devices: [
      {
        type: 'phone',
        brand: 'Huawei',
        model: 'Mate 60',
        serial: '861234567890123',
        colour: 'black',
        accessories: [],
        conditionChecks: [],
        fault: 'Cracked screen',
        dataAnswer: 'has_backup',
        estimateMinor: 30000,
        depositMinor: 0,
        feeConsent: true,
      },
    ],
  } as TestInput<'intake.checkIn'>;
}

describe('one identity at the counter', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;

  beforeEach(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
  });

  afterEach(async () => {
    await browser?.close();
    await harness?.stop();
  });

  const banner = () => page.getByRole('banner');
  const signedIn = () => banner().getByLabel(en.session.signedInLabel, { exact: true });

  async function typeIntake(customer: string, phone: string): Promise<void> {
    await field(page, en.intake.customerName).fill(customer);
    await field(page, en.intake.phone).fill(phone);
    await field(page, en.intake.deviceType).selectOption('phone');
    await field(page, en.intake.brand).fill('Xiaomi');
    await field(page, en.intake.model).fill('14');
    await field(page, en.intake.fault).fill('Does not charge');
    await page.getByRole('checkbox', { name: en.accessory.charger, exact: true }).check();
    await page.getByRole('radio', { name: en.dataAnswer.has_backup, exact: true }).check();
    await field(page, en.intake.feeConsent).check();
    await field(page, en.intake.estimate).fill('280');
  }

  it('a clerk checks in under their own PIN, and the ticket history names them', async () => {
    await page.goto(harness.url);
    await typeIntake('Chen Jing 陈静', '139 0000 2001');
    // Nobody is signed in: Check in asks for a PIN, then goes on by itself.
    await page.getByRole('button', { name: en.intake.checkIn, exact: true }).click();
    await signInOnScreen(page, crew.clerk.name, crew.clerk.pin, { opened: true });
    const number = firstItem(await shownTicketNumbers(page, en.intake.ticketNumber, 1));
    expect(await signedIn().textContent()).toBe(`${crew.clerk.name} (${en.role.clerk})`);

    const found = await harness.call('tickets.search', { query: number });
    const ticketId = firstItem(found).ticketId;
    const workflow = await harness.call('tickets.getWorkflow', { ticketId });
    expect(workflow.timeline[0]).toMatchObject({ toStatus: 'received', staffName: crew.clerk.name });

    // The ticket's page says so too.
    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.tickets }).click();
    const search = page.getByLabel(en.tickets.search, { exact: true });
    await search.fill(number);
    await search.press('Enter');
    await expect.poll(() => page.getByRole('main').innerText(), { timeout: 30_000 }).toContain(crew.clerk.name);
  });

  it('a technician who starts the diagnosis becomes the ticket’s technician, and finds it under My tickets', async () => {
    const ticket = firstItem((await harness.call('intake.checkIn', { ...walkIn('Wang Fang 王芳', '139 0000 2002'), session: crew.clerk.session })).tickets);
    expect((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).technicianId).toBeNull();
    await page.goto(harness.url);
    await signInOnScreen(page, crew.technician.name, crew.technician.pin);
    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.tickets }).click();
    const search = page.getByLabel(en.tickets.search, { exact: true });
    await search.fill(ticket.displayNumber);
    await search.press('Enter');
    await page.getByRole('button', { name: en.ticketActions.move.startDiagnosis, exact: true }).click();
    await expect
      .poll(async () => (await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).technicianId, { timeout: 30_000 })
      .toBe(crew.technician.id);

    // Back on the board, "My tickets" lists it.
    await page.keyboard.press('Escape');
    await search.fill('');
    await page.getByRole('switch', { name: en.board.mine }).click();
    await expect.poll(() => page.getByRole('main').innerText(), { timeout: 30_000 }).toContain(ticket.displayNumber);
  });

  it('a clerk cannot open the money limits: shown disabled with why, in English and Chinese; a manager saves them', async () => {
    await page.goto(harness.url);
    await signInOnScreen(page, crew.clerk.name, crew.clerk.pin);
    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.settings }).click();
    const limits = page.getByRole('group', { name: en.trust.limits.title, exact: true }).first();
    const reason = fill(en.trust.gate.refused, { rule: en.trust.needsRole.manager_required, role: en.role.clerk });
    await expect.poll(() => limits.innerText(), { timeout: 30_000 }).toContain(reason);
    expect(await limits.getByLabel(en.trust.limits.repairWarrantyDays).isDisabled()).toBe(true);
    expect(await limits.getByRole('button', { name: en.trust.limits.save }).isDisabled()).toBe(true);
    await screenshotWholePage(page, 'trust-refused-en');
    // Adding staff is refused the same way.
    const staff = page.getByRole('group', { name: en.settings.staff, exact: true }).first();
    expect(await staff.getByRole('button', { name: en.settings.addStaff }).isDisabled()).toBe(true);

    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: zhCN.app.nav.settings }).click();
    const limitsZh = page.getByRole('group', { name: zhCN.trust.limits.title, exact: true }).first();
    const reasonZh = fill(zhCN.trust.gate.refused, { rule: zhCN.trust.needsRole.manager_required, role: zhCN.role.clerk });
    await expect.poll(() => limitsZh.innerText(), { timeout: 30_000 }).toContain(reasonZh);
    await screenshotWholePage(page, 'trust-refused-zh');
    await harness.call('settings.update', { language: 'en' });

    // The manager takes over the counter and saves a 120-day repair warranty.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.settings }).click();
    await page.getByRole('group', { name: en.trust.limits.title, exact: true }).first().getByRole('button', { name: en.trust.gate.signInAsManager }).click();
    await signInOnScreen(page, crew.manager.name, crew.manager.pin, { opened: true });
    const days = page.getByLabel(en.trust.limits.repairWarrantyDays);
    await days.fill('120');
    await page.getByRole('button', { name: en.trust.limits.save }).click();
    await page.getByText(en.trust.limits.saved, { exact: true }).waitFor();
    expect((await harness.call('settings.get', {})).repairWarrantyDays).toBe(120);
  });

  it('locks an idle counter; the check-in started then goes on after another person’s PIN, by keyboard', async () => {
    await page.clock.install();
    await page.goto(harness.url);
    await signInOnScreen(page, crew.manager.name, crew.manager.pin);
    await typeIntake('Li Na 李娜', '139 0000 2003');
    // Five idle minutes (the default) lock the counter.
    await page.clock.fastForward('05:01');
    await expect.poll(() => signedIn().count(), { timeout: 30_000 }).toBe(0);

    // The clerk comes to the counter: every key they press is counted.
    const keys: string[] = [];
    const press = async (key: string) => {
      keys.push(key);
      await page.keyboard.press(key);
    };
    await field(page, en.intake.estimate).focus();
    await press('Control+Enter');
    const dialog = page.getByRole('dialog');
    const pin = dialog.getByLabel(en.session.pin, { exact: true });
    await pin.waitFor();
    await expect.poll(() => pin.evaluate((element) => element === document.activeElement), { timeout: 30_000 }).toBe(true);
    // The last person is offered; the clerk goes back to the name and picks theirs by its first letter.
    await press('Shift+Tab');
    const initial = crew.clerk.name.charAt(0);
    await press(initial);
    expect(await dialog.getByLabel(en.session.staffMember, { exact: true }).inputValue()).toBe(String(crew.clerk.id));
    await press('Tab');
    for (const digit of crew.clerk.pin) await press(digit);
    await press('Enter');
    const number = firstItem(await shownTicketNumbers(page, en.intake.ticketNumber, 1));
    expect(await signedIn().textContent()).toBe(`${crew.clerk.name} (${en.role.clerk})`);
    const found = await harness.call('tickets.search', { query: number });
    const workflow = await harness.call('tickets.getWorkflow', { ticketId: firstItem(found).ticketId });
    expect(workflow.timeline[0]).toMatchObject({ toStatus: 'received', staffName: crew.clerk.name });
    expect(keys).toEqual(['Control+Enter', 'Shift+Tab', initial, 'Tab', ...crew.clerk.pin.split(''), 'Enter']);
    console.warn(`keystrokes from a locked counter to a check-in under another person: ${keys.length} (${keys.join(' ')})`);
  });
});
