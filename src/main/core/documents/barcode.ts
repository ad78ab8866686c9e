// Code 128, drawn as vector bars (a pdfmake canvas of rectangles) so it stays
// sharp on any printer. Digit strings of even length use code set C (two
// digits a symbol), which is what ticket numbers are; anything else printable
// ASCII uses code set B.
import type { ContentCanvas } from 'pdfmake/interfaces';
import { itemAt } from '../../../shared/lists';

/** Bar and space widths (in modules) of symbol values 0-106; 106 is the stop pattern. */
export const CODE128_PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
] as const;

const START_B = 104;
const START_C = 105;
const STOP = 106;

/** Minimum quiet zone on each side, in modules (ISO/IEC 15417). */
export const QUIET_ZONE_MODULES = 10;

/** The symbol values for text, start and check symbol included, stop excluded. */
export function code128Values(text: string): number[] {
  let values: number[];
  if (text.length > 0 && text.length % 2 === 0 && /^\d+$/.test(text)) {
    values = [START_C];
    for (let i = 0; i < text.length; i += 2) values.push(Number(text.slice(i, i + 2)));
  } else {
    if (!/^[\x20-\x7e]+$/.test(text)) throw new Error('Code 128 set B takes printable ASCII only');
    values = [START_B, ...[...text].map((ch) => ch.charCodeAt(0) - 32)];
  }
  const check = values.reduce((sum, value, index) => sum + value * (index === 0 ? 1 : index), 0) % 103;
  return [...values, check];
}

/** Alternating bar/space widths in modules, starting with a bar, stop pattern included. */
export function code128Widths(text: string): number[] {
  return [...code128Values(text), STOP].flatMap((value) => [...itemAt(CODE128_PATTERNS, value)].map(Number));
}

/** Width of the symbol in modules, without quiet zones. */
export function code128Modules(text: string): number {
  return code128Widths(text).reduce((a, b) => a + b, 0);
}

export interface BarcodeOptions {
  /** Narrow bar width in points. */
  modulePt: number;
  heightPt: number;
  /** Quiet zone on each side in modules; drawn as part of the canvas width. */
  quietZoneModules?: number;
}

/** A canvas whose width includes both quiet zones, so centring it centres the bars. */
export function code128Canvas(text: string, { modulePt, heightPt, quietZoneModules = QUIET_ZONE_MODULES }: BarcodeOptions): ContentCanvas {
  const widths = code128Widths(text);
  const modules = widths.reduce((a, b) => a + b, 0);
  const total = (modules + 2 * quietZoneModules) * modulePt;
  // The white background is the quiet zone, and makes the canvas measure its full width.
  const canvas: ContentCanvas['canvas'] = [{ type: 'rect', x: 0, y: 0, w: total, h: heightPt, color: '#ffffff' }];
  let x = quietZoneModules * modulePt;
  widths.forEach((w, i) => {
    if (i % 2 === 0) canvas.push({ type: 'rect', x, y: 0, w: w * modulePt, h: heightPt, color: '#000000' });
    x += w * modulePt;
  });
  return { canvas };
}
