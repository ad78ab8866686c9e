// Bad input through the UI: each problem shows inline next to its field, focus
// goes to the first one, nothing typed is lost and nothing is stored.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/shared/contract';
import { launchChromium, openDesk } from './support/browser';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { TEST_PINS } from '../support/desk';
import { firstItem } from '../support/lists';
import { field, fieldError, isFocused, isoDayFromToday, shownTicketNumbers, waitUntil } from './support/page-helpers';

describe('intake validation', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let technician: Staff;

  beforeAll(async () => {
    harness = await startHarness();
    technician = await harness.call('staff.save', { name: 'Zhao Lei', role: 'technician' });
    browser = await launchChromium();
  });

  // Each test on a page of its own (a new browser context: no intake draft carried over), signed in as the manager.
  beforeEach(async () => {
    page = await openDesk(browser, harness.url);
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
  });

  afterEach(async () => {
    await page?.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** An intake of one phone the desk would take, for the customer named. */
  async function fillValidIntake(name: string, phone: string): Promise<void> {
    await field(page, 'Customer name').fill(name);
    await field(page, 'Phone').fill(phone);
    await field(page, 'Device type').selectOption('phone');
    await field(page, 'Brand').fill('Xiaomi');
    await field(page, 'Model').fill('14');
    await field(page, 'Fault description').fill('Does not charge');
    await page.getByRole('radio', { name: 'Nothing to keep' }).check();
    await field(page, 'Customer heard the fee standard and agrees').check();
  }

  const checkIn = () => page.getByRole('button', { name: 'Check in', exact: true }).click();
  const fixErrors = () => page.getByRole('alert').filter({ hasText: 'Some fields need attention.' });

  async function expectNothingStored(...queries: string[]): Promise<void> {
    for (const query of queries) expect(await harness.call('customers.search', { query })).toEqual([]);
    const today = await harness.invoke('tickets.get', { number: `${isoDayFromToday(0).slice(2).replace(/-/g, '')}0001` });
    expect(today.ok).toBe(false);
  }

  it('shows each problem next to its field and stores nothing', async () => {
    await field(page, 'Phone').fill('abc-def');
    await field(page, 'Device type').selectOption('phone');
    await field(page, 'Brand').fill('Xiaomi');
    await field(page, 'Model').fill('14');
    await field(page, 'Fault description').fill('Does not charge');
    await field(page, 'Deposit').fill('-5');
    await field(page, 'Purchase date').fill(isoDayFromToday(30));
    await checkIn();

    await fixErrors().waitFor();
    expect(await fieldError(field(page, 'Customer name'))).toBe('Required');
    expect(await fieldError(field(page, 'Phone'))).toBe('Enter a phone number (digits, spaces, + or -)');
    expect(await fieldError(field(page, 'Deposit'))).toBe('Cannot be negative');
    expect(await fieldError(field(page, 'Purchase date'))).toBe('Cannot be in the future');
    expect(await page.getByRole('radiogroup', { name: 'Files, software or accounts to keep?' }).textContent()).toContain('Required');
    expect(await fieldError(field(page, 'Brand'))).toBeNull();
    expect(await field(page, 'Customer name').getAttribute('aria-invalid')).toBe('true');
    await waitUntil('focus is on the first invalid field', () => isFocused(field(page, 'Customer name')));
    // Nothing typed is lost.
    expect(await field(page, 'Phone').inputValue()).toBe('abc-def');
    expect(await field(page, 'Deposit').inputValue()).toBe('-5');
    expect(await field(page, 'Brand').inputValue()).toBe('Xiaomi');
    await expectNothingStored('abc', 'Xiaomi');

    // Fixing the customer leaves the device's problems in place.
    await field(page, 'Customer name').fill('Test Person');
    await field(page, 'Phone').fill('139 0000 1111');
    expect(await fieldError(field(page, 'Customer name'))).toBeNull();
    await checkIn();
    await fixErrors().waitFor();
    expect(await fieldError(field(page, 'Deposit'))).toBe('Cannot be negative');
    await waitUntil('focus is on the purchase date', () => isFocused(field(page, 'Purchase date')));
    // The desk moved focus there itself: the calendar stays shut, so a click on the form below lands where it is aimed.
    expect(await page.locator('[data-dates-dropdown]').count()).toBe(0);
    const nothingToKeep = page.getByRole('radio', { name: 'Nothing to keep' });
    await nothingToKeep.check();
    expect(await nothingToKeep.isChecked()).toBe(true);
    // A click on the date still opens its calendar, and Escape closes it.
    await field(page, 'Purchase date').click();
    await page.locator('[data-dates-dropdown]').waitFor();
    await field(page, 'Purchase date').press('Escape');
    await page.locator('[data-dates-dropdown]').waitFor({ state: 'detached' });
    await expectNothingStored('Test Person', '13900001111');
  });

  it('switches to the device tab that has the error', async () => {
    await fillValidIntake('Tab Person', '139 0000 2222');
    await page.getByRole('button', { name: 'Add another device' }).click();
    await field(page, 'Device type').selectOption('laptop');
    await page.getByRole('tab', { name: 'Device 1' }).click();
    await checkIn();

    const secondTab = page.getByRole('tab', { name: 'Device 2' });
    await waitUntil('Device 2 is the selected tab', async () => (await secondTab.getAttribute('aria-selected')) === 'true');
    expect(await field(page, 'Device type').inputValue()).toBe('laptop');
    expect(await fieldError(field(page, 'Brand'))).toBe('Required');
    await waitUntil('focus is on the second device brand', () => isFocused(field(page, 'Brand')));
    await page.getByRole('button', { name: 'Remove this device' }).click();
    await page.getByRole('tab', { name: 'Device 2' }).waitFor({ state: 'detached' });
    expect(await field(page, 'Brand').inputValue()).toBe('Xiaomi');
    await expectNothingStored('Tab Person');
  });

  it('shows what main refuses inline too', async () => {
    await fillValidIntake('Refused Person', '139 0000 3333');
    await field(page, 'Technician').selectOption(String(technician.id));
    // Meanwhile the technician leaves (another counter deactivated them).
    await harness.call('staff.save', { id: technician.id, name: technician.name, role: 'technician', active: false });
    await checkIn();
    await fixErrors().waitFor();
    expect(await fieldError(field(page, 'Technician'))).toBe('No longer exists');
    await expectNothingStored('Refused Person');
  });

  it('asks for a longer pattern, then stores the one drawn', async () => {
    await fillValidIntake('Pattern Person', '139 0000 4444');
    await page.getByRole('radio', { name: 'Pattern' }).check({ force: true });
    await page.getByRole('button', { name: 'Dot 1', exact: true }).click();
    await page.getByRole('button', { name: 'Dot 2', exact: true }).click();
    await checkIn();
    const pad = page.getByRole('group', { name: 'Unlock pattern' });
    await waitUntil('the pattern pad has focus', () => isFocused(pad));
    expect(await page.getByText('Draw at least 4 dots').isVisible()).toBe(true);
    // The pad takes digits while it has focus.
    await page.keyboard.type('369');
    expect(await page.getByRole('button', { name: 'Dot 9', exact: true }).getAttribute('aria-pressed')).toBe('true');

    await checkIn();
    const number = firstItem(await shownTicketNumbers(page, 'Ticket number', 1));
    const stored = await harness.call('tickets.get', { number });
    expect(stored).toMatchObject({ passcodeKind: 'pattern', technicianName: null, customer: { name: 'Pattern Person' } });
    const token = await harness.sessionFor('manager');
    expect(await harness.call('tickets.revealPasscode', { ticketId: stored.id, session: token })).toEqual({ kind: 'pattern', value: '1-2-3-6-9' });
  });
});
