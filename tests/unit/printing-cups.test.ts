// Printing through a real CUPS spooler with cups-pdf virtual printers. These
// tests fail, never skip, when CUPS is missing: see tests/support/cups.ts.
import { mkdtempSync, readFileSync, rmSync, unlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCupsBackend } from '../../src/main/core/features/printing/spooler/cups-backend';
import { createPrintService, pickBackend } from '../../src/main/core/features/printing/spooler/print-service';
import { printArchiveDir } from '../../src/main/core/features/printing/spooler/archive';
import { PrintBackendError } from '../../src/main/core/features/printing/spooler/types';
import {
  cupsPdfOutputOf,
  ensureCupsPdfPrinter,
  jobAttributes,
  minimalPdf,
  mmToPt,
  pdfPageSize,
  STOP_REASON,
  waitForCompletedJob,
  type CupsTestSetup,
} from '../support/cups';
import { fixedClock } from '../support/desk';

let setup: CupsTestSetup | Error;
let dataDir: string;
const outputs: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'repair-desk-printing-'));
  // Kept, not thrown: every test then fails on its own with the reason,
  // rather than the whole file being reported as skipped tests.
  setup = await ensureCupsPdfPrinter().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
}, 60_000);

/** The spooler set up for these tests; throws why it is not there. */
function requireCups(): CupsTestSetup {
  if (setup instanceof Error) throw setup;
  return setup;
}

afterAll(() => {
  for (const file of outputs) if (existsSync(file)) unlinkSync(file);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A page dimension within half a millimetre (cups-pdf rounds to whole points). */
function expectPoints(actual: number, expected: number): void {
  expect(Math.abs(actual - expected), `${actual} pt, expected ${expected.toFixed(2)} pt`).toBeLessThan(1.5);
}

/** The backend error a call rejects with. */
async function backendError(promise: Promise<unknown>): Promise<PrintBackendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrintBackendError);
  return error as PrintBackendError;
}

describe('CUPS backend against the real spooler', () => {
  it('lists the cups-pdf printers with their state', async () => {
    const cups = requireCups();
    const printers = await createCupsBackend().listPrinters();
    const byName = new Map(printers.map((p) => [p.name, p]));
    expect(byName.get(cups.printer)?.status).toMatch(/^(idle|printing)$/);
    expect(byName.get(cups.stoppedPrinter)?.status).toBe('disabled');
    expect(byName.get(cups.stoppedPrinter)?.statusDetail).toBe(STOP_REASON);
    expect(printers.filter((p) => p.isDefault).length).toBeLessThanOrEqual(1);
  });

  it('sends an 80x120 mm receipt with that media, unscaled, and cups-pdf writes an 80x120 mm page', async () => {
    const cups = requireCups();
    const pdf = minimalPdf(80, 120, 'claim ticket');
    const { jobId } = await createCupsBackend().print({
      pdf,
      printer: cups.printer,
      media: { widthMm: 80, heightMm: 120 },
      copies: 1,
      title: 'RD-00001 claim-ticket',
    });
    expect(jobId).toMatch(new RegExp(`^${cups.printer}-\\d+$`));
    await waitForCompletedJob(jobId!);

    const attributes = await jobAttributes(jobId!);
    expect(attributes.media).toBe('Custom.80x120mm');
    expect(attributes['print-scaling']).toBe('none');
    expect(attributes.copies).toBe('1');
    expect(attributes['document-format-detected'] ?? attributes['document-format']).toBe('application/pdf');

    const output = cupsPdfOutputOf(jobId!, cups.outputDir);
    outputs.push(output);
    const page = await pdfPageSize(output);
    expect(page.pages).toBe(1);
    expectPoints(page.widthPt, mmToPt(80));
    expectPoints(page.heightPt, mmToPt(120));
  });

  it('the media option decides the paper: an A4 page sent as a 62x29 mm label comes out 62x29 mm', async () => {
    const cups = requireCups();
    const { jobId } = await createCupsBackend().print({
      pdf: minimalPdf(210, 297, 'wrong size'),
      printer: cups.printer,
      media: { widthMm: 62, heightMm: 29 },
      copies: 2,
      title: 'RD-00001 device-label',
    });
    await waitForCompletedJob(jobId!);
    const attributes = await jobAttributes(jobId!);
    expect(attributes.media).toBe('Custom.62x29mm');
    expect(attributes.copies).toBe('2');
    const output = cupsPdfOutputOf(jobId!, cups.outputDir);
    outputs.push(output);
    const page = await pdfPageSize(output);
    expectPoints(page.widthPt, mmToPt(62));
    expectPoints(page.heightPt, mmToPt(29));
  });

  it('sends A4 by its PWG name', async () => {
    const cups = requireCups();
    const { jobId } = await createCupsBackend().print({
      pdf: minimalPdf(210, 297, 'intake form'),
      printer: cups.printer,
      media: { widthMm: 210, heightMm: 297 },
      copies: 1,
      title: 'RD-00001 intake-form',
    });
    await waitForCompletedJob(jobId!);
    expect((await jobAttributes(jobId!)).media).toBe('iso_a4_210x297mm');
    const output = cupsPdfOutputOf(jobId!, cups.outputDir);
    outputs.push(output);
    const page = await pdfPageSize(output);
    expectPoints(page.widthPt, 595.28);
    expectPoints(page.heightPt, 841.89);
  });

  it('reads the default destination (LPDEST here, so the test does not change the machine)', async () => {
    const cups = requireCups();
    expect(await createCupsBackend({ env: { LPDEST: cups.printer } }).defaultPrinter()).toBe(cups.printer);
    expect(await createCupsBackend({ env: { LPDEST: 'NoSuchPrinter' } }).defaultPrinter()).toBeNull();
    const printers = await createCupsBackend({ env: { LPDEST: cups.printer } }).listPrinters();
    expect(printers.filter((p) => p.isDefault).map((p) => p.name)).toEqual([cups.printer]);
  });

  it('names a missing printer', async () => {
    requireCups();
    const error = await backendError(
      createCupsBackend().print({ pdf: minimalPdf(80, 120), printer: 'NoSuchPrinter', media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(error.reason).toBe('printer_not_found');
    expect(error.message).toMatch(/does not exist/i);
    // A name that looks like an option is still a name.
    const dashed = await backendError(
      createCupsBackend().print({ pdf: minimalPdf(80, 120), printer: '-p', media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(dashed.reason).toBe('printer_not_found');
  });

  it('refuses a stopped printer instead of queueing on it', async () => {
    const cups = requireCups();
    const error = await backendError(
      createCupsBackend().print({ pdf: minimalPdf(80, 120), printer: cups.stoppedPrinter, media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(error.reason).toBe('printer_disabled');
    expect(error.message).toContain(STOP_REASON);
  });

  it('names a printer that rejects jobs', async () => {
    const cups = requireCups();
    const error = await backendError(
      createCupsBackend().print({ pdf: minimalPdf(80, 120), printer: cups.rejectingPrinter, media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(error.reason).toBe('printer_rejecting');
  });

  it('names an unreachable scheduler, for printing and for listing', async () => {
    const cups = requireCups();
    const socket = join(dataDir, 'no-cupsd-here.sock');
    const backend = createCupsBackend({ env: { CUPS_SERVER: socket } });
    const printing = await backendError(
      backend.print({ pdf: minimalPdf(80, 120), printer: cups.printer, media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(printing.reason).toBe('spooler_not_running');
    expect((await backendError(backend.listPrinters())).reason).toBe('spooler_not_running');
    expect((await backendError(backend.defaultPrinter())).reason).toBe('spooler_not_running');
  });

  it('names missing CUPS programs', async () => {
    const cups = requireCups();
    const noLp = createCupsBackend({ lp: 'repair-desk-no-such-lp' });
    const printing = await backendError(
      noLp.print({ pdf: minimalPdf(80, 120), printer: cups.printer, media: { widthMm: 80, heightMm: 120 }, copies: 1, title: 'x' }),
    );
    expect(printing.reason).toBe('spooler_missing');
    expect(printing.message).toContain('repair-desk-no-such-lp');
    const noLpstat = createCupsBackend({ lpstat: 'repair-desk-no-such-lpstat' });
    expect((await backendError(noLpstat.listPrinters())).reason).toBe('spooler_missing');
  });
});

describe('print service through CUPS', () => {
  it('archives, then prints, and reports the job', async () => {
    const cups = requireCups();
    const service = createPrintService({ backend: pickBackend('linux'), archiveDir: printArchiveDir(dataDir), clock: fixedClock('2026-03-01T10:00:00.000Z') });
    expect(service.backendKind).toBe('cups');
    const pdf = minimalPdf(80, 120, 'receipt');
    const outcome = await service.print({
      ticketNumber: 'RD-00042',
      document: 'receipt',
      pdf,
      printer: cups.printer,
      media: { widthMm: 80, heightMm: 120 },
      copies: 1,
    });
    expect(outcome).toEqual({
      ok: true,
      jobId: expect.stringMatching(new RegExp(`^${cups.printer}-\\d+$`)),
      archivedPath: join(dataDir, 'prints', 'RD-00042', '2026-03-01T10-00-00.000Z-receipt.pdf'),
    });
    expect(readFileSync(outcome.archivedPath!).equals(pdf)).toBe(true);
    if (!outcome.ok) throw new Error('unreachable');
    await waitForCompletedJob(outcome.jobId!);
    outputs.push(cupsPdfOutputOf(outcome.jobId!, cups.outputDir));
  });

  it('prints to the system default when settings name no printer', async () => {
    const cups = requireCups();
    const service = createPrintService({ backend: createCupsBackend({ env: { LPDEST: cups.printer } }), archiveDir: printArchiveDir(dataDir) });
    const outcome = await service.print({
      ticketNumber: 'RD-00046',
      document: 'claim-ticket',
      pdf: minimalPdf(58, 90),
      printer: null,
      media: { widthMm: 58, heightMm: 90 },
    });
    expect(outcome).toMatchObject({ ok: true, jobId: expect.stringMatching(new RegExp(`^${cups.printer}-\\d+$`)) });
    if (!outcome.ok) throw new Error('unreachable');
    await waitForCompletedJob(outcome.jobId!);
    const output = cupsPdfOutputOf(outcome.jobId!, cups.outputDir);
    outputs.push(output);
    expectPoints((await pdfPageSize(output)).widthPt, mmToPt(58));
  });

  it('a missing printer is an outcome, and the PDF is still archived for a reprint', async () => {
    const cups = requireCups();
    const service = createPrintService({ backend: createCupsBackend(), archiveDir: printArchiveDir(dataDir), clock: fixedClock('2026-03-01T11:00:00.000Z') });
    const pdf = minimalPdf(62, 29, 'label');
    const outcome = await service.print({
      ticketNumber: 'RD-00043',
      document: 'device-label',
      pdf,
      printer: 'NoSuchLabelPrinter',
      media: { widthMm: 62, heightMm: 29 },
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) throw new Error('unreachable');
    expect(outcome.error.code).toBe('printer_not_found');
    expect(outcome.archivedPath).toBe(join(dataDir, 'prints', 'RD-00043', '2026-03-01T11-00-00.000Z-device-label.pdf'));
    expect(readFileSync(outcome.archivedPath!).equals(pdf)).toBe(true);

    const again = await service.reprint({ archivedPath: outcome.archivedPath!, printer: cups.printer, media: { widthMm: 62, heightMm: 29 } });
    expect(again.ok).toBe(true);
    if (!again.ok) throw new Error('unreachable');
    await waitForCompletedJob(again.jobId!);
    const output = cupsPdfOutputOf(again.jobId!, cups.outputDir);
    outputs.push(output);
    expectPoints((await pdfPageSize(output)).widthPt, mmToPt(62));
  });

  it('a stopped printer, a dead scheduler and a missing lp are outcomes too', async () => {
    const cups = requireCups();
    const media = { widthMm: 80, heightMm: 120 };
    const request = { ticketNumber: 'RD-00044', document: 'claim-ticket' as const, pdf: minimalPdf(80, 120), media };
    const archiveDir = printArchiveDir(dataDir);
    const stopped = await createPrintService({ backend: createCupsBackend(), archiveDir }).print({ ...request, printer: cups.stoppedPrinter });
    const dead = await createPrintService({ backend: createCupsBackend({ env: { CUPS_SERVER: join(dataDir, 'none.sock') } }), archiveDir }).print({
      ...request,
      printer: cups.printer,
    });
    const noLp = await createPrintService({ backend: createCupsBackend({ lp: 'repair-desk-no-such-lp' }), archiveDir }).print({
      ...request,
      printer: cups.printer,
    });
    expect([stopped, dead, noLp].map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['printer_unavailable', 'spooler_error', 'spooler_error']);
    for (const outcome of [stopped, dead, noLp]) expect(existsSync(outcome.archivedPath!)).toBe(true);
  });

  it('submits ten small PDFs in a row and every one is printed', async () => {
    const cups = requireCups();
    const service = createPrintService({ backend: createCupsBackend(), archiveDir: printArchiveDir(dataDir) });
    const pdf = minimalPdf(80, 120, 'timing');
    // How long each takes is measured by `npm run bench`, not here: a busy machine must not fail a test.
    const jobs: string[] = [];
    for (let i = 0; i < 10; i++) {
      const outcome = await service.print({
        ticketNumber: 'RD-00045',
        document: 'claim-ticket',
        pdf,
        printer: cups.printer,
        media: { widthMm: 80, heightMm: 120 },
      });
      if (!outcome.ok) throw new Error(`print failed: ${JSON.stringify(outcome.error)}`);
      jobs.push(outcome.jobId!);
    }
    expect(new Set(jobs).size).toBe(10);
    for (const jobId of jobs) {
      await waitForCompletedJob(jobId);
      outputs.push(cupsPdfOutputOf(jobId, cups.outputDir));
    }
  });
});
