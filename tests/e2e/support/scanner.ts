// A USB barcode scanner as the page sees it: the claim ticket's digits a few
// milliseconds apart by the keyboard's own clock, then Enter. The key events
// carry their hardware time (CDP's timestamp), as a real scanner's do, so a
// busy page that handles them late still sees them arrive together.
import type { Page } from 'playwright-core';

const SCANNER_GAP_MS = 4;

export async function scanWithScanner(page: Page, digits: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    let at = Date.now() / 1000;
    const send = async (key: string, code: string, keyCode: number, text: string) => {
      at += SCANNER_GAP_MS / 1000;
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode: keyCode, text, unmodifiedText: text, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, timestamp: at });
    };
    for (const digit of digits) await send(digit, `Digit${digit}`, 48 + Number(digit), digit);
    await send('Enter', 'Enter', 13, '\r');
  } finally {
    await cdp.detach();
  }
}
