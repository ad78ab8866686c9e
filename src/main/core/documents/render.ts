// Renders document definitions to PDF in plain Node (no Electron).
//
// One renderer per process: it reads the font files once and keeps their
// buffers, whose parsed programs every document shares (font-programs.ts);
// pdfkit embeds only the glyphs a document uses (a subset). pdfmake's
// server build is a process-wide instance; the renderer sets its fonts, virtual
// files and access policies right before each createPdf call (createPdf
// captures them synchronously), and refuses any URL or local file a definition
// might name. Nothing else in the process should configure pdfmake.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';
import { glyphCoverage, shareFontPrograms } from './font-programs';
import { printableDefinition, type HasGlyph } from './printable';
import { FONT_FAMILY } from './shared';

export const FONT_FILES = { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' } as const;

/** pdfkit's built-in PDF fonts: no file needed, Latin only. */
export const STANDARD_FAMILY = 'Helvetica';
const STANDARD_FONTS = {
  normal: 'Helvetica',
  bold: 'Helvetica-Bold',
  italics: 'Helvetica-Oblique',
  bolditalics: 'Helvetica-BoldOblique',
} as const;

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

interface PdfmakeInstance {
  virtualfs: VirtualFs;
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions, options?: object): { getBuffer(): Promise<Buffer> };
}

// The CommonJS export is an instance whose methods live on its prototype; a
// namespace import wraps it, so take the instance itself.
const pdfmake: PdfmakeInstance = (pdfmakeModule as unknown as { default?: PdfmakeInstance }).default ?? (pdfmakeModule as unknown as PdfmakeInstance);

export interface DocumentRenderer {
  /** Renders one definition to a PDF. The definition is not modified. */
  render(definition: TDocumentDefinitions): Promise<Buffer>;
  /** Loads the fonts now; otherwise the first render does. */
  warmUp(): Promise<void>;
}

export interface DocumentRendererOptions {
  /** The folder holding the font files (resources/fonts in the repository). */
  fontsDir: string;
}

/** A tiny page with both weights and both scripts, rendered once when the desk opens. */
const WARM_UP_DEFINITION: TDocumentDefinitions = {
  pageSize: { width: 100, height: 60 },
  content: [{ text: 'Repair 维修 0123', bold: true }, { text: 'Desk 前台 4567' }],
  defaultStyle: { font: FONT_FAMILY },
};

let rendererCount = 0;

export function createDocumentRenderer({ fontsDir }: DocumentRendererOptions): DocumentRenderer {
  const prefix = `repair-desk-fonts-${++rendererCount}`;
  const normalName = `${prefix}/${FONT_FILES.normal}`;
  const boldName = `${prefix}/${FONT_FILES.bold}`;
  const fonts: TFontDictionary = {
    [FONT_FAMILY]: { normal: normalName, bold: boldName, italics: normalName, bolditalics: boldName },
    [STANDARD_FAMILY]: { ...STANDARD_FONTS },
  };
  const standardNames = new Set<string>(Object.values(STANDARD_FONTS));
  let buffers: Promise<{ normal: Buffer; bold: Buffer }> | null = null;
  let hasGlyph: HasGlyph | null = null;

  const readFont = async (file: string): Promise<Buffer> => {
    const path = join(fontsDir, file);
    const buffer = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`document font missing: ${path} (${error.code ?? error.message})`);
    });
    if (buffer.length < 4 || buffer.readUInt32BE(0) !== 0x00010000) throw new Error(`document font is not a TrueType font: ${path}`);
    return buffer;
  };

  const loadFonts = () => {
    if (!buffers) {
      buffers = Promise.all([readFont(FONT_FILES.normal), readFont(FONT_FILES.bold)]).then(([normal, bold]) => {
        // Parsed once for every document, not once per document.
        shareFontPrograms([normal, bold]);
        return { normal, bold };
      });
      buffers.catch(() => (buffers = null));
    }
    return buffers;
  };

  async function render(definition: TDocumentDefinitions): Promise<Buffer> {
    const { normal, bold } = await loadFonts();
    if (!pdfmake.virtualfs.existsSync(normalName)) {
      pdfmake.virtualfs.writeFileSync(normalName, normal);
      pdfmake.virtualfs.writeFileSync(boldName, bold);
    }
    pdfmake.setFonts(fonts);
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => standardNames.has(path));
    hasGlyph ??= glyphCoverage(normal);
    // pdfmake annotates and moves the nodes it lays out, so it gets a copy (the
    // printable one: what the font cannot draw is written as its code point).
    return pdfmake.createPdf(printableDefinition(definition, hasGlyph), {}).getBuffer();
  }

  return {
    render,
    async warmUp() {
      // The first layout in a process is several times slower than the next
      // (font parsing, pdfkit's code paths); pay it when the desk opens, not at the counter.
      await render(WARM_UP_DEFINITION);
    },
  };
}

/** A deep copy of plain objects and arrays; functions (footers, table layouts), dates and buffers are shared. */
export function cloneDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDefinition) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = cloneDefinition(item);
    return copy as T;
  }
  return value;
}
