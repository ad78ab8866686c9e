// Printing a ticket's documents through the desk: a real SQLite file, real
// rendering, and real print backends (the folder backend, and a real CUPS
// spooler with cups-pdf for the failure cases). The CUPS tests fail, never
// skip, when CUPS is missing: see tests/support/cups.ts.
import { existsSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrintResult, Settings } from '../../src/shared/contract';
import { translate } from '../../src/shared/i18n/translate';
import { createCupsBackend, DIRECTORY_PRINTER, type DirectoryJobRecord, type PrinterBackend } from '../../src/main/core/features/printing/spooler';
import { cupsPdfOutputOf, ensureCupsPdfPrinter, mmToPt, pdfPageSize as cupsOutputPageSize, waitForCompletedJob, type CupsTestSetup } from '../support/cups';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk, type TestInput } from '../support/desk';
import { firstItem, itemAt } from '../support/lists';
import { pdfInfo, pdfText, pdfWords, requirePdfTools } from '../support/pdf';

// 10:30 in Shanghai: the shop's local day is 2026-11-23 in any test time zone from UTC-2 to UTC+13.
const clock = fixedClock('2026-11-23T02:30:00Z');
const ALL_DOCUMENTS = ['intake-form', 'claim-ticket', 'device-label'] as const;

/** A page dimension in points is within a quarter millimetre of the expected size. */
function expectMm(actualPt: number, expectedMm: number): void {
  expect(Math.abs(actualPt - mmToPt(expectedMm)), `${actualPt} pt, expected ${expectedMm} mm`).toBeLessThan(mmToPt(0.25));
}

interface PrintedJob {
  record: DirectoryJobRecord;
  pdf: Buffer;
}

/** What the folder backend received, in the order it was sent. */
function printedJobs(desk: TestDesk): PrintedJob[] {
  const dir = join(desk.dir, 'printed');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const record = JSON.parse(readFileSync(join(dir, name), 'utf8')) as DirectoryJobRecord;
      return { record, pdf: readFileSync(join(dir, record.file)) };
    });
}

/** The files archived for a ticket under <dataDir>/prints/<ticket>. */
function archived(desk: TestDesk, displayNumber: string): string[] {
  const dir = join(desk.dir, 'prints', displayNumber);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

async function updateSettings(desk: TestDesk, change: (current: Settings) => TestInput<'settings.update'>): Promise<Settings> {
  return desk.call('settings.update', change(await desk.call('settings.get', {})));
}

function withDocument(settings: Settings, document: (typeof ALL_DOCUMENTS)[number], change: Partial<Settings['printing']['intake-form']>) {
  return { printing: { ...settings.printing, [document]: { ...settings.printing[document], ...change } } };
}

beforeAll(async () => {
  await requirePdfTools();
});

describe('printing.printTicket to the folder backend', () => {
  let desk: TestDesk;
  let ticket: { displayNumber: string; barcode: string };

  beforeEach(async () => {
    clock.set('2026-11-23T02:30:00Z');
    desk = await openTestDesk({ clock });
    ticket = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets);
  });
  afterEach(async () => desk.dispose());

  it('prints the three enabled documents after check-in, each on its media, with the copies from settings', async () => {
    await updateSettings(desk, (s) => ({
      printing: {
        'intake-form': { ...s.printing['intake-form'], copies: 2 },
        'claim-ticket': { ...s.printing['claim-ticket'], copies: 1 },
        'device-label': { ...s.printing['device-label'], copies: 3 },
      },
    }));
    const results = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: [...ALL_DOCUMENTS],
      labelCaptions: [],
      onlyEnabled: true,
    });
    expect(results.map((r) => [r.document, r.caption, r.ok, r.error])).toEqual([
      ['intake-form', null, true, null],
      ['claim-ticket', null, true, null],
      ['device-label', null, true, null],
    ]);

    const jobs = printedJobs(desk);
    expect(jobs.map((j) => [j.record.title, j.record.printer, j.record.copies])).toEqual([
      [`${ticket.displayNumber} intake-form`, DIRECTORY_PRINTER, 2],
      [`${ticket.displayNumber} claim-ticket`, DIRECTORY_PRINTER, 1],
      [`${ticket.displayNumber} device-label`, DIRECTORY_PRINTER, 3],
    ]);
    const form = itemAt(jobs, 0);
    const claim = itemAt(jobs, 1);
    const label = itemAt(jobs, 2);

    // Intake form: A4, two pages (customer copy and shop copy).
    expect(form.record.media).toEqual({ widthMm: 210, heightMm: 297 });
    const formInfo = await pdfInfo(form.pdf);
    expect(formInfo.pages).toBe(2);
    for (const page of formInfo.pageSizes) {
      expectMm(page.width, 210);
      expectMm(page.height, 297);
    }

    // Claim ticket: an 80 mm roll, one page as long as its content.
    expect(claim.record.media.widthMm).toBe(80);
    const claimInfo = await pdfInfo(claim.pdf);
    expect(claimInfo.pages).toBe(1);
    expectMm(firstItem(claimInfo.pageSizes).width, 80);
    expect(Math.abs(firstItem(claimInfo.pageSizes).height - mmToPt(claim.record.media.heightMm))).toBeLessThan(mmToPt(0.1));
    const claimWords = await pdfWords(claim.pdf);
    const lowest = Math.max(...claimWords.words.map((w) => w.yMax));
    const below = firstItem(claimInfo.pageSizes).height - lowest;
    // The roll ends just after the last line: the 5 mm bottom margin and a little leading, not a blank stretch.
    expect(below).toBeGreaterThan(mmToPt(3));
    expect(below).toBeLessThan(mmToPt(10));
    expect(claim.record.media.heightMm).toBeGreaterThan(80);
    expect(claim.record.media.heightMm).toBeLessThan(297);

    // Device label: 62 x 29 mm.
    expect(label.record.media).toEqual({ widthMm: 62, heightMm: 29 });
    const labelInfo = await pdfInfo(label.pdf);
    expect(labelInfo.pages).toBe(1);
    expectMm(firstItem(labelInfo.pageSizes).width, 62);
    expectMm(firstItem(labelInfo.pageSizes).height, 29);

    // What was printed is what was archived, byte for byte.
    for (const [index, result] of results.entries()) {
      expect(result.archivedPath).toBe(join(desk.dir, 'prints', ticket.displayNumber, `2026-11-23T02-30-00.000Z-${result.document}.pdf`));
      expect(readFileSync(result.archivedPath!).equals(itemAt(jobs, index).pdf)).toBe(true);
    }
    expect(await pdfText(claim.pdf)).toContain(ticket.displayNumber);
  });

  it('skips a document disabled in settings after check-in, but prints it on an explicit reprint', async () => {
    await updateSettings(desk, (s) => withDocument(s, 'intake-form', { enabled: false }));
    const afterCheckIn = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: [...ALL_DOCUMENTS],
      labelCaptions: [],
      onlyEnabled: true,
    });
    expect(afterCheckIn.map((r) => r.document)).toEqual(['claim-ticket', 'device-label']);
    expect(printedJobs(desk).map((j) => j.record.title)).toEqual([`${ticket.displayNumber} claim-ticket`, `${ticket.displayNumber} device-label`]);

    const reprint = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: ['intake-form'],
      labelCaptions: [],
      onlyEnabled: false,
    });
    expect(reprint.map((r) => [r.document, r.ok])).toEqual([['intake-form', true]]);
    const jobs = printedJobs(desk);
    expect(jobs).toHaveLength(3);
    expect(itemAt(jobs, 2).record).toMatchObject({ title: `${ticket.displayNumber} intake-form`, media: { widthMm: 210, heightMm: 297 } });
    expect(archived(desk, ticket.displayNumber)).toHaveLength(3);
  });

  it('writes reprints to the ticket history with who asked, but not the prints of the check-in itself', async () => {
    const clerk = await desk.call('staff.save', { name: '柜台 Amy', role: 'clerk' });
    await desk.call('auth.setPin', { session: desk.sessionFor('manager'), staffId: clerk.id, newPin: '2580' });
    const amy = await desk.call('auth.signIn', { staffId: clerk.id, pin: '2580' });
    const historyOf = async () => (await desk.call('tickets.get', { number: ticket.displayNumber })).events.filter((e) => e.kind.startsWith('printed_'));

    await desk.call('printing.printTicket', { number: ticket.displayNumber, documents: [...ALL_DOCUMENTS], labelCaptions: [], onlyEnabled: true });
    expect(await historyOf()).toEqual([]);

    await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: ['claim-ticket'],
      labelCaptions: ['Charger'],
      onlyEnabled: false,
      session: amy.token,
    });
    const events = await historyOf();
    expect(events.map((e) => [e.kind, e.note, e.staffName])).toEqual([
      ['printed_claim_ticket', '', '柜台 Amy'],
      ['printed_device_label', 'Charger', '柜台 Amy'],
    ]);
  });

  it('prints a second device label for a caption, naming what it is stuck on', async () => {
    const results = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: ['device-label'],
      labelCaptions: ['Charger'],
      onlyEnabled: true,
    });
    expect(results.map((r) => [r.document, r.caption, r.ok])).toEqual([
      ['device-label', null, true],
      ['device-label', 'Charger', true],
    ]);
    const jobs = printedJobs(desk);
    expect(jobs).toHaveLength(2);
    for (const job of jobs) expect(job.record.media).toEqual({ widthMm: 62, heightMm: 29 });
    const [plain, charger] = await Promise.all(jobs.map((j) => pdfText(j.pdf)));
    expect(plain).not.toContain('Charger');
    expect(charger).toContain('Charger');
    expect(charger).toContain(ticket.displayNumber);
    // Both labels archived, the second without overwriting the first.
    expect(archived(desk, ticket.displayNumber)).toHaveLength(2);
  });

  it('finds the ticket by its number with or without the prefix', async () => {
    const typed = [ticket.displayNumber, ticket.barcode, ticket.displayNumber.toLowerCase(), ticket.displayNumber.replace(/^RD-/, '')];
    for (const number of typed) {
      const results = await desk.call('printing.printTicket', { number, documents: ['claim-ticket'], labelCaptions: [], onlyEnabled: false });
      expect(
        results.map((r) => r.ok),
        number,
      ).toEqual([true]);
    }
    // Every print was filed under the ticket's display number.
    expect(archived(desk, ticket.displayNumber)).toHaveLength(typed.length);
    expect(printedJobs(desk).map((j) => j.record.title)).toEqual(typed.map(() => `${ticket.displayNumber} claim-ticket`));
  });

  it('answers not_found for an unknown ticket, and prints nothing', async () => {
    const error = await desk.fail('printing.printTicket', { number: 'RD-261123-0099', documents: ['claim-ticket'], labelCaptions: [], onlyEnabled: false });
    expect(error).toEqual({ code: 'not_found', message: translate('en', 'errors.not_found') });
    const garbled = await desk.fail('printing.printTicket', { number: 'no such ticket', documents: ['claim-ticket'] });
    expect(garbled.code).toBe('validation');
    expect(garbled.fields).toEqual([{ path: 'number', code: 'invalid' }]);
    expect(printedJobs(desk)).toEqual([]);
    expect(existsSync(join(desk.dir, 'prints'))).toBe(false);
  });
});

describe('test print, presets and preview', () => {
  let desk: TestDesk;
  const opened: string[] = [];

  beforeEach(async () => {
    clock.set('2026-11-23T02:30:00Z');
    opened.length = 0;
    desk = await openTestDesk({ clock, openPath: async (path) => void opened.push(path) });
  });
  afterEach(async () => desk.dispose());

  it('test-prints the sample label on the chosen preset, with the calibration to try', async () => {
    const plain = await desk.call('printing.testPrint', { document: 'device-label', preset: 'label-2x1in', printer: null, calibration: null });
    const shifted = await desk.call('printing.testPrint', {
      document: 'device-label',
      preset: 'label-2x1in',
      printer: DIRECTORY_PRINTER,
      calibration: { offsetXmm: 2, offsetYmm: 1, scale: 1 },
    });
    for (const result of [plain, shifted]) {
      expect(result).toMatchObject({ document: 'device-label', caption: null, ok: true, error: null });
      expect(existsSync(result.archivedPath!)).toBe(true);
    }
    const jobs = printedJobs(desk);
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job.record.media).toEqual({ widthMm: 50.8, heightMm: 25.4 });
      expect(job.record.copies).toBe(1);
      const info = await pdfInfo(job.pdf);
      expect(info.pages).toBe(1);
      const page = firstItem(info.pageSizes);
      expectMm(page.width, 50.8);
      expectMm(page.height, 25.4);
    }
    // The calibration moves the content by its offsets; the page stays the same.
    const testWords = await Promise.all(jobs.map(async (j) => (await pdfWords(j.pdf)).words.find((w) => w.text.startsWith('TEST-'))!));
    const before = itemAt(testWords, 0);
    const after = itemAt(testWords, 1);
    expect(before).toBeDefined();
    expect(after.xMin - before.xMin).toBeCloseTo(mmToPt(2), 0);
    expect(after.yMin - before.yMin).toBeCloseTo(mmToPt(1), 0);
    // No real ticket was created for it.
    expect((await desk.context.db.dataSource.query('SELECT COUNT(*) AS n FROM ticket'))[0].n).toBe(0);
  });

  it('refuses a test print on a preset of another document', async () => {
    const error = await desk.fail('printing.testPrint', { document: 'device-label', preset: 'roll-80', printer: null, calibration: null });
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ path: 'preset', code: 'invalid' }]);
    const unknown = await desk.fail('printing.testPrint', { document: 'claim-ticket', preset: 'roll-99', printer: null });
    expect(unknown.fields).toEqual([{ path: 'preset', code: 'invalid' }]);
    expect(printedJobs(desk)).toEqual([]);
  });

  it('refuses settings that give a document a preset of another kind', async () => {
    const before = await desk.call('settings.get', {});
    const error = await desk.fail('settings.update', withDocument(before, 'claim-ticket', { preset: 'label-62x29' }));
    expect(error.code).toBe('validation');
    expect(error.fields).toEqual([{ path: 'printing.claim-ticket.preset', code: 'invalid' }]);
    const form = await desk.fail('settings.update', withDocument(before, 'intake-form', { preset: 'roll-58' }));
    expect(form.fields).toEqual([{ path: 'printing.intake-form.preset', code: 'invalid' }]);
    expect(await desk.call('settings.get', {})).toEqual(before);
    // A preset of the right kind is taken.
    const saved = await desk.call('settings.update', withDocument(before, 'claim-ticket', { preset: 'roll-58' }));
    expect(saved.printing['claim-ticket'].preset).toBe('roll-58');
  });

  it('previews a document as a PDF opened with openPath, printing nothing', async () => {
    const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets);
    const { path } = await desk.call('printing.preview', { number: ticket.barcode, document: 'claim-ticket' });
    expect(opened).toEqual([path]);
    expect(path.startsWith(join(desk.dir, 'previews'))).toBe(true);
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expectMm(firstItem((await pdfInfo(pdf)).pageSizes).width, 80);
    expect(await pdfText(pdf)).toContain(ticket.displayNumber);
    expect(printedJobs(desk)).toEqual([]);
    expect(existsSync(join(desk.dir, 'prints'))).toBe(false);

    const missing = await desk.fail('printing.preview', { number: 'RD-261123-0099', document: 'device-label' });
    expect(missing.code).toBe('not_found');
    expect(opened).toHaveLength(1);
  });

  it('lists the folder printer', async () => {
    expect(await desk.call('printing.printers', {})).toEqual({
      printers: [{ name: DIRECTORY_PRINTER, isDefault: true, status: 'idle' }],
      error: null,
    });
  });
});

describe('printing.printTicket through CUPS', () => {
  let setup: CupsTestSetup | Error;
  let desk: TestDesk;
  const jobIds: string[] = [];
  const outputs: string[] = [];

  beforeAll(async () => {
    // Kept, not thrown: every test then fails on its own with the reason, rather than being skipped.
    setup = await ensureCupsPdfPrinter().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  }, 60_000);

  function requireCups(): CupsTestSetup {
    if (setup instanceof Error) throw setup;
    return setup;
  }

  beforeEach(async () => {
    clock.set('2026-11-23T02:30:00Z');
    jobIds.length = 0;
    // The real CUPS backend; the wrapper only notes the job ids so the test can find cups-pdf's output.
    const cups = createCupsBackend();
    const backend: PrinterBackend = {
      ...cups,
      kind: cups.kind,
      async print(job) {
        const submitted = await cups.print(job);
        if (submitted.jobId) jobIds.push(submitted.jobId);
        return submitted;
      },
    };
    desk = await openTestDesk({ clock, printBackend: backend });
  });
  afterEach(async () => desk?.dispose());
  afterAll(() => {
    for (const file of outputs) if (existsSync(file)) unlinkSync(file);
  });

  const codes = (results: PrintResult[]) => results.map((r) => [r.document, r.ok, r.error?.code ?? null]);

  it('reports a missing or stopped printer in the shop language, keeps the PDFs and the ticket, and prints later', async () => {
    const cups = requireCups();
    await updateSettings(desk, (s) => ({
      printing: {
        'intake-form': { ...s.printing['intake-form'], printer: 'RepairDeskNoSuchPrinter' },
        'claim-ticket': { ...s.printing['claim-ticket'], printer: cups.stoppedPrinter },
        'device-label': { ...s.printing['device-label'], printer: 'RepairDeskNoSuchPrinter' },
      },
    }));
    const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets);

    const failed = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: [...ALL_DOCUMENTS],
      labelCaptions: [],
      onlyEnabled: true,
    });
    expect(codes(failed)).toEqual([
      ['intake-form', false, 'printer_not_found'],
      ['claim-ticket', false, 'printer_unavailable'],
      ['device-label', false, 'printer_not_found'],
    ]);
    expect(itemAt(failed, 0).error?.message).toBe('The printer was not found. Check the printer in Settings.');
    expect(itemAt(failed, 1).error?.message).toBe(translate('en', 'errors.print.printer_unavailable'));
    expect(itemAt(failed, 1).error?.message).toMatch(/paused or not accepting jobs/);
    expect(itemAt(failed, 1).error?.detail).toContain(cups.stoppedPrinter);
    for (const result of failed) expect(existsSync(result.archivedPath!)).toBe(true);
    expect(jobIds).toEqual([]);

    // The same failures in Chinese when the shop works in Chinese.
    await updateSettings(desk, () => ({ language: 'zh-CN' }));
    const zh = await desk.call('printing.printTicket', {
      number: ticket.barcode,
      documents: ['intake-form', 'claim-ticket'],
      labelCaptions: [],
      onlyEnabled: false,
    });
    expect(codes(zh)).toEqual([
      ['intake-form', false, 'printer_not_found'],
      ['claim-ticket', false, 'printer_unavailable'],
    ]);
    expect(itemAt(zh, 0).error?.message).toBe('找不到打印机，请在设置中检查。');
    expect(itemAt(zh, 1).error?.message).toBe(translate('zh-CN', 'errors.print.printer_unavailable'));
    expect(itemAt(zh, 1).error?.message).toMatch(/打印机已暂停/);
    expect(archived(desk, ticket.displayNumber)).toHaveLength(5);

    // The ticket is stored and can be found as usual.
    const stored = await desk.call('tickets.get', { number: ticket.displayNumber });
    expect(stored).toMatchObject({ displayNumber: ticket.displayNumber, status: 'received', brand: 'Huawei', model: 'Mate 60' });

    // Once the printer is set right, a reprint goes through and cups-pdf writes each page at its size.
    await updateSettings(desk, (s) => ({
      printing: {
        'intake-form': { ...s.printing['intake-form'], printer: cups.printer },
        'claim-ticket': { ...s.printing['claim-ticket'], printer: cups.printer },
        'device-label': { ...s.printing['device-label'], printer: cups.printer },
      },
    }));
    const printed = await desk.call('printing.printTicket', {
      number: ticket.displayNumber,
      documents: [...ALL_DOCUMENTS],
      labelCaptions: [],
      onlyEnabled: false,
    });
    expect(codes(printed)).toEqual([
      ['intake-form', true, null],
      ['claim-ticket', true, null],
      ['device-label', true, null],
    ]);
    expect(jobIds).toHaveLength(3);
    const sizes = [];
    for (const jobId of jobIds) {
      await waitForCompletedJob(jobId);
      const output = cupsPdfOutputOf(jobId, cups.outputDir);
      outputs.push(output);
      sizes.push(await cupsOutputPageSize(output));
    }
    const claimMedia = firstItem((await pdfInfo(readFileSync(itemAt(printed, 1).archivedPath!))).pageSizes);
    // cups-pdf rounds to whole points.
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected), `${actual} pt vs ${expected.toFixed(2)} pt`).toBeLessThan(1.5);
    near(itemAt(sizes, 0).widthPt, mmToPt(210));
    near(itemAt(sizes, 0).heightPt, mmToPt(297));
    expect(itemAt(sizes, 0).pages).toBe(2);
    near(itemAt(sizes, 1).widthPt, mmToPt(80));
    near(itemAt(sizes, 1).heightPt, claimMedia.height);
    near(itemAt(sizes, 2).widthPt, mmToPt(62));
    near(itemAt(sizes, 2).heightPt, mmToPt(29));
    expect(archived(desk, ticket.displayNumber)).toHaveLength(8);
  }, 90_000);

  it('lists the CUPS printers, the stopped one as disabled', async () => {
    const cups = requireCups();
    const { printers, error } = await desk.call('printing.printers', {});
    expect(error).toBeNull();
    const byName = new Map(printers.map((p) => [p.name, p]));
    expect(byName.get(cups.printer)?.status).toMatch(/^(idle|printing)$/);
    expect(byName.get(cups.stoppedPrinter)?.status).toBe('disabled');
  });
});
