// The print service with stand-in backends: archive first, failures as data,
// and the folder backend the web harness prints into.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeskError } from '../../src/shared/errors';
import { archivePdf, listArchivedPrints, printArchiveDir, ticketFolderName } from '../../src/main/core/features/printing/spooler/archive';
import { createDirectoryBackend, DIRECTORY_PRINTER, fileSlug } from '../../src/main/core/features/printing/spooler/directory-backend';
import { createPrintService, pickBackend, type PrintRequest } from '../../src/main/core/features/printing/spooler/print-service';
import {
  PRINT_FAILURE_REASONS,
  PrintBackendError,
  type PrintJob,
  type PrinterBackend,
  type PrintFailureReason,
} from '../../src/main/core/features/printing/spooler/types';
import { minimalPdf } from '../support/cups';
import { fixedClock } from '../support/desk';
import { firstItem } from '../support/lists';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'repair-desk-print-service-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** A backend that records each job and what the archive held when the job arrived. */
function recordingBackend(fail?: unknown, defaultName: string | null = 'Receipt') {
  const jobs: { job: PrintJob; archiveAtPrint: string[] }[] = [];
  const backend: PrinterBackend = {
    kind: 'fake',
    async listPrinters() {
      if (fail) throw fail;
      return [{ name: 'Receipt', isDefault: true, status: 'idle' }];
    },
    async defaultPrinter() {
      if (fail) throw fail;
      return defaultName;
    },
    async print(job) {
      const root = printArchiveDir(dataDir);
      const archiveAtPrint = existsSync(root) ? readdirSync(root, { recursive: true }).map(String).sort() : [];
      jobs.push({ job, archiveAtPrint });
      if (fail) throw fail;
      return { jobId: `Receipt-${jobs.length}` };
    },
  };
  return { backend, jobs };
}

const request = (over: Partial<PrintRequest> = {}): PrintRequest => ({
  ticketNumber: 'RD-00012',
  document: 'claim-ticket',
  pdf: minimalPdf(80, 120),
  printer: 'Receipt',
  media: { widthMm: 80, heightMm: 120 },
  ...over,
});

describe('print service', () => {
  it('archives the PDF before the printer gets it, then reports the job', async () => {
    const { backend, jobs } = recordingBackend();
    const service = createPrintService({ backend, archiveDir: printArchiveDir(dataDir), clock: fixedClock('2026-05-04T03:02:01.009Z') });
    const pdf = minimalPdf(80, 120, 'claim');
    const outcome = await service.print(request({ pdf, printer: '  Receipt ' }));

    const archivedPath = join(dataDir, 'prints', 'RD-00012', '2026-05-04T03-02-01.009Z-claim-ticket.pdf');
    expect(outcome).toEqual({ ok: true, archivedPath, jobId: 'Receipt-1' });
    expect(readFileSync(archivedPath).equals(pdf)).toBe(true);
    expect(jobs).toHaveLength(1);
    expect(firstItem(jobs).archiveAtPrint).toContain(join('RD-00012', '2026-05-04T03-02-01.009Z-claim-ticket.pdf'));
    expect(firstItem(jobs).job).toEqual({ pdf, printer: 'Receipt', media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'RD-00012 claim-ticket' });
  });

  it('turns every backend failure into an error code, keeping the archived PDF', async () => {
    const expected: Record<PrintFailureReason, string> = {
      printer_not_found: 'printer_not_found',
      printer_disabled: 'printer_unavailable',
      printer_rejecting: 'printer_unavailable',
      spooler_not_running: 'spooler_error',
      spooler_missing: 'spooler_error',
      timeout: 'spooler_error',
      failed: 'spooler_error',
    };
    for (const reason of PRINT_FAILURE_REASONS) {
      const { backend } = recordingBackend(new PrintBackendError(reason, `because ${reason}`));
      const outcome = await createPrintService({ backend, archiveDir: printArchiveDir(dataDir) }).print(request());
      expect(outcome).toEqual({ ok: false, archivedPath: expect.any(String), error: { code: expected[reason], detail: `because ${reason}` } });
      expect(existsSync(outcome.archivedPath!)).toBe(true);
    }
    const odd = await createPrintService({ backend: recordingBackend(new Error('boom')).backend, archiveDir: printArchiveDir(dataDir) }).print(request());
    expect(odd).toMatchObject({ ok: false, error: { code: 'spooler_error', detail: 'boom' } });
    const thrownString = await createPrintService({
      backend: recordingBackend('Operating System not supported').backend,
      archiveDir: printArchiveDir(dataDir),
    }).print(request());
    expect(thrownString).toMatchObject({ ok: false, error: { code: 'spooler_error', detail: 'Operating System not supported' } });
  });

  it('prints to the system default when no printer is chosen', async () => {
    for (const printer of ['', '   ', null, undefined]) {
      const { backend, jobs } = recordingBackend(undefined, 'Receipt');
      const outcome = await createPrintService({ backend, archiveDir: printArchiveDir(dataDir) }).print(request({ printer }));
      expect(outcome).toMatchObject({ ok: true, jobId: 'Receipt-1' });
      expect(jobs.map((j) => j.job.printer)).toEqual(['Receipt']);
    }
  });

  it('archives but does not print when no printer is chosen and there is no default', async () => {
    for (const printer of ['', '   ', null, undefined]) {
      const { backend, jobs } = recordingBackend(undefined, null);
      const outcome = await createPrintService({ backend, archiveDir: printArchiveDir(dataDir) }).print(request({ printer }));
      expect(outcome).toMatchObject({ ok: false, error: { code: 'no_printer_configured' } });
      expect(existsSync(outcome.archivedPath!)).toBe(true);
      expect(jobs).toHaveLength(0);
    }
    const down = recordingBackend(new PrintBackendError('spooler_not_running', 'The CUPS scheduler is not running.'));
    const outcome = await createPrintService({ backend: down.backend, archiveDir: printArchiveDir(dataDir) }).print(request({ printer: null }));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'spooler_error', detail: 'The CUPS scheduler is not running.' } });
    expect(existsSync(outcome.archivedPath!)).toBe(true);
  });

  it('still prints when the archive cannot be written, and says so', async () => {
    const blocked = join(dataDir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the archive folder should be');
    const { backend, jobs } = recordingBackend();
    const outcome = await createPrintService({ backend, archiveDir: blocked }).print(request());
    expect(outcome).toMatchObject({ ok: true, archivedPath: null, jobId: 'Receipt-1', archiveError: expect.stringMatching(/ENOTDIR|EEXIST/) });
    expect(jobs).toHaveLength(1);
  });

  it('keeps every print, even two in the same millisecond', async () => {
    const { backend } = recordingBackend();
    const service = createPrintService({ backend, archiveDir: printArchiveDir(dataDir), clock: fixedClock('2026-05-04T03:02:01.000Z') });
    const first = await service.print(request({ pdf: minimalPdf(80, 120, 'one') }));
    const second = await service.print(request({ pdf: minimalPdf(80, 120, 'two') }));
    const label = await service.print(request({ document: 'device-label', media: { widthMm: 62, heightMm: 29 } }));
    expect(first.archivedPath).toMatch(/2026-05-04T03-02-01\.000Z-claim-ticket\.pdf$/);
    expect(second.archivedPath).toMatch(/2026-05-04T03-02-01\.000Z-claim-ticket-2\.pdf$/);
    expect(readFileSync(first.archivedPath!).toString('latin1')).toContain('(one)');
    expect(readFileSync(second.archivedPath!).toString('latin1')).toContain('(two)');
    expect((await service.archived('RD-00012')).map((p) => [p.fileName, p.document, p.printedAt])).toEqual([
      ['2026-05-04T03-02-01.000Z-claim-ticket-2.pdf', 'claim-ticket', '2026-05-04T03:02:01.000Z'],
      ['2026-05-04T03-02-01.000Z-claim-ticket.pdf', 'claim-ticket', '2026-05-04T03:02:01.000Z'],
      ['2026-05-04T03-02-01.000Z-device-label.pdf', 'device-label', '2026-05-04T03:02:01.000Z'],
    ]);
    expect(label.archivedPath).toMatch(/device-label\.pdf$/);
    expect(await service.archived('RD-99999')).toEqual([]);
  });

  it('reprints an archived PDF without archiving it again, and only from the archive', async () => {
    const failing = recordingBackend(new PrintBackendError('printer_disabled', 'paused'));
    const archiveDir = printArchiveDir(dataDir);
    const pdf = minimalPdf(62, 29, 'label');
    const failed = await createPrintService({ backend: failing.backend, archiveDir }).print(
      request({ document: 'device-label', pdf, media: { widthMm: 62, heightMm: 29 } }),
    );
    expect(failed.ok).toBe(false);

    const { backend, jobs } = recordingBackend();
    const service = createPrintService({ backend, archiveDir });
    const again = await service.reprint({ archivedPath: failed.archivedPath!, printer: 'Receipt', media: { widthMm: 62, heightMm: 29 }, copies: 2 });
    expect(again).toEqual({ ok: true, archivedPath: failed.archivedPath, jobId: 'Receipt-1' });
    expect(firstItem(jobs).job).toMatchObject({ printer: 'Receipt', copies: 2, title: 'RD-00012 device-label' });
    expect(firstItem(jobs).job.pdf.equals(pdf)).toBe(true);
    expect(await service.archived('RD-00012')).toHaveLength(1);

    const outside = join(dataDir, 'elsewhere.pdf');
    writeFileSync(outside, pdf);
    for (const archivedPath of [outside, join(archiveDir, '..', 'elsewhere.pdf'), join(archiveDir, 'RD-00012', 'gone.pdf')]) {
      await expect(service.reprint({ archivedPath, printer: 'Receipt', media: { widthMm: 62, heightMm: 29 } })).rejects.toBeInstanceOf(DeskError);
    }
    expect(jobs).toHaveLength(1);
  });

  it('refuses a malformed request before archiving anything', async () => {
    const { backend, jobs } = recordingBackend();
    const service = createPrintService({ backend, archiveDir: printArchiveDir(dataDir) });
    const bad: [Partial<PrintRequest>, string][] = [
      [{ copies: 0 }, 'copies'],
      [{ copies: 1.5 }, 'copies'],
      [{ copies: 21 }, 'copies'],
      [{ media: { widthMm: Number.NaN, heightMm: 120 } }, 'media.widthMm'],
      [{ media: { widthMm: 80, heightMm: 0 } }, 'media.heightMm'],
      [{ pdf: Buffer.from('not a pdf') }, 'pdf'],
      [{ document: 'invoice' as never }, 'document'],
      [{ ticketNumber: ' ' }, 'ticketNumber'],
    ];
    for (const [over, path] of bad) {
      const error = await service.print(request(over)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(DeskError);
      expect((error as DeskError).fields.map((f) => f.path)).toContain(path);
    }
    expect(existsSync(printArchiveDir(dataDir))).toBe(false);
    expect(jobs).toHaveLength(0);
  });

  it('lists printers, or says why it cannot', async () => {
    const archiveDir = printArchiveDir(dataDir);
    expect(await createPrintService({ backend: recordingBackend().backend, archiveDir }).listPrinters()).toEqual({
      ok: true,
      printers: [{ name: 'Receipt', isDefault: true, status: 'idle' }],
    });
    const down = recordingBackend(new PrintBackendError('spooler_not_running', 'The CUPS scheduler is not running.'));
    expect(await createPrintService({ backend: down.backend, archiveDir }).listPrinters()).toEqual({
      ok: false,
      error: { code: 'spooler_error', detail: 'The CUPS scheduler is not running.' },
    });
  });

  it('picks CUPS on Unix and SumatraPDF on Windows', () => {
    expect(pickBackend('linux').kind).toBe('cups');
    expect(pickBackend('darwin').kind).toBe('cups');
    expect(pickBackend('freebsd').kind).toBe('cups');
    expect(pickBackend('win32').kind).toBe('windows');
  });
});

describe('print archive', () => {
  it('keeps ticket folders inside the archive', () => {
    expect(ticketFolderName('RD-00012')).toBe('RD-00012');
    expect(ticketFolderName(12)).toBe('12');
    expect(ticketFolderName('../../etc')).toBe('etc');
    expect(ticketFolderName('RD/../00012')).toBe('RD_00012');
    expect(ticketFolderName('维修-0001')).toBe('维修-0001');
    expect(() => ticketFolderName('../')).toThrow(TypeError);
  });

  it('writes <archive>/<ticket>/<timestamp>-<document>.pdf', async () => {
    const path = await archivePdf({
      archiveDir: printArchiveDir(dataDir),
      ticketNumber: 'RD-00077',
      document: 'receipt',
      pdf: minimalPdf(80, 200),
      now: new Date('2026-12-31T23:59:59.999Z'),
    });
    expect(path).toBe(join(dataDir, 'prints', 'RD-00077', '2026-12-31T23-59-59.999Z-receipt.pdf'));
    expect(await listArchivedPrints(printArchiveDir(dataDir), 'RD-00077')).toEqual([
      { path, fileName: '2026-12-31T23-59-59.999Z-receipt.pdf', document: 'receipt', printedAt: '2026-12-31T23:59:59.999Z' },
    ]);
  });
});

describe('folder backend', () => {
  const job = (title: string, over: Partial<PrintJob> = {}): PrintJob => ({
    pdf: minimalPdf(80, 120, title),
    printer: DIRECTORY_PRINTER,
    media: { widthMm: 80, heightMm: 120 },
    copies: 1,
    title,
    ...over,
  });

  it('shows one pseudo printer, the default', async () => {
    const backend = createDirectoryBackend({ dir: join(dataDir, 'out') });
    expect(await backend.listPrinters()).toEqual([{ name: DIRECTORY_PRINTER, isDefault: true, status: 'idle' }]);
    expect(await backend.defaultPrinter()).toBe(DIRECTORY_PRINTER);
  });

  it('writes numbered PDFs named after the job, with what was asked of the printer', async () => {
    const dir = join(dataDir, 'out');
    const backend = createDirectoryBackend({ dir });
    const intake = job('RD-00012 intake-form', { copies: 2, media: { widthMm: 210, heightMm: 297 } });
    expect(await backend.print(intake)).toEqual({ jobId: '0001-RD-00012-intake-form' });
    expect(await backend.print(job('RD-00012 claim-ticket'))).toEqual({ jobId: '0002-RD-00012-claim-ticket' });
    expect(readdirSync(dir).sort()).toEqual([
      '0001-RD-00012-intake-form.json',
      '0001-RD-00012-intake-form.pdf',
      '0002-RD-00012-claim-ticket.json',
      '0002-RD-00012-claim-ticket.pdf',
    ]);
    expect(readFileSync(join(dir, '0001-RD-00012-intake-form.pdf')).equals(intake.pdf)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '0001-RD-00012-intake-form.json'), 'utf8'))).toEqual({
      file: '0001-RD-00012-intake-form.pdf',
      title: 'RD-00012 intake-form',
      printer: DIRECTORY_PRINTER,
      media: { widthMm: 210, heightMm: 297 },
      copies: 2,
    });

    // A restarted harness carries on numbering.
    expect(await createDirectoryBackend({ dir }).print(job('RD-00013 device-label'))).toEqual({ jobId: '0003-RD-00013-device-label' });
  });

  it('numbers overlapping prints in the order they were sent', async () => {
    const dir = join(dataDir, 'out');
    const backend = createDirectoryBackend({ dir });
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((t) => backend.print(job(`RD-1 ${t}`)).then((r) => r.jobId)));
    expect(ids).toEqual(['0001-RD-1-a', '0002-RD-1-b', '0003-RD-1-c', '0004-RD-1-d']);
  });

  it('refuses printers it does not have', async () => {
    const backend = createDirectoryBackend({ dir: join(dataDir, 'out'), printers: ['Receipt folder', 'Label folder'] });
    expect((await backend.listPrinters()).map((p) => [p.name, p.isDefault])).toEqual([
      ['Receipt folder', true],
      ['Label folder', false],
    ]);
    await backend.print(job('RD-1 device-label', { printer: 'Label folder' }));
    const error = await backend.print(job('RD-1 receipt', { printer: 'EPSON' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintBackendError);
    expect((error as PrintBackendError).reason).toBe('printer_not_found');
  });

  it('makes safe file names from titles', () => {
    expect(fileSlug('RD-00012 claim-ticket')).toBe('RD-00012-claim-ticket');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('王小明 收据')).toBe('王小明-收据');
    expect(fileSlug('///')).toBe('job');
  });

  it('is what the print service prints into for the web harness', async () => {
    const dir = join(dataDir, 'printed');
    const service = createPrintService({ backend: createDirectoryBackend({ dir }), archiveDir: printArchiveDir(dataDir) });
    const outcome = await service.print(request({ printer: DIRECTORY_PRINTER, document: 'receipt' }));
    expect(outcome).toMatchObject({ ok: true, jobId: '0001-RD-00012-receipt' });
    expect(existsSync(join(dir, '0001-RD-00012-receipt.pdf'))).toBe(true);
    const wrong = await service.print(request({ printer: 'EPSON TM-T20III' }));
    expect(wrong).toMatchObject({ ok: false, error: { code: 'printer_not_found' } });
  });
});
