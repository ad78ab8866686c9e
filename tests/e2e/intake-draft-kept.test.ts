// Work typed at the counter is not lost: the intake being typed survives a
// reload, a new intake asks before discarding it, and a checked-in intake
// leaves no draft behind. On a ticket's page, saving the diagnosis keeps the
// quote lines being written, and the page lists parts added since it opened.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../src/shared/contract';
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { en } from '../../src/shared/i18n/en';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInOnScreen, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, focusedLabel, isFocused, shownTicketNumbers, waitUntil } from './support/page-helpers';

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('work typed at the counter is kept', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    browser = await launchChromium();
    page = await openDesk(browser, harness.url);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function storedDraft() {
    const counter = await page.evaluate(() => window.localStorage.getItem('repairDesk.counterKey'));
    if (!counter) return null;
    const result = await harness.invoke('intakeDraft.get', { counter });
    return result.ok ? result.data : null;
  }

  async function typeHalfAnIntake(): Promise<void> {
    await field(page, 'Customer name').fill('Wang Fang');
    await field(page, 'Phone').fill('138 2222 5555');
    await field(page, 'Device type').selectOption('laptop');
    await field(page, 'Brand').fill('Dell');
    await field(page, 'Fault description').fill('Fan rattles when hot');
    await waitUntil('the draft is stored', async () => (await storedDraft())?.draft.devices[0]?.fault === 'Fan rattles when hot');
  }

  it('brings a half-typed intake back after a reload', async () => {
    await typeHalfAnIntake();
    await page.reload();
    await waitUntil('the customer name is back', async () => (await field(page, 'Customer name').inputValue()) === 'Wang Fang');
    expect(await field(page, 'Phone').inputValue()).toBe('138 2222 5555');
    expect(await field(page, 'Device type').inputValue()).toBe('laptop');
    expect(await field(page, 'Brand').inputValue()).toBe('Dell');
    expect(await field(page, 'Fault description').inputValue()).toBe('Fan rattles when hot');
    await page.getByText(en.counter.draft.restored, { exact: true }).waitFor();
  });

  it('asks before Alt+N discards it, keeps it on Enter, and discards it only when told', async () => {
    await typeHalfAnIntake();
    await field(page, 'Brand').focus();
    await page.keyboard.press('Alt+n');
    const dialog = page.getByRole('dialog', { name: en.counter.draft.discardTitle });
    await dialog.waitFor();
    // Keeping is the answer Enter gives.
    await waitUntil(`Keep typing has focus (focus is on ${await focusedLabel(page)})`, () =>
      isFocused(dialog.getByRole('button', { name: en.counter.draft.keep })),
    );
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await field(page, 'Customer name').inputValue()).toBe('Wang Fang');
    expect(await field(page, 'Brand').inputValue()).toBe('Dell');

    await page.keyboard.press('Alt+n');
    await dialog.getByRole('button', { name: en.counter.draft.discard }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitUntil('the intake is empty', async () => (await field(page, 'Customer name').inputValue()) === '');
    expect(await field(page, 'Brand').inputValue()).toBe('');
    expect(await storedDraft()).toBeNull();
    await page.reload();
    await field(page, 'Customer name').waitFor();
    // Give a restore the time it would take, then check nothing came back.
    await page.waitForLoadState('networkidle');
    expect(await field(page, 'Customer name').inputValue()).toBe('');
    // An empty intake starts anew without a question.
    await page.keyboard.press('Alt+n');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('leaves no draft once the intake is checked in', async () => {
    await typeHalfAnIntake();
    await field(page, 'Model').fill('XPS 13');
    await page.getByRole('radio', { name: 'Nothing to keep' }).check();
    await field(page, 'Customer heard the fee standard and agrees').check();
    await field(page, 'Estimate').fill('150');
    await waitUntil('the draft has the estimate', async () => (await storedDraft())?.draft.devices[0]?.estimateText === '150');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    // Checking in records the clerk: the sign-in comes first.
    await signInOnScreen(page, crew.clerk.name, crew.clerk.pin, { opened: true });
    const number = firstItem(await shownTicketNumbers(page, 'Ticket number', 1));
    expect((await harness.call('tickets.get', { number })).brand).toBe('Dell');
    await waitUntil('the draft is gone', async () => (await storedDraft()) === null);
    await page.getByRole('banner').getByRole('button', { name: en.session.signOut, exact: true }).click();
    await page.reload();
    await field(page, 'Customer name').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await field(page, 'Customer name').inputValue()).toBe('');
  });

  it('keeps unsaved quote lines when the diagnosis is saved, and lists parts added while the ticket was open', async () => {
    const checkedIn = await harness.call('intake.checkIn', {
      technicianId: crew.technician.id,
      customer: { name: 'Lin Tao', phone: '139 8888 1234', address: '' },
      devices: [
        {
          type: 'laptop',
          brand: 'HP',
          model: 'EliteBook 840',
          fault: 'Will not boot',
          dataAnswer: 'has_backup',
          estimateMinor: 30000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as TestInput<'intake.checkIn'>);
    const ticket = firstItem(checkedIn.tickets);
    const session = crew.technician.session;
    await harness.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' } as ChannelInput<'workflow.move'>);
    await harness.call('diagnosis.save', {
      session,
      ticketId: ticket.id,
      category: 'software',
      cause: 'Boot loader damaged',
      solution: 'Reinstall the system',
      severity: 2,
    } as ChannelInput<'diagnosis.save'>);

    await signInThroughUi(page, crew.technician);
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    const search = field(page, en.tickets.search);
    await search.fill(ticket.displayNumber);
    await search.press('Enter');
    await page.locator('#ticket-page-number').filter({ hasText: ticket.displayNumber }).waitFor();

    const panel = page.getByRole('region', { name: en.ticketActions.title, exact: true });
    const labour = field(page, en.ticketActions.quote.labourPick);
    await labour.selectOption({ label: (await labour.locator('option', { hasText: 'System reinstall' }).first().innerText()).trim() });
    await panel.getByRole('button', { name: en.ticketActions.quote.addLabour, exact: true }).click();
    const lines = panel.getByRole('table', { name: en.ticketActions.quote.lines, exact: true });
    await lines.getByText('System reinstall').waitFor();

    const cause = field(page, en.ticketActions.diagnosis.cause);
    await cause.fill('Boot loader and system files damaged');
    await panel.getByRole('button', { name: en.ticketActions.diagnosis.save, exact: true }).click();
    await waitUntil(
      'the diagnosis is stored',
      async () => (await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).diagnosis?.cause === 'Boot loader and system files damaged',
    );
    await page.waitForLoadState('networkidle');
    expect(squeeze(await lines.innerText())).toContain('System reinstall');

    // A part put in stock on another screen is offered when the clerk comes back to the ticket.
    const partPick = field(page, en.ticketActions.quote.partPick);
    expect(await partPick.locator('option', { hasText: 'Boot SSD 256 GB' }).count()).toBe(0);
    await harness.call('parts.save', {
      session: crew.manager.session,
      id: null,
      name: 'Boot SSD 256 GB',
      specification: 'SATA',
      compatibleModels: '',
      costMinor: 10000,
      priceMinor: 18000,
      reorderLevel: 0,
      active: true,
      openingQty: 2,
    } as ChannelInput<'parts.save'>);
    await page.getByRole('button', { name: en.app.nav.intake, exact: true }).click();
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    await waitUntil('the new part is offered', async () => (await partPick.locator('option', { hasText: 'Boot SSD 256 GB' }).count()) === 1);
    expect(squeeze(await lines.innerText())).toContain('System reinstall');
  });
});
