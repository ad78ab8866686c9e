// A clerk checks in a new customer without touching the mouse, then the same
// customer comes back with two devices and is found by phone number. Each
// test has a desk of its own; the later ones check Zhang San in through the
// form first, so any one of them runs alone.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../src/shared/contract';
import { launchChromium, openDesk } from './support/browser';
import { TEST_PINS } from '../support/desk';
import { firstItem, itemAt } from '../support/lists';
import { signInOnScreen } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { SCREENSHOTS } from './support/screenshots';
import { field, fieldError, focusedLabel, isFocused, shownTicketNumbers, waitUntil } from './support/page-helpers';

const NUMBER = /^RD-\d{6}-\d{4}$/;

describe('walk-in intake by keyboard', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let technician: Staff;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    harness = await startHarness();
    technician = await harness.call('staff.save', { name: 'Li Wei', role: 'technician' });
    page = await openDesk(browser, harness.url);
  });

  afterEach(async () => {
    await page?.close();
    await harness?.stop();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The manager at the counter, kept over a reload: the form opens with the focus in the customer's name. */
  async function managerAtTheCounter(): Promise<void> {
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
    await page.reload();
    await field(page, 'Customer name').waitFor();
  }

  /** Zhang San's ThinkPad with the PIN 2580, checked in through the form for Li Wei; answers the number the screen shows. */
  async function checkInZhangSanThroughTheForm(): Promise<string> {
    await managerAtTheCounter();
    await field(page, 'Customer name').fill('Zhang San');
    await field(page, 'Phone').fill('138 0013 8000');
    await field(page, 'Address').fill('12 Zhongshan Road');
    await field(page, 'Customer notes').fill('Prefers a call after 6 pm');
    await field(page, 'Device type').selectOption('laptop');
    await field(page, 'Brand').fill('Lenovo');
    await field(page, 'Model').fill('ThinkPad X1');
    await field(page, 'Fault description').fill('No power after a drink was spilled');
    await page.getByRole('radio', { name: 'Customer has a backup' }).check();
    await field(page, 'Customer heard the fee standard and agrees').check();
    await field(page, 'Estimate').fill('450');
    await page.getByRole('radio', { name: 'PIN or password' }).check();
    await field(page, 'Passcode').fill('2580');
    await field(page, 'Technician').selectOption(String(technician.id));
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    return firstItem(await shownTicketNumbers(page, 'Ticket number', 1));
  }

  async function expectFocusOn(label: string): Promise<void> {
    await waitUntil(`"${label}" has focus (it is on ${await focusedLabel(page)})`, () => isFocused(field(page, label)));
  }

  it('remembers who is working at this counter', async () => {
    // The person working at the counter is the one signed in with their PIN; a reload keeps them.
    await signInOnScreen(page, 'Manager', TEST_PINS.manager);
    await page.reload();
    await field(page, 'Customer name').waitFor();
    expect(await page.getByRole('banner').getByLabel('Signed in', { exact: true }).textContent()).toBe('Manager (Manager)');
  });

  it('checks in a new customer entirely from the keyboard', async () => {
    await managerAtTheCounter();
    const keyboard = page.keyboard;
    await expectFocusOn('Customer name');
    await keyboard.type('Zhang San');
    await keyboard.press('Enter');
    await expectFocusOn('Phone');
    await keyboard.type('138 0013 8000');
    await keyboard.press('Enter');
    await expectFocusOn('Address');
    await keyboard.type('12 Zhongshan Road');
    await keyboard.press('Enter');
    await expectFocusOn('Customer notes');
    await keyboard.type('Prefers a call after 6 pm');
    await keyboard.press('Enter');

    await expectFocusOn('Device type');
    await keyboard.type('lap');
    expect(await field(page, 'Device type').inputValue()).toBe('laptop');
    await keyboard.press('Enter');
    await expectFocusOn('Brand');
    await keyboard.type('Lenovo');
    await keyboard.press('Enter');
    await keyboard.type('ThinkPad X1');
    await keyboard.press('Enter');
    await expectFocusOn('Serial / IMEI');
    await keyboard.type('PF1ABC23');
    await keyboard.press('Enter');
    await keyboard.type('black');
    await keyboard.press('Enter');

    await expectFocusOn('Fault description');
    await keyboard.type('No power after a drink was spilled');
    await keyboard.press('Tab');
    await expectFocusOn('Customer request');
    await keyboard.type('Keep the data');
    await keyboard.press('Enter');
    // The accessory chips are one stop: Space ticks the charger, ArrowRight moves to the cable.
    await expectFocusOn('Charger');
    await keyboard.press('Space');
    await keyboard.press('ArrowRight');
    await keyboard.press('Space');
    await keyboard.press('Enter');
    await expectFocusOn('Other accessories');
    await keyboard.type('USB mouse dongle');
    await keyboard.press('Enter');
    await expectFocusOn('Screen cracked');
    await keyboard.press('Space');
    await keyboard.press('Enter');
    await expectFocusOn('Condition notes');
    await keyboard.type('Sticky keyboard');
    await keyboard.press('Tab');
    await expectFocusOn('Purchase date');
    await keyboard.press('Enter');
    await expectFocusOn('Proof of purchase or warranty card shown');
    await keyboard.press('Enter');
    // No purchase date: out of warranty, so the fee standard is read and consent recorded.
    await expectFocusOn('Customer heard the fee standard and agrees');
    await keyboard.press('Space');
    await keyboard.press('Enter');
    await expectFocusOn('Customer has a backup');
    await keyboard.press('Space');
    await keyboard.press('Enter');
    await expectFocusOn('Estimate');
    await keyboard.type('450');
    await keyboard.press('Enter');
    await keyboard.type('100');
    await keyboard.press('Enter');
    // With a deposit typed, how it was paid: Cash, Card, WeChat Pay...
    await expectFocusOn('Deposit paid by');
    await keyboard.press('ArrowDown');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await expectFocusOn('Promised date');
    await keyboard.press('Enter');
    await expectFocusOn('None given');
    await keyboard.press('ArrowRight');
    await keyboard.press('Enter');
    await expectFocusOn('Passcode');
    await keyboard.type('2580');
    await keyboard.press('Enter');
    // The Enter chain stops at "Add another device" (Enter there adds one); Tab goes on.
    const addDevice = page.getByRole('button', { name: 'Add another device' });
    await waitUntil(`"Add another device" has focus (it is on ${await focusedLabel(page)})`, () => isFocused(addDevice));
    await keyboard.press('Tab');
    await expectFocusOn('Technician');
    await keyboard.type('Li');
    expect(await field(page, 'Technician').inputValue()).toBe(String(technician.id));
    await keyboard.press('Enter');
    const checkIn = page.getByRole('button', { name: 'Check in', exact: true });
    await waitUntil('the Check in button has focus', () => isFocused(checkIn));

    await keyboard.press('Enter');
    const number = firstItem(await shownTicketNumbers(page, 'Ticket number', 1));
    expect(number).toMatch(/\d{6}-\d{4}/);
    expect(number).toMatch(NUMBER);
    expect(await isFocused(page.getByRole('button', { name: 'Start a new intake' }))).toBe(true);

    const stored = await harness.call('tickets.get', { number });
    expect(stored).toMatchObject({
      displayNumber: number,
      status: 'received',
      deviceType: 'laptop',
      brand: 'Lenovo',
      model: 'ThinkPad X1',
      serial: 'PF1ABC23',
      colour: 'black',
      fault: 'No power after a drink was spilled',
      customerRequest: 'Keep the data',
      accessories: ['charger', 'cable'],
      accessoriesOther: 'USB mouse dongle',
      conditionChecks: ['screen_cracked'],
      conditionNotes: 'Sticky keyboard',
      purchaseDate: null,
      proofOfPurchase: false,
      warrantyStatus: 'out_of_warranty',
      warrantyBasis: 'no_purchase_date',
      feeConsent: true,
      dataAnswer: 'has_backup',
      estimateMinor: 45000,
      depositMinor: 10000,
      depositMethod: 'wechat',
      currency: 'CNY',
      hasPasscode: true,
      passcodeKind: 'pin',
      technicianName: 'Li Wei',
      clerkName: 'Manager',
      customer: { name: 'Zhang San', phone: '138 0013 8000', address: '12 Zhongshan Road' },
    });
    const customer = await harness.call('customers.get', { id: stored.customer.id });
    expect(customer).toMatchObject({ notes: 'Prefers a call after 6 pm', ownerTechnicianId: technician.id, ticketCount: 1 });
  });

  it('shows the stored ticket and its passcode only on request', async () => {
    const firstNumber = await checkInZhangSanThroughTheForm();
    await page.getByRole('button', { name: 'Show ticket details' }).click();
    await page.getByText('Lenovo ThinkPad X1', { exact: false }).first().waitFor();
    expect(await page.getByText('2580').count()).toBe(0);
    // Looking needs a PIN: the manager signed in at the counter looks.
    await page.getByRole('button', { name: 'Show passcode' }).click();
    await page.getByText('2580', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Hide passcode' }).click();
    await page.getByRole('button', { name: 'Show passcode' }).waitFor();
    expect(await page.getByText('2580').count()).toBe(0);
    const stored = await harness.call('tickets.get', { number: firstNumber });
    expect(stored.events.filter((event) => event.kind === 'passcode_viewed')).toEqual([expect.objectContaining({ staffName: 'Manager' })]);
  });

  it('finds the returning customer by phone, defaults to their technician, and numbers two devices', async () => {
    const firstNumber = await checkInZhangSanThroughTheForm();
    const keyboard = page.keyboard;
    await page.getByRole('button', { name: 'Start a new intake' }).press('Enter');
    await expectFocusOn('Customer name');
    await keyboard.press('Tab');
    await expectFocusOn('Phone');
    await keyboard.type('1380013');
    const match = page.getByRole('option', { name: /Zhang San/ });
    await match.waitFor({ state: 'visible' });
    expect(await match.textContent()).toContain('138 0013 8000');
    expect(await match.textContent()).toMatch(/1 past repair(?!s)/);
    // The as-you-type list of returning customers, for a person to look at.
    await page.screenshot({ path: join(SCREENSHOTS, 'intake-returning-customer-en.png') });
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');

    await page.getByRole('region', { name: 'Returning customer' }).waitFor();
    expect(await field(page, 'Customer name').inputValue()).toBe('Zhang San');
    expect(await field(page, 'Address').inputValue()).toBe('12 Zhongshan Road');
    const pastRepairs = page.getByRole('table', { name: 'Past repairs' });
    await pastRepairs.getByRole('cell', { name: firstNumber }).waitFor();
    expect(await pastRepairs.textContent()).toContain('ThinkPad X1');
    expect(await pastRepairs.textContent()).toContain('Received');
    expect(await field(page, 'Technician').inputValue()).toBe(String(technician.id));

    await fillDevice(page, { type: 'phone', brand: 'Huawei', model: 'Mate 60', fault: 'Screen cracked' });
    await page.getByRole('button', { name: 'Add another device' }).click();
    await page.getByRole('tab', { name: 'Device 2' }).waitFor();
    expect(await field(page, 'Brand').inputValue()).toBe('');
    await fillDevice(page, { type: 'tablet', brand: 'Apple', model: 'iPad Air', fault: 'Battery drains fast' });

    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    const numbers = await shownTicketNumbers(page, 'Ticket number', 2);
    expect(numbers).toHaveLength(2);
    for (const number of numbers) expect(number).toMatch(NUMBER);
    expect(new Set([...numbers, firstNumber]).size).toBe(3);

    const stored = await Promise.all(numbers.map((number) => harness.call('tickets.get', { number })));
    const phone = itemAt(stored, 0);
    const tablet = itemAt(stored, 1);
    expect(phone).toMatchObject({ deviceType: 'phone', brand: 'Huawei', technicianName: 'Li Wei' });
    expect(tablet).toMatchObject({ deviceType: 'tablet', brand: 'Apple', technicianName: 'Li Wei' });
    expect(phone.customer.id).toBe(tablet.customer.id);
    const customer = await harness.call('customers.get', { id: phone.customer.id });
    expect(customer.ticketCount).toBe(3);
    expect(await harness.call('customers.search', { query: '13800138000' })).toHaveLength(1);
  });
});

async function fillDevice(page: Page, device: { type: string; brand: string; model: string; fault: string }): Promise<void> {
  await field(page, 'Device type').selectOption(device.type);
  await field(page, 'Brand').fill(device.brand);
  await field(page, 'Model').fill(device.model);
  await field(page, 'Fault description').fill(device.fault);
  await page.getByRole('radio', { name: 'Nothing to keep' }).check();
  const consent = field(page, 'Customer heard the fee standard and agrees');
  await consent.check();
  await field(page, 'Estimate').fill('200');
  expect(await fieldError(field(page, 'Estimate'))).toBeNull();
}
