// Start of the desk in Chromium through the web harness: from navigation start
// to the first field of the intake form focused (ready for typing), each load
// in a fresh browser context (nothing cached). Needs the renderer built
// (npx electron-vite build); REPAIR_DESK_RENDERER names another build folder.
import { launchChromium, VIEWPORT } from '../tests/e2e/support/browser';
import { startHarness } from '../tests/e2e/support/harness';
import { ms, summarize, table } from './stats';

const GOAL_MS = 1500;

declare global {
  interface Window {
    firstFieldFocusedAt?: number;
  }
}

export async function runStartBench(loads: number, log: (text: string) => void): Promise<string> {
  const harness = await startHarness();
  const browser = await launchChromium();
  const times: number[] = [];
  const scripts: number[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      log(`start: load ${i + 1} of ${loads + 1}`);
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      await page.addInitScript(() => {
        document.addEventListener(
          'focusin',
          (event) => {
            if (window.firstFieldFocusedAt === undefined && (event.target as Element).matches('input, textarea'))
              window.firstFieldFocusedAt = performance.now();
          },
          true,
        );
      });
      await page.goto(harness.url);
      await page.waitForFunction(() => window.firstFieldFocusedAt !== undefined, null, { timeout: 30_000 });
      const focusedAt = await page.evaluate(() => window.firstFieldFocusedAt!);
      const scriptBytes = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js') && (e as PerformanceResourceTiming).responseEnd <= window.firstFieldFocusedAt!)
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
      );
      await context.close();
      if (i === 0) continue; // the harness's first answers warm its own caches
      times.push(focusedAt);
      scripts.push(scriptBytes);
    }
  } finally {
    await browser.close();
    await harness.stop();
  }
  const s = summarize(times);
  return [
    `\nStart: navigation start to the intake form's first field focused, in Chromium through the harness (${loads} loads, fresh context each)`,
    table([
      ['case', 'median', 'p95', 'script loaded before focus', 'goal', 'met'],
      [
        'desk start',
        `${ms(s.median)} ms`,
        `${ms(s.p95)} ms`,
        `${(summarize(scripts).median / 1024).toFixed(0)} KB`,
        `p95 < ${GOAL_MS} ms`,
        s.p95 < GOAL_MS ? 'yes' : 'NO',
      ],
    ]),
  ].join('\n');
}

if (require.main === module) {
  runStartBench(Number(process.argv[2] ?? 10), (t) => process.stderr.write(`  ${t}\n`))
    .then((report) => console.log(report))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
