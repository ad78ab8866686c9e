// The intake form (维修接件单) is made in two copies, each signed. However long
// the fault, the condition notes and the list of accessories, each copy's
// signature block is printed whole, once, on a page of that copy, together
// with the terms it confirms: never split across pages, never alone on a page
// of its own, never on a page of the other copy.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, type DocumentRenderer } from '../../src/main/core/documents';
import { SAMPLE_SHOP, sampleTicketDetail } from '../../src/main/core/documents/sample';
import type { TicketDetail } from '../../src/shared/contract';
import { ACCESSORIES, ALL_CONDITION_CHECKS, LANGUAGES, LIMITS, type Language } from '../../src/shared/domain';
import { translate } from '../../src/shared/i18n/translate';
import { firstItem } from '../support/lists';
import { FONTS_DIR, pdfPageTexts, requirePdfTools } from '../support/pdf';

const AT = new Date('2026-12-02T06:10:00Z');

function words(language: Language, key: string): string {
  return translate(language, `docs.${key}`).replace(/\s+/g, '');
}

/** Notes long enough to push the signatures towards a page end, at several lengths so one of them lands on the edge. */
function ticketWith(notesLength: number, language: Language): TicketDetail {
  const sentence = language === 'zh-CN' ? '屏幕左上角有划痕，外壳边缘有磕碰。' : 'Scratch on the top-left of the screen, dent on the housing edge. ';
  return {
    ...sampleTicketDetail(AT),
    fault: sentence.repeat(200).slice(0, Math.min(LIMITS.faultMax, notesLength)),
    conditionChecks: [...ALL_CONDITION_CHECKS],
    conditionNotes: sentence.repeat(200).slice(0, LIMITS.notesMax),
    accessories: [...ACCESSORIES],
    accessoriesOther: (language === 'zh-CN' ? '原装充电头、数据线两根、保护套、' : 'original charger head, two cables, sleeve, ').repeat(3),
    customerRequest: sentence.repeat(3),
  };
}

describe('intake form: each copy keeps its signature block', () => {
  let renderer: DocumentRenderer;
  beforeAll(async () => {
    await requirePdfTools();
    renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  });

  describe.each(['a5', 'a4'])('on %s', (preset) => {
    it.each(LANGUAGES)('in %s, with long notes and every accessory', async (language) => {
      const marks = {
        customerCopy: words(language, 'customerCopy'),
        shopCopy: words(language, 'shopCopy'),
        customerSignature: words(language, 'customerSignature'),
        shopSignature: words(language, 'shopSignature'),
        signatureNote: words(language, 'signatureNote').slice(0, 12),
        terms: words(language, 'terms'),
      };
      for (const length of [300, 700, 1100, 1500, 2000]) {
        const ticket = ticketWith(length, language);
        const pdf = await renderer.render(buildDocument('intake-form', { ticket, shop: SAMPLE_SHOP, language, printedAt: AT, preset }));
        const pages = (await pdfPageTexts(pdf)).map((text) => text.replace(/\s+/g, ''));
        const context = `${preset} ${language} fault ${length}: ${pages.length} pages`;
        const signed = pages.flatMap((text, index) => (text.includes(marks.customerSignature) ? [index] : []));
        // One signature block per copy: the customer's copy first, then the shop's.
        expect(signed, context).toHaveLength(2);
        for (const [copyIndex, page] of signed.entries()) {
          const text = pages[page];
          const copy = copyIndex === 0 ? marks.customerCopy : marks.shopCopy;
          const other = copyIndex === 0 ? marks.shopCopy : marks.customerCopy;
          // Whole: both signature lines and the sentence they sign, on the one page.
          expect(text, context).toContain(marks.shopSignature);
          expect(text, context).toContain(marks.signatureNote);
          // With its copy (the page names it and no other) and with the terms it accepts.
          expect(text, context).toContain(copy);
          if (!copy.includes(other)) expect(text, context).not.toContain(other);
          expect(text, context).toContain(marks.terms);
        }
        // The shop's copy starts on a new page after the customer's signatures.
        expect(
          pages.slice(firstItem(signed) + 1).some((text) => text.includes(marks.shopCopy)),
          context,
        ).toBe(true);
      }
    });
  });
});
