// A repair from the bench, worked on the ticket page by keyboard: the
// technician opens the ticket from Tickets, starts the diagnosis (signing in
// when the desk asks), saves the diagnosis and a quote (labour from the fee
// standard, a part from stock), sends it, records the customer's signed
// approval, draws the part, repairs, tests and marks it ready. The history
// lists each step in order and the stock went down by one. Then the first
// steps again in Chinese, with no English left in the repair panel. Each test
// checks in its own ticket, brings it to its step over HTTP and opens the desk
// in a page of its own, so any one of them runs alone.
import type { TestInput } from '../support/desk';
import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { firstItem } from '../support/lists';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { formatMoney } from '../../src/shared/money';
import type { PartView } from '../../src/shared/stock-contract';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, fieldError, focusedLabel, isFocused, waitUntil } from './support/page-helpers';
import { SCREENSHOTS, screenshotWholePage } from './support/screenshots';
import { signaturePng } from '../support/workflow';

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Money as the English desk shows it (the shop's currency is CNY). */
const money = (minor: number) => formatMoney(minor, 'CNY', 'en');

function intake(clerkId: number, customer: { name: string; phone: string }, device: Record<string, unknown> = {}): TestInput<'intake.checkIn'> {
  return {
    technicianId: null,
    customer: { address: '', ...customer },
    devices: [
      {
        type: 'laptop',
        brand: 'Lenovo',
        model: 'ThinkPad T14',
        serial: 'PF9XYZ77',
        colour: 'black',
        accessories: ['charger'],
        conditionChecks: ['housing_scratched'],
        fault: 'Very slow, the disk clicks',
        dataAnswer: 'has_backup',
        estimateMinor: 50000,
        depositMinor: 0,
        feeConsent: true,
        ...device,
      },
    ],
  } as TestInput<'intake.checkIn'>;
}

/** The customers of the English repair, the cancelled one and the Chinese one. */
const HUANG_LEI = { name: 'Huang Lei', phone: '139 1000 2000' };
const QIAN_BO = { name: 'Qian Bo', phone: '139 5000 6000' };
const SUN_YU = { name: 'Sun Yu', phone: '139 3000 4000' };

describe('repair workflow on the ticket page', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;
  let ssd: PartView;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    ssd = await harness.call('parts.save', {
      session: crew.manager.session,
      id: null,
      name: 'SSD 512 GB',
      specification: 'NVMe M.2',
      compatibleModels: 'ThinkPad T14',
      costMinor: 20000,
      priceMinor: 35000,
      reorderLevel: 1,
      active: true,
      openingQty: 3,
    });
    browser = await launchChromium();
  });

  // Every test starts on an English desk in a fresh page: nobody signed in, no screen left from before.
  beforeEach(async () => {
    await harness.call('settings.update', { language: 'en' });
    page = await openDesk(browser, harness.url);
  });

  afterEach(async () => {
    await page?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  // ---- state set up over HTTP, as the technician would leave it ----------------

  /** A laptop checked in today, received. No purchase date: out of warranty, so the quote charges everything. */
  async function checkIn(customer: { name: string; phone: string }, device: Record<string, unknown> = {}): Promise<TicketDetail> {
    const made = await harness.call('intake.checkIn', intake(crew.clerk.id, customer, device));
    return harness.call('tickets.get', { number: firstItem(made.tickets).barcode });
  }

  async function moveTo(ticketId: number, toStatus: ChannelInput<'workflow.move'>['toStatus']): Promise<void> {
    await harness.call('workflow.move', { session: crew.technician.session, ticketId, toStatus } as ChannelInput<'workflow.move'>);
  }

  /** In diagnosis, with the diagnosis the English test saves by keyboard. */
  async function diagnosedTicket(): Promise<TicketDetail> {
    const ticket = await checkIn(HUANG_LEI);
    await moveTo(ticket.id, 'diagnosing');
    await harness.call('diagnosis.save', {
      session: crew.technician.session,
      ticketId: ticket.id,
      category: 'hardware',
      severity: 2,
      cause: 'Disk failing: 152 reallocated sectors',
      solution: 'Replace the SSD, restore the backup',
      internalNotes: 'Customer has a backup from 2 days ago',
    } as ChannelInput<'diagnosis.save'>);
    return ticket;
  }

  /** Diagnosed and quoted as the English test quotes by keyboard: a reinstall and the SSD, 20% off with the manager's PIN. */
  async function quotedTicket(): Promise<TicketDetail> {
    const ticket = await diagnosedTicket();
    const reinstall = (await harness.call('feeStandard.list', {})).find((item) => item.code === 'system_reinstall')!;
    await harness.call('quotes.save', {
      session: crew.technician.session,
      ticketId: ticket.id,
      lines: [
        { kind: 'labour', feeItemId: reinstall.id, qty: 1 },
        { kind: 'part', partId: ssd.id, qty: 1 },
      ],
      discount: { kind: 'percent', value: 20, reason: 'Second repair this year' },
      managerApproval: { staffId: crew.manager.id, pin: crew.manager.pin },
    } as ChannelInput<'quotes.save'>);
    return ticket;
  }

  /** Quoted, sent and accepted in person with the customer's signature. */
  async function approvedTicket(): Promise<TicketDetail> {
    const ticket = await quotedTicket();
    await moveTo(ticket.id, 'awaiting_approval');
    const quote = firstItem((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes);
    await harness.call('approvals.record', {
      session: crew.technician.session,
      ticketId: ticket.id,
      quoteId: quote.id,
      decision: 'accepted',
      method: 'in_person',
      signaturePng: signaturePng(),
      note: 'Wants the old disk back',
    } as ChannelInput<'approvals.record'>);
    return ticket;
  }

  /** Approved, the SSD drawn, repaired, tested and ready. */
  async function readyTicket(): Promise<TicketDetail> {
    const ticket = await approvedTicket();
    await harness.call('parts.use', {
      session: crew.technician.session,
      ticketId: ticket.id,
      partId: ssd.id,
      qty: 1,
      note: 'Old disk given to the customer',
    } as ChannelInput<'parts.use'>);
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await moveTo(ticket.id, toStatus);
    return ticket;
  }

  /** The SSD's shelf as the tests expect it: three on hand (a manager's stocktake puts back what an earlier test drew). */
  async function threeSsdsOnTheShelf(): Promise<void> {
    await harness.call('parts.adjust', {
      session: crew.manager.session,
      partId: ssd.id,
      countedQty: ssd.qtyOnHand,
      note: 'Counted before the repair',
    } as ChannelInput<'parts.adjust'>);
  }

  /** The technician signs in from the header and opens the ticket from Tickets. */
  async function openSignedIn(ticket: TicketDetail): Promise<void> {
    await signInThroughUi(page, crew.technician);
    await openTicket(ticket.displayNumber, { nav: en.app.nav.tickets, search: en.tickets.search });
  }

  const screenshot = (name: string) => screenshotWholePage(page, name);
  const panel = (title = en.ticketActions.title) => page.getByRole('region', { name: title, exact: true });
  const button = (name: string) => panel().getByRole('button', { name, exact: true });
  const statusBadge = () => page.locator('article[aria-labelledby="ticket-page-number"]').getByText(en.status.ready, { exact: true }).first();

  async function focusIs(locator: Locator, what: string): Promise<void> {
    await waitUntil(`${what} has focus (focus is on ${await focusedLabel(page)})`, () => isFocused(locator), 10_000);
  }

  async function workflowStatus(id: number): Promise<string> {
    return (await harness.call('tickets.getWorkflow', { ticketId: id })).status;
  }

  async function openTicket(number: string, labels: { nav: string; search: string }): Promise<void> {
    await page.getByRole('button', { name: labels.nav, exact: true }).click();
    const search = field(page, labels.search);
    // F3 comes back to the search box also when the Tickets screen was already on show.
    await page.keyboard.press('F3');
    await focusIs(search, 'the search box');
    await search.fill('');
    await search.pressSequentially(number.replace(/^RD-/, ''), { delay: 10 });
    await search.press('Enter');
    await page.locator('#ticket-page-number').filter({ hasText: number }).waitFor();
  }

  it('opens the ticket from Tickets and starts the diagnosis after signing in', async () => {
    const ticket = await checkIn(HUANG_LEI);
    await openTicket(ticket.displayNumber, { nav: en.app.nav.tickets, search: en.tickets.search });
    const start = button(en.ticketActions.move.startDiagnosis);
    await start.waitFor();
    await screenshot('repair-1-received-en');
    // From the page's Back button, Tab reaches the first step of the repair.
    await focusIs(page.getByRole('button', { name: en.tickets.back, exact: true }), 'Back to search');
    await page.keyboard.press('Tab');
    await focusIs(start, 'Start diagnosis');
    await page.keyboard.press('Enter');
    // Nobody is signed in: the action asks first, then goes on by itself.
    await signInThroughUi(page, crew.technician, undefined, true);
    await waitUntil('the ticket is being diagnosed', async () => (await workflowStatus(ticket.id)) === 'diagnosing');
    await focusIs(field(page, en.ticketActions.diagnosis.category), 'the fault category');
  });

  it('saves the diagnosis by keyboard, with the meaning of the severity shown', async () => {
    const ticket = await checkIn(HUANG_LEI);
    await moveTo(ticket.id, 'diagnosing');
    await openSignedIn(ticket);
    const category = field(page, en.ticketActions.diagnosis.category);
    // Arrows choose in a closed list (digits would go to the ticket search).
    await category.press('ArrowDown');
    await category.press('ArrowDown');
    expect(await category.inputValue()).toBe('hardware');
    await page.keyboard.press('Tab');
    const severity = field(page, en.ticketActions.diagnosis.severity);
    await focusIs(severity, 'the severity');
    await severity.press('ArrowDown');
    await severity.press('ArrowDown');
    expect(await severity.inputValue()).toBe('2');
    await panel().getByText(en.workflow.severityHint[2], { exact: true }).waitFor();
    // The repair class (大中小修及保养) may wait until the work is known: it stays unset here.
    await page.keyboard.press('Tab');
    await focusIs(field(page, en.figures.diagnosisClass), 'the repair class');
    await page.keyboard.press('Tab');
    await focusIs(field(page, en.ticketActions.diagnosis.cause), 'the cause');
    // Digits typed in a field stay there.
    await page.keyboard.type('Disk failing: 152 reallocated sectors');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Replace the SSD, restore the backup');
    await page.keyboard.press('Tab'); // the "caused by the user" box stays unticked
    await page.keyboard.press('Tab');
    await focusIs(field(page, en.ticketActions.diagnosis.internalNotes), 'the internal notes');
    await page.keyboard.type('Customer has a backup from 2 days ago');
    await page.keyboard.press('Tab');
    await focusIs(button(en.ticketActions.diagnosis.save), 'Save diagnosis');
    await screenshot('repair-2-diagnosis-en');
    await page.keyboard.press('Enter');
    await focusIs(field(page, en.ticketActions.quote.labourPick), 'the fee standard list');
    const stored = (await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).diagnosis;
    expect(stored).toMatchObject({
      category: 'hardware',
      severity: 2,
      cause: 'Disk failing: 152 reallocated sectors',
      userCaused: false,
      staffName: crew.technician.name,
    });
    expect(await field(page, en.ticketActions.diagnosis.cause).inputValue()).toBe('Disk failing: 152 reallocated sectors');
  });

  it('refuses to send before there is a quote, with the reason in place', async () => {
    const ticket = await diagnosedTicket();
    await openSignedIn(ticket);
    await button(en.ticketActions.move.sendQuote).focus();
    await page.keyboard.press('Enter');
    await panel().getByRole('alert').filter({ hasText: en.errors.field.quote_required }).waitFor();
    expect(await workflowStatus(ticket.id)).toBe('diagnosing');
  });

  it('writes the quote from the fee standard and stock, with live totals, and saves it', async () => {
    await threeSsdsOnTheShelf();
    const ticket = await diagnosedTicket();
    await openSignedIn(ticket);
    const labour = field(page, en.ticketActions.quote.labourPick);
    // The fee standard is read once the quote form is up; the keys below walk its list.
    await labour.locator('option', { hasText: 'System reinstall' }).waitFor({ state: 'attached' });
    await labour.focus();
    // Choose… → Diagnosis and inspection → Software problem → System reinstall.
    for (let i = 0; i < 3; i++) await labour.press('ArrowDown');
    expect(await labour.locator('option:checked').innerText()).toContain('System reinstall');
    await page.keyboard.press('Tab');
    await focusIs(button(en.ticketActions.quote.addLabour), 'Add labour');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const part = field(page, en.ticketActions.quote.partPick);
    await focusIs(part, 'the parts list');
    await part.press('ArrowDown');
    expect(await part.locator('option:checked').innerText()).toBe(`SSD 512 GB (NVMe M.2) · ${money(35000)} · 3 on hand`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const lines = panel().getByRole('table', { name: en.ticketActions.quote.lines, exact: true });
    await lines.locator('tbody tr').nth(1).waitFor();
    // Tab on into the first line's quantity: digits typed there stay in the field.
    await page.keyboard.press('Tab');
    const reinstallQty = field(page, en.ticketActions.quote.qtyOf.replace('{{item}}', 'System reinstall'));
    await focusIs(reinstallQty, 'the quantity of the labour line');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    const totals = panel().getByRole('table', { name: en.ticketActions.quote.totals, exact: true });
    await waitUntil(
      'the totals show two reinstalls and the SSD',
      async () => (await totals.count()) > 0 && squeeze(await totals.innerText()).includes(money(55000)),
    );
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1');
    await waitUntil('the totals follow the quantity', async () =>
      squeeze(await totals.innerText()).includes(`${en.ticketActions.quote.total} ${money(45000)}`),
    );
    expect(
      await panel().getByText(en.ticketActions.quote.basis.replace('{{reason}}', en.workflow.pricingReason.out_of_warranty), { exact: true }).count(),
    ).toBe(1);
    expect(squeeze(await lines.innerText())).toContain(en.workflow.pricingReason.out_of_warranty);
    // 20% off is above the shop's 10% limit: the form says a manager approves it.
    const discountKind = field(page, en.ticketActions.quote.discountKind);
    await discountKind.focus();
    await discountKind.press('ArrowDown');
    expect(await discountKind.inputValue()).toBe('percent');
    await page.keyboard.press('Tab');
    await focusIs(field(page, en.ticketActions.quote.discountPercent), 'the discount percent');
    await page.keyboard.type('20');
    await waitUntil('the totals take the discount off', async () =>
      squeeze(await totals.innerText()).includes(`${en.ticketActions.quote.total} ${money(36000)}`),
    );
    await panel().getByText(en.ticketActions.quote.discountNeedsManager, { exact: true }).waitFor();
    // A discount needs its reason.
    await page.keyboard.press('Control+Enter');
    const discountReason = field(page, en.ticketActions.quote.discountReason);
    await waitUntil('the reason is asked for', async () => (await fieldError(discountReason)) === en.errors.field.required);
    await discountReason.focus();
    await page.keyboard.type('Second repair this year');
    expect(await fieldError(discountReason), 'the message goes once the field is edited').toBeNull();
    await screenshot('repair-3-quote-en');
    // Ctrl+Enter saves from anywhere in the form; the technician needs a manager for this discount.
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: en.session.approvalTitle });
    await dialog.waitFor();
    await dialog.getByText(en.ticketActions.managerReason.discount.replace('{{number}}', ticket.displayNumber), { exact: true }).waitFor();
    await dialog.getByLabel(en.session.staffMember, { exact: true }).selectOption(String(crew.manager.id));
    await dialog.getByLabel(en.session.pin, { exact: true }).fill(crew.manager.pin);
    await dialog.getByLabel(en.session.pin, { exact: true }).press('Enter');
    await focusIs(button(en.ticketActions.move.sendQuote), 'Send quote to customer');
    expect(await panel().getByText(en.errors.field.quote_required, { exact: true }).count()).toBe(0);
    const quote = firstItem((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes);
    expect(quote).toMatchObject({
      version: 1,
      status: 'draft',
      subtotalMinor: 45000,
      discountMinor: 9000,
      totalMinor: 36000,
      discount: { kind: 'percent', value: 20, reason: 'Second repair this year' },
      discountApprovedByName: crew.manager.name,
    });
    expect(quote.lines.map((l) => [l.kind, l.description, l.qty])).toEqual([
      ['labour', 'System reinstall', 1],
      ['part', 'SSD 512 GB (NVMe M.2)', 1],
    ]);
  });

  it('sends the quote and records the customer’s signed approval', async () => {
    const ticket = await quotedTicket();
    await openSignedIn(ticket);
    await button(en.ticketActions.move.sendQuote).focus();
    await page.keyboard.press('Enter');
    const decision = field(page, en.ticketActions.approval.decision);
    await focusIs(decision, 'the customer’s decision');
    expect(await workflowStatus(ticket.id)).toBe('awaiting_approval');
    expect(await decision.inputValue()).toBe('accepted');
    expect(await field(page, en.ticketActions.approval.method).inputValue()).toBe('in_person');
    const sentTitle = en.ticketActions.quote.current.replace('{{version}}', '1').replace('{{status}}', en.workflow.quoteStatus.sent);
    const sent = panel().getByRole('table', { name: sentTitle, exact: true });
    expect(squeeze(await sent.innerText())).toContain('SSD 512 GB (NVMe M.2)');
    expect(squeeze(await panel().innerText())).toContain(`${en.ticketActions.quote.total} ${money(36000)}`);

    // Without a signature the form says so, next to the pad.
    await button(en.ticketActions.approval.record).focus();
    await page.keyboard.press('Enter');
    await panel().getByText(en.errors.field.signature_invalid, { exact: true }).waitFor();

    const pad = panel().getByRole('img', { name: en.ticketActions.approval.signature, exact: true });
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 30, box.y + 100);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 30 + i * 12, box.y + 100 - Math.sin(i / 2) * 40);
    await page.mouse.up();
    await waitUntil('the pad holds a signature', async () => (await pad.getAttribute('data-signed')) === 'true');
    expect(await panel().getByText(en.errors.field.signature_invalid, { exact: true }).count()).toBe(0);
    const note = field(page, en.ticketActions.approval.note);
    await note.focus();
    await page.keyboard.type('Wants the old disk back');
    await screenshot('repair-4-approval-en');
    // Enter moves on to the button, Enter again records.
    await page.keyboard.press('Enter');
    await focusIs(button(en.ticketActions.approval.record), 'Record approval');
    await page.keyboard.press('Enter');
    await focusIs(field(page, en.ticketActions.parts.part), 'the part to draw');
    const workflow = await harness.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(workflow.status).toBe('approved');
    expect(workflow.approvals).toHaveLength(1);
    expect(workflow.approvals[0]).toMatchObject({
      decision: 'accepted',
      method: 'in_person',
      note: 'Wants the old disk back',
      staffName: crew.technician.name,
    });
    expect(firstItem(workflow.approvals).signaturePng).toMatch(/^data:image\/png;base64,/);
  });

  it('draws the quoted part from stock, repairs, tests and marks the device ready', async () => {
    await threeSsdsOnTheShelf();
    const ticket = await approvedTicket();
    await openSignedIn(ticket);
    const part = field(page, en.ticketActions.parts.part);
    await part.focus();
    // The quoted part is chosen already, once the shelf's parts have loaded.
    await waitUntil('the quoted part is chosen', async () => (await part.inputValue()) === String(ssd.id));
    await page.keyboard.press('Tab');
    const qty = field(page, en.ticketActions.parts.qty);
    await focusIs(qty, 'the quantity');
    // More than the shelf holds is refused next to the quantity; a manager could override it.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('5');
    await page.keyboard.press('Control+Enter');
    await waitUntil('short stock is refused', async () => (await fieldError(qty)) === en.errors.field.stock_insufficient);
    expect(await button(en.ticketActions.parts.useAnyway).count()).toBe(1);
    expect(await workflowStatus(ticket.id)).toBe('approved');
    await screenshot('repair-5-parts-short-en');
    await qty.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    // The manufacturer card has a Note of its own: this is the one in the Use part form.
    await focusIs(page.getByRole('form', { name: en.ticketActions.parts.use }).getByLabel(en.ticketActions.parts.note, { exact: true }), 'the parts note');
    await page.keyboard.type('Old disk given to the customer');
    await page.keyboard.press('Enter');
    await focusIs(button(en.ticketActions.parts.use), 'Use part');
    await page.keyboard.press('Enter');
    await focusIs(button(en.ticketActions.move.startRepair), 'Start repair');
    const used = panel().getByRole('table', { name: en.ticketActions.parts.used, exact: true });
    expect(squeeze(await used.innerText())).toContain(`${en.workflow.stockMoveReason.used} · SSD 512 GB (NVMe M.2)`);
    await screenshot('repair-5-parts-en');

    await page.keyboard.press('Enter');
    await focusIs(button(en.ticketActions.move.startTesting), 'Start testing');
    expect(await workflowStatus(ticket.id)).toBe('in_repair');
    await page.keyboard.press('Enter');
    await focusIs(button(en.ticketActions.move.markReady), 'Mark ready');
    expect(await workflowStatus(ticket.id)).toBe('testing');
    await screenshot('repair-6-testing-en');
    await page.keyboard.press('Enter');
    await waitUntil('the ticket is ready', async () => (await workflowStatus(ticket.id)) === 'ready');
    await statusBadge().waitFor();
    await panel().getByText(en.ticketActions.atCollection, { exact: true }).waitFor();
    await screenshot('repair-7-ready-en');
    // A move that needs a reason asks for it in place; Escape closes it and stays on the ticket.
    await button(en.ticketActions.move.reopenTesting).focus();
    await page.keyboard.press('Enter');
    const reason = field(page, en.ticketActions.notePrompt.reopenTesting);
    await focusIs(reason, 'the reason to reopen testing');
    await page.keyboard.press('Escape');
    await reason.waitFor({ state: 'detached' });
    await focusIs(button(en.ticketActions.move.reopenTesting), 'Reopen testing');
    expect(await page.locator('#ticket-page-number').innerText()).toBe(ticket.displayNumber);
    expect(await workflowStatus(ticket.id)).toBe('ready');
  });

  it('lists every step in the history, in order, and took one SSD from stock', async () => {
    await threeSsdsOnTheShelf();
    await openSignedIn(await readyTicket());
    const history = page.getByRole('table', { name: en.tickets.timeline.title, exact: true });
    const move = (from: keyof typeof en.status, to: keyof typeof en.status) => `${en.status[from]} → ${en.status[to]}`;
    const expected = [
      [en.workflow.eventKind.status_changed, move('received', 'diagnosing')],
      [en.workflow.eventKind.diagnosis_saved, '—'],
      [en.workflow.eventKind.quote_saved, '—'],
      [en.workflow.eventKind.status_changed, move('diagnosing', 'awaiting_approval')],
      [en.workflow.eventKind.status_changed, move('awaiting_approval', 'approved')],
      [en.workflow.eventKind.part_used, '—'],
      [en.workflow.eventKind.status_changed, move('approved', 'in_repair')],
      [en.workflow.eventKind.status_changed, move('in_repair', 'testing')],
      [en.workflow.eventKind.status_changed, move('testing', 'ready')],
    ];
    let rows: string[][] = [];
    await waitUntil('the history shows the last step', async () => {
      rows = [];
      const trs = history.locator('tbody tr');
      for (let i = 0; i < (await trs.count()); i++) rows.push((await trs.nth(i).locator('td').allInnerTexts()).map(squeeze));
      return rows.some((row) => row[3] === move('testing', 'ready'));
    });
    expect(en.tickets.timeline.move).toBe('{{from}} → {{to}}');
    // [when, what, who, status, amount, note]: the steps after intake.
    const steps = rows.slice(rows.findIndex((row) => row[3] === move('received', 'diagnosing'))).map((row) => [row[1], row[3]]);
    expect(steps).toEqual(expected);
    const stepRows = rows.slice(rows.length - expected.length);
    expect(stepRows.every((row) => row[2] === crew.technician.name)).toBe(true);
    expect(stepRows.find((row) => row[1] === en.workflow.eventKind.quote_saved)?.[4]).toBe(money(36000));

    const stock = firstItem(await harness.call('parts.list', { query: 'SSD 512' }));
    expect(stock.qtyOnHand).toBe(ssd.qtyOnHand - 1);
    expect(ssd.qtyOnHand).toBe(3);
  });

  it('cancels a repair only with a reason and a manager’s PIN', async () => {
    const cancelTicket = await checkIn(QIAN_BO, { serial: 'PF5CAN55' });
    await signInThroughUi(page, crew.technician);
    await openTicket(cancelTicket.displayNumber, { nav: en.app.nav.tickets, search: en.tickets.search });
    const cancel = button(en.ticketActions.move.cancelRepair);
    await cancel.focus();
    await page.keyboard.press('Enter');
    const reason = field(page, en.ticketActions.notePrompt.cancelRepair);
    await focusIs(reason, 'the reason to cancel');
    // Enter goes on to the form's button; without a reason it is refused next to the field.
    await page.keyboard.press('Enter');
    const confirm = panel()
      .getByRole('form', { name: en.ticketActions.move.cancelRepair })
      .getByRole('button', { name: en.ticketActions.move.cancelRepair, exact: true });
    await focusIs(confirm, 'the confirm button');
    await page.keyboard.press('Enter');
    await waitUntil('the reason is required', async () => (await fieldError(reason)) === en.errors.field.required);
    await reason.focus();
    await page.keyboard.type('Customer bought a new laptop');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // The technician may not cancel: a manager approves with their PIN.
    const dialog = page.getByRole('dialog', { name: en.session.approvalTitle });
    await dialog.waitFor();
    await dialog.getByLabel(en.session.staffMember, { exact: true }).selectOption(String(crew.manager.id));
    await dialog.getByLabel(en.session.pin, { exact: true }).fill(crew.manager.pin);
    await screenshot('repair-8-cancel-approval-en');
    await dialog.getByLabel(en.session.pin, { exact: true }).press('Enter');
    await waitUntil('the repair is cancelled', async () => (await workflowStatus(cancelTicket.id)) === 'cancelled');
    const last = (await harness.call('tickets.getWorkflow', { ticketId: cancelTicket.id })).timeline.at(-1)!;
    expect(last).toMatchObject({
      toStatus: 'cancelled',
      note: 'Customer bought a new laptop',
      staffName: crew.technician.name,
      approvedByName: crew.manager.name,
    });
    await panel().getByText(en.ticketActions.nothingToDo, { exact: true }).waitFor();
    await screenshot('repair-9-cancelled-en');
  });

  it('starts and saves a diagnosis in Chinese, with no English in the repair panel', async () => {
    const chineseTicket = await checkIn(SUN_YU, { model: 'ThinkPad E14', serial: 'PF1QQQ22' });
    await signInThroughUi(page, crew.technician);
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zhCN.intake.customerName).waitFor();
    await openTicket(chineseTicket.displayNumber, { nav: zhCN.app.nav.tickets, search: zhCN.tickets.search });
    const zhPanel = panel(zhCN.ticketActions.title);
    const start = zhPanel.getByRole('button', { name: zhCN.ticketActions.move.startDiagnosis, exact: true });
    await start.waitFor();
    await screenshot('repair-1-received-zh');
    await expectNoEnglish(zhPanel);
    await page.keyboard.press('Tab');
    await focusIs(start, '开始检测');
    // Still signed in from before the reload: no dialog this time.
    await page.keyboard.press('Enter');
    const category = field(page, zhCN.ticketActions.diagnosis.category);
    await focusIs(category, '故障类别');
    await category.press('ArrowDown');
    expect(await category.locator('option:checked').innerText()).toBe(zhCN.workflow.faultCategory.software);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await zhPanel.getByText(zhCN.workflow.severityHint[1], { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await focusIs(field(page, zhCN.figures.diagnosisClass), '维修类别');
    await page.keyboard.press('Tab');
    await focusIs(field(page, zhCN.ticketActions.diagnosis.cause), '故障原因');
    await page.keyboard.type('系统文件损坏，开机 3 分钟');
    await zhPanel.getByRole('button', { name: zhCN.ticketActions.diagnosis.save, exact: true }).focus();
    await screenshot('repair-2-diagnosis-zh');
    await page.keyboard.press('Enter');
    await focusIs(field(page, zhCN.ticketActions.quote.labourPick), '收费标准中的工时');
    const workflow = await harness.call('tickets.getWorkflow', { ticketId: chineseTicket.id });
    expect(workflow.status).toBe('diagnosing');
    expect(workflow.diagnosis).toMatchObject({ category: 'software', severity: 1, cause: '系统文件损坏，开机 3 分钟' });
    // Fee-standard items are listed by their Chinese names (read once the quote form is up).
    await expect.poll(() => field(page, zhCN.ticketActions.quote.labourPick).locator('option').allInnerTexts()).toContain('重装系统 · ¥100.00');
    // The history is the ticket's, read again after the step.
    const history = async () => squeeze(await page.getByRole('table', { name: zhCN.tickets.timeline.title, exact: true }).innerText());
    await expect.poll(history).toContain(`${zhCN.status.received} → ${zhCN.status.diagnosing}`);
    expect(await history()).toContain(zhCN.workflow.eventKind.diagnosis_saved);
    await screenshot('repair-3-quote-zh');
    await expectNoEnglish(zhPanel);
  });

  /** Latin words in the panel must be data (names, the part, the ticket prefix) or key names; anything else is untranslated. */
  async function expectNoEnglish(region: Locator): Promise<void> {
    const text = await region.innerText();
    const allowed = new Set(
      [crew.technician.name, crew.manager.name, crew.clerk.name, ssd.name, ssd.specification, 'RD', 'PIN', 'Ctrl', 'Enter', 'Esc']
        .join(' ')
        .split(/[^A-Za-z]+/)
        .filter(Boolean),
    );
    const words = [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !allowed.has(word));
    expect(words, 'English words in the Chinese repair panel').toEqual([]);
  }
});
