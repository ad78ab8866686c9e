// A real CUPS spooler for the printing tests: makes sure the scheduler runs and
// that cups-pdf virtual printers exist, writing their output to a known folder.
// Idempotent. Fails (never skips) with a clear message when CUPS or cups-pdf is
// missing; on a fresh Debian machine:
//   apt-get install cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils cups-ipp-utils
// Starting cupsd and adding printers needs root (or password-less sudo) the
// first time; later runs only check.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { run, type RunResult } from '../../src/main/core/features/printing/spooler/run';
import { cupsEnvironment, parseLpstatPrinters, parseLpstatRunning } from '../../src/main/core/features/printing/spooler/cups-backend';
import { firstItem, onlyItem } from './lists';

export const CUPS_PDF_PRINTER = 'RepairDeskPDF';
/** Stopped (cupsdisable) but accepting jobs: the desk must refuse to queue on it. */
export const CUPS_STOPPED_PRINTER = 'RepairDeskStopped';
/** Running but rejecting jobs (cupsreject). */
export const CUPS_REJECTING_PRINTER = 'RepairDeskRejecting';
/** cups-pdf's output folder for these printers; under /var/spool/cups-pdf, which cups-pdf may write on every distribution (AppArmor included). */
export const CUPS_PDF_OUTPUT_DIR = '/var/spool/cups-pdf/repair-desk';
/** Why the stopped printer is stopped, as lpstat shows it. */
export const STOP_REASON = 'held by the Repair Desk tests';
const CUPS_CONFIG_DIR = '/etc/cups';
const BACKEND_DIRS = ['/usr/lib/cups/backend', '/usr/libexec/cups/backend', '/usr/lib64/cups/backend'];
const INSTALL_HINT = 'Install CUPS and cups-pdf: apt-get install cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils cups-ipp-utils';

const env = cupsEnvironment();
const TIMEOUT = 20_000;

export interface CupsTestSetup {
  printer: string;
  stoppedPrinter: string;
  rejectingPrinter: string;
  outputDir: string;
}

/** A program on PATH or in the sbin folders a non-root PATH lacks. */
function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  for (const dir of dirs) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function tools() {
  const names = ['lp', 'lpstat', 'lpadmin', 'lpinfo', 'cupsd', 'cupsenable', 'cupsdisable', 'cupsaccept', 'cupsreject', 'ipptool', 'pdfinfo'] as const;
  const found = Object.fromEntries(names.map((n) => [n, findProgram(n)])) as Record<(typeof names)[number], string | null>;
  const missing = names.filter((n) => !found[n]);
  if (missing.length) throw new Error(`CUPS test setup: missing programs ${missing.join(', ')}. ${INSTALL_HINT}`);
  return found as Record<(typeof names)[number], string>;
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function exec(command: string, args: string[], input?: Buffer): Promise<RunResult> {
  return run(command, args, { env, timeoutMs: TIMEOUT, input });
}

/** Runs an administrative command as root: directly, or through password-less sudo. */
async function asRoot(command: string, args: string[], input?: Buffer): Promise<RunResult> {
  const result = isRoot()
    ? await exec(command, args, input)
    : await exec('sudo', ['-n', command, ...args], input).catch((error) => ({ code: -1, stdout: '', stderr: String(error) }));
  if (result.code !== 0) {
    throw new Error(
      `CUPS test setup: "${command} ${args.join(' ')}" failed (${result.stderr.trim() || result.code}).` +
        (isRoot() ? '' : ' Setting up the spooler needs root or password-less sudo.'),
    );
  }
  return result;
}

async function schedulerRunning(lpstat: string): Promise<boolean> {
  return parseLpstatRunning((await exec(lpstat, ['-r'])).stdout);
}

/** Starts cupsd, which daemonises itself; on a machine without systemd nothing else will. */
async function startScheduler(cupsd: string, lpstat: string): Promise<void> {
  const [command, args] = isRoot() ? [cupsd, []] : ['sudo', ['-n', cupsd]];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, env });
    child.once('error', (error) =>
      reject(
        new Error(
          `CUPS test setup: the scheduler is not running and could not be started (${error.message}); starting cupsd needs root or password-less sudo.`,
        ),
      ),
    );
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`CUPS test setup: cupsd exited with code ${code}${isRoot() ? '' : ' (starting it needs root or password-less sudo)'}.`)),
    );
    child.unref();
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await schedulerRunning(lpstat)) return;
    await sleep(200);
  }
  const log = await readFile('/var/log/cups/error_log', 'utf8').catch(() => '');
  throw new Error(`CUPS test setup: cupsd was started but the scheduler does not answer.\n${log.split('\n').slice(-15).join('\n')}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cupsPdfConfig(): string {
  return [
    '# Written by the Repair Desk printing tests.',
    `Out ${CUPS_PDF_OUTPUT_DIR}`,
    // Name files "<title>-job_<id>.pdf" so a test finds its own job's output.
    'Label 2',
    'DecodeHexStrings 1',
    'UserUMask 0022',
    '',
  ].join('\n');
}

async function ensureCupsPdfConfig(printer: string): Promise<void> {
  const path = join(CUPS_CONFIG_DIR, `cups-pdf-${printer}.conf`);
  const wanted = cupsPdfConfig();
  const current = await readFile(path, 'utf8').catch(() => null);
  if (current !== wanted) await asRoot('tee', [path], Buffer.from(wanted));
}

async function cupsPdfPpd(lpinfo: string): Promise<string> {
  const result = await exec(lpinfo, ['-m']);
  const models = result.stdout.split('\n').map((line) => firstItem(line.split(' ')));
  const ppd = models.find((m) => /cups-pdf/i.test(m) && /_opt/i.test(m)) ?? models.find((m) => /cups-pdf/i.test(m));
  if (!ppd) throw new Error(`CUPS test setup: no cups-pdf driver in "lpinfo -m". ${INSTALL_HINT}`);
  return ppd;
}

interface QueueState {
  uri: string | null;
  enabled: boolean;
  accepting: boolean;
  stopReason?: string;
}

async function queueState(lpstat: string, printer: string): Promise<QueueState> {
  const [device, printers, accepting] = await Promise.all([exec(lpstat, ['-v', printer]), exec(lpstat, ['-p', printer]), exec(lpstat, ['-a', printer])]);
  const uri = /device for \S+:\s*(\S+)/.exec(device.stdout)?.[1] ?? null;
  const queue = parseLpstatPrinters(printers.stdout).find((p) => p.name === printer);
  return {
    uri,
    stopReason: queue?.statusDetail,
    enabled: queue !== undefined && queue.status !== 'disabled',
    accepting: new RegExp(`^${printer} accepting requests`, 'm').test(accepting.stdout),
  };
}

/** Makes the scheduler run and the three test printers exist in their states. */
export async function ensureCupsPdfPrinter(): Promise<CupsTestSetup> {
  const t = tools();
  if (!BACKEND_DIRS.some((dir) => existsSync(join(dir, 'cups-pdf')))) {
    throw new Error(`CUPS test setup: the cups-pdf backend is not installed. ${INSTALL_HINT}`);
  }
  if (!(await schedulerRunning(t.lpstat))) await startScheduler(t.cupsd, t.lpstat);

  if (!existsSync(CUPS_PDF_OUTPUT_DIR)) await asRoot('install', ['-d', '-m', '1777', CUPS_PDF_OUTPUT_DIR]);

  const wanted: { name: string; enabled: boolean; accepting: boolean }[] = [
    { name: CUPS_PDF_PRINTER, enabled: true, accepting: true },
    { name: CUPS_STOPPED_PRINTER, enabled: false, accepting: true },
    { name: CUPS_REJECTING_PRINTER, enabled: true, accepting: false },
  ];
  let ppd: string | null = null;
  for (const printer of wanted) {
    await ensureCupsPdfConfig(printer.name);
    const uri = `cups-pdf:/${printer.name}`;
    let state = await queueState(t.lpstat, printer.name);
    if (state.uri !== uri) {
      ppd ??= await cupsPdfPpd(t.lpinfo);
      await asRoot(t.lpadmin, ['-p', printer.name, '-v', uri, '-m', ppd, '-o', 'printer-error-policy=abort-job']);
      state = await queueState(t.lpstat, printer.name);
    }
    // Accepting or enabling a queue clears its state message, so those go first.
    if (printer.accepting && !state.accepting) await asRoot(t.cupsaccept, [printer.name]);
    if (printer.enabled && !state.enabled) await asRoot(t.cupsenable, [printer.name]);
    if (!printer.accepting && state.accepting) await asRoot(t.cupsreject, ['-r', 'rejecting for the Repair Desk tests', printer.name]);
    if (!printer.enabled && (state.enabled || state.stopReason !== STOP_REASON)) {
      await asRoot(t.cupsdisable, ['-r', STOP_REASON, printer.name]);
    }
    const final = await queueState(t.lpstat, printer.name);
    if (
      final.uri !== uri ||
      final.enabled !== printer.enabled ||
      final.accepting !== printer.accepting ||
      (!printer.enabled && final.stopReason !== STOP_REASON)
    ) {
      throw new Error(`CUPS test setup: printer ${printer.name} is not in the expected state: ${JSON.stringify(final)}`);
    }
  }
  return {
    printer: CUPS_PDF_PRINTER,
    stoppedPrinter: CUPS_STOPPED_PRINTER,
    rejectingPrinter: CUPS_REJECTING_PRINTER,
    outputDir: CUPS_PDF_OUTPUT_DIR,
  };
}

/** The number in a CUPS job id "PRINTER-12". */
export function jobNumber(jobId: string): number {
  const match = /-(\d+)$/.exec(jobId);
  if (!match) throw new Error(`Not a CUPS job id: ${jobId}`);
  return Number(match[1]);
}

/** Waits until CUPS lists the job as completed; fails with the queue's state otherwise. */
export async function waitForCompletedJob(jobId: string, timeoutMs = 30_000): Promise<void> {
  const lpstat = findProgram('lpstat') ?? 'lpstat';
  const printer = jobId.replace(/-\d+$/, '');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = await exec(lpstat, ['-W', 'completed', '-o', printer]);
    if (done.stdout.split('\n').some((line) => line.split(/\s+/)[0] === jobId)) return;
    await sleep(100);
  }
  const all = await exec(lpstat, ['-W', 'all', '-l', '-o', printer]);
  throw new Error(`Job ${jobId} did not complete within ${timeoutMs} ms:\n${all.stdout}${all.stderr}`);
}

/** The cups-pdf output of a job (named "...-job_<n>.pdf"). */
export function cupsPdfOutputOf(jobId: string, outputDir = CUPS_PDF_OUTPUT_DIR): string {
  const suffix = `job_${jobNumber(jobId)}.pdf`;
  const matches = existsSync(outputDir) ? readdirSync(outputDir).filter((name) => name.endsWith(`-${suffix}`) || name === suffix) : [];
  if (matches.length !== 1) {
    throw new Error(`Expected one cups-pdf output for ${jobId} in ${outputDir}, found ${JSON.stringify(matches)}`);
  }
  return join(outputDir, onlyItem(matches));
}

/** A job's IPP attributes as CUPS holds them, read with ipptool. */
export async function jobAttributes(jobId: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(join(tmpdir(), 'repair-desk-ipp-'));
  try {
    const testFile = join(dir, 'get-job-attributes.test');
    await writeFile(
      testFile,
      [
        '{',
        '  NAME "Get job attributes"',
        '  OPERATION Get-Job-Attributes',
        '  GROUP operation-attributes-tag',
        '  ATTR charset attributes-charset utf-8',
        '  ATTR naturalLanguage attributes-natural-language en',
        '  ATTR uri job-uri $uri',
        '  ATTR name requesting-user-name $user',
        '  STATUS successful-ok',
        '}',
        '',
      ].join('\n'),
    );
    const ipptool = findProgram('ipptool') ?? 'ipptool';
    const result = await exec(ipptool, ['-tv', `ipp://localhost/jobs/${jobNumber(jobId)}`, testFile]);
    if (result.code !== 0) throw new Error(`ipptool failed for ${jobId}: ${result.stdout}${result.stderr}`);
    const attributes: Record<string, string> = {};
    for (const line of result.stdout.split('\n')) {
      const match = /^\s+([a-z0-9-]+) \([^)]+\) = (.*)$/.exec(line);
      const name = match?.[1];
      const value = match?.[2];
      if (name !== undefined && value !== undefined) attributes[name] = value.trim();
    }
    return attributes;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first page's size in PostScript points, from pdfinfo. */
export async function pdfPageSize(file: string): Promise<{ widthPt: number; heightPt: number; pages: number }> {
  const pdfinfo = findProgram('pdfinfo') ?? 'pdfinfo';
  const result = await exec(pdfinfo, [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(result.stdout);
  const pages = /Pages:\s+(\d+)/.exec(result.stdout);
  if (result.code !== 0 || !size || !pages) throw new Error(`pdfinfo could not read ${file}: ${result.stderr}`);
  return { widthPt: Number(size[1]), heightPt: Number(size[2]), pages: Number(pages[1]) };
}

export const mmToPt = (mm: number) => (mm * 72) / 25.4;

/** A small valid one-page PDF of the given page size with a line of text. */
export function minimalPdf(widthMm: number, heightMm: number, text = 'Repair Desk test'): Buffer {
  const w = mmToPt(widthMm).toFixed(2);
  const h = mmToPt(heightMm).toFixed(2);
  const content = `BT /F1 10 Tf 10 20 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
