// Parsed font programs shared by every document the process renders.
//
// pdfkit opens its fonts afresh for each document, so fontkit decoded the same
// tables (cmap, hmtx, GSUB, GPOS...), the same glyph outlines and shaped the
// same words again for every print: with a 10 MB CJK font that was most of a
// warm render. Fonts opened from a registered buffer now share, per buffer:
// - the decoded tables (read-only once decoded);
// - the glyph objects and their metrics, except that a document keeps its own
//   first-met code points for a glyph, as a freshly opened font would;
// - the shaping of each text run (a copy is handed out, since pdfkit scales
//   the positions it gets in place).
// - the encoded subset for each list of glyphs (the same document with the
//   same text embeds the same glyphs in the same order, and the encoding
//   depends on nothing else), and its compressed stream (pdfkit deflates
//   the font file for every document: 1.6 ms of a Chinese intake form).
// Everything else a document writes stays its own, so the bytes of a PDF are
// those of a font opened for it alone.
//
// fontkit is reached through the font class pdfkit itself uses (read off a
// font pdfkit opened), so the bundle needs no fontkit import of its own.
import { deflateSync } from 'node:zlib';
import * as pdfDocumentModule from 'pdfmake/js/PDFDocument';

/** pdfkit's indirect object: a stream's chunks, deflated when it is finalized if `compress`. */
interface PdfReference {
  compress: boolean;
  buffer: Uint8Array[] | Uint8Array;
  document: { _security?: unknown };
  finalize(): void;
}

type PdfDocumentClass = new (...args: unknown[]) => { font(src: Uint8Array): { _font: { font: FontProgram } }; ref(): PdfReference };
// A CommonJS module with an __esModule default: bundlers unwrap it, Node's import does not.
const moduleDefault = (pdfDocumentModule as unknown as { default: PdfDocumentClass | { default: PdfDocumentClass } }).default;
const PdfDocument: PdfDocumentClass = 'default' in moduleDefault ? moduleDefault.default : moduleDefault;

/** Shaped runs kept per font before the cache starts afresh (a day of prints is a few thousand). */
const MAX_RUNS = 20_000;
/** Encoded subsets kept per font before the cache starts afresh (each a few to a few hundred KB). */
const MAX_SUBSETS = 64;

interface Glyph {
  id: number;
  codePoints: number[];
}

interface GlyphRun {
  glyphs: Glyph[];
  positions: object[];
}

interface FontTable {
  tag: string;
}

/** The parts of fontkit's TrueType font class that are shared. */
interface FontProgram {
  stream: { buffer: Uint8Array };
  _glyphs: Record<number, Glyph | undefined>;
  _decodeTable(table: FontTable): unknown;
  _getBaseGlyph(id: number, characters?: number[]): Glyph | null;
  layout(text: unknown, features?: unknown, script?: unknown, language?: unknown, direction?: unknown): GlyphRun;
  getGlyph(id: number, characters?: number[]): Glyph;
  createSubset(): FontSubset;
}

/** fontkit's subset: the glyph ids in the order met, encoded as a font file at the end. */
interface FontSubset {
  font: FontProgram;
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

interface EncodedSubset {
  bytes: Uint8Array;
  /** The list after encoding: the parts of compound glyphs are added as it goes. */
  glyphs: number[];
}

interface SharedParts {
  tables: Map<string, unknown>;
  glyphs: Map<number, Glyph>;
  runs: Map<string, GlyphRun>;
  subsets: Map<string, EncodedSubset>;
}

const registered = new WeakMap<Uint8Array, SharedParts>();
/** Each kept subset's bytes, as pdfkit would deflate them (zlib's defaults, the same bytes every time). */
const deflatedSubsets = new WeakMap<Uint8Array, Buffer | null>();
let installed = false;

const sameCodePoints = (a: number[], b: number[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** A shaped run as the caller may change it: its own arrays and positions; glyphs through this document's font. */
function copyRun(font: FontProgram, run: GlyphRun): GlyphRun {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRun, run);
  copy.glyphs = run.glyphs.map((glyph) => font.getGlyph(glyph.id, glyph.codePoints));
  copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as object, p));
  return copy;
}

function install(program: FontProgram): void {
  const proto = Object.getPrototypeOf(program) as FontProgram;
  const decodeTable = proto._decodeTable;
  const baseGlyph = proto._getBaseGlyph;
  const layout = proto.layout;

  proto._decodeTable = function (this: FontProgram, table: FontTable) {
    const parts = registered.get(this.stream.buffer);
    if (!parts) return decodeTable.call(this, table);
    if (!parts.tables.has(table.tag)) parts.tables.set(table.tag, decodeTable.call(this, table));
    return parts.tables.get(table.tag);
  };

  proto._getBaseGlyph = function (this: FontProgram, id: number, characters: number[] = []) {
    const parts = registered.get(this.stream.buffer);
    const own = this._glyphs[id];
    if (!parts || own) return baseGlyph.call(this, id, characters);
    let glyph = parts.glyphs.get(id);
    if (!glyph) {
      const made = baseGlyph.call(this, id, characters);
      if (made) parts.glyphs.set(id, made);
      return made;
    }
    // Met first here through other code points: the same glyph (metrics
    // included, by inheritance) reporting this document's code points.
    if (!sameCodePoints(glyph.codePoints, characters)) glyph = Object.assign(Object.create(glyph) as Glyph, { codePoints: characters });
    this._glyphs[id] = glyph;
    return glyph;
  };

  proto.layout = function (this: FontProgram, text: unknown, ...rest: unknown[]) {
    const parts = registered.get(this.stream.buffer);
    // Only what pdfkit asks for plain text; features or a script are shaped each time.
    if (!parts || typeof text !== 'string' || rest.some((arg) => arg !== undefined)) return layout.call(this, text, ...rest);
    let run = parts.runs.get(text);
    if (!run) {
      run = layout.call(this, text);
      if (parts.runs.size >= MAX_RUNS) parts.runs.clear();
      parts.runs.set(text, run);
    }
    return copyRun(this, run);
  };

  const subsetProto = Object.getPrototypeOf(program.createSubset()) as FontSubset;
  const encode = subsetProto.encode;
  subsetProto.encode = function (this: FontSubset) {
    const parts = registered.get(this.font.stream.buffer);
    if (!parts) return encode.call(this);
    const key = this.glyphs.join(',');
    const known = parts.subsets.get(key);
    if (known) {
      // The same additions encoding would have made, in the same order.
      for (const id of known.glyphs) this.includeGlyph(id);
      return known.bytes;
    }
    const bytes = encode.call(this);
    if (parts.subsets.size >= MAX_SUBSETS) parts.subsets.clear();
    parts.subsets.set(key, { bytes, glyphs: [...this.glyphs] });
    deflatedSubsets.set(bytes, null); // deflated when a document first writes it
    return bytes;
  };
}

/** A font file stream holding a kept subset is written deflated from the cache, as pdfkit would have deflated it. */
function installDeflatedSubsets(reference: PdfReference): void {
  const proto = Object.getPrototypeOf(reference) as PdfReference;
  const finalize = proto.finalize;
  proto.finalize = function (this: PdfReference) {
    const chunks = this.buffer;
    const only = Array.isArray(chunks) && chunks.length === 1 ? chunks[0] : undefined;
    // Encryption would change the bytes per object: such a document deflates as usual.
    if (only === undefined || !this.compress || this.document._security || !deflatedSubsets.has(only)) return finalize.call(this);
    let deflated = deflatedSubsets.get(only);
    if (!deflated) {
      deflated = deflateSync(only);
      deflatedSubsets.set(only, deflated);
    }
    // Already marked FlateDecode when it was written; pdfkit now writes these bytes as they are.
    this.compress = false;
    this.buffer = [deflated];
    return finalize.call(this);
  };
}

/**
 * Makes the fonts pdfkit opens from these buffers share their parsed program.
 * The buffers must be the very objects handed to pdfmake, and never change.
 */
export function shareFontPrograms(buffers: Uint8Array[]): void {
  for (const buffer of buffers) {
    if (registered.has(buffer)) continue;
    registered.set(buffer, { tables: new Map(), glyphs: new Map(), runs: new Map(), subsets: new Map() });
    if (!installed) {
      // Ask pdfkit to open the font once, to reach the class it opens fonts with.
      const probe = new PdfDocument({}, {}, {}, {}, { autoFirstPage: false });
      install(probe.font(buffer)._font.font);
      installDeflatedSubsets(probe.ref());
      installed = true;
    }
  }
}

/** Whether the font has a glyph for a code point (fontkit's own cmap lookup). */
export function glyphCoverage(buffer: Uint8Array): (codePoint: number) => boolean {
  const probe = new PdfDocument({}, {}, {}, {}, { autoFirstPage: false });
  const font = probe.font(buffer)._font.font as unknown as { hasGlyphForCodePoint(codePoint: number): boolean };
  return (codePoint) => font.hasGlyphForCodePoint(codePoint);
}
