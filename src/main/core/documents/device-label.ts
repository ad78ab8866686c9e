// 设备标签 — the label stuck on the device or its bag. A tiny fixed page: the
// ticket number and date on top, the Code 128 in the middle (as tall as the
// remaining room allows), the customer's short name with the last four phone
// digits, and the device. Every line is shortened to fit; nothing wraps.
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { barcodeText } from '../../../shared/ticket-number';
import { code128Canvas, code128Modules, QUIET_ZONE_MODULES } from './barcode';
import { estimateTextWidth, fitModuleWidth, LINE_HEIGHT_EM, mmToPt, pageGeometry, PT_PER_MM, shortenToWidth, styleOf } from './layout';
import { resolvePreset } from './presets';
import { baseDefinition, deviceName, formatLocalDay, phoneLast4, wording } from './shared';
import type { DocumentInput } from './types';

interface LabelStyle {
  numberSize: number;
  textSize: number;
}

const STYLES: Record<string, LabelStyle> = {
  'label-62x29': { numberSize: 9, textSize: 7 },
  'label-2x1in': { numberSize: 8, textSize: 6.5 },
  'label-dymo-30252': { numberSize: 9.5, textSize: 7.5 },
};

const GAP_MM = 0.7;
const COLUMN_GAP_MM = 1.5;
/** Room kept free at the bottom so rounding never pushes a line onto a second page. */
const SAFETY_MM = 1;
const MIN_BARCODE_MM = 6;
const MAX_BARCODE_MM = 13;

/** Height of one line of text at a font size with line height 1, in mm. */
function lineMm(fontSize: number): number {
  return (fontSize * LINE_HEIGHT_EM) / PT_PER_MM;
}

export function deviceLabelDefinition(input: DocumentInput): TDocumentDefinitions {
  const preset = resolvePreset('device-label', input.preset);
  const g = pageGeometry(preset, input.calibration);
  const style = styleOf(STYLES, preset.id);
  const t = wording(input.language);
  const { ticket } = input;
  const widthMm = g.contentWidthMm;
  const widthPt = mmToPt(widthMm);
  const digits = barcodeText(ticket.number);

  // Top line: number on the left, date in on the right.
  const date = formatLocalDay(ticket.createdAt, input.language);
  const dateWidth = estimateTextWidth(date, style.textSize) + 0.5;
  const numberRoom = widthPt - dateWidth - mmToPt(COLUMN_GAP_MM);
  const numberSize = Math.min(style.numberSize, numberRoom / estimateTextWidth(ticket.displayNumber, 1));

  // Customer line: short name, then the last four phone digits at the right.
  const phone = t('phoneEnding', { digits: phoneLast4(ticket.customer.phone) });
  const phoneWidth = estimateTextWidth(phone, style.textSize) + 0.5;
  const nameRoom = widthPt - phoneWidth - mmToPt(COLUMN_GAP_MM);
  const name = shortenToWidth(ticket.customer.name, nameRoom, style.textSize + 0.5);
  // An extra label names what it is stuck on first, so a charger is never taken for the laptop.
  const deviceLine = input.labelCaption ? `${input.labelCaption} · ${deviceName(ticket)}` : deviceName(ticket);
  const device = shortenToWidth(deviceLine, widthPt, style.textSize);

  const textMm = lineMm(numberSize) + lineMm(style.textSize + 0.5) + lineMm(style.textSize);
  const barcodeMm = Math.min(MAX_BARCODE_MM, g.contentHeightMm! - textMm - 2 * GAP_MM - SAFETY_MM);
  if (barcodeMm < MIN_BARCODE_MM) throw new Error(`label ${preset.id} leaves only ${barcodeMm.toFixed(1)} mm for the barcode`);
  const modules = code128Modules(digits) + 2 * QUIET_ZONE_MODULES;
  const moduleMm = fitModuleWidth(modules, widthMm);

  const content: Content[] = [
    {
      columns: [
        { width: g.pt(numberRoom), text: ticket.displayNumber, bold: true, fontSize: g.pt(numberSize) },
        { width: g.pt(dateWidth), text: date, fontSize: g.pt(style.textSize), alignment: 'right' },
      ],
      columnGap: g.mm(COLUMN_GAP_MM),
    },
    {
      ...code128Canvas(digits, { modulePt: g.mm(moduleMm), heightPt: g.mm(barcodeMm) }),
      alignment: 'center',
      margin: [0, g.mm(GAP_MM), 0, g.mm(GAP_MM)],
    },
    {
      columns: [
        { width: g.pt(nameRoom), text: name, bold: true, fontSize: g.pt(style.textSize + 0.5) },
        { width: g.pt(phoneWidth), text: phone, fontSize: g.pt(style.textSize), alignment: 'right' },
      ],
      columnGap: g.mm(COLUMN_GAP_MM),
    },
    { text: device, fontSize: g.pt(style.textSize) },
  ];
  const definition = baseDefinition(g, input, t('labelTitle'), content, style.textSize);
  definition.defaultStyle = { ...definition.defaultStyle, lineHeight: 1 };
  return definition;
}
