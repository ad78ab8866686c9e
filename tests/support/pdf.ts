// Looks inside PDFs with the poppler tools and zbar, the way a person checking
// a printout would: page sizes, the text, where each word sits, the fonts, and
// what a barcode scanner reads from a 200 dpi rendering. A missing tool is an
// error, never a skipped check.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { itemAt } from './lists';

const run = promisify(execFile);

export const FONTS_DIR = resolve(__dirname, '../../resources/fonts');

export const PDF_TOOLS = ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdffonts', 'zbarimg'] as const;

/** Throws, naming the Debian packages, when any of the tools is not installed. */
export async function requirePdfTools(): Promise<void> {
  const missing: string[] = [];
  for (const tool of PDF_TOOLS) {
    try {
      await run(tool, ['-v'], { timeout: 10_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') missing.push(tool);
      // Other failures (some tools exit non-zero for -v) mean the tool is there.
    }
  }
  if (missing.length > 0) {
    throw new Error(`missing PDF tools: ${missing.join(', ')}; install the Debian packages poppler-utils and zbar-tools`);
  }
}

/** A capture group the pattern always fills; a missing one means the tool's output changed shape. */
function captured(match: RegExpMatchArray, group: number): string {
  const text = match[group];
  if (text === undefined) throw new Error(`unexpected tool output, group ${group} missing in: ${match[0]}`);
  return text;
}

async function withPdfFile<T>(pdf: Buffer, work: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'repair-desk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return await work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PageBox {
  width: number;
  height: number;
}

export interface PdfInfo {
  pages: number;
  /** Size of every page, in points. */
  pageSizes: PageBox[];
}

export async function pdfInfo(pdf: Buffer): Promise<PdfInfo> {
  return withPdfFile(pdf, async (file) => {
    const { stdout: summary } = await run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(summary)?.[1]);
    if (!Number.isInteger(pages) || pages < 1) throw new Error(`pdfinfo gave no page count:\n${summary}`);
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), file]);
    const pageSizes = [...stdout.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
    if (pageSizes.length !== pages) throw new Error(`pdfinfo listed ${pageSizes.length} page sizes for ${pages} pages`);
    return { pages, pageSizes };
  });
}

/** The text of the document; pages are separated by form feeds. */
export async function pdfText(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 32 << 20 })).stdout);
}

/** The text of each page. */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const text = await pdfText(pdf);
  return text.split('\f').slice(0, -1);
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface WordLayout {
  pages: PageBox[];
  words: Word[];
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Every word with its box in points (origin top-left), from pdftotext -bbox. */
export async function pdfWords(pdf: Buffer): Promise<WordLayout> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
    const pages: PageBox[] = [];
    const words: Word[] = [];
    const token = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
    for (const m of stdout.matchAll(token)) {
      if (m[1] !== undefined) {
        pages.push({ width: Number(m[1]), height: Number(m[2]) });
      } else {
        words.push({
          page: pages.length,
          text: unescapeHtml(captured(m, 7)),
          xMin: Number(m[3]),
          yMin: Number(m[4]),
          xMax: Number(m[5]),
          yMax: Number(m[6]),
        });
      }
    }
    if (pages.length === 0) throw new Error('pdftotext -bbox found no page');
    return { pages, words };
  });
}

/** Words whose box leaves their page, beyond a tolerance in points. */
export function wordsOutsidePage(layout: WordLayout, tolerance = 0.5): Word[] {
  return layout.words.filter((w) => {
    const page = itemAt(layout.pages, w.page - 1);
    return w.xMin < -tolerance || w.yMin < -tolerance || w.xMax > page.width + tolerance || w.yMax > page.height + tolerance;
  });
}

/** Pairs of words on the same page whose boxes overlap by more than a tolerance in both directions. */
export function overlappingWords(layout: WordLayout, tolerance = 0.6): [Word, Word][] {
  const pairs: [Word, Word][] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of layout.words) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const words of byPage.values()) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = itemAt(words, i);
        const b = itemAt(words, j);
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > tolerance && dy > tolerance) pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export async function pdfFonts(pdf: Buffer): Promise<PdfFont[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    const lines = stdout.split('\n');
    const rule = lines.findIndex((l) => /^-{5,}/.test(l));
    if (rule < 0) throw new Error(`unexpected pdffonts output:\n${stdout}`);
    return lines
      .slice(rule + 1)
      .filter((l) => l.trim())
      .map((line) => {
        // name, type (may contain spaces), encoding, emb, sub, uni, object ID (two numbers)
        const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
        if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
        return {
          name: captured(m, 1),
          type: captured(m, 2).trim(),
          embedded: m[4] === 'yes',
          subset: m[5] === 'yes',
          unicode: m[6] === 'yes',
        };
      });
  });
}

export interface ScannedSymbol {
  type: string;
  data: string;
}

/** Renders every page with pdftoppm at the given resolution and reads all barcodes with zbarimg. */
export async function decodeBarcodes(pdf: Buffer, dpi = 200): Promise<ScannedSymbol[]> {
  return withPdfFile(pdf, async (file, dir) => {
    await run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, 'page')]);
    const images = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => join(dir, f));
    if (images.length === 0) throw new Error('pdftoppm wrote no image');
    const symbols: ScannedSymbol[] = [];
    for (const image of images) {
      try {
        const { stdout } = await run('zbarimg', ['-q', image]);
        symbols.push(...parseZbar(stdout));
      } catch (error) {
        // zbarimg exits with 4 when it finds no symbol; anything else is a real failure.
        const failure = error as { code?: number | string; stdout?: string };
        if (failure.code !== 4) throw error;
        symbols.push(...parseZbar(failure.stdout ?? ''));
      }
    }
    return symbols;
  });
}

function parseZbar(stdout: string): ScannedSymbol[] {
  return stdout
    .split('\n')
    .filter((l) => l.includes(':'))
    .map((l) => ({ type: l.slice(0, l.indexOf(':')), data: l.slice(l.indexOf(':') + 1) }));
}
