// The desk's printing: archive the PDF, then hand it to the printer. Whatever
// the printer does, the caller gets an outcome, never an exception, so a
// jammed label printer cannot undo a check-in.
import { basename } from 'node:path';
import { DeskError, type FieldError } from '../../../../../shared/errors';
import { systemClock, type Clock } from '../../../context';
import { archivePdf, listArchivedPrints, readArchivedPdf, type ArchivedPrint } from './archive';
import { createCupsBackend, type CupsBackendOptions } from './cups-backend';
import { createWindowsBackend, type WindowsBackendOptions } from './windows-backend';
import {
  PRINT_DOCUMENTS,
  PrintBackendError,
  printErrorCodeFor,
  type MediaSize,
  type PrintDocument,
  type PrintError,
  type PrintOutcome,
  type PrinterBackend,
  type PrinterListOutcome,
} from './types';

export const MAX_COPIES = 20;
/** Larger than A3 is not something a repair counter prints. */
export const MAX_MEDIA_MM = 600;

export interface PrintRequest {
  /** The ticket's display number, e.g. "RD-00012"; names the archive folder. */
  ticketNumber: string;
  document: PrintDocument;
  pdf: Buffer;
  /** The printer chosen for this document in settings; null or empty prints to the system's default printer. */
  printer: string | null | undefined;
  media: MediaSize;
  copies?: number;
}

export interface ReprintRequest {
  /** A path returned by print() or archived(). */
  archivedPath: string;
  printer: string | null | undefined;
  media: MediaSize;
  copies?: number;
}

export interface PrintService {
  readonly backendKind: string;
  print(request: PrintRequest): Promise<PrintOutcome>;
  /** Sends an archived PDF again, without archiving it twice. */
  reprint(request: ReprintRequest): Promise<PrintOutcome>;
  listPrinters(): Promise<PrinterListOutcome>;
  /** The printer a job for `printer` goes to: itself, or the system's default when none is chosen; null when there is neither or the spooler cannot say. */
  resolvePrinter(printer: string | null | undefined): Promise<string | null>;
  /** The prints kept for one ticket, oldest first. */
  archived(ticketNumber: string): Promise<ArchivedPrint[]>;
}

export interface PrintServiceOptions {
  backend: PrinterBackend;
  /** Where PDFs are kept: printArchiveDir(dataDir), i.e. <dataDir>/prints. */
  archiveDir: string;
  clock?: Clock;
}

/** CUPS on Linux, macOS and the BSDs; SumatraPDF through pdf-to-printer on Windows. */
export function pickBackend(
  platform: NodeJS.Platform = process.platform,
  options: { cups?: CupsBackendOptions; windows?: WindowsBackendOptions } = {},
): PrinterBackend {
  return platform === 'win32' ? createWindowsBackend(options.windows) : createCupsBackend(options.cups);
}

function checkJob(media: MediaSize, copies: number, pdf?: Buffer): void {
  const fields: FieldError[] = [];
  const size = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= MAX_MEDIA_MM;
  if (!size(media?.widthMm)) fields.push({ path: 'media.widthMm', code: 'invalid' });
  if (!size(media?.heightMm)) fields.push({ path: 'media.heightMm', code: 'invalid' });
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) fields.push({ path: 'copies', code: 'invalid' });
  if (pdf !== undefined && !(Buffer.isBuffer(pdf) && pdf.subarray(0, 5).toString('latin1') === '%PDF-')) {
    fields.push({ path: 'pdf', code: 'invalid' });
  }
  if (fields.length) throw new DeskError('validation', fields, 'Invalid print request');
}

function toPrintError(error: unknown): PrintError {
  if (error instanceof PrintBackendError) return { code: printErrorCodeFor(error.reason), detail: error.message };
  return { code: 'spooler_error', detail: error instanceof Error ? error.message : String(error) };
}

/** After the spooler did not answer, the next jobs of the same batch fail at once instead of each waiting out the limit. */
export const SPOOLER_SILENT_MS = 20_000;

export function createPrintService(options: PrintServiceOptions): PrintService {
  const { backend, archiveDir } = options;
  const clock = options.clock ?? systemClock;
  let silentUntil = 0;

  async function send(
    pdf: Buffer,
    printer: string | null | undefined,
    media: MediaSize,
    copies: number,
    title: string,
    archivedPath: string | null,
    archiveError?: string,
  ): Promise<PrintOutcome> {
    const extra = archiveError ? { archiveError } : {};
    let name = printer?.trim();
    // Wall time, not the desk's clock: this is about how long the spooler keeps the clerk waiting.
    if (Date.now() < silentUntil) {
      const detail = 'The print system did not answer the previous job; not sent.';
      return { ok: false, archivedPath, error: { code: 'spooler_error', detail }, ...extra };
    }
    try {
      // No printer chosen in settings: the system's default printer, if there is one.
      if (!name) name = (await backend.defaultPrinter())?.trim();
      if (!name) {
        const detail = 'No printer is chosen for this document and the system has no default printer.';
        return { ok: false, archivedPath, error: { code: 'no_printer_configured', detail }, ...extra };
      }
      const { jobId } = await backend.print({ pdf, printer: name, media, copies, title });
      return { ok: true, archivedPath, jobId: jobId ?? null, ...extra };
    } catch (error) {
      if (error instanceof PrintBackendError && error.reason === 'timeout') silentUntil = Date.now() + SPOOLER_SILENT_MS;
      return { ok: false, archivedPath, error: toPrintError(error), ...extra };
    }
  }

  return {
    backendKind: backend.kind,

    async print(request) {
      const copies = request.copies ?? 1;
      checkJob(request.media, copies, request.pdf);
      if (!PRINT_DOCUMENTS.includes(request.document)) throw DeskError.field('document', 'invalid');
      if (!String(request.ticketNumber ?? '').trim()) throw DeskError.field('ticketNumber', 'required');

      // The PDF is kept first: if the printer fails, it can be reprinted.
      let archivedPath: string | null = null;
      let archiveError: string | undefined;
      try {
        archivedPath = await archivePdf({
          archiveDir,
          ticketNumber: request.ticketNumber,
          document: request.document,
          pdf: request.pdf,
          now: clock.now(),
        });
      } catch (error) {
        archiveError = error instanceof Error ? error.message : String(error);
      }
      const title = `${request.ticketNumber} ${request.document}`;
      return send(request.pdf, request.printer, request.media, copies, title, archivedPath, archiveError);
    },

    async reprint(request) {
      const copies = request.copies ?? 1;
      checkJob(request.media, copies);
      let pdf: Buffer;
      try {
        pdf = await readArchivedPdf(archiveDir, request.archivedPath);
      } catch {
        throw DeskError.field('archivedPath', 'not_found');
      }
      const ticket = basename(request.archivedPath.replace(/[\\/][^\\/]*$/, ''));
      const document = /-(intake-form|claim-ticket|device-label|receipt)(?:-\d+)?\.pdf$/.exec(request.archivedPath)?.[1] ?? 'reprint';
      return send(pdf, request.printer, request.media, copies, `${ticket} ${document}`, request.archivedPath);
    },

    async resolvePrinter(printer) {
      const chosen = printer?.trim();
      if (chosen) return chosen;
      try {
        return (await backend.defaultPrinter())?.trim() || null;
      } catch {
        return null;
      }
    },

    async listPrinters() {
      try {
        return { ok: true, printers: await backend.listPrinters() };
      } catch (error) {
        return { ok: false, error: toPrintError(error) };
      }
    },

    archived(ticketNumber) {
      return listArchivedPrints(archiveDir, ticketNumber);
    },
  };
}
