// The open tickets board under the empty search box (filters, "My tickets",
// pages, Enter opens a ticket) and the Parts & fees screens: a manager adds a
// part, restocks it and corrects its count; a technician's correction needs a
// manager's PIN; the fee standard is edited. Data is seeded over HTTP, as
// other counters would have made it; one ticket is backdated in the database
// so its promised date has passed. Then the same screens in Chinese.
import type { TestInput } from '../support/desk';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import type { TicketRef } from '../../src/shared/repair-contract';
import { launchChromium, openDesk, VIEWPORT } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, type E2eCrew } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { field, isoDayFromToday, waitUntil } from './support/page-helpers';
import { firstItem, itemAt } from '../support/lists';
import { SCREENSHOTS } from './support/screenshots';

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));

const CUSTOMERS = ['陈静', '王芳', '李娜', '张伟', '刘洋', '杨敏', '赵磊', '黄丽', '周杰', '吴霞', '徐强', '孙燕'];

function intake(clerkId: number, technicianId: number, index: number): TestInput<'intake.checkIn'> {
  return {
    technicianId,
    customer: { name: CUSTOMERS[index], phone: `139 0000 ${String(1000 + index)}`, address: '' },
    devices: [
      {
        type: 'phone',
        brand: 'Huawei',
        model: 'Mate 60',
        serial: `86123456789${String(1000 + index)}`,
        colour: 'black',
        accessories: [],
        conditionChecks: [],
        fault: '不开机',
        dataAnswer: 'has_backup',
        estimateMinor: 20000,
        depositMinor: 0,
        feeConsent: true,
        promisedDate: isoDayFromToday(3),
      },
    ],
  } as TestInput<'intake.checkIn'>;
}

describe('tickets board and parts & fees', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let crew: E2eCrew;
  let other: { id: number; name: string };
  let tickets: TicketRef[];
  let overdue: TicketRef;
  let cancelled: TicketRef;
  let diagnosing: TicketRef[];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startHarness();
    crew = await setUpCrewOverHttp(harness);
    const second = await harness.call('staff.save', { id: null, session: crew.manager.session, name: '孙浩', role: 'technician', active: true });
    other = { id: second.id, name: second.name };
    // Twelve tickets: every third one is the second technician's.
    tickets = [];
    for (let i = 0; i < CUSTOMERS.length; i++) {
      const technicianId = i % 3 === 2 ? other.id : crew.technician.id;
      const result = await harness.call('intake.checkIn', intake(crew.clerk.id, technicianId, i));
      const ticket = firstItem(result.tickets);
      tickets.push({ ticketId: ticket.id, number: ticket.number, displayNumber: ticket.displayNumber });
    }
    // Three go on to diagnosis; two are diagnosed (severity 1 and 3); one is cancelled by the manager.
    diagnosing = [itemAt(tickets, 0), itemAt(tickets, 1), itemAt(tickets, 3)];
    for (const ticket of diagnosing) {
      await harness.call('workflow.move', {
        session: crew.technician.session,
        ticketId: ticket.ticketId,
        toStatus: 'diagnosing',
        note: '',
        managerApproval: null,
      });
    }
    const diagnosis = { category: 'hardware', cause: '主板损坏', solution: '更换主板', userCaused: false, internalNotes: '' } as const;
    await harness.call('diagnosis.save', { session: crew.technician.session, ticketId: itemAt(tickets, 0).ticketId, severity: 1, ...diagnosis });
    await harness.call('diagnosis.save', { session: crew.technician.session, ticketId: itemAt(tickets, 1).ticketId, severity: 3, ...diagnosis });
    cancelled = itemAt(tickets, 4);
    await harness.call('workflow.move', {
      session: crew.manager.session,
      ticketId: cancelled.ticketId,
      toStatus: 'cancelled',
      note: '顾客取消',
      managerApproval: null,
    });
    // The shop cannot promise a past date; time passing can. Backdate one ticket in the database.
    overdue = itemAt(tickets, 5);
    const db = new Database(join(harness.dataDir, DATABASE_FILE));
    // Raw writes to a ticket go through the desk's write guard, as the desk's own writes do.
    db.exec('INSERT INTO desk_write (id) VALUES (1)');
    try {
      db.prepare('UPDATE ticket SET created_at = ?, promised_date = ? WHERE id = ?').run(
        new Date(Date.now() - 5 * 86_400_000).toISOString(),
        isoDayFromToday(-2),
        overdue.ticketId,
      );
    } finally {
      db.exec('DELETE FROM desk_write');
      db.close();
    }
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

  const board = (label = en.board.table) => page.getByRole('table', { name: label, exact: true });
  const boardRows = (label?: string) => board(label).locator('tbody tr');
  const numbersShown = async (label?: string) => (await boardRows(label).locator('td:first-child').allInnerTexts()).map((s) => s.trim());
  const technicianFilter = () => page.getByRole('group', { name: en.board.filters, exact: true }).getByLabel(en.board.technician, { exact: true });
  const rowOf = (ticket: TicketRef) => page.getByRole('row', { name: fill(en.tickets.open, { number: ticket.displayNumber }), exact: true });

  async function waitForRows(description: string, check: (numbers: string[]) => boolean, label?: string): Promise<string[]> {
    let numbers: string[] = [];
    await waitUntil(`${description} (shown: ${JSON.stringify(numbers)})`, async () => {
      numbers = (await board(label).count()) > 0 ? await numbersShown(label) : [];
      return check(numbers);
    });
    return numbers;
  }

  /** The screen at one width, as tall as its content. */
  async function screenshotAt(name: string, width: number): Promise<void> {
    await page.setViewportSize({ width, height: VIEWPORT.height });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height: Math.max(VIEWPORT.height, height) });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`) });
    await page.setViewportSize(VIEWPORT);
  }
  const screenshots = async (name: string) => {
    await screenshotAt(name, 1280);
    await screenshotAt(name, 1024);
  };

  const open = (list: TicketRef[]) => list.filter((t) => t.ticketId !== cancelled.ticketId);

  /** Tickets in the header, and the board with every open ticket. */
  async function openBoard(): Promise<void> {
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    await waitForRows('every open ticket is listed', (shown) => shown.length === open(tickets).length);
  }

  it('shows the open tickets under the empty search box, overdue marked in words', async () => {
    await page.getByRole('button', { name: en.app.nav.tickets, exact: true }).click();
    const openTickets = open(tickets);
    const numbers = await waitForRows('the eleven open tickets are listed', (shown) => shown.length === openTickets.length);
    expect(numbers).toEqual(openTickets.map((t) => t.displayNumber));
    expect(numbers).not.toContain(cancelled.displayNumber);

    const late = (await rowOf(overdue).locator('td').allInnerTexts()).map((s) => s.trim());
    expect(late[0]).toBe(overdue.displayNumber);
    expect(late[1]).toBe(CUSTOMERS[5]);
    expect(late[2]).toBe(`${en.deviceType.phone}\nHuawei Mate 60`);
    expect(late[3]).toBe(fill(en.board.ageDays_other, { count: 5 }));
    expect(late[4]).toContain(en.board.overdue);
    expect(late[5]).toBe(other.name);
    expect(late[7]).toBe(en.status.received);
    expect(await rowOf(overdue).getAttribute('data-overdue')).toBe('true');
    // Only that one is overdue; the others were promised for later.
    expect(await board().locator('tbody tr[data-overdue]').count()).toBe(1);

    const first = (await rowOf(itemAt(tickets, 0)).locator('td').allInnerTexts()).map((s) => s.trim());
    expect(first[3]).toBe(fill(en.board.ageDays_other, { count: 0 }));
    expect(first[4]).not.toContain(en.board.overdue);
    expect(first[5]).toBe(crew.technician.name);
    expect(first[6]).toBe(en.board.severity.level1);
    expect(first[7]).toBe(en.status.diagnosing);
    expect(itemAt(await rowOf(itemAt(tickets, 1)).locator('td').allInnerTexts(), 6).trim()).toBe(en.board.severity.level3);
    await screenshots('board-en');
  });

  it('filters by status, with counts per status', async () => {
    await openBoard();
    const chip = fill(en.board.statusCount, { status: en.status.diagnosing, count: 3 });
    await page.getByText(chip, { exact: true }).click();
    const numbers = await waitForRows('only the diagnosing tickets are listed', (shown) => shown.length === 3);
    expect(numbers).toEqual(diagnosing.map((t) => t.displayNumber));
    // Several statuses at once; the cancelled ticket is on none of them.
    await page.getByText(fill(en.board.statusCount, { status: en.status.received, count: 8 }), { exact: true }).click();
    await waitForRows('received and diagnosing tickets are listed', (shown) => shown.length === 11);
    expect(await page.getByText(fill(en.board.statusCount, { status: en.status.in_repair, count: 0 }), { exact: true }).count()).toBe(1);
    await page.getByText(fill(en.board.statusCount, { status: en.board.allOpen, count: 11 }), { exact: true }).click();
    await waitForRows('every open ticket is listed again', (shown) => shown.length === 11);
  });

  it('filters by technician', async () => {
    await openBoard();
    await technicianFilter().selectOption({ label: other.name });
    const theirs = open(tickets.filter((_, i) => i % 3 === 2));
    const numbers = await waitForRows(`only ${other.name}'s tickets are listed`, (shown) => shown.length === theirs.length);
    expect(numbers).toEqual(theirs.map((t) => t.displayNumber));
    // The status counts follow the technician.
    await page.getByText(fill(en.board.statusCount, { status: en.board.allOpen, count: theirs.length }), { exact: true }).waitFor();
    await technicianFilter().selectOption({ label: en.board.anyTechnician });
    await waitForRows('every open ticket is listed again', (shown) => shown.length === 11);
  });

  it('"My tickets" asks for a sign-in, then shows only the signed-in technician\'s tickets', async () => {
    await openBoard();
    await page.getByRole('switch', { name: en.board.mine }).click();
    await page.getByRole('dialog').waitFor();
    await signInThroughUi(page, crew.technician, undefined, true);
    const mine = open(tickets.filter((_, i) => i % 3 !== 2));
    const numbers = await waitForRows("only Li Wei's tickets are listed", (shown) => shown.length === mine.length);
    expect(numbers).toEqual(mine.map((t) => t.displayNumber));
    const technicians = await board().locator('tbody tr td:nth-child(6)').allInnerTexts();
    expect(new Set(technicians.map((s) => s.trim()))).toEqual(new Set([crew.technician.name]));
    expect(await page.getByRole('switch', { name: en.board.mine }).isChecked()).toBe(true);
    await page.getByRole('switch', { name: en.board.mine }).click();
    await waitForRows('every open ticket is listed again', (shown) => shown.length === 11);
  });

  it('moves between pages', async () => {
    await openBoard();
    await field(page, en.board.pageSize).selectOption('10');
    const firstPage = await waitForRows('ten tickets on the first page', (shown) => shown.length === 10);
    await page.getByText(fill(en.board.page, { page: 1, pages: 2 }), { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: en.board.previous, exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: en.board.next, exact: true }).click();
    const secondPage = await waitForRows('one ticket on the second page', (shown) => shown.length === 1);
    await page.getByText(fill(en.board.page, { page: 2, pages: 2 }), { exact: true }).waitFor();
    expect([...firstPage, ...secondPage]).toEqual(open(tickets).map((t) => t.displayNumber));
    expect(await page.getByRole('button', { name: en.board.next, exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: en.board.previous, exact: true }).click();
    await waitForRows('back on the first page', (shown) => shown.length === 10 && shown[0] === firstPage[0]);
    await field(page, en.board.pageSize).selectOption('25');
    await waitForRows('every open ticket on one page', (shown) => shown.length === 11);
  });

  it('opens a ticket with Enter on its row, and comes back to the board', async () => {
    await openBoard();
    await rowOf(overdue).focus();
    await page.keyboard.press('ArrowDown');
    await rowOf(itemAt(tickets, 6)).evaluate((row) => row === document.activeElement || Promise.reject(new Error('↓ did not move to the next row')));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await waitUntil('the overdue ticket opened', async () => (await page.locator('#ticket-page-number').count()) > 0);
    expect((await page.locator('#ticket-page-number').innerText()).trim()).toBe(overdue.displayNumber);
    await page.keyboard.press('Escape');
    await waitForRows('the board is back', (shown) => shown.length === 11);
    // A click opens it too.
    await rowOf(itemAt(tickets, 0)).click();
    await waitUntil('the first ticket opened', async () => (await page.locator('#ticket-page-number').count()) > 0);
    expect((await page.locator('#ticket-page-number').innerText()).trim()).toBe(itemAt(tickets, 0).displayNumber);
    await page.keyboard.press('Escape');
    await waitForRows('the board is back', (shown) => shown.length === 11);
  });

  const partsTab = (label = en.stock.tab.parts) => page.getByRole('tab', { name: label, exact: true });
  const onHand = () => page.locator('#part-on-hand');
  const movesTable = () => page.getByRole('table', { name: en.stock.moves.title, exact: true });
  const moveRows = async () => {
    const rows = movesTable().locator('tbody tr');
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('td').allInnerTexts()).map((s) => s.trim()));
    return out;
  };

  /** Parts & fees in the header, then one part's page from the parts list. */
  async function openPart(name: string): Promise<void> {
    await page.getByRole('button', { name: en.app.nav.stock, exact: true }).click();
    await partsTab().click();
    await page.getByRole('row', { name: fill(en.stock.parts.openOne, { name }), exact: true }).click();
    await page.getByRole('heading', { name, exact: true }).waitFor();
  }

  it('lets a manager add a part, restock it and correct its count, with the moves recorded', async () => {
    await signInThroughUi(page, crew.manager);
    await page.getByRole('button', { name: en.app.nav.stock, exact: true }).click();
    await partsTab().click();
    await page.getByRole('button', { name: en.stock.parts.addButton, exact: true }).click();
    await field(page, en.stock.parts.name).fill('Screen assembly');
    await field(page, en.stock.parts.specification).fill('6.1 inch OLED');
    await field(page, en.stock.parts.compatibleModels).fill('Huawei Mate 60, Mate 60 Pro');
    await field(page, en.stock.parts.cost).fill('300');
    await field(page, en.stock.parts.price).fill('550.50');
    await field(page, en.stock.parts.reorderLevel).fill('2');
    await field(page, en.stock.parts.openingQty).fill('1');
    await page.getByRole('button', { name: en.stock.parts.add, exact: true }).click();

    // The new part's page: one on the shelf, below the reorder level.
    await page.getByRole('heading', { name: 'Screen assembly', exact: true }).waitFor();
    expect(await onHand().innerText()).toBe('1');
    await page.getByText(en.stock.parts.lowStock, { exact: true }).waitFor();
    const part = firstItem(
      await harness.call('parts.list', {
        session: crew.manager.session,
        query: 'Screen assembly',
        includeInactive: true,
        lowStockOnly: false,
        limit: 10,
      }),
    );
    expect(part).toMatchObject({ specification: '6.1 inch OLED', costMinor: 30000, priceMinor: 55050, reorderLevel: 2, qtyOnHand: 1, lowStock: true });

    await page.getByRole('button', { name: en.stock.restock.button, exact: true }).click();
    await field(page, en.stock.restock.qty).fill('5');
    await page.getByRole('button', { name: en.stock.restock.submit, exact: true }).click();
    await page.getByText(fill(en.stock.restock.done, { qty: 5, onHand: 6 }), { exact: true }).waitFor();
    expect(await onHand().innerText()).toBe('6');
    expect(await page.getByText(en.stock.parts.lowStock, { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: en.stock.adjust.button, exact: true }).click();
    await field(page, en.stock.adjust.counted).fill('4');
    await field(page, en.stock.adjust.reason).fill('Stocktake: two cracked');
    await page.getByRole('button', { name: en.stock.adjust.submit, exact: true }).click();
    // A manager signed in approves their own correction: no PIN dialog.
    await page.getByText(fill(en.stock.adjust.done, { onHand: 4 }), { exact: true }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await onHand().innerText()).toBe('4');

    await waitUntil('three moves are listed', async () => (await moveRows()).length === 3);
    const rows = await moveRows();
    expect(rows.map((row) => [row[1], row[2], row[5]])).toEqual([
      [en.workflow.stockMoveReason.override, '-2', 'Stocktake: two cracked'],
      [en.workflow.stockMoveReason.restock, '+5', ''],
      [en.workflow.stockMoveReason.restock, '+1', en.stock.moves.openingStock],
    ]);
    const stored = await harness.call('parts.moves', { session: crew.manager.session, partId: part.id, limit: 10 });
    expect(stored.map((move) => move.qtyDelta)).toEqual([-2, 5, 1]);
    expect(firstItem(stored).approvedByName).toBe(crew.manager.name);
    await screenshots('stock-part-en');
  });

  it("asks a manager's PIN when a technician corrects the stock", async () => {
    const part = await harness.call('parts.save', {
      session: crew.manager.session,
      id: null,
      name: 'Charging port',
      specification: 'USB-C',
      compatibleModels: 'Huawei Mate 60',
      costMinor: 3000,
      priceMinor: 8000,
      reorderLevel: 1,
      active: true,
      openingQty: 4,
    });
    await signInThroughUi(page, crew.technician);
    await openPart(part.name);
    await page.getByRole('button', { name: en.stock.adjust.button, exact: true }).click();
    await field(page, en.stock.adjust.counted).fill('0');
    await field(page, en.stock.adjust.reason).fill('Lost in the workshop');
    await page.getByRole('button', { name: en.stock.adjust.submit, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: en.session.approvalTitle });
    await dialog.getByText(fill(en.stock.adjust.approvalReason, { name: part.name, from: 4, to: 0 }), { exact: true }).waitFor();
    await dialog.getByLabel(en.session.staffMember, { exact: true }).selectOption(String(crew.manager.id));
    await dialog.getByLabel(en.session.pin, { exact: true }).fill(crew.manager.pin);
    await dialog.getByRole('button', { name: en.session.approve, exact: true }).click();
    await page.getByText(fill(en.stock.adjust.done, { onHand: 0 }), { exact: true }).waitFor();
    expect(await onHand().innerText()).toBe('0');
    // The opening stock, then the correction.
    await waitUntil('two moves are listed', async () => (await moveRows()).length === 2);
    const latest = firstItem(await moveRows());
    expect(latest[2]).toBe('-4');
    expect(latest[4]).toBe(`${crew.technician.name}\n${fill(en.stock.moves.approvedBy, { name: crew.manager.name })}`);

    // Without the manager's PIN nothing changes.
    await page.getByRole('button', { name: en.stock.adjust.button, exact: true }).click();
    await field(page, en.stock.adjust.counted).fill('9');
    await field(page, en.stock.adjust.reason).fill('Found a box');
    await page.getByRole('button', { name: en.stock.adjust.submit, exact: true }).click();
    await page.getByRole('dialog', { name: en.session.approvalTitle }).getByRole('button', { name: en.session.cancel, exact: true }).click();
    await page.getByText(en.stock.adjust.notApproved, { exact: true }).waitFor();
    expect(await onHand().innerText()).toBe('0');
    await page.getByRole('button', { name: en.stock.cancel, exact: true }).click();

    // The list marks it low on stock.
    await page.getByRole('button', { name: en.stock.parts.back, exact: true }).click();
    const row = page.getByRole('row', { name: fill(en.stock.parts.openOne, { name: part.name }), exact: true });
    await row.waitFor();
    expect(await row.getAttribute('data-low-stock')).toBe('true');
    expect(await row.innerText()).toContain(en.stock.parts.lowStock);
    await screenshots('stock-parts-en');
  });

  it('saves a new price in the fee standard, once a manager signs in', async () => {
    const items = await harness.call('feeStandard.list', { includeInactive: false });
    const item = firstItem(items);
    await signInThroughUi(page, crew.technician);
    await page.getByRole('button', { name: en.app.nav.stock, exact: true }).click();
    await page.getByRole('tab', { name: en.stock.tab.fees, exact: true }).click();
    // The technician signed in may not change prices: Edit is disabled, and says why.
    const edit = page.getByRole('button', { name: fill(en.stock.fees.editOne, { name: item.nameEn }), exact: true });
    await edit.waitFor();
    expect(await edit.getAttribute('aria-disabled')).toBe('true');
    expect(await edit.getAttribute('aria-description')).toBe(
      fill(en.trust.gate.refused, { rule: en.trust.needsRole.manager_required, role: en.role.technician }),
    );
    // The manager takes over the counter.
    await page.getByRole('banner').getByRole('button', { name: en.session.signOut, exact: true }).click();
    await signInThroughUi(page, crew.manager);
    await edit.click();
    await field(page, en.stock.fees.price).fill('88');
    await screenshots('stock-fee-form-en');
    await page.getByRole('button', { name: en.stock.fees.save, exact: true }).click();
    await page.getByText(fill(en.stock.fees.saved, { name: item.nameEn }), { exact: true }).waitFor();
    // The list is fetched again after the save.
    const row = page.getByRole('row', { name: item.nameEn, exact: true });
    await waitUntil('the list shows the new price', async () => (await row.innerText()).includes('88.00'));
    const stored = (await harness.call('feeStandard.list', { includeInactive: true })).find((saved) => saved.id === item.id);
    expect(stored?.priceMinor).toBe(8800);
    await screenshots('stock-fees-en');
  });

  it('lists the loaners and who has each one', async () => {
    const loaner = await harness.call('loaners.save', {
      session: crew.manager.session,
      id: null,
      name: 'Huawei nova 11',
      serial: 'LN-0001',
      notes: '',
      active: true,
    });
    await harness.call('loaners.save', { session: crew.manager.session, id: null, name: 'Xiaomi Redmi 12', serial: 'LN-0002', notes: '', active: true });
    await harness.call('loans.lend', { session: crew.clerk.session, ticketId: itemAt(tickets, 0).ticketId, loanerId: loaner.id, note: '' });
    await signInThroughUi(page, crew.manager);
    await page.getByRole('button', { name: en.app.nav.stock, exact: true }).click();
    await page.getByRole('tab', { name: en.stock.tab.loaners, exact: true }).click();
    const table = page.getByRole('table', { name: en.stock.loaners.table, exact: true });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(en.stock.loaners.out);
    expect(rows[0]).toContain(CUSTOMERS[0]);
    expect(rows[0]).toContain(itemAt(tickets, 0).displayNumber);
    expect(rows[1]).toContain(en.stock.loaners.available);

    await page.getByRole('button', { name: en.stock.loaners.addButton, exact: true }).click();
    const form = page.getByRole('form', { name: en.stock.loaners.addTitle, exact: true });
    await form.getByLabel(en.stock.loaners.name, { exact: true }).fill('Apple iPhone 12');
    await form.getByLabel(en.stock.loaners.serial, { exact: true }).fill('LN-0003');
    await page.getByRole('button', { name: en.stock.loaners.add, exact: true }).click();
    await page.getByText(fill(en.stock.loaners.saved, { name: 'Apple iPhone 12' }), { exact: true }).waitFor();
    await waitUntil('three loaners are listed', async () => (await table.locator('tbody tr').count()) === 3);
    await screenshots('stock-loaners-en');
  });

  /** Words in Latin letters on screen that are not the shop's own data. */
  async function englishWords(allowedData: string[]): Promise<string[]> {
    const body = await page.locator('body').innerText();
    const allowed = new Set(
      [...allowedData, 'RD', 'IMEI', 'PIN', 'Alt', 'Ctrl', 'Esc']
        .join(' ')
        .split(/[^A-Za-z]+/)
        .filter(Boolean),
    );
    return [...new Set(body.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !allowed.has(word));
  }

  it('reads in Chinese on the board and the parts & fees screens', async () => {
    // The part and the loaner the earlier tests add, unless they are there already.
    const parts = await harness.call('parts.list', {
      session: crew.manager.session,
      query: 'Screen assembly',
      includeInactive: true,
      lowStockOnly: false,
      limit: 10,
    });
    if (parts.length === 0) {
      await harness.call('parts.save', {
        session: crew.manager.session,
        id: null,
        name: 'Screen assembly',
        specification: '6.1 inch OLED',
        compatibleModels: 'Huawei Mate 60, Mate 60 Pro',
        costMinor: 30000,
        priceMinor: 55050,
        reorderLevel: 2,
        active: true,
        openingQty: 4,
      });
    }
    const loaners = await harness.call('loaners.list', { includeInactive: true });
    if (loaners.length === 0) {
      await harness.call('loaners.save', { session: crew.manager.session, id: null, name: 'Huawei nova 11', serial: 'LN-0001', notes: '', active: true });
    }
    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await field(page, zhCN.intake.customerName).waitFor();
    const staffNames = [crew.manager.name, crew.technician.name, crew.clerk.name];
    const deviceWords = ['Huawei', 'Mate'];

    await page.getByRole('button', { name: zhCN.app.nav.tickets, exact: true }).click();
    await waitForRows('the board in Chinese', (shown) => shown.length === 11, zhCN.board.table);
    expect(await page.getByRole('row', { name: fill(zhCN.tickets.open, { number: overdue.displayNumber }) }).innerText()).toContain(zhCN.board.overdue);
    expect(await englishWords([...staffNames, ...deviceWords])).toEqual([]);
    await screenshots('board-zh');

    await page.getByRole('button', { name: zhCN.app.nav.stock, exact: true }).click();
    const feeItems = await harness.call('feeStandard.list', { includeInactive: true });
    await page.getByRole('table', { name: zhCN.stock.fees.table, exact: true }).waitFor();
    // The English names of the fee items are the shop's data, in their own column.
    expect(await englishWords([...staffNames, ...feeItems.map((item) => `${item.nameEn} ${item.code}`)])).toEqual([]);
    await screenshots('stock-fees-zh');

    await partsTab(zhCN.stock.tab.parts).click();
    const partWords = ['Screen assembly', '6.1 inch OLED', 'Huawei Mate 60, Mate 60 Pro', 'Charging port', 'USB-C'];
    await page.getByRole('table', { name: zhCN.stock.parts.table, exact: true }).waitFor();
    expect(await englishWords([...staffNames, ...partWords])).toEqual([]);
    await screenshots('stock-parts-zh');
    await page.getByRole('row', { name: fill(zhCN.stock.parts.openOne, { name: 'Screen assembly' }), exact: true }).press('Enter');
    await page.getByRole('table', { name: zhCN.stock.moves.title, exact: true }).waitFor();
    expect(await englishWords([...staffNames, ...partWords, 'Stocktake: two cracked', 'Lost in the workshop'])).toEqual([]);
    await screenshots('stock-part-zh');

    await page.getByRole('tab', { name: zhCN.stock.tab.loaners, exact: true }).click();
    await page.getByRole('table', { name: zhCN.stock.loaners.table, exact: true }).waitFor();
    expect(await englishWords([...staffNames, 'Huawei nova 11', 'Xiaomi Redmi 12', 'Apple iPhone 12', 'LN'])).toEqual([]);
    await screenshots('stock-loaners-zh');
  });
});
