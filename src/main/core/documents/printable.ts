// What the embedded font cannot draw (emoji, rare symbols) would print as an
// empty box, and a customer's name made of one would vanish from the paper.
// Each such character (with the joiners and modifiers that go with it: one
// emoji, one replacement) prints instead as its code point, "[U+1F600]": the
// paper still shows that something was there and what it was.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export type HasGlyph = (codePoint: number) => boolean;

/** Joiners, variation selectors, skin tones and tags: part of a character drawn elsewhere, never drawn alone. */
function isModifier(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
    codePoint === 0x20e3
  );
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function codeOf(codePoint: number): string {
  return `[U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** The text with every character the font lacks written as its code point. */
export function printableText(text: string, hasGlyph: HasGlyph): string {
  // Fast path: everything drawable (nearly every text).
  let drawable = true;
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint > 0x7e && !hasGlyph(codePoint)) {
      drawable = false;
      break;
    }
  }
  if (drawable) return text;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const points = [...segment].map((char) => char.codePointAt(0)!);
    const missing = points.filter((codePoint) => !hasGlyph(codePoint) && !(isModifier(codePoint) && points.length > 1));
    if (missing.length === 0) {
      out += segment;
      continue;
    }
    // The cluster's own characters, without the modifiers that only shape them.
    const base = points.filter((codePoint) => !isModifier(codePoint));
    out += (base.length > 0 ? base : points).map(codeOf).join('');
  }
  return out;
}

const NOT_TEXT = new Set(['image', 'images', 'svg', 'font', 'fonts', 'color', 'background', 'alignment', 'style', 'styles', 'qr', 'fit', 'widths', 'heights']);

function walk(value: unknown, hasGlyph: HasGlyph): unknown {
  if (typeof value === 'string') return printableText(value, hasGlyph);
  if (Array.isArray(value)) return value.map((item) => walk(item, hasGlyph));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = NOT_TEXT.has(key) ? item : walk(item, hasGlyph);
    return copy;
  }
  return value;
}

/** The definition with every text made printable; footers and headers (functions) are wrapped the same way. */
export function printableDefinition(definition: TDocumentDefinitions, hasGlyph: HasGlyph): TDocumentDefinitions {
  const copy = walk(definition, hasGlyph) as TDocumentDefinitions;
  for (const key of ['header', 'footer'] as const) {
    const part = definition[key];
    if (typeof part === 'function') {
      copy[key] = ((...args: Parameters<typeof part>) => walk(part(...args), hasGlyph)) as typeof part;
    }
  }
  return copy;
}
