// A claim ticket scanned wherever the focus is, the intake's customer name
// included, opens its ticket, or its collection when the device is ready; a
// name or number typed by a person is never taken for a scan. The Enter chain
// of the intake reaches "Add another device", and a device added from the
// keyboard has the focus in its first field.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { barcodeText } from '../../src/shared/ticket-number';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, focusedLabel, isFocused, waitUntil } from './support/page-helpers';
import { repairOverHttp } from './support/repair-over-http';
import { scanWithScanner } from './support/scanner';

interface Made {
  id: number;
  number: number;
  displayNumber: string;
}

describe('a scan anywhere, and the intake by keyboard', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;
  let received: Made;
  let ready: Made;

  async function checkIn(name: string, phone: string): Promise<Made> {
    const result = await harness.call('intake.checkIn', {
      technicianId: crew.technician.id,
      customer: { name, phone, address: '' },
      devices: [
        {
          type: 'phone',
          brand: 'Huawei',
          model: 'P40',
          fault: 'Battery swollen',
          dataAnswer: 'has_backup',
          estimateMinor: 20000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as TestInput<'intake.checkIn'>);
    const { id, number, displayNumber } = firstItem(result.tickets);
    return { id, number, displayNumber };
  }

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    received = await checkIn('Gao Yan', '136 1111 2222');
    ready = await checkIn('Xu Ming', '136 3333 4444');
    const fees = await harness.call('feeStandard.list', {});
    await repairOverHttp(harness, crew, ready.id, {
      cause: 'Battery swollen',
      solution: 'Replaced the battery',
      lines: [{ kind: 'labour', feeItemId: fees.find((item) => item.code === 'system_reinstall')!.id }] as ChannelInput<'quotes.save'>['lines'],
      contactName: 'Xu Ming',
      until: 'ready',
    });
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function expectFocusOn(label: string): Promise<void> {
    await waitUntil(`"${label}" has focus (it is on ${await focusedLabel(page)})`, () => isFocused(field(page, label)));
  }

  const scan = (made: Made) => scanWithScanner(page, barcodeText(made.number));

  it('opens a ticket scanned into the intake’s customer name, and leaves the name as it was', async () => {
    const name = field(page, 'Customer name');
    await name.focus();
    await page.keyboard.type('Gao', { delay: 120 });
    await scan(received);
    await page.locator('#ticket-page-number').filter({ hasText: received.displayNumber }).waitFor();
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    expect(await name.inputValue()).toBe('Gao');
    expect((await harness.call('customers.search', { query: barcodeText(received.number) })).length).toBe(0);
  });

  it('opens the collection of a ready device scanned with the focus on a button', async () => {
    await page.getByRole('button', { name: 'Add another device' }).focus();
    await scan(ready);
    await page.locator('#collection-ticket-number').filter({ hasText: ready.displayNumber }).waitFor();
    // The scan's Enter did not press the button it landed on.
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    expect(await page.getByRole('tab', { name: 'Device 2' }).count()).toBe(0);
  });

  it('takes digits typed by a person as typing, not as a scan', async () => {
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    const name = field(page, 'Customer name');
    await name.fill('');
    await name.focus();
    await page.keyboard.type(barcodeText(received.number), { delay: 150 });
    await page.keyboard.press('Enter');
    await expectFocusOn('Phone');
    expect(await name.inputValue()).toBe(barcodeText(received.number));
    expect(await page.locator('#ticket-page-number').isVisible()).toBe(false);
    await name.fill('');
  });

  it('reaches "Add another device" by Enter, and Enter there puts the focus in the new device’s type', async () => {
    await page.getByRole('radio', { name: 'None given' }).focus();
    await page.keyboard.press('Enter');
    const add = page.getByRole('button', { name: 'Add another device' });
    await waitUntil(`"Add another device" has focus (it is on ${await focusedLabel(page)})`, () => isFocused(add));
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Device 2', selected: true }).waitFor();
    await expectFocusOn('Device type');
    await page.keyboard.type('tab');
    expect(await field(page, 'Device type').inputValue()).toBe('tablet');
    // Tab from "Add another device" goes on to the technician.
    await page.getByRole('radio', { name: 'None given' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expectFocusOn('Technician');
  });
});
