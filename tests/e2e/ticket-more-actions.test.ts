// The ticket page's secondary actions, worked at the counter: the repair is
// handed over to another technician with a note, the promised date moves with
// a reason, a call to the customer is logged, a loaner goes out and comes back,
// and a collected repair that came back within its repair warranty is opened
// as a rework. The data is set up over HTTP; every action goes through the page.
import type { TestInput } from '../support/desk';
import { firstItem } from '../support/lists';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/shared/dates';
import { DATABASE_FILE } from '../../src/main/core/desk';
import type { ChannelInput, TicketDetail } from '../../src/shared/contract';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { barcodeText } from '../../src/shared/ticket-number';
import type { LoanerView } from '../../src/shared/repair-contract';
import { signaturePng } from '../support/workflow';
import { launchChromium, openDesk } from './support/browser';
import { setUpCrewOverHttp, signInOnScreen, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { repairOverHttp } from './support/repair-over-http';
import { field, fieldError, isFocused, isoDayFromToday, waitUntil } from './support/page-helpers';
import { SCREENSHOTS, screenshotWholePage } from './support/screenshots';

type Strings = typeof en;
/** An empty cell of the history (no status move, no amount). */
const DASH = en.tickets.timeline.none;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => vars[name] ?? '');

function intake(clerkId: number, technicianId: number, promisedDate: string | null, name: string, phone: string): TestInput<'intake.checkIn'> {
  return {
    technicianId,
    customer: { name, phone, address: '' },
    devices: [
      {
        type: 'laptop',
        brand: 'Lenovo',
        model: 'ThinkPad X1 Carbon',
        serial: `SN${phone.replace(/\D/g, '').slice(-6)}`,
        colour: 'black',
        accessories: ['charger'],
        conditionChecks: ['housing_scratched'],
        fault: 'Does not charge',
        dataAnswer: 'has_backup',
        estimateMinor: 45000,
        depositMinor: 0,
        feeConsent: true,
        promisedDate,
      },
    ],
  } as TestInput<'intake.checkIn'>;
}

describe('ticket page: hand-over, promised date, calls, loaner, rework', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;
  let secondTech: { id: number; name: string };
  let collected: TicketDetail;
  let overdueTicket: TicketDetail;
  let loaner: LoanerView;
  let lentElsewhere: LoanerView;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    secondTech = await harness.call('staff.save', { id: null, session: crew.manager.session, name: 'Wang Fang 王芳', role: 'technician', active: true });
    const checkIn = (promised: string | null, name: string, phone: string) =>
      harness.call('intake.checkIn', intake(crew.clerk.id, crew.technician.id, promised, name, phone));
    const other = await checkIn(null, 'Wu Fang', '136 5555 9999');
    const third = await checkIn(null, 'Zhao Lei', '135 8888 1111');

    // Two loaners: one on the shelf, one already out with another customer (not offered).
    loaner = await harness.call('loaners.save', { session: crew.manager.session, name: 'ThinkPad T480', serial: 'LN-001', notes: '' });
    lentElsewhere = await harness.call('loaners.save', { session: crew.manager.session, name: 'MateBook 14', serial: 'LN-002', notes: '' });
    overdueTicket = await harness.call('tickets.get', { number: firstItem(other.tickets).barcode });
    await harness.call('loans.lend', { session: crew.clerk.session, ticketId: overdueTicket.id, loanerId: lentElsewhere.id, note: '' });

    collected = await harness.call('tickets.get', { number: firstItem(third.tickets).barcode });
    await repairAndCollectOverHttp(collected.id);

    browser = await launchChromium();
  }, 120_000);

  // Every test starts in a fresh English page, nobody signed in.
  beforeEach(async () => {
    await harness.call('settings.update', { language: 'en' });
    page = await openDesk(browser, harness.url);
  });

  afterEach(async () => {
    await page?.close();
  });

  let phoneSuffix = 1000;
  /** A ticket of its own for a test, Chen Jing's laptop promised in two days (new phone digits each time). */
  async function chenJingsTicket(): Promise<TicketDetail> {
    phoneSuffix += 1;
    const made = await harness.call('intake.checkIn', intake(crew.clerk.id, crew.technician.id, isoDayFromToday(2), 'Chen Jing', `137 2222 ${phoneSuffix}`));
    return harness.call('tickets.get', { number: firstItem(made.tickets).barcode });
  }

  /** The counter's work is the clerk's. */
  const signInAsClerk = () => signInOnScreen(page, crew.clerk.name, crew.clerk.pin);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** A repair from intake to collection over HTTP, so the ticket is inside its repair warranty. */
  async function repairAndCollectOverHttp(ticketId: number): Promise<void> {
    await repairOverHttp(harness, crew, ticketId, {
      cause: 'Charging port worn',
      solution: 'Replace the port',
      lines: [
        { kind: 'labour', feeItemId: null, description: 'Charging port replacement', unitPriceMinor: 12000, qty: 1 },
      ] as ChannelInput<'quotes.save'>['lines'],
      contactName: 'Zhao Lei',
      until: 'ready',
    });
    const view = await harness.call('collection.get', { ticketId });
    if (view.balanceMinor > 0) {
      await harness.call('collection.pay', {
        session: crew.clerk.session,
        ticketId,
        method: 'cash',
        amountMinor: view.balanceMinor,
        tenderedMinor: view.balanceMinor,
      });
    }
    await harness.call('collection.complete', {
      session: crew.clerk.session,
      ticketId,
      identity: 'claim_ticket',
      signaturePng: signaturePng(),
      accessoriesReturned: ['charger'],
    });
  }

  const screenshot = (name: string) => screenshotWholePage(page, name);
  const pageNumber = () => page.locator('#ticket-page-number');
  const panel = (s: Strings = en) => page.getByRole('region', { name: s.ticketMore.title, exact: true });
  const card = (title: string) => page.getByRole('region', { name: title, exact: true });
  const button = (name: string, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: true });

  /** Opens a ticket from the Tickets screen the way the clerk does: Ctrl+F, the number, Enter. */
  async function openTicket(number: number, displayNumber: string, s: Strings = en): Promise<void> {
    if ((await pageNumber().count()) > 0) await button(s.tickets.back).click();
    await page.keyboard.press('Control+f');
    const box = field(page, s.tickets.search);
    await waitUntil('the search box has focus', () => isFocused(box));
    await box.fill(barcodeText(number));
    await box.press('Enter');
    await pageNumber().filter({ hasText: displayNumber }).waitFor();
    await panel(s).waitFor();
  }

  /** Waits until the page's history (refreshed after each action) shows these lines. */
  async function expectInHistory(...lines: string[]): Promise<void> {
    const history = page.getByRole('table', { name: en.tickets.timeline.title, exact: true });
    let text = '';
    await waitUntil(`the history shows ${JSON.stringify(lines)}`, async () => {
      text = squeeze(await history.innerText());
      return lines.every((line) => text.includes(line));
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; it shows: ${text}`);
    });
  }

  it('hands the repair over to another technician with a note', async () => {
    const ticket = await chenJingsTicket();
    await openTicket(ticket.number, ticket.displayNumber);
    const handOver = card(en.ticketMore.handOver.title);
    expect(squeeze(await handOver.innerText())).toContain(`${en.ticketMore.handOver.current}: ${crew.technician.name}`);
    const choice = field(page, en.ticketMore.handOver.technician);
    // The current technician and non-technicians are not offered.
    const offered = await choice.locator('option').allInnerTexts();
    expect(offered).toEqual([en.ticketMore.handOver.choose, secondTech.name]);

    // Nobody signed in: the click asks who is working; cancelling it changes nothing and says nothing.
    await choice.selectOption(String(secondTech.id));
    await button(en.ticketMore.handOver.submit).click();
    const dialog = page.getByRole('dialog');
    await button(en.session.cancel, dialog).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await handOver.getByRole('alert').count()).toBe(0);
    const note = field(page, en.ticketMore.handOver.note);
    expect(await fieldError(note)).toBeNull();
    expect((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).technicianId).toBe(crew.technician.id);

    // Without a note: signed in, main refuses the empty note, next to it.
    await button(en.ticketMore.handOver.submit).click();
    // Handing a repair over is bench work: the technician signs in for it.
    await signInOnScreen(page, crew.technician.name, crew.technician.pin, { opened: true });
    await waitUntil('the note says it is required', async () => (await fieldError(note)) === en.errors.field.required);

    await note.fill('Port replaced, still charges slowly: check the board');
    await note.press('Control+Enter');
    await handOver.getByText(`${en.ticketMore.handOver.current}: ${secondTech.name}`).waitFor();
    expect(await note.inputValue()).toBe('');
    // Wang Fang now owns it, so only Li Wei is offered.
    expect(await choice.locator('option').allInnerTexts()).toEqual([en.ticketMore.handOver.choose, crew.technician.name]);

    await expectInHistory(
      `${en.workflow.eventKind.handed_over} ${crew.technician.name} ${DASH} ${DASH} ${crew.technician.name} → ${secondTech.name}: Port replaced, still charges slowly: check the board`,
    );
    const workflow = await harness.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(workflow.technicianId).toBe(secondTech.id);
  });

  it('changes the promised date with a reason, by keyboard', async () => {
    const ticket = await chenJingsTicket();
    await signInAsClerk();
    await openTicket(ticket.number, ticket.displayNumber);
    const promised = card(en.ticketMore.promised.title);
    const before = ticket.promisedDate!;
    expect(before).toBe(isoDayFromToday(2));
    const newDay = isoDayFromToday(5);
    await field(page, en.ticketMore.promised.newDate).fill(newDay);
    const reason = field(page, en.ticketMore.promised.reason);
    // Enter without a reason: refused next to the field.
    await reason.press('Enter');
    await waitUntil('the reason is required', async () => (await fieldError(reason)) === en.errors.field.required);
    await reason.fill('The charging board arrives on Friday');
    await reason.press('Enter');
    const shown = formatDate(newDay, 'en');
    await promised.getByTestId('promised-date').filter({ hasText: shown }).waitFor();
    expect(await promised.getByText(en.workflow.overdue, { exact: true }).count()).toBe(0);

    const workflow = await harness.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(workflow.promisedDate).toBe(newDay);
    expect(workflow.timeline.at(-1)).toMatchObject({
      kind: 'promised_date_changed',
      // Worded when read, with the dates in the shop's language.
      note: `${formatDate(before, 'en')} → ${shown}: The charging board arrives on Friday`,
      staffName: crew.clerk.name,
    });

    // A date in the past is refused with a translated message.
    await field(page, en.ticketMore.promised.newDate).fill(isoDayFromToday(-1));
    await reason.fill('Typo');
    await reason.press('Enter');
    const dateField = field(page, en.ticketMore.promised.newDate);
    await waitUntil('a past date is refused', async () => (await fieldError(dateField)) === en.errors.field.date_in_past);
    // Correcting the date clears its message.
    await dateField.fill('');
    await reason.fill('');
    expect(await fieldError(dateField)).toBeNull();
    expect((await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).promisedDate).toBe(newDay);
  });

  it('marks a ticket whose promised date has passed as overdue', async () => {
    // The desk refuses a past promise, so the day is moved back in the database, as time would.
    const db = new Database(join(harness.dataDir, DATABASE_FILE));
    // Raw writes to a ticket go through the desk's write guard, as the desk's own writes do.
    db.exec('INSERT INTO desk_write (id) VALUES (1)');
    try {
      db.prepare('UPDATE ticket SET promised_date = ? WHERE id = ?').run(isoDayFromToday(-1), overdueTicket.id);
    } finally {
      db.exec('DELETE FROM desk_write');
      db.close();
    }
    await signInAsClerk();
    await openTicket(overdueTicket.number, overdueTicket.displayNumber);
    const promised = card(en.ticketMore.promised.title);
    await promised.getByText(en.workflow.overdue, { exact: true }).waitFor();
    await field(page, en.ticketMore.promised.newDate).fill(isoDayFromToday(1));
    await field(page, en.ticketMore.promised.reason).fill('Part delayed, customer told by phone');
    await button(en.ticketMore.promised.submit).click();
    await waitUntil('the overdue mark is gone', async () => (await promised.getByText(en.workflow.overdue, { exact: true }).count()) === 0);
    expect((await harness.call('tickets.getWorkflow', { ticketId: overdueTicket.id })).overdue).toBe(false);
  });

  it('logs a call to the customer and lists it', async () => {
    const ticket = await chenJingsTicket();
    await signInAsClerk();
    await openTicket(ticket.number, ticket.displayNumber);
    const notify = card(en.ticketMore.notify.title);
    await notify.getByText(en.ticketMore.notify.empty, { exact: true }).waitFor();
    await field(page, en.ticketMore.notify.method).selectOption({ label: en.workflow.notificationMethod.sms });
    await field(page, en.ticketMore.notify.outcome).selectOption({ label: en.workflow.notificationOutcome.no_answer });
    await field(page, en.ticketMore.notify.note).fill('Texted that the part is late');
    await button(en.ticketMore.notify.submit).click();
    const list = page.getByRole('list', { name: en.ticketMore.notify.history, exact: true });
    await list.waitFor();
    const items = (await list.getByRole('listitem').allInnerTexts()).map(squeeze);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(
      new RegExp(
        `^${en.workflow.notificationOutcome.no_answer} · ${en.workflow.notificationMethod.sms} · ${crew.clerk.name} · .+ · Texted that the part is late$`,
      ),
    );
    expect(await field(page, en.ticketMore.notify.note).inputValue()).toBe('');
    const stored = (await harness.call('tickets.getWorkflow', { ticketId: ticket.id })).notifications;
    expect(stored).toMatchObject([{ method: 'sms', outcome: 'no_answer', note: 'Texted that the part is late', staffName: crew.clerk.name }]);
  });

  it('lends a loaner and records it back', async () => {
    const ticket = await chenJingsTicket();
    await signInAsClerk();
    await openTicket(ticket.number, ticket.displayNumber);
    const loanerCard = card(en.ticketMore.loaner.title);
    const choice = field(page, en.ticketMore.loaner.loaner);
    await choice.waitFor();
    // Only loaners on the shelf are offered, not the one out with another customer.
    expect(await choice.locator('option').allInnerTexts()).toEqual([en.ticketMore.loaner.choose, 'ThinkPad T480 (LN-001)']);
    await screenshot('ticket-more-actions-en');

    await choice.selectOption({ label: 'ThinkPad T480 (LN-001)' });
    await field(page, en.ticketMore.loaner.note).fill('With charger');
    await button(en.ticketMore.loaner.submit).click();
    const open = loanerCard.getByTestId('open-loan');
    await open.waitFor();
    expect(squeeze(await open.innerText())).toContain(`${en.ticketMore.loaner.onLoan}: ThinkPad T480 (LN-001)`);
    expect(squeeze(await open.innerText())).toContain('With charger');
    // While it is out, no second loaner is offered for this ticket.
    expect(await field(page, en.ticketMore.loaner.loaner).count()).toBe(0);
    const listed = await harness.call('loaners.list', {});
    expect(listed.find((l) => l.id === loaner.id)).toMatchObject({ available: false, currentLoan: { ticketId: ticket.id } });

    await field(page, en.ticketMore.loaner.returnNote).fill('Returned clean');
    await button(en.ticketMore.loaner.returnSubmit).click();
    await loanerCard.getByText(en.ticketMore.loaner.past, { exact: true }).waitFor();
    expect(await open.count()).toBe(0);
    expect(squeeze(await loanerCard.innerText())).toContain('Returned clean');
    const after = await harness.call('loaners.list', {});
    expect(after.find((l) => l.id === loaner.id)).toMatchObject({ available: true, currentLoan: null });
    // On the shelf again: offered once more (the lend form reads the shelf when it comes back).
    await expect.poll(() => field(page, en.ticketMore.loaner.loaner).locator('option').allInnerTexts()).toContain('ThinkPad T480 (LN-001)');

    await expectInHistory(
      `${en.workflow.eventKind.loaner_lent} ${crew.clerk.name} ${DASH} ${DASH} ThinkPad T480 (LN-001): With charger`,
      `${en.workflow.eventKind.loaner_returned} ${crew.clerk.name} ${DASH} ${DASH} ThinkPad T480 (LN-001): Returned clean`,
    );
  });

  it('opens a rework of a collected repair within its repair warranty, and opens the new ticket', async () => {
    await signInAsClerk();
    await openTicket(collected.number, collected.displayNumber);
    const rework = card(en.ticketMore.rework.title);
    // Collected: nothing to hand over, promise or lend; the call log stays.
    expect(await card(en.ticketMore.handOver.title).count()).toBe(0);
    expect(await card(en.ticketMore.loaner.title).count()).toBe(0);
    const fault = field(page, en.ticketMore.rework.fault);
    await button(en.ticketMore.rework.submit).click();
    await waitUntil('the fault is required', async () => (await fieldError(fault)) === en.errors.field.required);
    await fault.fill('Stops charging again after a week');
    await fault.press('Enter');
    await rework.getByText(en.ticketMore.rework.opened, { exact: true }).waitFor();

    const original = await harness.call('tickets.getWorkflow', { ticketId: collected.id });
    expect(original.reworks).toHaveLength(1);
    const created = firstItem(original.reworks);
    // Opened once: the form is gone, the new ticket is linked.
    expect(await field(page, en.ticketMore.rework.fault).count()).toBe(0);
    const openNew = rework.getByRole('button', { name: fill(en.ticketMore.rework.openTicket, { number: created.displayNumber }), exact: true });
    expect(await openNew.count()).toBe(2); // in the "opened" notice and in the list of reworks
    await screenshot('ticket-more-rework-en');

    await openNew.first().click();
    await pageNumber().filter({ hasText: created.displayNumber }).waitFor();
    const view = await harness.call('tickets.getWorkflow', { ticketId: created.ticketId });
    expect(view).toMatchObject({ status: 'received', reworkOf: { ticketId: collected.id } });
    const back = card(en.ticketMore.rework.title).getByRole('button', {
      name: fill(en.ticketMore.rework.openTicket, { number: collected.displayNumber }),
      exact: true,
    });
    await back.click();
    await pageNumber().filter({ hasText: collected.displayNumber }).waitFor();
  });

  it('reads entirely in Chinese', async () => {
    // A ticket with a call logged, and the collected repair reworked once (as the tests above leave them).
    const ticket = await chenJingsTicket();
    await harness.call('notifications.log', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      method: 'phone',
      outcome: 'no_answer',
      note: 'Texted that the part is late',
    } as ChannelInput<'notifications.log'>);
    if ((await harness.call('tickets.getWorkflow', { ticketId: collected.id })).reworks.length === 0) {
      await harness.call('workflow.reopen', { session: crew.clerk.session, ticketId: collected.id, fault: 'Stops charging again after a week', note: '' });
    }
    await signInAsClerk();
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zhCN.intake.customerName).waitFor();
    await openTicket(ticket.number, ticket.displayNumber, zhCN);
    await field(page, zhCN.ticketMore.loaner.loaner).waitFor();
    const text = await panel(zhCN).innerText();
    for (const expected of [zhCN.ticketMore.handOver.submit, zhCN.ticketMore.promised.submit, zhCN.ticketMore.notify.submit, zhCN.ticketMore.loaner.submit]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(zhCN.workflow.notificationOutcome.no_answer);
    await screenshot('ticket-more-actions-zh');
    // Latin words allowed: staff names, the loaner's name and serial, and the note typed in English earlier.
    const allowed = new Set(
      [
        crew.technician.name,
        crew.clerk.name,
        secondTech.name,
        'ThinkPad T480 LN',
        'RD',
        'Ctrl Enter',
        'With charger Returned clean Texted that the part is late',
      ]
        .join(' ')
        .split(/[^A-Za-z]+/)
        .filter(Boolean),
    );
    const words = [...new Set(text.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !allowed.has(word));
    expect(words, 'English words in the Chinese panel').toEqual([]);

    await openTicket(collected.number, collected.displayNumber, zhCN);
    const reworkText = await card(zhCN.ticketMore.rework.title).innerText();
    expect(reworkText).toContain(zhCN.ticketMore.rework.reworks);
    // Only the ticket prefix is Latin there.
    expect((reworkText.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => word !== 'RD')).toEqual([]);
    await screenshot('ticket-more-rework-zh');
  });
});
