// Report timings on the generated tickets (generate-data.ts): the monthly and
// the one-year report through the desk ('reports.get': validation, the
// session, settings, TypeORM, one read transaction, the stored day totals)
// next to the same SQL run directly (the report service's statements on the
// day totals, with better-sqlite3 through the prepared-statement shim, in one
// BEGIN ... COMMIT): what the desk adds over its own queries. Both run one
// after the other and must give the same report, and that report must be the
// one computed from the raw rows (every ticket, event, payment and collection
// of the period: the live reference, run once per report and timed too).
// The goals are set for a file of 1,000,000 tickets.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openDesk } from '../src/main/core/desk';
import { createDirectoryBackend } from '../src/main/core/features/printing/spooler';
import { buildReport } from '../src/main/core/features/figures/reports';
import { DEFAULT_SETTINGS } from '../src/main/core/features/settings/settings';
import { SAMPLE_MANAGER_PIN } from '../src/main/core/sample-desk';
import { BUSY_TIMEOUT_MS } from '../src/main/core/storage/database';
import { DATA_NOW, ensureBenchData } from './generate-data';
import { RawRunner } from './search';
import { ms, summarize, table } from './stats';
import type { AuthSession } from '../src/shared/staff-contract';
import type { Report } from '../src/shared/figures-contract';

/** The generated shop is set up as the sample desk (bench/checkin.ts), whose manager has this PIN. */
const PIN = SAMPLE_MANAGER_PIN;

function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

export async function runReportsBench({ tickets, runs, log }: { tickets: number; runs: number; log: (text: string) => void }): Promise<string> {
  const data = await ensureBenchData(tickets, { log });
  const desk = await openDesk({
    dataDir: data.dir,
    fontsDir: join(__dirname, '..', 'resources', 'fonts'),
    clock: { now: () => DATA_NOW },
    printBackend: createDirectoryBackend({ dir: join(data.dir, 'printed') }),
    primeDocuments: false,
    logError: (where, error) => console.error(where, error),
  });
  const db = new BetterSqlite3(data.file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const raw = new RawRunner(db);
  try {
    // The generated shop's first manager chooses a PIN (first run) and signs in, as at the counter.
    const manager = (db.prepare(`SELECT id FROM staff WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1`).get() as { id: number }).id;
    const hasPin = db.prepare(`SELECT COUNT(*) AS n FROM staff WHERE pin_hash IS NOT NULL`).get() as { n: number };
    if (hasPin.n === 0) await desk.dispatch('auth.setPin', { session: null, staffId: manager, currentPin: null, newPin: PIN });
    const signedIn = await desk.dispatch('auth.signIn', { staffId: manager, pin: PIN });
    if (!signedIn.ok) throw new Error(`bench sign-in failed: ${JSON.stringify(signedIn.error)}`);
    const session = (signedIn.data as AuthSession).token;

    const lastMonthStart = new Date(DATA_NOW.getFullYear(), DATA_NOW.getMonth() - 1, 1);
    const lastMonthEnd = new Date(DATA_NOW.getFullYear(), DATA_NOW.getMonth(), 0);
    const yearStart = new Date(DATA_NOW.getFullYear() - 1, DATA_NOW.getMonth(), DATA_NOW.getDate() + 1);
    const cases = [
      { label: `monthly report (${iso(lastMonthStart)} to ${iso(lastMonthEnd)})`, from: iso(lastMonthStart), to: iso(lastMonthEnd), goalMs: 50 },
      { label: `one-year report (${iso(yearStart)} to ${iso(DATA_NOW)})`, from: iso(yearStart), to: iso(DATA_NOW), goalMs: 300 },
    ];
    const rows = [['report', 'tickets in', 'desk median', 'desk p95', 'goal p95', 'same SQL median', 'same SQL p95', 'raw rows (once)']];
    const warmUp = 3;
    for (const c of cases) {
      log(`reports: ${c.label} x ${runs}`);
      const deskTimes: number[] = [];
      const rawTimes: number[] = [];
      let ticketsIn = 0;
      const l0 = performance.now();
      const live = JSON.stringify(
        await raw.read((tx) => buildReport(tx, c.from, c.to, { ...DEFAULT_SETTINGS }, { withParts: true, now: DATA_NOW, source: 'live' })),
      );
      const liveMs = performance.now() - l0;
      for (let i = 0; i < runs + warmUp; i++) {
        const t0 = performance.now();
        const result = await desk.dispatch('reports.get', { session, from: c.from, to: c.to });
        const t1 = performance.now();
        if (!result.ok) throw new Error(`reports.get failed: ${JSON.stringify(result.error)}`);
        const report = result.data as Report;
        const direct = await raw.read((tx) => buildReport(tx, c.from, c.to, { ...DEFAULT_SETTINGS }, { withParts: true, now: DATA_NOW, source: 'stored' }));
        const t2 = performance.now();
        if (JSON.stringify(direct) !== JSON.stringify(report)) throw new Error(`the desk's report and the same SQL run directly differ for ${c.label}`);
        if (JSON.stringify(report) !== live) throw new Error(`the desk's report and the one from the raw rows differ for ${c.label}`);
        ticketsIn = report.tickets.in;
        if (i >= warmUp) {
          deskTimes.push(t1 - t0);
          rawTimes.push(t2 - t1);
        }
      }
      const d = summarize(deskTimes);
      const r = summarize(rawTimes);
      rows.push([
        c.label,
        ticketsIn.toLocaleString('en'),
        `${ms(d.median)} ms`,
        `${ms(d.p95)} ms`,
        `< ${c.goalMs} ms`,
        `${ms(r.median)} ms`,
        `${ms(r.p95)} ms`,
        `${ms(liveMs)} ms`,
      ]);
    }
    return `\nReports on ${data.tickets.toLocaleString('en')} tickets (${runs} runs each after ${warmUp} warm-up; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})\n${table(rows)}`;
  } finally {
    db.close();
    await desk.close();
  }
}
