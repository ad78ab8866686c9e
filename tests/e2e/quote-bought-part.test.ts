// A part bought in for one repair, added in the quote editor: a wrong cost is
// refused in place (by mouse), the part is added by keyboard, the quote saved,
// and once the repair is under way the ticket's parts list shows it; stock is
// not touched. Each test diagnoses a ticket of its own over HTTP and signs in
// on a fresh page, so either runs alone.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { firstItem } from '../support/lists';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, fieldError, focusedLabel, isFocused, waitUntil } from './support/page-helpers';
import { screenshotWholePage } from './support/screenshots';

const q = en.ticketActions.quote;

describe('a part bought in for the repair, from the quote editor', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;

  beforeAll(async () => {
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    browser = await launchChromium();
  });

  beforeEach(async () => {
    await harness.call('settings.update', { language: 'en' });
    page = await openDesk(browser, harness.url);
    await signInThroughUi(page, crew.technician);
  });

  afterEach(async () => {
    await page?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** Tang Wei's phone, checked in and diagnosed over HTTP: the quote is still to write. */
  async function diagnosedTicket(): Promise<TicketDetail> {
    const checkedIn = await harness.call('intake.checkIn', {
      technicianId: null,
      customer: { name: 'Tang Wei', phone: '139 7000 8000', address: '' },
      devices: [
        {
          type: 'phone',
          brand: 'Apple',
          model: 'iPhone 13',
          serial: 'F2LBOUGHT1',
          accessories: [],
          conditionChecks: [],
          fault: 'Screen cracked, no touch',
          dataAnswer: 'has_backup',
          estimateMinor: 80000,
          depositMinor: 0,
          feeConsent: true,
        },
      ],
    } as never);
    const ticket = await harness.call('tickets.get', { number: firstItem(checkedIn.tickets).barcode });
    const session = crew.technician.session;
    await harness.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' });
    await harness.call('diagnosis.save', { session, ticketId: ticket.id, category: 'hardware', cause: 'Cracked OLED', severity: 2 } as never);
    return ticket;
  }

  const panel = () => page.getByRole('region', { name: en.ticketActions.title, exact: true });

  async function focusIs(locator: Locator, what: string): Promise<void> {
    await waitUntil(`${what} has focus (focus is on ${await focusedLabel(page)})`, () => isFocused(locator), 10_000);
  }

  async function openTicket(ticket: TicketDetail, strings = en): Promise<void> {
    await page.getByRole('button', { name: strings.app.nav.tickets, exact: true }).click();
    const search = field(page, strings.tickets.search);
    await page.keyboard.press('F3');
    await focusIs(search, 'the search box');
    await search.fill(ticket.displayNumber.replace(/^RD-/, ''));
    await search.press('Enter');
    await page.locator('#ticket-page-number').filter({ hasText: ticket.displayNumber }).waitFor();
  }

  it('refuses a wrong cost in place, adds the part by keyboard and saves the quote', async () => {
    const ticket = await diagnosedTicket();
    await openTicket(ticket);
    const description = field(page, q.boughtPart);
    await description.waitFor();
    await description.fill('OLED screen assembly');
    await field(page, q.boughtPrice).fill('680');
    await field(page, q.boughtCost).fill('abc');
    await panel().getByRole('button', { name: q.addBoughtPart, exact: true }).click();
    await waitUntil('the cost is refused', async () => (await fieldError(field(page, q.boughtCost))) === en.errors.field.money_invalid);
    expect(await panel().getByRole('table', { name: q.lines, exact: true }).count()).toBe(0);

    // Fixed by keyboard: the cost, Tab to the supplier, Tab to the button, Enter.
    await field(page, q.boughtCost).focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('455.50');
    await page.keyboard.press('Tab');
    await focusIs(field(page, q.boughtSupplier), 'the supplier');
    await page.keyboard.type('Huaqiang Parts');
    await page.keyboard.press('Tab');
    await focusIs(panel().getByRole('button', { name: q.addBoughtPart, exact: true }), 'Add this part');
    await page.keyboard.press('Enter');
    const lines = panel().getByRole('table', { name: q.lines, exact: true });
    await lines.locator('tbody tr').first().waitFor();
    expect(await lines.innerText()).toContain(`${en.workflow.lineKind.bought_part} · OLED screen assembly (Huaqiang Parts)`);
    expect(await field(page, q.boughtPart).inputValue()).toBe('');
    await page.keyboard.press('Control+Enter');

    await waitUntil('the quote is saved', async () => (await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes.length === 1);
    const quote = firstItem((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes);
    expect(quote.lines.map((l) => [l.kind, l.description, l.qty, l.unitPriceMinor, l.supplier, l.unitCostMinor])).toEqual([
      ['bought_part', 'OLED screen assembly', 1, 68000, 'Huaqiang Parts', null],
    ]);
    expect(quote.totalMinor).toBe(68000);
    const stored = await harness.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(stored.partsUsed).toEqual([]);
  });

  it('shows the bought-in part in the ticket’s parts list once the repair is under way', async () => {
    const ticket = await diagnosedTicket();
    const session = crew.technician.session;
    // The quote the first test saves by keyboard.
    await harness.call('quotes.save', {
      session,
      ticketId: ticket.id,
      lines: [{ kind: 'bought_part', description: 'OLED screen assembly', qty: 1, unitPriceMinor: 68000, unitCostMinor: 45550, supplier: 'Huaqiang Parts' }],
    } as never);
    await harness.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
    await harness.call('approvals.record', {
      session,
      ticketId: ticket.id,
      quoteId,
      decision: 'accepted',
      method: 'phone',
      contactName: 'Tang Wei',
      contactedAt: new Date().toISOString(),
    } as never);
    await harness.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'in_repair' });
    await openTicket(ticket);
    const bought = panel().getByRole('table', { name: en.ticketActions.parts.boughtIn, exact: true });
    await bought.waitFor();
    const text = await bought.innerText();
    expect(text).toContain('OLED screen assembly');
    expect(text).toContain(en.ticketActions.parts.from.replace('{{supplier}}', 'Huaqiang Parts'));
  });

  it('opens a saved quote again in Chinese: the bought-in part keeps its recorded cost, which the technician does not see', async () => {
    const ticket = await diagnosedTicket();
    await harness.call('quotes.save', {
      session: crew.technician.session,
      ticketId: ticket.id,
      lines: [{ kind: 'bought_part', description: 'OLED screen assembly', qty: 1, unitPriceMinor: 68000, unitCostMinor: 45550, supplier: 'Huaqiang Parts' }],
    } as never);
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zhCN.intake.customerName).waitFor();
    await openTicket(ticket, zhCN);
    const cost = field(page, zhCN.ticketActions.quote.costOf.replace('{{item}}', 'OLED screen assembly (Huaqiang Parts)'));
    await cost.waitFor();
    // The cost is a manager's figure: the field is empty and says the quoted one stays.
    expect(await cost.inputValue()).toBe('');
    expect(await cost.getAttribute('placeholder')).toBe(zhCN.ticketActions.quote.boughtCostKept);
    expect(zhCN.ticketActions.quote.boughtCostKept).toBe('沿用报价成本');
    await screenshotWholePage(page, 'quote-bought-part-kept-cost-zh');
  });
});
