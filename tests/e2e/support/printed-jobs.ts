// What the harness's folder printer (--print-to) has received: every print job
// is written there as a PDF plus a JSON record, so a test reads exactly what
// the counter's printers would have been sent.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunningHarness } from './harness';

export interface JobRecord {
  file: string;
  title: string;
  printer: string;
  media: { widthMm: number; heightMm: number };
  copies: number;
}

/** The jobs the folder printer has received, oldest first. */
export function printedJobs(dir: string): JobRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as JobRecord);
}

/** After a printing test: closes the browser, stops the harness and removes its print folder, whichever of them was started. */
export async function closePrintingDesk(browser: Browser | undefined, harness: RunningHarness | undefined, printTo: string | undefined): Promise<void> {
  await browser?.close();
  await harness?.stop();
  if (printTo) rmSync(printTo, { recursive: true, force: true });
}
