// The desk's start as the clerk sees it: the intake form comes up at once, in
// the shop's language, its first field ready for typing. No loading screen
// comes first (main is asked for everything the first screen needs before
// anything is drawn), so a Chinese shop never sees an English frame.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { launchChromium, VIEWPORT } from './support/browser';
import { startHarness, type RunningHarness } from './support/harness';
import { field, focusedLabel, isFocused } from './support/page-helpers';
import { screenshotWholePage } from './support/screenshots';

/** What the page drew while starting: how many of its frames held a loading screen, and the text of the first. */
interface StartSeen {
  loadingFrames: number;
  firstText: string | null;
}

declare global {
  interface Window {
    startSeen?: StartSeen;
  }
}

describe('desk start', () => {
  let browser: Browser;
  let harness: RunningHarness;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  beforeEach(async () => {
    harness = await startHarness();
    page = await browser.newPage({ viewport: VIEWPORT });
    // Every change React makes to the page is seen here, the loading screens (aria-busy) included.
    await page.addInitScript(() => {
      const seen: StartSeen = { loadingFrames: 0, firstText: null };
      window.startSeen = seen;
      new MutationObserver(() => {
        const root = document.getElementById('root');
        if (!root?.firstChild) return;
        if (root.querySelector('[aria-busy="true"]')) seen.loadingFrames++;
        seen.firstText ??= root.textContent;
      }).observe(document, { childList: true, subtree: true });
    });
  });

  afterEach(async () => {
    await page?.close();
    await harness?.stop();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function started(customerName: string): Promise<StartSeen> {
    await page.goto(harness.url);
    const name = field(page, customerName);
    await name.waitFor();
    await expect.poll(() => isFocused(name), { message: `focus is on ${await focusedLabel(page)}` }).toBe(true);
    return (await page.evaluate(() => window.startSeen))!;
  }

  it('opens straight on the intake form, its first field ready for typing', async () => {
    const seen = await started(en.intake.customerName);
    expect(seen.loadingFrames).toBe(0);
    expect(seen.firstText).toContain(en.intake.title);
  });

  it("draws a Chinese shop's desk in Chinese from its first frame", async () => {
    await harness.call('settings.update', { language: 'zh-CN' });
    const seen = await started(zhCN.intake.customerName);
    expect(seen.loadingFrames).toBe(0);
    expect(seen.firstText).toContain(zhCN.intake.title);
    expect(seen.firstText).not.toContain(en.intake.title);
  });
});

describe("a slow start (the shop's file checked after a power cut)", () => {
  // Long enough that the page has loaded and waited past its moment well before the desk opens, even on a busy machine.
  const HOLD_MS = 8000;
  let browser: Browser;
  let harness: RunningHarness | undefined;
  let dataDir: string;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await harness?.stop();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('explains the wait in both languages, then opens on the intake form by itself', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'repair-desk-e2e-slow-start-'));
    const first = await startHarness({ dataDir });
    await first.stop();
    // As the shell does: its pages are served while the desk is still opening, and their requests wait for it.
    harness = await startHarness({ dataDir, setup: false, args: ['--hold-open-ms', String(HOLD_MS)] });
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.goto(harness.url);

    const english = page.getByRole('heading', { name: en.dataSafety.starting.title });
    const chinese = page.getByRole('heading', { name: zhCN.dataSafety.starting.title });
    await english.waitFor();
    await chinese.waitFor();
    expect(await page.getByText(en.dataSafety.starting.body).count()).toBe(1);
    expect(await page.getByText(zhCN.dataSafety.starting.body).count()).toBe(1);
    expect(await page.locator('[aria-busy="true"]').count()).toBe(1);
    // Still opening: nothing of the desk yet.
    expect(await field(page, en.intake.customerName).count()).toBe(0);
    await screenshotWholePage(page, 'desk-start-slow');

    const name = field(page, en.intake.customerName);
    await name.waitFor({ timeout: HOLD_MS + 30_000 });
    await expect.poll(() => isFocused(name), { message: `focus is on ${await focusedLabel(page)}` }).toBe(true);
    expect(await english.count()).toBe(0);
    expect(await chinese.count()).toBe(0);
    await page.close();
  });
});
