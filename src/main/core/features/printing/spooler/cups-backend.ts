// Linux and macOS: print through CUPS with its command-line clients. Children
// run in the C locale so their messages can be recognised.
import type { MediaSize, PrintJob, PrinterBackend, PrinterInfo, PrinterStatus } from './types';
import { PrintBackendError } from './types';
import { run, RunTimeoutError, SpawnError, type RunResult } from './run';

export interface CupsBackendOptions {
  /** Program names or paths; tests point them at missing programs. */
  lp?: string;
  lpstat?: string;
  /** Extra environment for the children, e.g. CUPS_SERVER. */
  env?: NodeJS.ProcessEnv;
  /** Limit for submitting one job. */
  printTimeoutMs?: number;
  /** Limit for each lpstat query. */
  queryTimeoutMs?: number;
}

// ---- pure helpers: output parsing and argument building ----------------------

/** Names from `lpstat -e`, one a line. */
export function parseLpstatDestinations(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/\s/.test(line));
}

/** `lpstat -d`: "system default destination: NAME[/instance]" or "no system default destination". */
export function parseLpstatDefault(stdout: string): string | null {
  const match = /default destination:\s*(\S+)/i.exec(stdout);
  return match?.[1]?.split('/')[0] ?? null;
}

/** `lpstat -r`: true when the scheduler answers. */
export function parseLpstatRunning(stdout: string): boolean {
  return /scheduler is running/i.test(stdout) && !/not running/i.test(stdout);
}

export interface LpstatPrinter {
  name: string;
  status: PrinterStatus;
  statusDetail?: string;
}

/**
 * `lpstat -p` in the C locale:
 *   printer NAME is idle.  enabled since DATE
 *   printer NAME now printing NAME-12.  enabled since DATE
 *   printer NAME disabled since DATE -
 *   \treason given by the administrator or the backend
 */
export function parseLpstatPrinters(stdout: string): LpstatPrinter[] {
  const printers: LpstatPrinter[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const [, name, rest] = /^printer\s+(\S+)\s+(.*)$/.exec(line) ?? [];
    if (name !== undefined && rest !== undefined) {
      const status: PrinterStatus = /^disabled\b/i.test(rest)
        ? 'disabled'
        : /^now printing\b/i.test(rest)
          ? 'printing'
          : /^is idle\b/i.test(rest)
            ? 'idle'
            : 'unknown';
      printers.push({ name, status });
      continue;
    }
    // Indented lines after a stopped printer give the reason.
    const last = printers[printers.length - 1];
    const detail = line.trim();
    if (last && /^\s/.test(line) && detail && last.statusDetail === undefined && detail !== 'reason unknown') {
      last.statusDetail = detail;
    }
  }
  return printers;
}

/** `lp`: "request id is NAME-12 (1 file(s))" gives "NAME-12". */
export function parseLpJobId(stdout: string): string | undefined {
  const match = /request id is\s+(\S+-\d+)/i.exec(stdout);
  return match?.[1];
}

const STANDARD_MEDIA: { name: string; widthMm: number; heightMm: number }[] = [
  { name: 'iso_a4_210x297mm', widthMm: 210, heightMm: 297 },
  { name: 'iso_a5_148x210mm', widthMm: 148, heightMm: 210 },
  { name: 'iso_a6_105x148mm', widthMm: 105, heightMm: 148 },
  { name: 'na_letter_8.5x11in', widthMm: 215.9, heightMm: 279.4 },
  { name: 'na_legal_8.5x14in', widthMm: 215.9, heightMm: 355.6 },
];

function mm(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * The `media` keyword for a size: PWG names for the office sizes every driver
 * knows, "Custom.WxHmm" for rolls and labels (CUPS matches it to the driver's
 * label sizes by dimensions).
 */
export function cupsMediaKeyword(media: MediaSize): string {
  const standard = STANDARD_MEDIA.find((s) => Math.abs(s.widthMm - media.widthMm) < 0.5 && Math.abs(s.heightMm - media.heightMm) < 0.5);
  return standard ? standard.name : `Custom.${mm(media.widthMm)}x${mm(media.heightMm)}mm`;
}

/** Printable job title: no control characters, bounded length. */
export function jobTitle(title: string): string {
  const clean = title
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (clean || 'Repair Desk').slice(0, 120);
}

/**
 * Arguments for `lp`, the PDF coming on stdin. Documents are laid out at the
 * media size, so nothing is scaled: a label or a receipt printed "fit to page"
 * would shrink the barcode below what a scanner reads.
 */
export function lpArguments(job: Pick<PrintJob, 'printer' | 'copies' | 'title' | 'media'>): string[] {
  const args = ['-d', job.printer, '-n', String(job.copies), '-t', jobTitle(job.title)];
  args.push('-o', `media=${cupsMediaKeyword(job.media)}`, '-o', 'print-scaling=none');
  if (job.copies > 1) args.push('-o', 'collate=true');
  return args;
}

/** The child environment: the caller's, in the C locale so messages are in English. */
export function cupsEnvironment(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, ...extra, LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' };
  delete env.LANGUAGE;
  return env;
}

const NOT_RUNNING =
  /scheduler is not running|unable to connect|connection refused|no such file or directory|server-error-service-unavailable|bad file descriptor|unable to locate printer/i;
const NOT_FOUND = /does not exist|invalid destination|unknown destination|not found|no default destination/i;
const REJECTING = /not accepting jobs|is not accepting/i;

/** Names the failure behind `lp`'s or `lpstat`'s error message. */
export function classifyCupsMessage(message: string): 'printer_not_found' | 'printer_rejecting' | 'spooler_not_running' | 'failed' {
  if (REJECTING.test(message)) return 'printer_rejecting';
  if (/scheduler is not running/i.test(message)) return 'spooler_not_running';
  if (NOT_FOUND.test(message)) return 'printer_not_found';
  if (NOT_RUNNING.test(message)) return 'spooler_not_running';
  return 'failed';
}

function firstLine(result: RunResult): string {
  const text = (result.stderr.trim() || result.stdout.trim()).split(/\r?\n/)[0] ?? '';
  return text || `exit code ${result.code}`;
}

// ---- the backend ------------------------------------------------------------

export function createCupsBackend(options: CupsBackendOptions = {}): PrinterBackend {
  const lp = options.lp ?? 'lp';
  const lpstat = options.lpstat ?? 'lpstat';
  const env = cupsEnvironment(options.env);
  // A spooler that takes a job and never answers must not hold the counter: 5 s, then it is reported.
  const printTimeoutMs = options.printTimeoutMs ?? 5_000;
  const queryTimeoutMs = options.queryTimeoutMs ?? 5_000;

  async function exec(command: string, args: string[], timeoutMs: number, input?: Buffer): Promise<RunResult> {
    try {
      return await run(command, args, { env, timeoutMs, input });
    } catch (error) {
      if (error instanceof SpawnError) {
        throw new PrintBackendError('spooler_missing', `${command} is not available (${error.errno}); is CUPS installed?`);
      }
      if (error instanceof RunTimeoutError) throw new PrintBackendError('timeout', error.message);
      throw new PrintBackendError('failed', error instanceof Error ? error.message : String(error));
    }
  }

  async function schedulerRunning(): Promise<boolean> {
    const result = await exec(lpstat, ['-r'], queryTimeoutMs);
    return parseLpstatRunning(result.stdout);
  }

  return {
    kind: 'cups',

    async listPrinters() {
      const [running, destinations, printers, defaults] = await Promise.all([
        exec(lpstat, ['-r'], queryTimeoutMs),
        exec(lpstat, ['-e'], queryTimeoutMs),
        exec(lpstat, ['-p'], queryTimeoutMs),
        exec(lpstat, ['-d'], queryTimeoutMs),
      ]);
      if (!parseLpstatRunning(running.stdout)) {
        throw new PrintBackendError('spooler_not_running', 'The CUPS scheduler is not running.');
      }
      // `lpstat -p` fails with "No destinations added." on an empty system: that is an empty list.
      const queues = printers.code === 0 ? parseLpstatPrinters(printers.stdout) : [];
      const names = destinations.code === 0 ? parseLpstatDestinations(destinations.stdout) : [];
      for (const queue of queues) if (!names.includes(queue.name)) names.push(queue.name);
      const defaultName = parseLpstatDefault(defaults.stdout);
      return names.map((name): PrinterInfo => {
        const queue = queues.find((q) => q.name === name);
        const info: PrinterInfo = { name, isDefault: name === defaultName, status: queue?.status ?? 'unknown' };
        if (queue?.statusDetail) info.statusDetail = queue.statusDetail;
        return info;
      });
    },

    async defaultPrinter() {
      const result = await exec(lpstat, ['-d'], queryTimeoutMs);
      if (!parseLpstatDefault(result.stdout) && !(await schedulerRunning())) {
        throw new PrintBackendError('spooler_not_running', 'The CUPS scheduler is not running.');
      }
      return parseLpstatDefault(result.stdout);
    },

    async print(job) {
      // A stopped queue would hold the job and print it whenever someone resumes
      // the printer, maybe after the clerk has reprinted: refuse it instead.
      // "-pNAME" in one argument: a separate name starting with "-" would be read as an option.
      const state = await exec(lpstat, [`-p${job.printer}`], queryTimeoutMs);
      if (state.code !== 0) {
        const reason = classifyCupsMessage(state.stderr);
        if (reason === 'spooler_not_running') throw new PrintBackendError(reason, firstLine(state));
        // Other failures (e.g. a network printer lpstat cannot show yet): let lp decide.
      } else {
        const queue = parseLpstatPrinters(state.stdout).find((q) => q.name === job.printer);
        if (queue?.status === 'disabled') {
          throw new PrintBackendError('printer_disabled', `Printer ${job.printer} is stopped${queue.statusDetail ? `: ${queue.statusDetail}` : ''}.`);
        }
      }

      const result = await exec(lp, lpArguments(job), printTimeoutMs, job.pdf);
      if (result.code === 0) return { jobId: parseLpJobId(result.stdout) };

      const message = firstLine(result);
      let reason = classifyCupsMessage(result.stderr || result.stdout);
      // lp reports an unreachable scheduler as a missing printer: ask which it is.
      if (reason === 'printer_not_found' && !(await schedulerRunning())) reason = 'spooler_not_running';
      throw new PrintBackendError(reason, message);
    },
  };
}
