// Units, page geometry (with printer calibration) and text fitting for the
// documents. Everything here is plain arithmetic: no font file is read.
import type { PageSize } from 'pdfmake/interfaces';
import type { PaperPreset } from './presets';
import type { Calibration } from './types';
import { itemAt } from '../../../shared/lists';

export const PT_PER_MM = 72 / 25.4;

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

export const NO_CALIBRATION: Calibration = { offsetXmm: 0, offsetYmm: 0, scale: 1 };

export interface PageGeometry {
  preset: PaperPreset;
  /** Points for a length given in millimetres at the document's design size (calibration applied). */
  mm(value: number): number;
  /** A font size or other length in points at the design size, calibration applied. */
  pt(value: number): number;
  /** Width of the printable area at the design size, in mm. */
  contentWidthMm: number;
  /** Height of the printable area at the design size, in mm; null for a roll. */
  contentHeightMm: number | null;
  pageSize: PageSize;
  pageMargins: [number, number, number, number];
}

export function validateCalibration(calibration: Calibration): Calibration {
  const { offsetXmm, offsetYmm, scale } = calibration;
  if (![offsetXmm, offsetYmm, scale].every(Number.isFinite)) throw new Error('calibration values must be finite numbers');
  if (scale < 0.5 || scale > 1.5) throw new Error(`calibration scale ${scale} is outside 0.5-1.5`);
  if (Math.abs(offsetXmm) > 20 || Math.abs(offsetYmm) > 20) throw new Error('calibration offsets must be within 20 mm');
  return calibration;
}

/**
 * The page of a preset. Content is designed in mm for the preset's printable
 * area, then scaled by the calibration from the area's top-left corner and
 * shifted by its offsets; the page keeps the preset's physical size.
 */
export function pageGeometry(preset: PaperPreset, calibration: Calibration = NO_CALIBRATION): PageGeometry {
  const { offsetXmm, offsetYmm, scale } = validateCalibration(calibration);
  const m = preset.margins;
  const contentWidthMm = preset.widthMm - m.left - m.right;
  const contentHeightMm = preset.heightMm === null ? null : preset.heightMm - m.top - m.bottom;
  const left = m.left + offsetXmm;
  const top = m.top + offsetYmm;
  const right = preset.widthMm - left - contentWidthMm * scale;
  const bottom = contentHeightMm === null ? m.bottom : preset.heightMm! - top - contentHeightMm * scale;
  return {
    preset,
    mm: (value) => mmToPt(value * scale),
    pt: (value) => value * scale,
    contentWidthMm,
    contentHeightMm,
    pageSize: { width: mmToPt(preset.widthMm), height: preset.heightMm === null ? 'auto' : mmToPt(preset.heightMm) },
    pageMargins: [mmToPt(left), mmToPt(top), mmToPt(right), mmToPt(bottom)],
  };
}

// ---- text width -------------------------------------------------------------

/** Line height of the shipped font at line height 1, in em: (ascent - descent + line gap) / units per em. */
export const LINE_HEIGHT_EM = 1.448;

// Advance widths (1/100 em) of printable ASCII, 0x20-0x7E: the wider of the
// shipped regular and bold faces, rounded up, so estimates never fall short.
const ASCII_WIDTHS = [
  23, 37, 58, 59, 59, 97, 74, 33, 38, 38, 51, 59, 33, 37, 33, 40, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 33, 33, 59, 59, 59, 52, 101, 65, 69, 66, 72, 62, 59,
  72, 76, 33, 57, 69, 58, 86, 75, 77, 67, 77, 69, 63, 63, 75, 62, 92, 63, 58, 62, 38, 40, 38, 59, 57, 63, 60, 65, 53, 65, 59, 38, 60, 64, 31, 31, 61, 32, 97,
  65, 63, 65, 65, 44, 50, 43, 64, 58, 87, 57, 58, 52, 38, 30, 38, 59,
];

function charWidthEm(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return itemAt(ASCII_WIDTHS, codePoint - 0x20) / 100;
  if (codePoint === 0x2e3a) return 1.7; // two-em dash
  if (codePoint === 0x2e3b) return 2.5; // three-em dash
  if (codePoint < 0x20 || (codePoint >= 0x200b && codePoint <= 0x200f)) return 0;
  // Cyrillic, letterlike symbols and Latin ligatures are a little wider than an em in places.
  if ((codePoint >= 0x400 && codePoint <= 0x52f) || (codePoint >= 0x2100 && codePoint <= 0x214f) || (codePoint >= 0xfb00 && codePoint <= 0xfb4f)) {
    return 1.07;
  }
  return 1; // CJK, full-width forms and everything else: one em at most
}

/** An upper bound of the width of one line of text in points, for the shipped font. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch.codePointAt(0)!);
  return em * fontSize;
}

export const ELLIPSIS = '…';

/** Collapses runs of white space (new lines included) to single spaces and trims. */
export function singleLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text as one line that fits maxWidth points at fontSize, cut on a
 * character boundary with an ellipsis when it is too long.
 */
export function shortenToWidth(text: string, maxWidth: number, fontSize: number): string {
  const line = singleLine(text);
  if (estimateTextWidth(line, fontSize) <= maxWidth) return line;
  const chars = [...line];
  const room = maxWidth - estimateTextWidth(ELLIPSIS, fontSize);
  let width = 0;
  let count = 0;
  for (const ch of chars) {
    const w = charWidthEm(ch.codePointAt(0)!) * fontSize;
    if (width + w > room) break;
    width += w;
    count += 1;
  }
  return chars.slice(0, count).join('').trimEnd() + ELLIPSIS;
}

/**
 * The widest bar module (mm) from candidates whose symbol fits the width.
 * Candidates are whole printer dots at 203 dpi: 4, 3 and 2 dots.
 */
export const MODULE_CANDIDATES_MM = [0.5, 0.375, 0.25] as const;

export function fitModuleWidth(modules: number, availableMm: number, candidates: readonly number[] = MODULE_CANDIDATES_MM): number {
  const fit = candidates.find((c) => c * modules <= availableMm);
  if (fit === undefined) throw new Error(`a ${modules}-module barcode does not fit in ${availableMm.toFixed(1)} mm`);
  return fit;
}

/** The style a document draws a preset in; a preset without one is a programming error the document tests catch. */
export function styleOf<T>(styles: Readonly<Record<string, T>>, presetId: string): T {
  const style = styles[presetId];
  if (!style) throw new Error(`no style for paper preset ${presetId}`);
  return style;
}
