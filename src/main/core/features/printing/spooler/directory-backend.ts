// A "printer" that writes each job into a folder: the web harness uses it
// (--print-to <dir>) so end-to-end tests can read what a check-in printed.
// Each job gives NNNN-<title>.pdf and NNNN-<title>.json (printer, media, copies).
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PrintJob, PrinterBackend, PrinterInfo } from './types';
import { PrintBackendError } from './types';

export const DIRECTORY_PRINTER = 'PDF folder';

export interface DirectoryBackendOptions {
  dir: string;
  /** Pseudo printers it answers to; the first is the default. */
  printers?: string[];
}

/** A title as part of a file name: "RD-00012 claim-ticket" gives "RD-00012-claim-ticket". */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, 80);
  return slug || 'job';
}

/** The job number a file in the folder carries, or 0. */
function counterOf(fileName: string): number {
  const match = /^(\d+)-.*\.pdf$/.exec(fileName);
  return match ? Number(match[1]) : 0;
}

export interface DirectoryJobRecord {
  file: string;
  title: string;
  printer: string;
  media: { widthMm: number; heightMm: number };
  copies: number;
}

export function createDirectoryBackend(options: DirectoryBackendOptions): PrinterBackend {
  const printers = options.printers?.length ? options.printers : [DIRECTORY_PRINTER];
  let counter: number | null = null;
  // Jobs are numbered in submission order even when two prints overlap.
  let queue: Promise<unknown> = Promise.resolve();

  async function write(job: PrintJob): Promise<{ jobId: string }> {
    await mkdir(options.dir, { recursive: true });
    if (counter === null) {
      counter = (await readdir(options.dir)).reduce((max, name) => Math.max(max, counterOf(name)), 0);
    }
    for (;;) {
      counter += 1;
      const base = `${String(counter).padStart(4, '0')}-${fileSlug(job.title)}`;
      try {
        await writeFile(join(options.dir, `${base}.pdf`), job.pdf, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw new PrintBackendError('failed', `Could not write to ${options.dir}: ${(error as Error).message}`);
      }
      const record: DirectoryJobRecord = {
        file: `${base}.pdf`,
        title: job.title,
        printer: job.printer,
        media: { widthMm: job.media.widthMm, heightMm: job.media.heightMm },
        copies: job.copies,
      };
      // The record appears whole or not at all: whoever watches the folder never reads half a job.
      const recordPath = join(options.dir, `${base}.json`);
      await writeFile(`${recordPath}.part`, `${JSON.stringify(record, null, 2)}\n`);
      await rename(`${recordPath}.part`, recordPath);
      return { jobId: base };
    }
  }

  return {
    kind: 'directory',
    async listPrinters(): Promise<PrinterInfo[]> {
      return printers.map((name, index) => ({ name, isDefault: index === 0, status: 'idle' }));
    },
    async defaultPrinter() {
      return printers[0] ?? null;
    },
    async print(job) {
      if (!printers.includes(job.printer)) {
        throw new PrintBackendError('printer_not_found', `No printer named ${job.printer}; this desk prints to the folder ${options.dir}.`);
      }
      const result = queue.then(() => write(job));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
