// The intake documents, rendered for real and read back with poppler and zbar:
// every document on every preset in both languages, with ordinary and with
// over-long customer data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { code128Values, code128Widths, CODE128_PATTERNS } from '../../src/main/core/documents/barcode';
import {
  buildDocument,
  createDocumentRenderer,
  INTAKE_DOCUMENT_KINDS,
  FONT_FILES,
  presetsOf,
  resolvePreset,
  type DocumentInput,
  type IntakeDocumentKind,
  type DocumentRenderer,
} from '../../src/main/core/documents';
import { ELLIPSIS, estimateTextWidth, mmToPt, shortenToWidth } from '../../src/main/core/documents/layout';
import { SAMPLE_SHOP, sampleCheckInInput, type SampleOverrides } from '../../src/main/core/documents/sample';
import { maskPhone, phoneLast4 } from '../../src/main/core/documents/shared';
import type { TicketDetail } from '../../src/shared/contract';
import { LANGUAGES, LIMITS, type Language } from '../../src/shared/domain';
import { barcodeText } from '../../src/shared/ticket-number';
import { fixedClock, openTestDesk, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import {
  decodeBarcodes,
  FONTS_DIR,
  overlappingWords,
  pdfFonts,
  pdfInfo,
  pdfPageTexts,
  pdfText,
  pdfWords,
  requirePdfTools,
  wordsOutsidePage,
} from '../support/pdf';

const PASSCODE = 'Qz7Hidden93';
const PRINTED_AT = new Date('2026-11-23T02:35:00Z');

const LONG_NAME = "欧阳娜娜 Nana Ouyang-Featherstonehaugh-Worthington 上官婉儿 Wan'er Shangguan-Montgomery 诸葛"
  .padEnd(LIMITS.nameMax, '长')
  .slice(0, LIMITS.nameMax);
const LONG_MODEL = `ThinkPad X1 Carbon Gen 11 至尊版 ${'Z'.repeat(40)} Ultra-Long-Model-Name 超长型号`.slice(0, LIMITS.shortTextMax);
const FAULT_END = 'ENDOFFAULT';
const LONG_FAULT = (() => {
  const unbroken = `ERR_${'A1B2C3D4'.repeat(20)}`; // 164 characters without a break opportunity
  const sentence = '开机黑屏，风扇转但屏幕无显示，外接显示器也无信号 no display after boot, fan spins, no signal on an external monitor either. ';
  let text = `${unbroken} `;
  while (text.length + sentence.length < LIMITS.faultMax - FAULT_END.length - 1) text += sentence;
  return `${text} ${FAULT_END}`;
})();

/** What each document must show, by language. */
const EXPECTED_WORDING: Record<IntakeDocumentKind, Record<Language, string[]>> = {
  'intake-form': {
    en: ['Repair Intake Form', 'Customer copy', 'Shop copy', 'Fault', 'Accessories', 'Customer signature', 'Out of warranty', 'Terms of service'],
    'zh-CN': ['维修接件单', '客户联', '存根联', '售后服务单号', '故障现象', '顾客要求', '随机附件', '外观检查', '过保', '客户签名', '服务条款'],
  },
  'claim-ticket': {
    en: ['Claim Ticket', 'Pick-up terms', 'Deposit'],
    'zh-CN': ['取机凭证', '取机须知', '预付订金', '预估费用'],
  },
  'device-label': { en: ['tel.'], 'zh-CN': ['尾号'] },
};

let desk: TestDesk;
let renderer: DocumentRenderer;
let ticket: TicketDetail;
let longTicket: TicketDetail;

async function checkIn(overrides: SampleOverrides): Promise<TicketDetail> {
  const result = await desk.call('intake.checkIn', sampleCheckInInput(overrides));
  return desk.call('tickets.get', { number: firstItem(result.tickets).displayNumber });
}

function inputFor(t: TicketDetail, language: Language, preset?: string, extra: Partial<DocumentInput> = {}): DocumentInput {
  return { ticket: t, shop: SAMPLE_SHOP, language, printedAt: PRINTED_AT, preset, ...extra };
}

beforeAll(async () => {
  await requirePdfTools();
  desk = await openTestDesk({ clock: fixedClock('2026-11-23T02:30:00Z') });
  ticket = await checkIn({ passcode: PASSCODE });
  longTicket = await checkIn({ name: LONG_NAME, model: LONG_MODEL, fault: LONG_FAULT, passcode: PASSCODE });
  renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  await renderer.warmUp();
});

afterAll(async () => {
  await desk?.dispose();
});

const cases = INTAKE_DOCUMENT_KINDS.flatMap((kind) =>
  presetsOf(kind).flatMap((preset) => LANGUAGES.map((language) => ({ kind, preset: preset.id, language }))),
);

describe.each(cases)('$kind on $preset in $language', ({ kind, preset: presetId, language }) => {
  const preset = resolvePreset(kind, presetId);
  const widthPt = mmToPt(preset.widthMm);

  it('has the page size of the preset, shows the ticket, scans, embeds a font subset and hides the passcode', async () => {
    const pdf = await renderer.render(buildDocument(kind, inputFor(ticket, language, presetId)));
    const [info, text, symbols, fonts, layout] = await Promise.all([pdfInfo(pdf), pdfText(pdf), decodeBarcodes(pdf), pdfFonts(pdf), pdfWords(pdf)]);

    for (const size of info.pageSizes) expect(size.width).toBeCloseTo(widthPt, 0);
    if (preset.heightMm !== null) {
      for (const size of info.pageSizes) expect(Math.abs(size.height - mmToPt(preset.heightMm))).toBeLessThanOrEqual(1);
    } else {
      // A roll: one page exactly as tall as its content plus the bottom margin.
      expect(info.pages).toBe(1);
      const lowestText = Math.max(...layout.words.map((w) => w.yMax));
      const tail = firstItem(info.pageSizes).height - lowestText;
      expect(tail).toBeGreaterThan(0);
      expect(tail).toBeLessThanOrEqual(mmToPt(preset.margins.bottom) + 6);
    }
    if (kind === 'intake-form') expect(info.pages).toBe(2);
    if (kind === 'device-label') expect(info.pages).toBe(1);

    expect(text).toContain(ticket.displayNumber);
    expect(text).toContain('王小明');
    expect(text).toContain('Wang');
    expect(text).toContain('ThinkPad X1');
    for (const words of EXPECTED_WORDING[kind][language]) expect(text).toContain(words);
    if (kind === 'claim-ticket') expect(text).toContain('*******8000');
    if (kind === 'device-label') expect(text).toContain('8000');
    expect(text).not.toContain(PASSCODE);
    expect(text).not.toContain(ELLIPSIS);

    const code128 = symbols.filter((s) => s.type === 'CODE-128').map((s) => s.data);
    expect(code128).toEqual(Array(kind === 'intake-form' ? 2 : 1).fill(barcodeText(ticket.number)));
    const qr = symbols.filter((s) => s.type === 'QR-Code').map((s) => s.data);
    expect(qr).toEqual(kind === 'claim-ticket' ? [barcodeText(ticket.number)] : []);

    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)$/);
    }

    expect(wordsOutsidePage(layout)).toEqual([]);
    expect(overlappingWords(layout)).toEqual([]);

    const limitKb = { 'intake-form': 150, 'claim-ticket': 60, 'device-label': 30 }[kind];
    expect(pdf.length).toBeLessThan(limitKb * 1024);
  });

  it('keeps over-long names, models and a 2000-character fault inside the page', async () => {
    const pdf = await renderer.render(buildDocument(kind, inputFor(longTicket, language, presetId)));
    const [info, pageTexts, symbols, layout] = await Promise.all([pdfInfo(pdf), pdfPageTexts(pdf), decodeBarcodes(pdf), pdfWords(pdf)]);
    const text = pageTexts.join('\n');

    expect(wordsOutsidePage(layout)).toEqual([]);
    expect(overlappingWords(layout)).toEqual([]);
    for (const size of info.pageSizes) expect(size.width).toBeCloseTo(widthPt, 0);
    expect(text).not.toContain(PASSCODE);
    expect(symbols.filter((s) => s.type === 'CODE-128').every((s) => s.data === barcodeText(longTicket.number))).toBe(true);

    if (kind === 'intake-form') {
      // The whole fault flows onto further pages, in both copies.
      expect(info.pages).toBeGreaterThanOrEqual(3);
      expect(text.split(FAULT_END)).toHaveLength(3);
      // The name and model wrap in their cells, whole: every Latin word, every character of the Chinese filler
      // (Chinese may wrap between any two characters, so it is counted rather than searched;
      // pdftotext joins a word broken after a hyphen, so the parts are looked for without it).
      expect(text).not.toContain(ELLIPSIS);
      for (const word of ['Featherstonehaugh', 'Worthington', 'Shangguan', 'Montgomery', '欧阳娜娜', 'Ultra', 'Long', 'Model', 'Name'])
        expect(text).toContain(word);
      const count = (s: string, c: string) => [...s].filter((x) => x === c).length;
      expect(count(text, '长')).toBe(2 * (count(LONG_NAME, '长') + count(LONG_MODEL, '长')));
      expect(count(text, 'Z')).toBe(2 * count(LONG_MODEL, 'Z'));
      const copies: Record<Language, [string, string]> = { en: ['Customer copy', 'Shop copy'], 'zh-CN': ['客户联', '存根联'] };
      const copy = copies[language];
      expect(pageTexts[0]).toContain(copy[0]);
      expect(pageTexts.at(-1)).toContain(copy[1]);
      expect(pageTexts.filter((p) => p.includes(copy[0]) && p.includes(copy[1]))).toEqual([]);
      expect(symbols.filter((s) => s.type === 'CODE-128')).toHaveLength(2);
    } else {
      // One page, each customer field on one shortened line.
      expect(info.pages).toBe(1);
      expect(text).toContain('欧阳娜娜');
      expect(text).toContain(ELLIPSIS);
      expect(text).not.toContain(FAULT_END);
      expect(symbols.filter((s) => s.type === 'CODE-128')).toHaveLength(1);
      if (kind === 'device-label') expect(Math.abs(firstItem(info.pageSizes).height - mmToPt(preset.heightMm!))).toBeLessThanOrEqual(1);
    }
  });
});

describe('calibration', () => {
  it('shifts and scales label content without changing the page', async () => {
    const render = (calibration?: DocumentInput['calibration']) =>
      renderer.render(buildDocument('device-label', inputFor(ticket, 'en', 'label-62x29', { calibration })));
    const numberBox = async (pdf: Buffer) => (await pdfWords(pdf)).words.find((w) => w.text === ticket.displayNumber)!;

    const plain = await render();
    const shifted = await render({ offsetXmm: 2, offsetYmm: 1, scale: 1 });
    const scaled = await render({ offsetXmm: 0, offsetYmm: 0, scale: 0.9 });

    const [a, b, c] = await Promise.all([numberBox(plain), numberBox(shifted), numberBox(scaled)]);
    expect(b.xMin - a.xMin).toBeCloseTo(mmToPt(2), 0);
    expect(b.yMin - a.yMin).toBeCloseTo(mmToPt(1), 0);
    expect((c.xMax - c.xMin) / (a.xMax - a.xMin)).toBeCloseTo(0.9, 1);
    for (const pdf of [shifted, scaled]) {
      const info = await pdfInfo(pdf);
      expect(info.pages).toBe(1);
      const page = firstItem(info.pageSizes);
      expect(page.width).toBeCloseTo(mmToPt(62), 0);
      expect(page.height).toBeCloseTo(mmToPt(29), 0);
      expect((await decodeBarcodes(pdf)).map((s) => s.data)).toEqual([barcodeText(ticket.number)]);
    }
  });

  it('refuses calibrations that would push content off the label', () => {
    expect(() => buildDocument('device-label', inputFor(ticket, 'en', undefined, { calibration: { offsetXmm: 50, offsetYmm: 0, scale: 1 } }))).toThrow(
      /offsets/,
    );
    expect(() => buildDocument('device-label', inputFor(ticket, 'en', undefined, { calibration: { offsetXmm: 0, offsetYmm: 0, scale: 3 } }))).toThrow(/scale/);
  });
});

describe('document definitions', () => {
  it('are pure: the same input gives the same definition, and the ticket is not changed', () => {
    for (const kind of INTAKE_DOCUMENT_KINDS) {
      const before = JSON.stringify(ticket);
      const first = JSON.stringify(buildDocument(kind, inputFor(ticket, 'zh-CN')));
      const second = JSON.stringify(buildDocument(kind, inputFor(ticket, 'zh-CN')));
      expect(second).toBe(first);
      expect(JSON.stringify(ticket)).toBe(before);
    }
  });

  it('do not carry the passcode even though the desk holds one', async () => {
    const token = desk.sessionFor('manager');
    const revealed = await desk.call('tickets.revealPasscode', { ticketId: ticket.id, session: token });
    expect(revealed.value).toBe(PASSCODE);
    expect(ticket.hasPasscode).toBe(true);
    for (const kind of INTAKE_DOCUMENT_KINDS) expect(JSON.stringify(buildDocument(kind, inputFor(ticket, 'en')))).not.toContain(PASSCODE);
  });

  it('use the default preset of each kind and reject a preset of another kind', () => {
    expect(resolvePreset('intake-form', undefined).id).toBe('a4');
    expect(resolvePreset('claim-ticket', undefined).id).toBe('roll-80');
    expect(resolvePreset('device-label', undefined).id).toBe('label-62x29');
    expect(() => buildDocument('device-label', inputFor(ticket, 'en', 'a4'))).toThrow(/unknown device-label preset/);
  });

  it('print the shop terms when given, the default terms otherwise', async () => {
    const custom = await pdfText(
      await renderer.render(buildDocument('intake-form', inputFor(ticket, 'en', 'a5', { terms: 'Clause one of our own.\nClause two.' }))),
    );
    expect(custom).toContain('Clause one of our own.');
    expect(custom).not.toContain('90 days');
    const claim = await pdfText(await renderer.render(buildDocument('claim-ticket', inputFor(ticket, 'en', 'roll-58', { claimTerms: 'Our pick-up rule.' }))));
    expect(claim).toContain('Our pick-up rule.');
  });

  it('print a logo given as a data URL', async () => {
    // An 8x8 grey-scale chequerboard PNG.
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAEElEQVR4nGNg+I8GGcgSAQB8BB/hEhcEHgAAAABJRU5ErkJggg==';
    const pdf = await renderer.render(buildDocument('intake-form', inputFor(ticket, 'en', 'a4', { shop: { ...SAMPLE_SHOP, logo } })));
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await pdfInfo(pdf)).pages).toBe(2);
  });
});

describe('Code 128', () => {
  it('has 107 distinct patterns of 11 modules (stop: 13)', () => {
    expect(new Set(CODE128_PATTERNS).size).toBe(107);
    CODE128_PATTERNS.forEach((pattern, value) => {
      const sum = [...pattern].reduce((a, d) => a + Number(d), 0);
      expect(sum).toBe(value === 106 ? 13 : 11);
    });
  });

  it('encodes ticket numbers in code set C with the right check symbol', () => {
    // Start C (105), 26 11 23 00 07, check = (105 + 26*1 + 11*2 + 23*3 + 0*4 + 7*5) % 103 = 257 % 103 = 51.
    expect(code128Values('2611230007')).toEqual([105, 26, 11, 23, 0, 7, 51]);
    expect(code128Widths('2611230007').reduce((a, b) => a + b, 0)).toBe(7 * 11 + 13);
    expect(code128Values('AB1')[0]).toBe(104);
  });
});

describe('text fitting', () => {
  const fonts = [FONT_FILES.normal, FONT_FILES.bold].map((file) => readFileSync(join(FONTS_DIR, file)));
  const samples = [
    ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~',
    'WWWWWWMMMMMM@@@@%%%%mmmmwwww',
    LONG_NAME,
    LONG_MODEL,
    '王小明 Wang Xiaoming — 联想 Lenovo ThinkPad X1，开机黑屏。',
  ];
  // Cyrillic is estimated at its widest letter, so only the lower bound holds there.
  const cyrillic = 'Юлия Щербакова №12';

  it('never underestimates the width the shipped fonts give a line', () => {
    for (const font of fonts) {
      const doc = new PDFDocument({ autoFirstPage: false });
      doc.font(font).fontSize(10);
      for (const sample of samples) {
        const actual = doc.widthOfString(sample);
        const estimate = estimateTextWidth(sample, 10);
        expect(estimate).toBeGreaterThanOrEqual(actual - 0.01);
        expect(estimate).toBeLessThan(actual * 1.2);
      }
      expect(estimateTextWidth(cyrillic, 10)).toBeGreaterThanOrEqual(doc.widthOfString(cyrillic) - 0.01);
    }
  });

  it('shortens with an ellipsis to the width, on a character boundary', () => {
    const short = shortenToWidth(LONG_NAME, 100, 8);
    expect(short.endsWith(ELLIPSIS)).toBe(true);
    expect(estimateTextWidth(short, 8)).toBeLessThanOrEqual(100);
    expect(LONG_NAME.startsWith(short.slice(0, -1).trimEnd())).toBe(true);
    expect(shortenToWidth('王小明 Wang', 100, 8)).toBe('王小明 Wang');
    expect(shortenToWidth('a\n b', 100, 8)).toBe('a b');
  });

  it('masks the phone but the last four digits', () => {
    expect(maskPhone('138 0013 8000')).toBe('*******8000');
    expect(maskPhone('+86 (20) 3888-1234')).toBe('********1234');
    expect(phoneLast4('138 0013 8000')).toBe('8000');
  });
});
