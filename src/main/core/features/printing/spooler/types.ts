// Printing: what a backend (CUPS, Windows, a folder) is asked to do and what
// the desk gets back. A failed print is data the counter can act on, never an
// exception that could lose the ticket the document belongs to.

/** The documents the desk prints; also the last part of an archived file name. */
export const PRINT_DOCUMENTS = ['intake-form', 'claim-ticket', 'device-label', 'receipt', 'day-close', 'report'] as const;
export type PrintDocument = (typeof PRINT_DOCUMENTS)[number];

/**
 * Why a print did not reach a printer. Each code wants a translation under
 * errors.print.<code> in the UI.
 * - printer_not_found: the spooler does not know the configured printer.
 * - printer_unavailable: the printer exists but is paused, stopped or refuses jobs.
 * - spooler_error: the print system itself failed (not running, not installed, timed out).
 * - no_printer_configured: no printer is chosen for this document.
 */
export const PRINT_ERROR_CODES = ['printer_not_found', 'printer_unavailable', 'spooler_error', 'no_printer_configured'] as const;
export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

export interface PrintError {
  code: PrintErrorCode;
  /** What the print system said, in English, for the log and the details panel. */
  detail: string;
}

export type PrinterStatus = 'idle' | 'printing' | 'disabled' | 'unknown';

export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  status?: PrinterStatus;
  /** Why a printer is stopped, when the print system says. */
  statusDetail?: string;
}

/** The paper or label the document was laid out for, in millimetres (width x height as printed). */
export interface MediaSize {
  widthMm: number;
  heightMm: number;
}

export interface PrintJob {
  pdf: Buffer;
  printer: string;
  media: MediaSize;
  copies: number;
  title: string;
}

export interface PrinterBackend {
  /** Short name for logs: "cups", "windows", "directory". */
  readonly kind: string;
  /** Throws PrintBackendError when the print system cannot be asked. */
  listPrinters(): Promise<PrinterInfo[]>;
  /** The system's default printer, or null when none is set. Throws PrintBackendError. */
  defaultPrinter(): Promise<string | null>;
  /** Hands the job to the spooler; resolves once it is queued. Throws PrintBackendError. */
  print(job: PrintJob): Promise<{ jobId?: string }>;
}

/** What a backend knows about a failure; the service folds it into a PrintErrorCode. */
export const PRINT_FAILURE_REASONS = [
  'printer_not_found',
  'printer_disabled',
  'printer_rejecting',
  'spooler_not_running',
  'spooler_missing',
  'timeout',
  'failed',
] as const;
export type PrintFailureReason = (typeof PRINT_FAILURE_REASONS)[number];

export class PrintBackendError extends Error {
  constructor(
    readonly reason: PrintFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'PrintBackendError';
  }
}

export function printErrorCodeFor(reason: PrintFailureReason): PrintErrorCode {
  switch (reason) {
    case 'printer_not_found':
      return 'printer_not_found';
    case 'printer_disabled':
    case 'printer_rejecting':
      return 'printer_unavailable';
    case 'spooler_not_running':
    case 'spooler_missing':
    case 'timeout':
    case 'failed':
      return 'spooler_error';
  }
}

export type PrintOutcome =
  | { ok: true; archivedPath: string | null; jobId: string | null; archiveError?: string }
  | { ok: false; archivedPath: string | null; error: PrintError; archiveError?: string };

export type PrinterListOutcome = { ok: true; printers: PrinterInfo[] } | { ok: false; error: PrintError };
