// Windows: printers are listed through pdf-to-printer and jobs are printed
// silently by the SumatraPDF executable that package ships. In a packaged app
// the executable sits in app.asar.unpacked (see asarUnpack in the builder
// config): a child process cannot run a file inside app.asar.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type * as PdfToPrinterModule from 'pdf-to-printer';
import type { MediaSize, PrintJob, PrinterBackend, PrinterInfo } from './types';
import { PrintBackendError } from './types';
import { run, RunTimeoutError, SpawnError } from './run';

type PdfToPrinter = typeof PdfToPrinterModule;

export interface WindowsPrinterSource {
  getPrinters(): Promise<{ name: string }[]>;
  getDefaultPrinter(): Promise<{ name: string } | null>;
}

export interface WindowsBackendOptions {
  /** Where SumatraPDF.exe is; found inside pdf-to-printer when omitted. */
  sumatraPdfPath?: string;
  /** Printer listing; pdf-to-printer when omitted. */
  printers?: WindowsPrinterSource;
  printTimeoutMs?: number;
}

// ---- pure helpers -----------------------------------------------------------

/** Rewrites a path inside app.asar to the same path in app.asar.unpacked. */
export function unpackedAsarPath(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/** The SumatraPDF executable among a folder's file names, newest version first. */
export function pickSumatraExecutable(fileNames: readonly string[]): string | undefined {
  const candidates = fileNames.filter((name) => /^SumatraPDF.*\.exe$/i.test(name));
  return candidates.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))[0];
}

const SUMATRA_PAPERS: { name: string; widthMm: number; heightMm: number }[] = [
  { name: 'A4', widthMm: 210, heightMm: 297 },
  { name: 'A5', widthMm: 148, heightMm: 210 },
  { name: 'A6', widthMm: 105, heightMm: 148 },
  { name: 'letter', widthMm: 215.9, heightMm: 279.4 },
  { name: 'legal', widthMm: 215.9, heightMm: 355.6 },
];

/**
 * SumatraPDF names only office papers; rolls and labels use the size set in
 * the printer's driver, which is how label and receipt printers are set up.
 */
export function sumatraPaperName(media: MediaSize): string | undefined {
  return SUMATRA_PAPERS.find((p) => Math.abs(p.widthMm - media.widthMm) < 0.5 && Math.abs(p.heightMm - media.heightMm) < 0.5)?.name;
}

/** SumatraPDF arguments: silent, to a named printer, at actual size. */
export function sumatraArguments(job: Pick<PrintJob, 'printer' | 'copies' | 'media'>, file: string): string[] {
  const settings = ['noscale'];
  const paper = sumatraPaperName(job.media);
  if (paper) settings.push(`paper=${paper}`);
  if (job.copies > 1) settings.push(`${job.copies}x`);
  return ['-print-to', job.printer, '-silent', '-print-settings', settings.join(','), file];
}

/** require() here: CommonJS builds (electron-vite's main, tsx) have one; ES modules (vitest) make one. */
function localRequire(): NodeJS.Require {
  return typeof require === 'function' ? require : createRequire(import.meta.url);
}

/** The bundled SumatraPDF next to pdf-to-printer's code, outside app.asar. */
export function defaultSumatraPdfPath(): string {
  const folder = dirname(localRequire().resolve('pdf-to-printer'));
  const exe = pickSumatraExecutable(readdirSync(folder));
  if (!exe) throw new PrintBackendError('spooler_missing', `SumatraPDF is missing from ${folder}`);
  return unpackedAsarPath(join(folder, exe));
}

async function packagePrinters(): Promise<WindowsPrinterSource> {
  // A CommonJS bundle whose named exports ESM cannot see: load it with require.
  const mod = localRequire()('pdf-to-printer') as PdfToPrinter;
  return { getPrinters: mod.getPrinters, getDefaultPrinter: mod.getDefaultPrinter };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- the backend ------------------------------------------------------------

export function createWindowsBackend(options: WindowsBackendOptions = {}): PrinterBackend {
  const printTimeoutMs = options.printTimeoutMs ?? 30_000;
  let sumatra = options.sumatraPdfPath;
  const source = async () => options.printers ?? (await packagePrinters());

  async function printerNames(): Promise<string[]> {
    try {
      return (await (await source()).getPrinters()).map((p) => p.name);
    } catch (error) {
      throw new PrintBackendError('spooler_not_running', `Could not list printers: ${describe(error)}`);
    }
  }

  return {
    kind: 'windows',

    async listPrinters(): Promise<PrinterInfo[]> {
      const printers = await source();
      try {
        const [all, fallback] = await Promise.all([printers.getPrinters(), printers.getDefaultPrinter()]);
        return all.map((p) => ({ name: p.name, isDefault: p.name === fallback?.name, status: 'unknown' }));
      } catch (error) {
        throw new PrintBackendError('spooler_not_running', `Could not list printers: ${describe(error)}`);
      }
    },

    async defaultPrinter() {
      try {
        return (await (await source()).getDefaultPrinter())?.name ?? null;
      } catch (error) {
        throw new PrintBackendError('spooler_not_running', `Could not read the default printer: ${describe(error)}`);
      }
    },

    async print(job) {
      sumatra ??= defaultSumatraPdfPath();
      const folder = await mkdtemp(join(tmpdir(), 'repair-desk-print-'));
      const file = join(folder, 'document.pdf');
      try {
        await writeFile(file, job.pdf);
        const result = await run(sumatra, sumatraArguments(job, file), { timeoutMs: printTimeoutMs });
        if (result.code === 0) return {};
        const known = await printerNames().catch(() => null);
        if (known && !known.some((name) => name.toLowerCase() === job.printer.toLowerCase())) {
          throw new PrintBackendError('printer_not_found', `No printer named ${job.printer}.`);
        }
        throw new PrintBackendError('failed', `SumatraPDF failed (exit code ${result.code}) ${result.stderr.trim()}`.trim());
      } catch (error) {
        if (error instanceof PrintBackendError) throw error;
        if (error instanceof SpawnError) throw new PrintBackendError('spooler_missing', `${sumatra} could not be started (${error.errno}).`);
        if (error instanceof RunTimeoutError) throw new PrintBackendError('timeout', error.message);
        throw new PrintBackendError('failed', describe(error));
      } finally {
        await rm(folder, { recursive: true, force: true }).catch(() => undefined);
      }
    },
  };
}
