// Backup, export and restore timings on the generated shop file (generate-data.ts):
// the online backup with its verification, the full export ZIP, and a restore
// into an empty folder. The generated file itself is only read. Backup and
// export run beside the desk's own work, so the bench also records the longest
// stall of this thread's event loop while each runs: the window is frozen that long.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DATABASE_FILE, SECRET_KEY_FILE } from '../src/main/core/desk';
import { takeBackup } from '../src/main/core/features/data-safety/backup';
import { exportDatabase } from '../src/main/core/features/data-safety/export';
import { restoreBackup } from '../src/main/core/features/data-safety/restore';
import { ensureBenchData } from './generate-data';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`;

export async function runDataSafetyBench({ tickets, log }: { tickets: number; log: (text: string) => void }): Promise<string> {
  const data = await ensureBenchData(tickets, { log });
  const work = mkdtempSync(join(tmpdir(), 'repair-desk-bench-safety-'));
  try {
    log(`backup of ${tickets.toLocaleString('en')} tickets`);
    const backupStalls = monitorEventLoopDelay({ resolution: 10 });
    backupStalls.enable();
    const backup = await takeBackup({ databaseFile: data.file, keyFile: join(data.dir, SECRET_KEY_FILE), folder: work, reason: 'manual', now: new Date() });
    backupStalls.disable();
    if (!backup.ok || !backup.backup) throw new Error(`backup failed: ${backup.detail}`);
    const backupLoad = load();

    log('full export');
    let chunks = 0;
    const cpuBefore = process.cpuUsage();
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const exported = await exportDatabase({
      databaseFile: data.file,
      path: join(work, 'export.zip'),
      now: new Date(),
      shopName: 'bench',
      onProgress: () => chunks++,
    });
    stalls.disable();
    const exportLoad = load();
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    // The histogram is in nanoseconds and includes the 10 ms sampling interval.
    const stallMs = (ns: number) => Math.max(0, ns / 1e6 - 10);

    log('restore into an empty folder');
    const target = join(work, 'restored');
    const restoreStarted = performance.now();
    restoreBackup({
      dataDir: target,
      databaseFile: join(target, DATABASE_FILE),
      keyFile: join(target, SECRET_KEY_FILE),
      backup: backup.backup.file,
      now: new Date(),
    });
    const restoreMs = performance.now() - restoreStarted;
    const restoreLoad = load();

    return [
      `\nData safety on ${tickets.toLocaleString('en')} tickets (${mb(data.bytes)} file)`,
      `  backup (online copy + integrity_check + row counts): ${seconds(backup.durationMs)}, ${mb(backup.sizeBytes)} (${backupLoad})`,
      `  backup, desk's event loop: longest stall ${stallMs(backupStalls.max).toFixed(0)} ms, 99th percentile ${stallMs(backupStalls.percentile(99)).toFixed(0)} ms (the integrity_check runs on a worker thread)`,
      `  full export (${exported.rows.toLocaleString('en')} rows, ${chunks} progress reports): ${seconds(exported.durationMs)}, ${mb(statSync(exported.path).size)}, ` +
        `${Math.round(exported.rows / (exported.durationMs / 1000)).toLocaleString('en')} rows/s; goal: 1,000,000 tickets in under 120 s` +
        (tickets === 1_000_000 ? '' : ` (about ${seconds((exported.durationMs * 1_000_000) / tickets)} scaled to 1,000,000 tickets)`) +
        ` (${exportLoad})`,
      // On a busy machine the wall time mostly measures waiting for a core; the CPU time (all threads: reading, encoding, zlib) does not.
      `  full export CPU time: ${seconds(cpuMs)} (about ${seconds((cpuMs * 1_000_000) / tickets)} scaled to 1,000,000 tickets, shared by the desk's thread and zlib's)`,
      `  full export, desk's event loop: longest stall ${stallMs(stalls.max).toFixed(0)} ms, 99th percentile ${stallMs(stalls.percentile(99)).toFixed(0)} ms, mean ${stallMs(stalls.mean).toFixed(1)} ms`,
      `  restore (integrity_check of the backup + copy into place): ${seconds(restoreMs)} (${restoreLoad})`,
    ].join('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
