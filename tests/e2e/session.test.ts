// PIN sign-in at the counter: on a fresh desk the first manager sets a PIN and
// is signed in; a wrong PIN is refused and the dialog stays; the manager adds a
// technician in Settings and gives them a PIN; the technician signs in with it.
// Each test after the first sets up what it needs (the desk set up, Li Wei with
// a PIN) over HTTP when an earlier test has not, and starts on a page of its own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { launchChromium, VIEWPORT } from './support/browser';
import { EN_SIGN_IN, signInThroughUi } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { fieldError } from './support/page-helpers';
import { closePrintingDesk, printedJobs } from './support/printed-jobs';
import { screenshotWholePage } from './support/screenshots';

const MANAGER_PIN = '5824';
const TECHNICIAN_PIN = '9173';

describe('sign-in with a PIN', () => {
  let harness: RunningHarness;
  let browser: Browser;
  let page: Page;
  let printTo: string;

  beforeAll(async () => {
    printTo = mkdtempSync(join(tmpdir(), 'repair-desk-setup-print-'));
    harness = await startHarness({ setup: false, printTo });
    browser = await launchChromium();
    // A fresh desk opens on the first-run setup, not the intake screen.
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(harness.url);
    await page.locator('form[aria-labelledby="setup-title"]').waitFor({ state: 'visible', timeout: 30_000 });
  });

  afterAll(async () => {
    await closePrintingDesk(browser, harness, printTo);
  });

  /** The desk as the first test leaves it: set up, its manager's PIN chosen. */
  async function setUpDesk(): Promise<void> {
    if ((await harness.call('setup.status', {})).done) return;
    await harness.call('setup.complete', {
      shopName: 'Fix-It Repairs',
      shopAddress: 'Tianhe Rd 1',
      shopPhone: '020 8888 0000',
      language: 'en',
      managerName: 'Manager',
      managerPin: MANAGER_PIN,
    });
  }

  /** Li Wei, the technician the third test adds on screen, with a PIN. */
  async function technician(): Promise<{ id: number }> {
    const known = (await harness.call('staff.list', { includeInactive: false })).find((s) => s.name.startsWith('Li Wei 李伟'));
    if (known) return known;
    const { token } = await harness.call('auth.signIn', { staffId: 1, pin: MANAGER_PIN });
    const saved = await harness.call('staff.save', { id: null, session: token, name: 'Li Wei 李伟', role: 'technician', active: true });
    await harness.call('auth.setPin', { session: token, staffId: saved.id, currentPin: null, newPin: TECHNICIAN_PIN });
    return saved;
  }

  /** A page of the test's own, signed out (the session lives in the page's storage). */
  async function freshPage(): Promise<void> {
    await page.close();
    page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(harness.url);
    await banner().getByRole('button', { name: en.session.signIn, exact: true }).waitFor({ timeout: 30_000 });
  }

  async function openSettings(): Promise<void> {
    await page.getByRole('navigation').getByRole('button', { name: en.app.nav.settings }).click();
  }

  const banner = () => page.getByRole('banner');
  const dialog = () => page.getByRole('dialog');
  const signedIn = () => banner().getByLabel(en.session.signedInLabel, { exact: true });

  it('lets the first manager choose a PIN on a fresh desk, and signs them in', async () => {
    // A fresh desk opens on the first-run setup, which sets the first manager's PIN.
    expect(await harness.call('auth.roster', {})).toMatchObject({ setupNeeded: true });
    const setup = en.trust.setup;
    await screenshotWholePage(page, 'setup-en');
    // The language is chosen first: the setup speaks it at once.
    await page.getByLabel(setup.language).selectOption('zh-CN');
    await page.getByText(zhCN.trust.setup.intro, { exact: true }).waitFor();
    await screenshotWholePage(page, 'setup-zh');
    await page.getByLabel(zhCN.trust.setup.language).selectOption('en');
    await page.getByLabel(setup.shopName).fill('Fix-It Repairs');
    await page.getByLabel(setup.shopAddress).fill('Tianhe Rd 1');
    await page.getByLabel(setup.shopPhone).fill('020 8888 0000');
    await page.getByLabel(setup.managerName).fill('Manager');
    await page.getByLabel(setup.managerPin).fill(MANAGER_PIN);
    await page.getByLabel(setup.repeatPin).fill('5825');
    await page.getByRole('button', { name: setup.finish }).click();
    await expect.poll(() => page.getByText(setup.pinsDiffer).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await harness.call('auth.roster', {})).toMatchObject({ setupNeeded: true });

    await page.getByLabel(setup.repeatPin).fill(MANAGER_PIN);
    await page.getByLabel(setup.repeatPin).press('Enter');
    // The last step: printers per document, with a test print each; it can be skipped.
    await page.getByRole('heading', { name: setup.title }).waitFor({ timeout: 30_000 });
    await page.getByText(setup.printersIntro, { exact: true }).waitFor();
    await page
      .getByRole('button', { name: en.settings.printing.testPrintFor.replace('{{document}}', en.settings.printing.documentsInline['claim-ticket']) })
      .click();
    await expect.poll(() => printedJobs(printTo).length, { timeout: 30_000 }).toBe(1);
    await page.getByText(en.settings.printing.testSent, { exact: true }).waitFor();
    await screenshotWholePage(page, 'setup-printers-en');
    await page.getByRole('button', { name: setup.done }).click();
    await expect.poll(() => signedIn().textContent(), { timeout: 30_000 }).toBe('Manager (Manager)');
    expect(await harness.call('auth.roster', {})).toMatchObject({ setupNeeded: false });
    await screenshotWholePage(page, 'session-signed-in-en');
  });

  it('refuses a wrong PIN with a message and keeps the dialog open', async () => {
    await setUpDesk();
    await freshPage();
    await banner().getByRole('button', { name: en.session.signIn, exact: true }).click();
    await dialog().getByLabel(EN_SIGN_IN.staffMember, { exact: true }).selectOption('1');
    const pin = dialog().getByLabel(en.session.pin, { exact: true });
    await pin.fill('0000');
    await pin.press('Enter');
    await expect.poll(() => fieldError(pin), { timeout: 30_000 }).toBe(en.errors.field.pin_wrong);
    await screenshotWholePage(page, 'session-wrong-pin-en');
    expect(await signedIn().count()).toBe(0);
    await pin.fill(MANAGER_PIN);
    await pin.press('Enter');
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => signedIn().textContent(), { timeout: 30_000 }).toBe('Manager (Manager)');
  });

  it('lets the signed-in manager add a technician and set their PIN; the technician then signs in', async () => {
    await setUpDesk();
    await freshPage();
    await signInThroughUi(page, { id: 1, pin: MANAGER_PIN });
    await openSettings();
    const addRow = page.getByRole('form', { name: en.settings.addStaff, exact: true });
    await addRow.getByLabel(`${en.settings.addStaff}: ${en.settings.staffName}`).fill('Li Wei 李伟');
    await addRow.getByLabel(`${en.settings.addStaff}: ${en.settings.staffRole}`).selectOption('technician');
    await addRow.getByRole('button', { name: en.settings.addStaff }).click();
    const technician = await expect
      .poll(async () => (await harness.call('staff.list', { includeInactive: false })).find((s) => s.name === 'Li Wei 李伟'))
      .toBeTruthy()
      .then(async () => (await harness.call('staff.list', { includeInactive: false })).find((s) => s.name === 'Li Wei 李伟')!);

    await page.getByRole('button', { name: `Li Wei 李伟: ${en.settings.setPin}` }).click();
    const newPin = page.getByLabel(`Li Wei 李伟: ${en.settings.newPin}`, { exact: true });
    await newPin.fill(TECHNICIAN_PIN);
    await newPin.press('Enter');
    await expect.poll(() => page.getByText(en.settings.pinSet).isVisible(), { timeout: 30_000 }).toBe(true);
    const roster = await harness.call('auth.roster', {});
    expect(roster.staff.find((s) => s.id === technician.id)).toMatchObject({ hasPin: true });

    await banner().getByRole('button', { name: en.session.signOut }).click();
    await signInThroughUi(page, { id: technician.id, pin: TECHNICIAN_PIN });
    await expect.poll(() => signedIn().textContent(), { timeout: 30_000 }).toBe('Li Wei 李伟 (Technician)');
  });

  it('shows a technician the staff list disabled, with why; a manager takes over the counter', async () => {
    await setUpDesk();
    const { id } = await technician();
    await freshPage();
    await signInThroughUi(page, { id, pin: TECHNICIAN_PIN });
    await openSettings();
    const staff = page.getByRole('group', { name: en.settings.staff, exact: true }).first();
    const reason = en.trust.gate.refused.replace('{{rule}}', en.trust.needsRole.manager_required).replace('{{role}}', en.role.technician);
    await expect.poll(() => staff.innerText(), { timeout: 30_000 }).toContain(reason);
    expect(await staff.getByRole('button', { name: en.settings.addStaff }).isDisabled()).toBe(true);
    await staff.getByRole('button', { name: en.trust.gate.signInAsManager }).click();
    await signInThroughUi(page, { id: 1, pin: MANAGER_PIN }, undefined, true);
    await expect.poll(() => signedIn().textContent(), { timeout: 30_000 }).toBe('Manager (Manager)');
  });

  it('asks for a sign-in again when the session has ended on the desk, then finishes the change', async () => {
    await setUpDesk();
    await technician();
    await freshPage();
    await signInThroughUi(page, { id: 1, pin: MANAGER_PIN });
    await openSettings();
    // The staff list has loaded, and is the manager's to change.
    await expect
      .poll(() => page.getByRole('form', { name: 'Li Wei 李伟', exact: true }).getByRole('button', { name: en.settings.saveStaff }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await expect
      .poll(() => page.getByRole('form', { name: en.settings.addStaff, exact: true }).getByRole('button').first().isEnabled(), { timeout: 30_000 })
      .toBe(true);
    const stored = await page.evaluate(() => window.sessionStorage.getItem('repairDesk.session'));
    const token = (JSON.parse(stored ?? '{}') as { token?: string }).token;
    expect(token).toBeTruthy();
    // The desk ends the session (as after a PIN reset or a long idle); the page still thinks it is signed in.
    await harness.call('auth.signOut', { session: token! });
    const row = page.getByRole('form', { name: 'Li Wei 李伟', exact: true });
    await row.getByLabel(`Li Wei 李伟: ${en.settings.staffName}`).fill('Li Wei 李伟 2');
    await row.getByRole('button', { name: en.settings.saveStaff }).click();
    await signInThroughUi(page, { id: 1, pin: MANAGER_PIN }, undefined, true);
    await expect.poll(async () => (await harness.call('staff.list', { includeInactive: false })).map((s) => s.name)).toContain('Li Wei 李伟 2');
    await expect.poll(() => signedIn().textContent(), { timeout: 30_000 }).toBe('Manager (Manager)');
  });

  it('speaks Chinese in the sign-in dialog', async () => {
    await setUpDesk();
    await freshPage();
    await signInThroughUi(page, { id: 1, pin: MANAGER_PIN });
    const { token } = await harness.call('auth.signIn', { staffId: 1, pin: MANAGER_PIN });
    await harness.call('settings.update', { session: token, language: 'zh-CN' });
    await page.reload();
    await banner().getByRole('button', { name: zhCN.session.signOut }).click();
    await banner().getByRole('button', { name: zhCN.session.signIn, exact: true }).click();
    await expect.poll(() => dialog().getByLabel(zhCN.session.pin, { exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await dialog().getByRole('heading').first().textContent()).toBe(zhCN.session.signInTitle);
    await screenshotWholePage(page, 'session-sign-in-zh');
    const text = (await dialog().innerText()).replace(/Li Wei|Manager|PIN/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});
