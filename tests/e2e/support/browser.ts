// Debian's Chromium driven by playwright-core; never a downloaded browser.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is required for the e2e tests and was not found at ${CHROMIUM} (apt-get install chromium)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export const VIEWPORT = { width: 1366, height: 768 };

/** Opens the desk and waits until the intake form is on screen. */
export async function openDesk(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(error.message));
  await page.goto(url);
  await page
    .locator('form[aria-labelledby="intake-title"]')
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch((error: unknown) => {
      throw new Error(`the intake screen did not appear${failures.length ? `; page errors: ${failures.join('; ')}` : ''}: ${String(error)}`);
    });
  return page;
}
