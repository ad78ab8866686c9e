// The first check-in of the day in a fresh process, run by bench/run.ts:
//   node --import tsx bench/checkin-cold.ts
// Opens a desk on a new file (migrations included), checks the sample laptop
// in straight away (the fonts still loading in the background) and prints the
// three documents to the folder backend. Prints one JSON line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function main(): Promise<void> {
  const started = performance.now();
  const { openBenchDesk, checkInAndPrint } = await import('./checkin');
  const imported = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-bench-cold-'));
  try {
    const desk = await openBenchDesk(dir);
    const opened = performance.now();
    const timing = await checkInAndPrint(desk, 0);
    await desk.close();
    process.stdout.write(`${JSON.stringify({ importMs: imported - started, openMs: opened - imported, ...timing })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
