// The claim ticket's QR code as a canvas: pdfmake's own encoder lays out the
// modules (same matrix, module size and quiet background as a `qr` node), and
// neighbouring dark modules (along a row, then runs of the same span down
// the rows) are drawn as one rectangle. pdfmake draws
// each canvas element on its own, setting line width, dash, joins, colour and
// opacity every time, so the few hundred modules were most of a claim ticket's
// drawing; the rectangles paint exactly the same pixels with far fewer elements.
import type { ContentCanvas } from 'pdfmake/interfaces';
import * as qrEncModule from 'pdfmake/js/qrEnc';

interface QrRect {
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
}

interface QrEncoder {
  measure(node: { qr: string; fit: number; eccLevel: string }): { _canvas: QrRect[]; _width: number };
}

// A CommonJS module with an __esModule default: bundlers unwrap it, Node's import does not.
const moduleDefault = (qrEncModule as unknown as { default: QrEncoder | { default: QrEncoder } }).default;
const qrEncoder: QrEncoder = 'default' in moduleDefault ? moduleDefault.default : moduleDefault;

export function qrCanvas(text: string, { fitPt, eccLevel }: { fitPt: number; eccLevel: 'L' | 'M' | 'Q' | 'H' }): ContentCanvas {
  const { _canvas: rects } = qrEncoder.measure({ qr: text, fit: fitPt, eccLevel });
  const [background, ...modules] = rects;
  if (!background) throw new Error('the QR encoder drew nothing');
  // Modules come row by row, left to right (whole points: the encoder floors the module size).
  const runs: QrRect[] = [];
  for (const module of modules) {
    const last = runs[runs.length - 1];
    if (last && last.y === module.y && last.x + last.w === module.x) last.w += module.w;
    else runs.push({ ...module });
  }
  // A run directly under one of the same span makes that rectangle taller.
  const blocks: QrRect[] = [];
  const bySpan = new Map<string, QrRect>();
  for (const run of runs) {
    const span = `${run.x}:${run.w}`;
    const above = bySpan.get(span);
    if (above && above.y + above.h === run.y) above.h += run.h;
    else {
      blocks.push(run);
      bySpan.set(span, run);
    }
  }
  return { canvas: [background, ...blocks].map(({ x, y, w, h, color }) => ({ type: 'rect', x, y, w, h, color })) };
}
