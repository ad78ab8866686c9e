// "Update customer" at intake, on the screen: a returning customer's new
// address typed at the counter is written only through the explicit button,
// and the Customers screen then shows the change, old and new, with who made it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, waitUntil } from './support/page-helpers';

const NAME = 'Gao Yan 高燕';
const PHONE = '177 3030 4040';
const OLD_ADDRESS = '8 Lotus Lane';
const NEW_ADDRESS = '21 Peony Street';

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

describe('"Update customer" at intake', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    await harness.call('intake.checkIn', {
      technicianId: crew.technician.id,
      customer: { name: NAME, phone: PHONE, address: OLD_ADDRESS },
      devices: [
        {
          type: 'phone',
          brand: 'Xiaomi',
          model: '14',
          serial: 'SN-GAO-001',
          colour: 'white',
          accessories: [],
          conditionChecks: [],
          fault: 'Cracked screen',
          dataAnswer: 'has_backup',
          estimateMinor: 30000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as TestInput<'intake.checkIn'>);
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('writes the new address only on "Update customer", and the customer page shows the change and who made it', async () => {
    await signInThroughUi(page, crew.clerk);
    await field(page, en.intake.phone).fill('1773030');
    const match = page.getByRole('option', { name: new RegExp(NAME) });
    await match.waitFor({ state: 'visible' });
    await match.click();
    await page.getByRole('region', { name: en.intake.returningCustomer }).waitFor();
    expect(await field(page, en.intake.address).inputValue()).toBe(OLD_ADDRESS);

    await field(page, en.intake.address).fill(NEW_ADDRESS);
    const update = page.getByRole('region', { name: en.trust.customerUpdate.action });
    await update.waitFor();
    // Typing alone changed nothing in the archive.
    const before = firstItem(await harness.call('archive.search', { query: PHONE }));
    expect((await harness.call('archive.get', { customerId: before.id })).address).toBe(OLD_ADDRESS);

    await update.getByRole('button', { name: en.trust.customerUpdate.action, exact: true }).click();
    await page.getByRole('status').filter({ hasText: en.trust.customerUpdate.updated }).waitFor();
    await waitUntil('the archive has the new address', async () => (await harness.call('archive.get', { customerId: before.id })).address === NEW_ADDRESS);

    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.customers, exact: true }).click();
    await field(page, en.care.search.label).fill(PHONE.replace(/\s/g, ''));
    await page.getByRole('button', { name: fill(en.care.search.open, { name: NAME }), exact: true }).click();
    const history = page.getByRole('region', { name: en.care.page.history });
    const line = fill(en.care.page.changed, { field: en.care.field.address, old: OLD_ADDRESS, new: NEW_ADDRESS });
    await history.getByText(line).waitFor();
    const entry = history.getByRole('listitem').filter({ hasText: line });
    expect(await entry.textContent()).toContain(crew.clerk.name);
  });
});
