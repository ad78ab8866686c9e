// Small readers over the page, by accessible name, for the intake tests.
import type { Locator, Page } from 'playwright-core';

/** A field on the screen on show: screens kept mounted while hidden (Tickets, Collection) may use the same label. */
export function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true }).filter({ visible: true });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Accessible name of whatever has focus, to say where focus went when a test fails. */
export async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '(nothing)';
    const labelledBy = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelledBy ? document.getElementById(labelledBy)?.textContent : null) ??
      (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ??
      element.textContent;
    return `${element.tagName.toLowerCase()} "${(label ?? '').trim()}"`;
  });
}

/** The error message a field announces (Mantine links it through aria-describedby). */
export async function fieldError(locator: Locator): Promise<string | null> {
  return locator.evaluate((element) => {
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
    const texts = ids.map((id) => document.getElementById(id)?.textContent ?? '').filter(Boolean);
    return texts.length > 0 ? texts.join(' ') : null;
  });
}

/** Waits for a condition checked in Node (e.g. focus or a value), failing with a description. */
export async function waitUntil(description: string, check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting until ${description}`);
}

/** Ticket numbers shown after a check-in, in order. */
export async function shownTicketNumbers(page: Page, label: string, count: number): Promise<string[]> {
  const numbers = page.getByLabel(label, { exact: true });
  await numbers.nth(count - 1).waitFor({ state: 'visible', timeout: 15_000 });
  return (await numbers.allTextContents()).map((text) => text.trim());
}

export function isoDayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
