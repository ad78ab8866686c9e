// One date format per language, the same on screens, in the date inputs, and on
// every document (claim ticket, device label, intake form): no US mm/dd/yyyy,
// no 12-hour clock, no label with a format of its own.
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, type DocumentRenderer } from '../../src/main/core/documents';
import { SAMPLE_SHOP, sampleTicketDetail } from '../../src/main/core/documents/sample';
import { DATE_INPUT_FORMAT, DAYJS_LOCALE, formatDate, formatDateTime, formatDay, parseDateInput } from '../../src/shared/dates';
import { LANGUAGES, type Language } from '../../src/shared/domain';
import { FONTS_DIR, pdfText, requirePdfTools } from '../support/pdf';

// A local moment: the afternoon of 2 Dec 2026 wherever the test runs.
const AT = new Date(2026, 11, 2, 14, 5);

describe('dates', () => {
  it.each([
    ['en', '2 Dec 2026', '2 Dec 2026 14:05'],
    ['zh-CN', '2026-12-02', '2026-12-02 14:05'],
  ] as const)('in %s: one day format and a 24-hour clock', (language, day, moment) => {
    expect(formatDate('2026-12-02', language)).toBe(day);
    expect(formatDay(AT, language)).toBe(day);
    expect(formatDateTime(AT.toISOString(), language)).toBe(moment);
  });

  it.each(LANGUAGES)('the date inputs in %s show the same format as the rest (dayjs)', (language) => {
    for (const iso of ['2026-01-09', '2026-12-02', '2027-07-31']) {
      expect(dayjs(iso).locale(DAYJS_LOCALE[language]).format(DATE_INPUT_FORMAT[language])).toBe(formatDate(iso, language));
    }
  });

  it('refuses what is not a calendar date rather than printing garbage', () => {
    expect(() => formatDate('12/02/2026', 'en')).toThrow();
  });

  it.each(LANGUAGES)('a date input in %s reads back what it shows', (language) => {
    for (const iso of ['2026-01-09', '2026-12-02', '2027-07-31']) expect(parseDateInput(formatDate(iso, language))).toBe(iso);
  });

  it.each([
    ['2026-12-02', '2026-12-02'],
    ['2026-12-2', '2026-12-02'],
    ['2026/12/2', '2026-12-02'],
    ['2026年12月2日', '2026-12-02'],
    ['2 dec 2026', '2026-12-02'],
    ['2 December 2026', '2026-12-02'],
    [' 31 Jul 2027 ', '2027-07-31'],
    // Not (yet) a day: half typed, ambiguous, or not in the calendar.
    ['2026-12', null],
    ['12/02/2026', null],
    ['02/12/2026', null],
    ['2026-02-30', null],
    ['2026-13-01', null],
    ['30 Feb 2026', null],
    ['2 Decem 2026', null],
    ['', null],
  ])('a date input reads %j as %j', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });
});

describe('dates on documents', () => {
  let renderer: DocumentRenderer;
  beforeAll(async () => {
    await requirePdfTools();
    renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  });

  it.each(LANGUAGES)('in %s the claim ticket, the device label and the intake form print the day the same way', async (language: Language) => {
    const ticket = { ...sampleTicketDetail(AT), promisedDate: '2026-12-05' };
    const day = formatDay(AT, language);
    for (const kind of ['claim-ticket', 'device-label', 'intake-form'] as const) {
      const text = (await pdfText(await renderer.render(buildDocument(kind, { ticket, shop: SAMPLE_SHOP, language, printedAt: AT })))).replace(/\s+/g, ' ');
      expect(text, kind).toContain(day);
      expect(text, kind).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{4}\b|[AP]M\b|年/);
    }
  });
});
