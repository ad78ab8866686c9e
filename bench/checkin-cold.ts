// The first check-in of the day in a fresh process, run by bench/run.ts:
//   node --import tsx bench/checkin-cold.ts [idle ms]
// Opens a desk on a new file (migrations included), waits the idle time (none:
// straight away, the desk's warm-up still running), checks the sample laptop
// in and prints the three documents to the folder backend. Prints one JSON line.
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
    const idleMs = Number(process.argv[2] ?? 0);
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
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
