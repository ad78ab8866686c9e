// Pure parts of the printing backends: what CUPS prints back, the arguments
// given to lp and SumatraPDF, and the Windows helper's path in a packaged app.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  classifyCupsMessage,
  cupsEnvironment,
  cupsMediaKeyword,
  jobTitle,
  lpArguments,
  parseLpJobId,
  parseLpstatDefault,
  parseLpstatDestinations,
  parseLpstatPrinters,
  parseLpstatRunning,
} from '../../src/main/core/features/printing/spooler/cups-backend';
import {
  createWindowsBackend,
  defaultSumatraPdfPath,
  pickSumatraExecutable,
  sumatraArguments,
  sumatraPaperName,
  unpackedAsarPath,
} from '../../src/main/core/features/printing/spooler/windows-backend';
import { PrintBackendError, type PrintJob } from '../../src/main/core/features/printing/spooler/types';
import { minimalPdf } from '../support/cups';
import { lastItem } from '../support/lists';

describe('lpstat output', () => {
  it('reads printer states and the reason a printer is stopped', () => {
    const stdout = [
      'printer Brother_QL-700 is idle.  enabled since Mon Nov 23 09:27:56 2026',
      'printer EPSON_TM-T20III now printing EPSON_TM-T20III-31.  enabled since Mon Nov 23 09:30:01 2026',
      'printer Office.A4 disabled since Mon Nov 23 08:00:00 2026 -',
      '\tPaper jam in tray 2',
      'printer Zebra_GK420d disabled since Mon Nov 23 08:05:00 2026 -',
      '\treason unknown',
      'printer disabled is idle.  enabled since Mon Nov 23 09:27:56 2026',
      '',
    ].join('\n');
    expect(parseLpstatPrinters(stdout)).toEqual([
      { name: 'Brother_QL-700', status: 'idle' },
      { name: 'EPSON_TM-T20III', status: 'printing' },
      { name: 'Office.A4', status: 'disabled', statusDetail: 'Paper jam in tray 2' },
      { name: 'Zebra_GK420d', status: 'disabled' },
      { name: 'disabled', status: 'idle' },
    ]);
    expect(parseLpstatPrinters('')).toEqual([]);
  });

  it('reads the default destination, with or without an instance', () => {
    expect(parseLpstatDefault('system default destination: EPSON_TM-T20III\n')).toBe('EPSON_TM-T20III');
    expect(parseLpstatDefault('system default destination: Office/duplex\n')).toBe('Office');
    expect(parseLpstatDefault('user default destination: Brother_QL-700\n')).toBe('Brother_QL-700');
    expect(parseLpstatDefault('no system default destination\n')).toBeNull();
    expect(parseLpstatDefault('')).toBeNull();
  });

  it('reads destination names one a line', () => {
    expect(parseLpstatDestinations('Brother_QL-700\n\nHP_LaserJet_M110w\r\nRepairDeskPDF\n')).toEqual(['Brother_QL-700', 'HP_LaserJet_M110w', 'RepairDeskPDF']);
    expect(parseLpstatDestinations('lpstat: No destinations added.\n')).toEqual([]);
  });

  it('tells a running scheduler from a stopped one', () => {
    expect(parseLpstatRunning('scheduler is running\n')).toBe(true);
    expect(parseLpstatRunning('scheduler is not running\n')).toBe(false);
    expect(parseLpstatRunning('')).toBe(false);
  });
});

describe('lp output and errors', () => {
  it('reads the job id', () => {
    expect(parseLpJobId('request id is RepairDeskPDF-12 (1 file(s))\n')).toBe('RepairDeskPDF-12');
    expect(parseLpJobId('request id is Brother_QL-700-3 (0 file(s))\n')).toBe('Brother_QL-700-3');
    expect(parseLpJobId('')).toBeUndefined();
  });

  it('names the failure behind a message', () => {
    expect(classifyCupsMessage('lp: Error - The printer or class does not exist.')).toBe('printer_not_found');
    expect(classifyCupsMessage('lpstat: Invalid destination name in list "Nope".')).toBe('printer_not_found');
    expect(classifyCupsMessage('lp: Error - Destination "RepairDeskRejecting" is not accepting jobs.')).toBe('printer_rejecting');
    expect(classifyCupsMessage('lpstat: Scheduler is not running.')).toBe('spooler_not_running');
    expect(classifyCupsMessage('lp: Unable to connect to server: Connection refused')).toBe('spooler_not_running');
    expect(classifyCupsMessage('lp: Error - Document format not supported.')).toBe('failed');
  });
});

describe('lp arguments', () => {
  const job = (over: Partial<PrintJob> = {}) => ({
    printer: 'EPSON_TM-T20III',
    copies: 1,
    title: 'RD-00012 receipt',
    media: { widthMm: 80, heightMm: 200 },
    ...over,
  });

  it('asks for the roll size and no scaling', () => {
    expect(lpArguments(job())).toEqual([
      '-d',
      'EPSON_TM-T20III',
      '-n',
      '1',
      '-t',
      'RD-00012 receipt',
      '-o',
      'media=Custom.80x200mm',
      '-o',
      'print-scaling=none',
    ]);
  });

  it('collates several copies of an intake form on A4', () => {
    expect(lpArguments(job({ printer: 'Office', copies: 2, title: 'RD-00012 intake-form', media: { widthMm: 210, heightMm: 297 } }))).toEqual([
      '-d',
      'Office',
      '-n',
      '2',
      '-t',
      'RD-00012 intake-form',
      '-o',
      'media=iso_a4_210x297mm',
      '-o',
      'print-scaling=none',
      '-o',
      'collate=true',
    ]);
  });

  it('names label and office sizes the way CUPS matches them', () => {
    expect(cupsMediaKeyword({ widthMm: 62, heightMm: 29 })).toBe('Custom.62x29mm');
    expect(cupsMediaKeyword({ widthMm: 50.8, heightMm: 25.4 })).toBe('Custom.50.8x25.4mm');
    expect(cupsMediaKeyword({ widthMm: 57.999, heightMm: 100 })).toBe('Custom.58x100mm');
    expect(cupsMediaKeyword({ widthMm: 148, heightMm: 210 })).toBe('iso_a5_148x210mm');
    expect(cupsMediaKeyword({ widthMm: 215.9, heightMm: 279.4 })).toBe('na_letter_8.5x11in');
  });

  it('keeps control characters out of the job title', () => {
    expect(jobTitle('RD-00012\nreceipt\u0000 王小明')).toBe('RD-00012 receipt 王小明');
    expect(jobTitle('  ')).toBe('Repair Desk');
    expect(jobTitle('x'.repeat(500))).toHaveLength(120);
  });

  it('runs the CUPS programs in the C locale, keeping the rest of the environment', () => {
    const env = cupsEnvironment({ CUPS_SERVER: '/run/other.sock' }, { PATH: '/usr/bin', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN:zh' });
    expect(env).toEqual({ PATH: '/usr/bin', CUPS_SERVER: '/run/other.sock', LANG: 'C', LC_ALL: 'C', LC_MESSAGES: 'C' });
  });
});

describe('Windows helper', () => {
  it('runs SumatraPDF from app.asar.unpacked in a packaged app', () => {
    expect(unpackedAsarPath('C:\\Program Files\\Repair Desk\\resources\\app.asar\\node_modules\\pdf-to-printer\\dist\\SumatraPDF-3.4.6-32.exe')).toBe(
      'C:\\Program Files\\Repair Desk\\resources\\app.asar.unpacked\\node_modules\\pdf-to-printer\\dist\\SumatraPDF-3.4.6-32.exe',
    );
    expect(unpackedAsarPath('/opt/Repair Desk/resources/app.asar/node_modules/pdf-to-printer/dist/SumatraPDF.exe')).toBe(
      '/opt/Repair Desk/resources/app.asar.unpacked/node_modules/pdf-to-printer/dist/SumatraPDF.exe',
    );
    const unpacked = 'C:\\Repair Desk\\resources\\app.asar.unpacked\\node_modules\\pdf-to-printer\\dist\\SumatraPDF.exe';
    expect(unpackedAsarPath(unpacked)).toBe(unpacked);
    expect(unpackedAsarPath('C:\\dev\\repair-desk\\node_modules\\pdf-to-printer\\dist\\SumatraPDF.exe')).toBe(
      'C:\\dev\\repair-desk\\node_modules\\pdf-to-printer\\dist\\SumatraPDF.exe',
    );
    expect(unpackedAsarPath('C:\\my-app.asar\\SumatraPDF.exe')).toBe('C:\\my-app.asar\\SumatraPDF.exe');
  });

  it('finds the SumatraPDF that pdf-to-printer ships, whatever its version', () => {
    expect(pickSumatraExecutable(['bundle.js', 'index.d.ts', 'SumatraPDF-3.4.6-32.exe'])).toBe('SumatraPDF-3.4.6-32.exe');
    expect(pickSumatraExecutable(['SumatraPDF-3.4.6-32.exe', 'SumatraPDF-3.10.1-64.exe'])).toBe('SumatraPDF-3.10.1-64.exe');
    expect(pickSumatraExecutable(['bundle.js'])).toBeUndefined();
    const installed = defaultSumatraPdfPath();
    expect(installed).toMatch(/pdf-to-printer[\\/]dist[\\/]SumatraPDF[^\\/]*\.exe$/i);
    expect(existsSync(installed)).toBe(true);
  });

  it('prints silently at actual size, naming only office papers', () => {
    expect(sumatraArguments({ printer: 'Brother QL-700', copies: 1, media: { widthMm: 62, heightMm: 29 } }, 'C:\\Temp\\job.pdf')).toEqual([
      '-print-to',
      'Brother QL-700',
      '-silent',
      '-print-settings',
      'noscale',
      'C:\\Temp\\job.pdf',
    ]);
    expect(sumatraArguments({ printer: 'HP LaserJet', copies: 2, media: { widthMm: 210, heightMm: 297 } }, 'C:\\Temp\\job.pdf')).toEqual([
      '-print-to',
      'HP LaserJet',
      '-silent',
      '-print-settings',
      'noscale,paper=A4,2x',
      'C:\\Temp\\job.pdf',
    ]);
    expect(sumatraPaperName({ widthMm: 215.9, heightMm: 279.4 })).toBe('letter');
    expect(sumatraPaperName({ widthMm: 80, heightMm: 120 })).toBeUndefined();
  });
});

describe('Windows backend with a stand-in for SumatraPDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-sumatra-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const printers = {
    getPrinters: async () => [{ name: 'Brother QL-700' }, { name: 'EPSON TM-T20III' }],
    getDefaultPrinter: async () => ({ name: 'EPSON TM-T20III' }),
  };
  const job = { pdf: minimalPdf(62, 29), media: { widthMm: 62, heightMm: 29 }, copies: 1, title: 'RD-00012 device-label' };

  /** An executable that records its arguments and the PDF it was given, then exits with `code`. */
  function fakeSumatra(name: string, code: number): { path: string; record: string } {
    const path = join(dir, name);
    const record = join(dir, `${name}.json`);
    writeFileSync(
      path,
      `#!${process.execPath}\nconst fs = require('fs');\nconst args = process.argv.slice(2);\n` +
        `fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args, pdf: fs.readFileSync(args[args.length - 1]).toString('latin1') }));\n` +
        `process.exit(${code});\n`,
    );
    chmodSync(path, 0o755);
    return { path, record };
  }

  it('lists printers with the default marked', async () => {
    const backend = createWindowsBackend({ printers });
    expect(await backend.listPrinters()).toEqual([
      { name: 'Brother QL-700', isDefault: false, status: 'unknown' },
      { name: 'EPSON TM-T20III', isDefault: true, status: 'unknown' },
    ]);
    expect(await backend.defaultPrinter()).toBe('EPSON TM-T20III');
    const broken = createWindowsBackend({ printers: { getPrinters: () => Promise.reject(new Error('no spooler')), getDefaultPrinter: async () => null } });
    expect(await broken.defaultPrinter()).toBeNull();
    const reason = await broken.listPrinters().then(
      () => 'ok',
      (e: unknown) => (e instanceof PrintBackendError ? e.reason : String(e)),
    );
    expect(reason).toBe('spooler_not_running');
  });

  it('hands SumatraPDF the PDF in a temporary file', async () => {
    const fake = fakeSumatra('ok', 0);
    await createWindowsBackend({ printers, sumatraPdfPath: fake.path }).print({ ...job, printer: 'Brother QL-700' });
    const seen = JSON.parse(readFileSync(fake.record, 'utf8')) as { args: string[]; pdf: string };
    expect(seen.args.slice(0, -1)).toEqual(['-print-to', 'Brother QL-700', '-silent', '-print-settings', 'noscale']);
    expect(seen.pdf).toBe(job.pdf.toString('latin1'));
    expect(existsSync(lastItem(seen.args))).toBe(false);
  });

  it('names a missing printer, a failing helper and a missing helper', async () => {
    const failing = fakeSumatra('failing', 1);
    const backend = createWindowsBackend({ printers, sumatraPdfPath: failing.path });
    const reasons = await Promise.all(
      [
        backend.print({ ...job, printer: 'Zebra GK420d' }),
        backend.print({ ...job, printer: 'brother ql-700' }),
        createWindowsBackend({ printers, sumatraPdfPath: join(dir, 'missing.exe') }).print({ ...job, printer: 'Brother QL-700' }),
      ].map((p) =>
        p.then(
          () => 'ok',
          (e: unknown) => (e instanceof PrintBackendError ? e.reason : String(e)),
        ),
      ),
    );
    expect(reasons).toEqual(['printer_not_found', 'failed', 'spooler_missing']);
  });
});
