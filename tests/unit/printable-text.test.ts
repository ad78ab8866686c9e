// Emoji and other characters the embedded font lacks never print as an empty
// box: each prints as its code point, on every document, so a customer whose
// name is an emoji still has a name on the paper.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, type DocumentRenderer } from '../../src/main/core/documents';
import { printableText } from '../../src/main/core/documents/printable';
import { SAMPLE_SHOP, sampleTicketDetail } from '../../src/main/core/documents/sample';
import { LANGUAGES } from '../../src/shared/domain';
import { FONTS_DIR, pdfText, requirePdfTools } from '../support/pdf';

const AT = new Date('2026-12-02T06:10:00Z');
/** A font that draws Latin and CJK only. */
const latinAndCjk = (codePoint: number) => codePoint < 0x2000 || (codePoint >= 0x4e00 && codePoint <= 0x9fff);

describe('printable text', () => {
  it.each([
    ['Wang Xiaoming', 'Wang Xiaoming'],
    ['王小明', '王小明'],
    ['王小明😀', '王小明[U+1F600]'],
    ['😀', '[U+1F600]'],
    // A sequence joined into one emoji, and a skin tone: one cluster, its own characters only.
    ['Ann 👨‍👩‍👧 x', 'Ann [U+1F468][U+1F469][U+1F467] x'],
    ['👍🏽 ok', '[U+1F44D] ok'],
    ['❤️', '[U+2764]'],
  ])('%s prints as %s', (text, printed) => {
    expect(printableText(text, latinAndCjk)).toBe(printed);
  });
});

describe('documents with emoji', () => {
  let renderer: DocumentRenderer;
  beforeAll(async () => {
    await requirePdfTools();
    renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
  });

  it.each(LANGUAGES)('in %s the intake form and the claim ticket print a name and a fault with emoji by code point', async (language) => {
    const sample = sampleTicketDetail(AT);
    const ticket = { ...sample, customer: { ...sample.customer, name: '😀' }, fault: '屏幕碎了 screen cracked 😭', model: 'iPhone 15 ✨' };
    for (const kind of ['intake-form', 'claim-ticket'] as const) {
      const text = await pdfText(await renderer.render(buildDocument(kind, { ticket, shop: SAMPLE_SHOP, language, printedAt: AT })));
      expect(text, kind).toContain('[U+1F600]');
      expect(text, kind).not.toMatch(/\p{Extended_Pictographic}/u);
      if (kind === 'intake-form') expect(text, kind).toContain('[U+1F62D]');
    }
  });
});
