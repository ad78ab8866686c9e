// Screenshots the e2e tests leave in test-output/screenshots for a person to look at.
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { VIEWPORT } from './browser';

export const SCREENSHOTS = resolve(__dirname, '../../../test-output/screenshots');

/** The whole screen as a clerk sees it, tall enough for the whole page (the action bar stays at the bottom). */
export async function screenshotWholePage(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let the layout settle at the new size (two frames) before the picture.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  await page.setViewportSize(VIEWPORT);
}
