// A whole phone number or serial stops the Tickets search at its exact match;
// "More results" brings the partial matches of the same text too, and a new
// text is searched as usual again. A short number ("0001") is today's ticket of
// that sequence, listed first.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, waitUntil } from './support/page-helpers';

const WAIT = 30_000;

describe('more results in the Tickets search', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;
  // The three tickets' numbers as the desk shows them, filled in by beforeAll.
  const shown = { exact: '', longer: '', phone0001: '' };

  async function checkIn(name: string, phone: string, serial: string): Promise<string> {
    const result = await harness.call('intake.checkIn', {
      technicianId: crew.technician.id,
      customer: { name, phone, address: '' },
      devices: [
        {
          type: 'phone',
          brand: 'Huawei',
          model: 'P40',
          serial,
          fault: 'Screen cracked',
          dataAnswer: 'has_backup',
          estimateMinor: 20000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as TestInput<'intake.checkIn'>);
    return firstItem(result.tickets).displayNumber;
  }

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    shown.exact = await checkIn('Tang Li', '137 2222 3333', 'SN-MORE-01');
    // Its phone and serial start with the first customer's.
    shown.longer = await checkIn('Song Jia', '137 2222 3333 9', 'SN-MORE-0177');
    // Its phone holds "0001", the short number of today's first ticket.
    shown.phone0001 = await checkIn('Lu Fang', '139 0001 7777', 'SN-LU-55');
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  const results = () => page.getByRole('table', { name: en.tickets.results, exact: true });
  const more = () => page.getByRole('button', { name: en.tickets.moreResults, exact: true });

  async function listedNumbers(): Promise<string[]> {
    if ((await results().count()) === 0) return [];
    return (await results().locator('tbody tr td:first-child').allInnerTexts()).map((s) => s.trim());
  }

  async function waitForListed(expected: string[]): Promise<void> {
    let listed: string[] = [];
    await waitUntil(
      `the hits are ${JSON.stringify(expected)} (listed: ${JSON.stringify(listed)})`,
      async () => {
        listed = await listedNumbers();
        return JSON.stringify(listed) === JSON.stringify(expected);
      },
      WAIT,
    );
  }

  async function search(text: string): Promise<void> {
    const box = field(page, en.tickets.search);
    await box.fill('');
    await box.pressSequentially(text, { delay: 20 });
  }

  it('stops at an exact phone, and More results lists the phones that start with it', async () => {
    await search('13722223333');
    await waitForListed([shown.exact]);
    await more().click();
    await waitForListed([shown.exact, shown.longer]);
    // Everything is on show: no second button.
    await more().waitFor({ state: 'detached', timeout: WAIT });
  });

  it('searches a new text as usual, stopping at its exact serial until asked for more', async () => {
    await search('SN-MORE-01');
    await waitForListed([shown.exact]);
    expect(await more().isVisible()).toBe(true);
    await more().click();
    await waitForListed([shown.exact, shown.longer]);
  });

  it("reads a short number as today's ticket of that sequence, listed before what merely contains it", async () => {
    expect(shown.exact.endsWith('-0001')).toBe(true);
    await search('0001');
    await waitForListed([shown.exact, shown.phone0001]);
  });

  it('offers no More results when nothing matched exactly (every matcher ran already)', async () => {
    await search('Song');
    await waitForListed([shown.longer]);
    expect(await more().count()).toBe(0);
  });
});
