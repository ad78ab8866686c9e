// Words on screen say what the desk does: Settings says the repair receipt
// prints at collection, and a status in the search results is shown whole.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, fieldError, waitUntil } from './support/page-helpers';
import { repairOverHttp } from './support/repair-over-http';

describe('words on screen', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    const result = await harness.call('intake.checkIn', {
      technicianId: crew.technician.id,
      customer: { name: 'Tang Hui', phone: '137 5555 6666', address: '' },
      devices: [
        {
          type: 'phone',
          brand: 'Honor',
          model: 'Magic 6',
          fault: 'Charging port loose',
          dataAnswer: 'has_backup',
          estimateMinor: 10000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as TestInput<'intake.checkIn'>);
    const fees = await harness.call('feeStandard.list', {});
    await repairOverHttp(harness, crew, firstItem(result.tickets).id, {
      cause: 'Port worn',
      solution: 'Cleaned the port',
      lines: [{ kind: 'labour', feeItemId: fees.find((item) => item.code === 'system_reinstall')!.id }] as ChannelInput<'quotes.save'>['lines'],
      contactName: 'Tang Hui',
      until: 'ready',
    });
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('says the repair receipt prints at collection, the intake documents at check-in', async () => {
    await page.getByRole('button', { name: en.app.nav.settings, exact: true }).click();
    const receipt = page.getByLabel(en.counter.settings.printAtCollectionFor.replace('{{document}}', en.settings.printing.documents.receipt), { exact: true });
    await receipt.waitFor();
    expect(
      await page.getByLabel(en.settings.printing.enabledFor.replace('{{document}}', en.settings.printing.documents.receipt), { exact: true }).count(),
    ).toBe(0);
    expect(
      await page.getByLabel(en.settings.printing.enabledFor.replace('{{document}}', en.settings.printing.documents['intake-form']), { exact: true }).count(),
    ).toBe(1);
    expect(await page.getByText(en.settings.printing.intro, { exact: true }).innerText()).toContain('receipt at collection');
  });

  it('keeps a pasted paragraph whole and says it is too long, instead of cutting it', async () => {
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    const serial = field(page, 'Serial / IMEI');
    const paragraph = 'The customer says the serial is on the box, which they will bring tomorrow together with the receipt from the shop where it was bought';
    expect(paragraph.length).toBeGreaterThan(100);
    await serial.fill(paragraph);
    expect(await serial.inputValue()).toBe(paragraph);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await waitUntil('the serial says it is too long', async () => (await fieldError(serial)) === en.errors.field.too_long);
    expect(await serial.inputValue()).toBe(paragraph);
  });

  it('shows a status in the search results whole, not cut short', async () => {
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    const search = field(page, en.tickets.search);
    await search.fill('Tang Hui');
    const badge = page.getByRole('table').getByText(en.status.ready, { exact: true });
    await badge.waitFor();
    const cut = await badge.evaluate((element) => {
      const label = element.closest('.mantine-Badge-root') ?? element;
      return [...label.querySelectorAll<HTMLElement>('*'), label as HTMLElement].some((node) => node.scrollWidth > node.clientWidth + 1);
    });
    expect(cut).toBe(false);
  });
});
