// Documents are byte-for-byte the same for the same input: rendered twice, with
// other documents in between, and by a renderer of its own (whose fonts share
// nothing parsed with the first one's), whatever was rendered before.
import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildDocument, createDocumentRenderer, DOCUMENT_KINDS, type DocumentKind } from '../../src/main/core/documents';
import { SAMPLE_SHOP, sampleTicketDetail } from '../../src/main/core/documents/sample';
import { sampleCollectionView } from '../../src/main/core/documents/sample-receipt';
import { LANGUAGES, type Language } from '../../src/shared/domain';
import { FONTS_DIR } from '../support/pdf';

const NOW = new Date('2026-11-23T06:05:00Z');

function definition(kind: DocumentKind, language: Language, customerName = '王小明 Wang') {
  const ticket = sampleTicketDetail(NOW);
  const withName = { ...ticket, customer: { ...ticket.customer, name: customerName } };
  return buildDocument(kind, {
    ticket: withName,
    collection: kind === 'receipt' ? sampleCollectionView(withName, NOW) : undefined,
    shop: SAMPLE_SHOP,
    language,
    printedAt: NOW,
  });
}

const digest = (pdf: Buffer) => createHash('sha256').update(pdf).digest('hex');

describe('document bytes', () => {
  it('are the same for the same input, however many documents came before and whichever renderer renders them', async () => {
    const busy = createDocumentRenderer({ fontsDir: FONTS_DIR });
    await busy.warmUp();
    const first = new Map<string, string>();
    for (const language of LANGUAGES)
      for (const kind of DOCUMENT_KINDS) first.set(`${kind} ${language}`, digest(await busy.render(definition(kind, language))));
    // Other customers' documents in between: other glyphs, other words shaped.
    for (const name of ['李四 Li Si', '欧阳娜娜', 'Zoë Ångström', '张伟 Zhang Wei']) {
      for (const kind of DOCUMENT_KINDS) await busy.render(definition(kind, 'zh-CN', name));
    }
    const fresh = createDocumentRenderer({ fontsDir: FONTS_DIR });
    for (const language of LANGUAGES) {
      for (const kind of DOCUMENT_KINDS) {
        const key = `${kind} ${language}`;
        expect(digest(await busy.render(definition(kind, language))), `${key} again`).toBe(first.get(key));
        expect(digest(await fresh.render(definition(kind, language))), `${key} by another renderer`).toBe(first.get(key));
      }
    }
    expect(new Set(first.values()).size).toBe(DOCUMENT_KINDS.length * LANGUAGES.length);
  });

  it('embed the glyphs of their own text when a font subset is reused: names of the same length differ, and match a fresh renderer', async () => {
    const busy = createDocumentRenderer({ fontsDir: FONTS_DIR });
    const fresh = createDocumentRenderer({ fontsDir: FONTS_DIR });
    const names = ['欧阳娜娜', '欧阳娜娜', '欧阳明明', '李四 Li', '李四 Li'];
    const seen: string[] = [];
    for (const name of names) {
      const pdf = digest(await busy.render(definition('claim-ticket', 'zh-CN', name)));
      expect(pdf, name).toBe(digest(await fresh.render(definition('claim-ticket', 'zh-CN', name))));
      seen.push(pdf);
    }
    expect(seen[1]).toBe(seen[0]);
    expect(new Set(seen).size).toBe(3);
  });
});

/** The font programs a PDF embeds (FontFile2 streams), as written, still deflated. */
function embeddedFontFiles(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
    const object = new RegExp(`\\n${id} 0 obj\\n<<([\\s\\S]*?)>>\\nstream\\n`).exec(text);
    if (!object) throw new Error(`font file object ${id} not found`);
    const length = Number(/\/Length (\d+)/.exec(object[1]!)?.[1]);
    const start = object.index + object[0].length;
    return pdf.subarray(start, start + length);
  });
}

describe('embedded font files', () => {
  it('are TrueType programs deflated as pdfkit deflates them, also when their subset was kept from an earlier document', async () => {
    const renderer = createDocumentRenderer({ fontsDir: FONTS_DIR });
    // The second render takes its subsets, and their deflated streams, from what the first kept.
    for (const round of ['first', 'again']) {
      const pdf = await renderer.render(definition('intake-form', 'zh-CN'));
      const files = embeddedFontFiles(pdf);
      expect(files.length, round).toBe(2); // regular and bold
      for (const file of files) {
        const program = inflateSync(file);
        // fontkit's subsets open with the 'true' tag, TrueType's other version number.
        expect(program.subarray(0, 4).toString('latin1'), `${round}: a TrueType program`).toBe('true');
        expect(deflateSync(program).equals(file), `${round}: zlib's default deflate`).toBe(true);
      }
    }
  });
});
