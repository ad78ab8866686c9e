// npm run bench: how long the counter waits for its documents and its check-in.
//   - each document rendered cold (the first render in a fresh process, fonts
//     loaded from disk: several child processes) and warm (many renders in one
//     process), with the PDF size;
//   - one 'intake.checkIn' through the desk next to the same rows written with
//     raw SQL (better-sqlite3) on the same kind of file;
//   - check-in to the three PDFs handed to the folder backend, warm and cold;
//   - search and the board on ten years of generated tickets (search.ts),
//     through the desk next to the same SQL on better-sqlite3.
//   - the desk's start in Chromium through the web harness, to the intake
//     form ready for typing (needs the renderer built: npx electron-vite build);
//   - the same shop moved onto a local PostgreSQL server (postgres.ts): exact
//     lookups, the board and check-in through the desk next to the pg driver
//     (needs Debian's postgresql; --skip-postgres leaves it out).
// Options: --quick (fewer runs, for a smoke check); --tickets <n> (tickets in
// the generated file, default 200000; e.g. 1000000); --skip-search;
// --search-only; --reports-only; --skip-start; --skip-safety, --safety-only (backup, export, restore);
// --skip-postgres, --postgres-only. The generated file is cached in the temp folder, keyed by
// size: the first run at a size spends its generation time once.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createDocumentRenderer } from '../src/main/core/documents';
import { timeCheckInPairs, timeCheckInToPrint } from './checkin';
import { BENCH_DOCUMENTS, benchDefinition } from './documents';
import { runReportsBench } from './reports';
import { runSearchBench } from './search';
import { runStartBench } from './start';
import { runDataSafetyBench } from './data-safety';
import { runPostgresBench } from './postgres';
import { ms, summarize, table } from './stats';
import type { Language } from '../src/shared/domain';

const quick = process.argv.includes('--quick');
const COLD_PROCESSES = quick ? 2 : 5;
const WARM_RENDERS = quick ? 10 : 50;
const CHECK_INS = quick ? 30 : 200;
/** The desk's own check-in next to the same rows written directly (issue goal). */
const CHECK_IN_RATIO_GOAL = 1.5;
const CHECK_IN_TO_PRINT = quick ? 5 : 30;
const skipSearch = process.argv.includes('--skip-search');
const searchOnly = process.argv.includes('--search-only');
const skipStart = process.argv.includes('--skip-start');
const reportsOnly = process.argv.includes('--reports-only');
const START_LOADS = quick ? 3 : 10;
const skipSafety = process.argv.includes('--skip-safety');
const safetyOnly = process.argv.includes('--safety-only');
const skipPostgres = process.argv.includes('--skip-postgres');
const postgresOnly = process.argv.includes('--postgres-only');
const ticketsAt = process.argv.indexOf('--tickets');
const SEARCH_TICKETS = ticketsAt > 0 ? Number(process.argv[ticketsAt + 1]) : 200_000;
const SEARCH_QUERIES = quick ? 30 : 200;
if (!Number.isInteger(SEARCH_TICKETS) || SEARCH_TICKETS < 1000)
  throw new Error(`--tickets wants a whole number of at least 1000, not ${process.argv[ticketsAt + 1]}`);

interface ColdRender {
  kind: string;
  importMs: number;
  fontLoadMs: number;
  firstRenderMs: number;
  bytes: number;
}

interface ColdCheckIn {
  importMs: number;
  openMs: number;
  checkInMs: number;
  printMs: number;
  totalMs: number;
}

/** Runs a bench script in a fresh Node process (TypeScript through tsx) and parses its JSON line. */
function runChild<T>(script: string, args: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
      cwd: join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}: ${stderr}${stdout}`));
      resolve(JSON.parse(line) as T);
    });
  });
}

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    `Repair Desk benchmark (${quick ? 'quick' : 'full'}) - Node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const only = searchOnly || safetyOnly || reportsOnly || postgresOnly;
  if (!only) await documentsAndCheckIn();
  if (!only && !skipStart) console.log(await runStartBench(START_LOADS, progress));
  if (!skipSearch && !safetyOnly && !postgresOnly) {
    if (!reportsOnly) console.log(await runSearchBench({ tickets: SEARCH_TICKETS, queriesPerKind: SEARCH_QUERIES, log: progress }));
    console.log(await runReportsBench({ tickets: SEARCH_TICKETS, runs: quick ? 5 : 20, log: progress }));
  }
  // Backup, export and restore on the same generated file.
  if (!skipSafety && !(only && !safetyOnly)) console.log(await runDataSafetyBench({ tickets: SEARCH_TICKETS, log: progress }));
  if ((!only && !skipPostgres) || postgresOnly) {
    console.log(await runPostgresBench({ tickets: SEARCH_TICKETS, queriesPerKind: SEARCH_QUERIES, checkIns: quick ? 30 : 100, log: progress }));
  }
  console.log(
    `\nFinished in ${((performance.now() - started) / 1000).toFixed(1)} s (load average now ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}).`,
  );
}

async function documentsAndCheckIn(): Promise<void> {
  // ---- documents: cold, in fresh processes (one at a time, so they do not compete) ----
  const cold = new Map<string, ColdRender[]>();
  for (const { kind } of BENCH_DOCUMENTS) {
    progress(`cold render: ${kind} x ${COLD_PROCESSES} processes`);
    const runs: ColdRender[] = [];
    for (let i = 0; i < COLD_PROCESSES; i++) runs.push(await runChild<ColdRender>('render-cold.ts', [kind]));
    cold.set(kind, runs);
  }

  // ---- documents: warm, in this process ----
  const renderer = createDocumentRenderer({ fontsDir: join(__dirname, '..', 'resources', 'fonts') });
  await renderer.warmUp();
  const warmRenders = async (language: Language) => {
    const results = new Map<string, { times: number[]; bytes: number }>();
    for (const { kind } of BENCH_DOCUMENTS) {
      progress(`warm render (${language}): ${kind} x ${WARM_RENDERS}`);
      let bytes = 0;
      for (let i = 0; i < 3; i++) bytes = (await renderer.render(benchDefinition(kind, language))).length;
      const times: number[] = [];
      for (let i = 0; i < WARM_RENDERS; i++) {
        // Building the definition is part of what the desk does for each print.
        const t0 = performance.now();
        await renderer.render(benchDefinition(kind, language));
        times.push(performance.now() - t0);
      }
      results.set(kind, { times, bytes });
    }
    return results;
  };
  const warm = await warmRenders('en');
  const warmZh = await warmRenders('zh-CN');

  // ---- check-in through the desk against raw SQL ----
  progress(`check-in through the desk and the same rows with raw SQL, taking turns x ${CHECK_INS}`);
  const { desk, raw } = await timeCheckInPairs(CHECK_INS);

  // ---- check-in to three PDFs handed to the folder backend ----
  progress(`check-in + print three documents x ${CHECK_IN_TO_PRINT}`);
  const toPrint = await timeCheckInToPrint(CHECK_IN_TO_PRINT);
  progress(`first check-in + print in a fresh process x ${COLD_PROCESSES}`);
  const coldToPrint: ColdCheckIn[] = [];
  for (let i = 0; i < COLD_PROCESSES; i++) coldToPrint.push(await runChild<ColdCheckIn>('checkin-cold.ts'));
  // The usual first check-in: the desk has been open a moment (a clerk takes longer than that to fill in the form).
  const idleToPrint: ColdCheckIn[] = [];
  for (let i = 0; i < COLD_PROCESSES; i++) idleToPrint.push(await runChild<ColdCheckIn>('checkin-cold.ts', ['2000']));

  // ---- report ----
  console.log('\nDocument rendering (ms; cold = first render in a fresh process, over', COLD_PROCESSES, 'processes; warm over', WARM_RENDERS, 'renders)');
  const documentRows = [['document (en)', 'cold median', 'cold p95', 'of which warm-up', 'cold + code load', 'warm median', 'warm p95', 'PDF size']];
  for (const { kind, label } of BENCH_DOCUMENTS) {
    const runs = cold.get(kind)!;
    const coldTotal = summarize(runs.map((r) => r.fontLoadMs + r.firstRenderMs));
    const fonts = summarize(runs.map((r) => r.fontLoadMs));
    const withCode = summarize(runs.map((r) => r.importMs + r.fontLoadMs + r.firstRenderMs));
    const w = warm.get(kind)!;
    const warmSummary = summarize(w.times);
    documentRows.push([
      label,
      `${ms(coldTotal.median)} ms`,
      `${ms(coldTotal.p95)} ms`,
      `${ms(fonts.median)} ms`,
      `${ms(withCode.median)} ms`,
      `${ms(warmSummary.median)} ms`,
      `${ms(warmSummary.p95)} ms`,
      `${(w.bytes / 1024).toFixed(1)} KB`,
    ]);
  }
  console.log(table(documentRows));
  const imports = summarize([...cold.values()].flat().map((r) => r.importMs));
  console.log(
    `cold = the desk's warm-up at start (reading the fonts, one tiny render) + the first render; "cold + code load" adds loading the document code (pdfmake, pdfkit): median ${ms(imports.median)} ms, p95 ${ms(imports.p95)} ms.`,
  );
  console.log('\nThe same documents in Chinese (zh-CN), warm');
  const zhRows = [['document (zh-CN)', 'warm median', 'warm p95', 'PDF size']];
  for (const { kind, label } of BENCH_DOCUMENTS) {
    const w = warmZh.get(kind)!;
    const summary = summarize(w.times);
    zhRows.push([label, `${ms(summary.median)} ms`, `${ms(summary.p95)} ms`, `${(w.bytes / 1024).toFixed(1)} KB`]);
  }
  console.log(table(zhRows));
  const sizeMismatch = BENCH_DOCUMENTS.filter(({ kind }) => cold.get(kind)!.some((r) => r.bytes !== warm.get(kind)!.bytes));
  if (sizeMismatch.length) console.log(`Note: cold and warm PDF sizes differ for ${sizeMismatch.map((d) => d.kind).join(', ')}.`);

  console.log(`\nCheck-in of one device (ms, over ${CHECK_INS} after 10 unmeasured; desk and raw take turns, each on its own file)`);
  const d = summarize(desk);
  const r = summarize(raw);
  console.log(
    table([
      ['path', 'median', 'p95', 'min', 'max'],
      ["'intake.checkIn' through the desk", `${ms(d.median)} ms`, `${ms(d.p95)} ms`, `${ms(d.min)} ms`, `${ms(d.max)} ms`],
      ['same rows, raw SQL (better-sqlite3)', `${ms(r.median)} ms`, `${ms(r.p95)} ms`, `${ms(r.min)} ms`, `${ms(r.max)} ms`],
      ['ratio desk / raw', `${(d.median / r.median).toFixed(2)}x`, `${(d.p95 / r.p95).toFixed(2)}x`, '', ''],
    ]),
  );
  console.log(`Goal: the desk's median within ${CHECK_IN_RATIO_GOAL}x of raw; met: ${d.median / r.median <= CHECK_IN_RATIO_GOAL ? 'yes' : 'NO'}.`);
  // Every check-in of the run falls on one day: the day's totals must not make the later ones dearer.
  const early = summarize(desk.slice(0, 50));
  const late = summarize(desk.slice(-50));
  console.log(
    `Through the desk, check-ins 11 to 60 of the day: median ${ms(early.median)} ms; check-ins ${CHECK_INS - 39} to ${CHECK_INS + 10}: median ${ms(late.median)} ms (${(late.median / early.median).toFixed(2)}x).`,
  );

  console.log(`\nCheck-in to the three PDFs handed to the folder backend (ms)`);
  const rows = [['case', 'check-in median', 'print median', 'total median', 'total p95']];
  const warmTotal = summarize(toPrint.map((t) => t.totalMs));
  rows.push([
    `warm desk, over ${CHECK_IN_TO_PRINT}`,
    `${ms(summarize(toPrint.map((t) => t.checkInMs)).median)} ms`,
    `${ms(summarize(toPrint.map((t) => t.printMs)).median)} ms`,
    `${ms(warmTotal.median)} ms`,
    `${ms(warmTotal.p95)} ms`,
  ]);
  const coldTotal = summarize(coldToPrint.map((t) => t.totalMs));
  rows.push([
    `first of a fresh process, over ${COLD_PROCESSES}`,
    `${ms(summarize(coldToPrint.map((t) => t.checkInMs)).median)} ms`,
    `${ms(summarize(coldToPrint.map((t) => t.printMs)).median)} ms`,
    `${ms(coldTotal.median)} ms`,
    `${ms(coldTotal.p95)} ms`,
  ]);
  const idleTotal = summarize(idleToPrint.map((t) => t.totalMs));
  rows.push([
    `first of a fresh process opened 2 s before, over ${COLD_PROCESSES}`,
    `${ms(summarize(idleToPrint.map((t) => t.checkInMs)).median)} ms`,
    `${ms(summarize(idleToPrint.map((t) => t.printMs)).median)} ms`,
    `${ms(idleTotal.median)} ms`,
    `${ms(idleTotal.p95)} ms`,
  ]);
  console.log(table(rows));
  const openSummary = summarize(coldToPrint.map((t) => t.openMs));
  console.log(`Opening the desk on a new file (migrations) before that first check-in: median ${ms(openSummary.median)} ms.`);
  console.log(`p95 is nearest-rank: with ${COLD_PROCESSES} cold runs it is the slowest run.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
