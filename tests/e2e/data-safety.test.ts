// Data safety end to end: the manager's Backups section in Settings (last good
// backup, a backup now, the export), the recovery screen a desk shows when its
// file was emptied (restored with the backup's manager PIN), --restore, and the
// harness refusing malformed URLs and foreign origins.
import { mkdtempSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { sampleIntake } from '../support/desk';
import { firstItem } from '../support/lists';
import { BACKUPS_FOLDER, listBackups } from '../../src/main/core/features/data-safety/backup';
import { openRaw } from '../../src/main/core/features/data-safety/data-file';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { launchChromium, openDesk, VIEWPORT } from './support/browser';
import { setUpCrewOverHttp, signInThroughUi, E2E_PINS } from './support/crew';
import { startHarness, type RunningHarness } from './support/harness';
import { screenshotWholePage } from './support/screenshots';

let browser: Browser;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-e2e-safety-'));
  dirs.push(dir);
  return dir;
}

describe('the Backups section of Settings', () => {
  let harness: RunningHarness;
  afterAll(async () => harness?.stop());

  it('shows a manager the last good backup, takes one now, and exports everything', async () => {
    harness = await startHarness();
    const crew = await setUpCrewOverHttp(harness);
    await harness.call('intake.checkIn', sampleIntake());
    const page = await openDesk(browser, harness.url);
    await page.getByRole('button', { name: en.app.nav.settings, exact: true }).click();
    // A clerk is not shown backups.
    await expect.poll(() => page.getByText(en.dataSafety.backups.managerOnly).isVisible(), { timeout: 30_000 }).toBe(true);
    await signInThroughUi(page, crew.manager);
    const section = page.locator('fieldset', { hasText: en.dataSafety.backups.title });
    await section.getByRole('button', { name: en.dataSafety.backups.backUpNow }).click();
    const list = section.getByRole('table', { name: en.dataSafety.backups.list });
    await expect.poll(() => list.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => list.getByText(en.dataSafety.backups.reasons.manual).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(await section.getByRole('status', { name: en.dataSafety.backups.lastGood }).textContent()).not.toContain(en.dataSafety.backups.never);
    const status = await harness.call('backups.status', { session: crew.manager.session });
    expect(status.lastGood).toMatchObject({ tickets: 1, reason: 'manual' });

    await section.getByRole('button', { name: en.dataSafety.export.start, exact: true }).click();
    await expect.poll(() => section.getByText(/^Exported \d+ rows to /).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.setViewportSize(VIEWPORT);
    await screenshotWholePage(page, 'backups-settings-en');

    await harness.call('settings.update', { language: 'zh-CN' });
    await page.reload();
    await page.getByRole('button', { name: zhCN.app.nav.settings, exact: true }).click();
    // The manager's session outlives the reload (kept for this window only).
    const zhSection = page.locator('fieldset', { hasText: zhCN.dataSafety.backups.title });
    await expect.poll(() => zhSection.getByRole('table', { name: zhCN.dataSafety.backups.list }).isVisible(), { timeout: 30_000 }).toBe(true);
    await screenshotWholePage(page, 'backups-settings-zh');
  });
});

describe('the full export of a big shop', () => {
  // Two exports of 300,000 rows: on a busy 2-core machine this alone can use most of the usual two minutes.
  it('shows its progress while it runs, in English and in Chinese', { timeout: 300_000 }, async () => {
    const harness = await startHarness();
    try {
      const crew = await setUpCrewOverHttp(harness);
      await harness.call('intake.checkIn', sampleIntake());
      // Enough rows for the export to take a while, written beside the running desk into the table
      // cheapest to fill (the backup history: no search index to update, unlike customers).
      const raw = openRaw(join(harness.dataDir, DATABASE_FILE));
      const insert = raw.prepare(
        `INSERT INTO backup_run (started_at, finished_at, reason, ok, folder, size_bytes, tickets, last_ticket_number, duration_ms, detail) VALUES (?, ?, 'manual', 1, ?, 1, 1, NULL, 1, 'verified')`,
      );
      raw.transaction(() => {
        for (let i = 0; i < 300_000; i++) insert.run('2026-12-01T02:00:00.000Z', '2026-12-01T02:00:01.000Z', harness.dataDir);
      })();
      raw.close();

      const page = await openDesk(browser, harness.url);
      await page.getByRole('button', { name: en.app.nav.settings, exact: true }).click();
      await signInThroughUi(page, crew.manager);
      const section = page.locator('fieldset', { hasText: en.dataSafety.backups.title });
      await section.getByRole('button', { name: en.dataSafety.export.start, exact: true }).click();
      const running = section.getByRole('status').filter({ hasText: /^Exporting / });
      await expect.poll(() => running.isVisible(), { timeout: 30_000 }).toBe(true);
      expect(await section.getByRole('progressbar').count()).toBe(1);
      // The table is named by what it holds, not by its SQL name.
      await expect.poll(() => running.textContent(), { timeout: 30_000 }).toContain(`Exporting ${en.dataSafety.export.tables.backup_run}…`);
      await screenshotWholePage(page, 'export-progress-en');
      await expect.poll(() => section.getByText(/^Exported \d+ rows to /).isVisible(), { timeout: 30_000 }).toBe(true);

      await harness.call('settings.update', { language: 'zh-CN' });
      await page.reload();
      await page.getByRole('button', { name: zhCN.app.nav.settings, exact: true }).click();
      const zhSection = page.locator('fieldset', { hasText: zhCN.dataSafety.backups.title });
      await zhSection.getByRole('button', { name: zhCN.dataSafety.export.start, exact: true }).click();
      await expect
        .poll(
          () =>
            zhSection
              .getByRole('status')
              .filter({ hasText: /^正在导出/ })
              .isVisible(),
          { timeout: 30_000 },
        )
        .toBe(true);
      await expect
        .poll(
          () =>
            zhSection
              .getByRole('status')
              .filter({ hasText: /^正在导出/ })
              .textContent(),
          { timeout: 30_000 },
        )
        .toContain(`正在导出 ${zhCN.dataSafety.export.tables.backup_run}…`);
      await screenshotWholePage(page, 'export-progress-zh');
      await expect.poll(() => zhSection.getByText(/^已导出 \d+ 行/).isVisible(), { timeout: 30_000 }).toBe(true);
      await page.close();
    } finally {
      await harness.stop();
    }
  });
});

describe('a desk whose file is gone with no backup at all', () => {
  it('offers a manager to start empty, keeps the old file aside, and numbering goes on', async () => {
    const dataDir = tempDir();
    let harness = await startHarness({ dataDir });
    await setUpCrewOverHttp(harness);
    const { tickets } = await harness.call('intake.checkIn', sampleIntake());
    await harness.stop();
    rmSync(join(dataDir, BACKUPS_FOLDER), { recursive: true, force: true });
    truncateSync(join(dataDir, DATABASE_FILE), 0);
    rmSync(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });

    harness = await startHarness({ dataDir });
    try {
      const zhPage = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
      await zhPage.goto(harness.url);
      await zhPage.getByText(zhCN.dataSafety.recovery.startEmpty.title).waitFor({ timeout: 30_000 });
      await screenshotWholePage(zhPage, 'recovery-start-empty-zh');
      await zhPage.close();

      const page = await browser.newPage({ viewport: VIEWPORT, locale: 'en-US' });
      await page.goto(harness.url);
      await page.getByText(en.dataSafety.recovery.startEmpty.title).waitFor({ timeout: 30_000 });
      const confirm = page.getByRole('button', { name: en.dataSafety.recovery.startEmpty.confirm });
      expect(await confirm.isDisabled()).toBe(true);
      await screenshotWholePage(page, 'recovery-start-empty-en');
      await page.getByLabel(en.dataSafety.recovery.startEmpty.acknowledge).check();
      await confirm.click();
      // The empty desk opens on its first-day setup.
      await page.getByRole('heading', { name: en.trust.setup.title }).waitFor({ timeout: 30_000 });
      expect((await harness.call('recovery.status', {})).problem).toBeNull();
      expect(readdirSync(join(dataDir, 'kept-aside'))).toHaveLength(1);
      await page.close();
    } finally {
      await harness.stop();
    }
    harness = await startHarness({ dataDir });
    try {
      await setUpCrewOverHttp(harness);
      const next = await harness.call('intake.checkIn', sampleIntake());
      expect(firstItem(next.tickets).number).toBe(firstItem(tickets).number + 1);
    } finally {
      await harness.stop();
    }
  });
});

describe('a desk whose file was emptied', () => {
  it('opens the recovery screen, not a new shop, and the newest backup brings the tickets back', async () => {
    const dataDir = tempDir();
    let harness = await startHarness({ dataDir });
    const crew = await setUpCrewOverHttp(harness);
    const { tickets } = await harness.call('intake.checkIn', sampleIntake());
    await harness.call('backups.run', { session: crew.manager.session });
    await harness.stop();
    truncateSync(join(dataDir, 'repair-desk.sqlite'), 0);
    rmSync(join(dataDir, 'repair-desk.sqlite-wal'), { force: true });

    harness = await startHarness({ dataDir });
    try {
      const zhPage = await browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
      await zhPage.goto(harness.url);
      await zhPage.getByRole('heading', { name: zhCN.dataSafety.recovery.title }).waitFor();
      await screenshotWholePage(zhPage, 'recovery-zh');
      await zhPage.close();

      const page: Page = await browser.newPage({ viewport: VIEWPORT, locale: 'en-US' });
      await page.goto(harness.url);
      await page.getByRole('heading', { name: en.dataSafety.recovery.title }).waitFor();
      expect(await page.locator('form[aria-labelledby="intake-title"]').count()).toBe(0);
      expect((await harness.invoke('intake.checkIn', sampleIntake())).ok).toBe(false);
      const form = page.getByRole('form', { name: en.dataSafety.restore.title });
      expect(await form.getByText(String(1), { exact: true }).count()).toBeGreaterThanOrEqual(1);
      await screenshotWholePage(page, 'recovery-en');

      await form.getByLabel(en.dataSafety.restore.managerPin).fill('0000');
      await form.getByRole('button', { name: en.dataSafety.restore.confirm }).click();
      await expect.poll(() => form.getByText(en.errors.field.pin_wrong).isVisible(), { timeout: 30_000 }).toBe(true);
      await form.getByLabel(en.dataSafety.restore.managerPin).fill(E2E_PINS.manager);
      await form.getByRole('button', { name: en.dataSafety.restore.confirm }).click();
      await page.locator('form[aria-labelledby="intake-title"]').waitFor({ state: 'visible', timeout: 30_000 });
      const found = await harness.call('tickets.get', { number: String(firstItem(tickets).number) });
      expect(found.number).toBe(firstItem(tickets).number);
      // This desk started in recovery, with nobody signed in: the restored manager signs in to go on.
      const manager = await harness.call('auth.signIn', { staffId: crew.manager.id, pin: E2E_PINS.manager });
      const next = await harness.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
      expect(firstItem(next.tickets).number).toBe(firstItem(tickets).number + 1);
      await page.close();
    } finally {
      await harness.stop();
    }
  });

  it('--restore puts a backup back before the desk opens', async () => {
    const source = tempDir();
    let harness = await startHarness({ dataDir: source });
    const crew = await setUpCrewOverHttp(harness);
    const { tickets } = await harness.call('intake.checkIn', sampleIntake());
    await harness.call('backups.run', { session: crew.manager.session });
    await harness.stop();
    // The backup taken at close is the day's newest: retention kept that one.
    const newest = firstItem(listBackups(source));
    expect(newest.tickets).toBe(1);

    harness = await startHarness({ dataDir: tempDir(), args: ['--restore', newest.file] });
    try {
      expect((await harness.call('tickets.get', { number: String(firstItem(tickets).number) })).number).toBe(firstItem(tickets).number);
    } finally {
      await harness.stop();
    }
  });
});

describe('the harness', () => {
  it('answers 400 to a malformed URL and refuses POSTs from another origin', async () => {
    const harness = await startHarness();
    try {
      expect((await fetch(`${harness.url}/%`)).status).toBe(400);
      const foreign = await fetch(`${harness.url}/api/intake.checkIn`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', origin: 'http://evil.example' },
        body: JSON.stringify(sampleIntake()),
      });
      expect(foreign.status).toBe(403);
      const own = await fetch(`${harness.url}/api/settings.get`, { method: 'POST', headers: { origin: harness.url }, body: '{}' });
      expect(own.status).toBe(200);
    } finally {
      await harness.stop();
    }
  });
});
