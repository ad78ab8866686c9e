// The desk's start as the clerk sees it: the intake form comes up at once, in
// the shop's language, its first field ready for typing. No loading screen
// comes first (main is asked for everything the first screen needs before
// anything is drawn), so a Chinese shop never sees an English frame.
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { zhCN } from '../../src/shared/i18n/zh-CN';
import { launchChromium, VIEWPORT } from './support/browser';
import { startHarness, type RunningHarness } from './support/harness';
import { field, focusedLabel, isFocused } from './support/page-helpers';

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
