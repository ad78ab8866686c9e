// 取机凭证 — the claim ticket the customer keeps, on a thermal roll. The page
// is as wide as the roll and as tall as its content (pdfmake lays the content
// out on an unbounded page and then sizes the page to it). Customer data is
// kept to one line each, shortened with an ellipsis; the phone is masked.
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { barcodeText } from '../../../shared/ticket-number';
import { code128Canvas, code128Modules, QUIET_ZONE_MODULES } from './barcode';
import { estimateTextWidth, fitModuleWidth, mmToPt, pageGeometry, shortenToWidth, singleLine, styleOf } from './layout';
import { resolvePreset } from './presets';
import { baseDefinition, claimTerms, deviceName, formatAmount, formatCalendarDate, formatDateTime, maskPhone, wording } from './shared';
import type { DocumentInput } from './types';
import { depositText } from './deposit-text';
import { qrCanvas } from './qr-code';

interface TicketStyle {
  base: number;
  small: number;
  title: number;
  number: number;
  labelColumnMm: number;
  barcodeHeightMm: number;
  qrMm: number;
}

const STYLES: Record<string, TicketStyle> = {
  'roll-80': { base: 9, small: 7, title: 12, number: 18, labelColumnMm: 20, barcodeHeightMm: 12, qrMm: 24 },
  'roll-58': { base: 8, small: 6.5, title: 11, number: 15, labelColumnMm: 16, barcodeHeightMm: 10, qrMm: 24 },
};

/** Below this printable width the QR code is left out. */
const QR_MIN_CONTENT_MM = 40;
const LABEL_GAP_MM = 1.5;

export function claimTicketDefinition(input: DocumentInput): TDocumentDefinitions {
  const preset = resolvePreset('claim-ticket', input.preset);
  const g = pageGeometry(preset, input.calibration);
  const style = styleOf(STYLES, preset.id);
  const t = wording(input.language);
  const lang = input.language;
  const { ticket, shop } = input;
  const widthMm = g.contentWidthMm;
  const widthPt = mmToPt(widthMm);
  const digits = barcodeText(ticket.number);

  // Shop header: the shop's own text may wrap, it is not customer data.
  const content: Content[] = [];
  if (shop.name) content.push({ text: shop.name, bold: true, alignment: 'center', fontSize: g.pt(style.base + 2) });
  if (shop.address) content.push({ text: shop.address, alignment: 'center', fontSize: g.pt(style.small) });
  if (shop.phone) content.push({ text: `${t('shopPhone')}${t('colon')}${shop.phone}`, alignment: 'center', fontSize: g.pt(style.small + 0.5) });
  content.push(rule(g.mm(widthMm), g.mm(1.5), g.pt(0.6)));

  content.push({ text: t('claimTitle'), bold: true, alignment: 'center', fontSize: g.pt(style.title), margin: [0, g.mm(1), 0, 0] });
  const numberSize = Math.min(style.number, (widthPt * 0.98) / estimateTextWidth(ticket.displayNumber, 1));
  content.push({ text: ticket.displayNumber, bold: true, alignment: 'center', fontSize: g.pt(numberSize) });

  const modules = code128Modules(digits) + 2 * QUIET_ZONE_MODULES;
  const moduleMm = fitModuleWidth(modules, widthMm);
  content.push({
    ...code128Canvas(digits, { modulePt: g.mm(moduleMm), heightPt: g.mm(style.barcodeHeightMm) }),
    alignment: 'center',
    margin: [0, g.mm(1), 0, 0],
  });
  content.push({ text: digits, alignment: 'center', fontSize: g.pt(style.small + 0.5), characterSpacing: g.pt(1.5), margin: [0, g.mm(0.5), 0, g.mm(1.5)] });

  // Details, one line each. A name or device too long for the value column
  // gets a full-width line under its label before it is shortened.
  const valuePt = mmToPt(widthMm - style.labelColumnMm - LABEL_GAP_MM);
  // Labels are the desk's own words: sized to fit, they wrap rather than lose letters.
  const labelCell = (label: string): TableCell => ({
    text: label,
    fontSize: g.pt(style.small + 0.5),
    color: '#333333',
  });
  const body: TableCell[][] = [];
  const row = (label: string, value: string) => body.push([labelCell(label), { text: value }]);
  const customerRow = (label: string, value: string, bold: boolean) => {
    const line = singleLine(value);
    if (estimateTextWidth(line, style.base) <= valuePt) {
      body.push([labelCell(label), { text: line, bold }]);
    } else {
      body.push([labelCell(label), { text: '' }]);
      body.push([{ text: shortenToWidth(line, mmToPt(widthMm), style.base), bold, colSpan: 2 }, { text: '' }]);
    }
  };
  row(t('dateIn'), formatDateTime(ticket.createdAt, lang));
  customerRow(t('customerName'), ticket.customer.name, true);
  row(t('phone'), maskPhone(ticket.customer.phone));
  customerRow(t('deviceName'), deviceName(ticket), false);
  row(t('estimate'), formatAmount(ticket.estimateMinor, ticket.currency, lang));
  row(t('deposit'), depositText(ticket, lang));
  row(t('readyBy'), ticket.promisedDate ? formatCalendarDate(ticket.promisedDate, lang) : t('toBeConfirmed'));
  const layout: CustomTableLayout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : g.mm(LABEL_GAP_MM)),
    paddingRight: () => 0,
    paddingTop: () => g.mm(0.3),
    paddingBottom: () => g.mm(0.3),
  };
  // Fixed widths: nothing the customer typed can widen the table past the roll.
  content.push({ table: { widths: [g.mm(style.labelColumnMm), g.mm(widthMm - style.labelColumnMm - LABEL_GAP_MM)], body }, layout });

  if (widthMm >= QR_MIN_CONTENT_MM) {
    content.push({ ...qrCanvas(digits, { fitPt: g.mm(style.qrMm), eccLevel: 'M' }), alignment: 'center', margin: [0, g.mm(2.5), 0, g.mm(1)] });
  }

  content.push(rule(g.mm(widthMm), g.mm(1.5), g.pt(0.6)));
  content.push({ text: t('pickupTerms'), bold: true, fontSize: g.pt(style.small + 0.5), margin: [0, g.mm(1), 0, 0] });
  content.push({ text: claimTerms(input), fontSize: g.pt(style.small) });
  content.push({
    text: t('printedAt', { date: formatDateTime(input.printedAt, lang) }),
    fontSize: g.pt(style.small),
    color: '#444444',
    alignment: 'center',
    margin: [0, g.mm(1.5), 0, 0],
  });

  return baseDefinition(g, input, t('claimTitle'), content, style.base);
}

/** A dashed rule across the roll, with space above and below. */
function rule(widthPt: number, spacePt: number, lineWidth: number): Content {
  return {
    canvas: [{ type: 'line', x1: 0, y1: spacePt, x2: widthPt, y2: spacePt, lineWidth, dash: { length: 2, space: 1.5 } }],
    margin: [0, 0, 0, spacePt],
  };
}
