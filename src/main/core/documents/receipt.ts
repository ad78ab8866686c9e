// 维修收据 — the repair receipt handed over at collection: what was done,
// the charges, the deposit and payments (with cash change), the repair
// warranty's end date and the customer's signature for the device and its
// accessories. On an 80 mm roll (page fitted to the content) or on A4. A
// device returned unrepaired says so, with only the diagnosis fee charged.
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CollectionView, PaymentView } from '../../../shared/collection-contract';
import type { Language } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { code128Canvas, code128Modules, QUIET_ZONE_MODULES } from './barcode';
import { estimateTextWidth, fitModuleWidth, mmToPt, pageGeometry, shortenToWidth, singleLine, type PageGeometry, styleOf } from './layout';
import { resolvePreset } from './presets';
import { baseDefinition, deviceName, formatAmount, formatCalendarDate, formatDateTime, joinList, maskPhone, termLines, vocabulary } from './shared';
import type { DocumentInput } from './types';

interface ReceiptStyle {
  base: number;
  small: number;
  title: number;
  number: number;
  labelColumnMm: number;
  barcodeHeightMm: number;
  signatureMm: [number, number];
  /** A4 lists qty and unit price in columns; the roll puts them under the item. */
  wideLines: boolean;
}

const STYLES: Record<string, ReceiptStyle> = {
  'roll-80': { base: 8.5, small: 7, title: 12, number: 16, labelColumnMm: 19, barcodeHeightMm: 11, signatureMm: [56, 18], wideLines: false },
  a4: { base: 9.5, small: 8, title: 15, number: 17, labelColumnMm: 34, barcodeHeightMm: 13, signatureMm: [64, 20], wideLines: true },
};

const GAP_MM = 1.5;

type Say = (key: string, vars?: Record<string, string | number>) => string;

function receiptWording(language: Language): Say {
  return (key, vars) => translate(language, `receipt.${key}`, vars);
}

/** An accessory id (charger, bag, ...) in the language; free text as typed. */
function accessoryName(language: Language, item: string): string {
  const name = vocabulary(language, 'accessory', item);
  return name === `accessory.${item}` ? item : name;
}

export function receiptDefinition(input: DocumentInput): TDocumentDefinitions {
  const view = input.collection;
  if (!view) throw new Error('the receipt needs the collection (input.collection)');
  const preset = resolvePreset('receipt', input.preset);
  const g = pageGeometry(preset, input.calibration);
  const style = styleOf(STYLES, preset.id);
  const lang = input.language;
  const say = receiptWording(lang);
  const widthMm = g.contentWidthMm;
  const money = (minor: number) => formatAmount(minor, view.currency, lang);

  const heading: Content[] = [{ text: say('title'), bold: true, alignment: 'center', fontSize: g.pt(style.title), margin: [0, g.mm(1), 0, 0] }];
  if (!view.repaired) {
    heading.push({ text: say('unrepaired'), bold: true, alignment: 'center', fontSize: g.pt(style.base + 1.5), margin: [0, g.mm(0.5), 0, 0] });
  }
  const content: Content[] = [];
  if (style.wideLines) {
    // A sheet: the shop on the left, the receipt's title, number and barcode on the right.
    const half = (widthMm - 8) / 2;
    content.push({
      columns: [
        { width: g.mm(half), stack: shopHeader(input, g, style, 'left'), margin: [0, g.mm(2), 0, 0] },
        { width: g.mm(half), stack: [...heading, ...numberAndBarcode(view, g, style, half)] },
      ],
      columnGap: g.mm(8),
    });
    content.push(rule(g, widthMm));
  } else {
    content.push(...shopHeader(input, g, style, 'center'), rule(g, widthMm), ...heading, ...numberAndBarcode(view, g, style, widthMm));
  }
  content.push(detailsTable(input, view, g, style, say));
  content.push(...workDone(view, g, style, say));
  content.push(rule(g, widthMm));
  content.push(linesTable(view, g, style, say, money));
  content.push(totalsTable(input, view, g, style, say, money, lang));
  content.push(rule(g, widthMm));
  content.push(...warranty(view, g, style, say, lang));
  content.push(returnedItems(view, g, say, lang));
  const terms: Content = {
    stack: [
      { text: say('terms'), bold: true, fontSize: g.pt(style.small + 0.5) },
      // An unrepaired device has no repair warranty: its terms promise no free rework.
      {
        ul: termLines(view.repaired ? say('defaultTerms') : translate(lang, 'counter.documents.unrepairedTerms')),
        fontSize: g.pt(style.small),
        margin: [0, g.mm(0.3), 0, 0],
      },
    ],
    margin: [0, g.mm(2), 0, 0],
  };
  const printed: Content = {
    text: say('printedAt', { date: formatDateTime(input.printedAt, lang) }),
    fontSize: g.pt(style.small),
    color: '#444444',
    alignment: 'center',
    margin: [0, g.mm(1.5), 0, 0],
  };
  // A sheet has room for the signature and the terms side by side, and prints its time in the
  // bottom margin, so a full sheet stays one page; a roll stacks everything.
  if (style.wideLines) {
    content.push({
      columns: [
        { width: g.mm(style.signatureMm[0]), stack: [signatureBlock(view, g, style, say)] },
        { width: '*', stack: [terms] },
      ],
      columnGap: g.mm(8),
    });
    const [left, , right, bottom] = g.pageMargins;
    return { ...baseDefinition(g, input, say('title'), content, style.base), footer: { ...printed, margin: [left, bottom / 3, right, 0] } };
  }
  content.push(signatureBlock(view, g, style, say), terms, printed);
  return baseDefinition(g, input, say('title'), content, style.base);
}

function shopHeader(input: DocumentInput, g: PageGeometry, style: ReceiptStyle, alignment: 'left' | 'center'): Content[] {
  const { shop } = input;
  const out: Content[] = [];
  if (shop.name) out.push({ text: shop.name, bold: true, alignment, fontSize: g.pt(style.base + 2) });
  if (shop.address) out.push({ text: shop.address, alignment, fontSize: g.pt(style.small) });
  if (shop.phone) out.push({ text: shop.phone, alignment, fontSize: g.pt(style.small + 0.5) });
  return out;
}

function numberAndBarcode(view: CollectionView, g: PageGeometry, style: ReceiptStyle, widthMm: number): Content[] {
  const numberSize = Math.min(style.number, (mmToPt(widthMm) * 0.98) / estimateTextWidth(view.displayNumber, 1));
  const modules = code128Modules(view.barcode) + 2 * QUIET_ZONE_MODULES;
  // The widest module that fits, capped so the A4 barcode stays a scanner's width.
  const moduleMm = fitModuleWidth(modules, Math.min(widthMm, 70));
  return [
    { text: view.displayNumber, bold: true, alignment: 'center', fontSize: g.pt(numberSize) },
    {
      ...code128Canvas(view.barcode, { modulePt: g.mm(moduleMm), heightPt: g.mm(style.barcodeHeightMm) }),
      alignment: 'center',
      margin: [0, g.mm(1), 0, 0],
    },
    { text: view.barcode, alignment: 'center', fontSize: g.pt(style.small + 0.5), characterSpacing: g.pt(1.5), margin: [0, g.mm(0.5), 0, g.mm(1.5)] },
  ];
}

function plainLayout(g: PageGeometry, firstPadMm = GAP_MM): CustomTableLayout {
  return {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : g.mm(firstPadMm)),
    paddingRight: () => 0,
    paddingTop: () => g.mm(0.3),
    paddingBottom: () => g.mm(0.3),
  };
}

function detailsTable(input: DocumentInput, view: CollectionView, g: PageGeometry, style: ReceiptStyle, say: Say): Content {
  const lang = input.language;
  const valueMm = g.contentWidthMm - style.labelColumnMm - GAP_MM;
  const body: TableCell[][] = [];
  const label = (text: string): TableCell => ({ text, fontSize: g.pt(style.small + 0.5), color: '#333333' });
  // What the customer typed stays on one line: too long for the value column, it
  // gets a full-width line under its label, and only then is it shortened.
  const row = (name: string, value: string, bold = false) => {
    const line = singleLine(value);
    if (estimateTextWidth(line, style.base) <= mmToPt(valueMm)) {
      body.push([label(name), { text: line, bold }]);
    } else {
      body.push([label(name), { text: '' }]);
      body.push([{ text: shortenToWidth(line, mmToPt(g.contentWidthMm), style.base), bold, colSpan: 2 }, { text: '' }]);
    }
  };
  row(say('customer'), view.customer.name, true);
  row(say('phone'), maskPhone(view.customer.phone));
  row(say('device'), `${vocabulary(lang, 'deviceType', view.device.type)} · ${deviceName(view.device)}`);
  if (view.device.serial) row(say('serial'), view.device.serial);
  row(say('received'), formatDateTime(input.ticket.createdAt, lang));
  const collectedAt = view.collection?.at ?? view.collectedAt;
  if (collectedAt) row(say('collected'), formatDateTime(collectedAt, lang));
  if (view.collection) row(say('identity'), say(`identityKind.${view.collection.identity}`));
  const ticket = input.ticket;
  if (ticket.technicianName) row(translate(lang, 'counter.documents.technician'), ticket.technicianName);
  const basis = warrantyBasisText(ticket, lang);
  // Words of the desk's own, not customer data: they wrap rather than being cut short.
  if (basis) body.push([label(translate(lang, 'counter.documents.warranty')), { text: basis }]);
  return { table: { widths: [g.mm(style.labelColumnMm), g.mm(valueMm)], body }, layout: plainLayout(g) };
}

function workDone(view: CollectionView, g: PageGeometry, style: ReceiptStyle, say: Say): Content[] {
  const out: Content[] = [{ text: say('workDone'), bold: true, margin: [0, g.mm(1.5), 0, g.mm(0.3)] }];
  if (view.workDone) {
    out.push({ text: [{ text: `${say('found')}${say('colon')}`, color: '#333333' }, view.workDone.cause] });
    if (view.repaired && view.workDone.solution) out.push({ text: [{ text: `${say('done')}${say('colon')}`, color: '#333333' }, view.workDone.solution] });
  }
  if (!view.repaired) out.push({ text: say('notRepairedNote'), bold: true, fontSize: g.pt(style.small + 0.5) });
  return out;
}

function linesTable(view: CollectionView, g: PageGeometry, style: ReceiptStyle, say: Say, money: (minor: number) => string): Content {
  const width = g.contentWidthMm;
  const amountMm = style.wideLines ? 30 : 20;
  const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, fontSize: g.pt(style.small + 0.5), alignment });
  const amountCell = (line: CollectionView['lines'][number]): TableCell =>
    line.free ? { text: say('free'), alignment: 'right' } : { text: money(line.totalMinor), alignment: 'right' };
  // A part bought in for this repair says so: the customer sees what was ordered for them.
  const described = (line: CollectionView['lines'][number]): string =>
    line.kind === 'bought_part' ? `${line.description} · ${say('boughtPart')}` : line.description;
  if (view.lines.length === 0) return { text: say('noCharges'), color: '#333333', margin: [0, g.mm(0.5), 0, g.mm(0.5)] };

  if (style.wideLines) {
    const qtyMm = 14;
    const unitMm = 30;
    const descMm = width - qtyMm - unitMm - amountMm - 3 * GAP_MM;
    const body: TableCell[][] = [[head(say('item')), head(say('qty'), 'right'), head(say('unit'), 'right'), head(say('amount'), 'right')]];
    for (const line of view.lines) {
      body.push([
        { text: described(line) },
        { text: String(line.qty), alignment: 'right' },
        { text: money(line.unitMinor), alignment: 'right' },
        amountCell(line),
      ]);
    }
    return { table: { widths: [g.mm(descMm), g.mm(qtyMm), g.mm(unitMm), g.mm(amountMm)], headerRows: 1, body }, layout: plainLayout(g) };
  }
  const descMm = width - amountMm - GAP_MM;
  const body: TableCell[][] = [[head(say('item')), head(say('amount'), 'right')]];
  for (const line of view.lines) {
    const detail = `${line.qty} × ${money(line.unitMinor)}`;
    body.push([{ stack: [{ text: described(line) }, { text: detail, fontSize: g.pt(style.small), color: '#333333' }] }, amountCell(line)]);
  }
  return { table: { widths: [g.mm(descMm), g.mm(amountMm)], headerRows: 1, body }, layout: plainLayout(g) };
}

function paymentLabel(p: PaymentView, say: Say): string {
  const method = say(`method.${p.method}`);
  const base = p.kind === 'refund' ? `${say('refund')} · ${method}` : method;
  return p.reference ? `${base} (${p.reference})` : base;
}

function totalsTable(
  input: DocumentInput,
  view: CollectionView,
  g: PageGeometry,
  style: ReceiptStyle,
  say: Say,
  money: (minor: number) => string,
  lang: Language,
): Content {
  const amountMm = style.wideLines ? 30 : 22;
  const labelMm = g.contentWidthMm - amountMm - GAP_MM;
  const body: TableCell[][] = [];
  // Notes (a discount's reason, when a payment was taken, cash tendered and change) span the row, right-aligned.
  const row = (label: string, amount: string, options: { bold?: boolean; notes?: string[] } = {}) => {
    body.push([
      { text: label, bold: options.bold ?? false, alignment: 'right' },
      { text: amount, bold: options.bold ?? false, alignment: 'right' },
    ]);
    for (const note of options.notes ?? []) {
      body.push([{ text: note, fontSize: g.pt(style.small), color: '#333333', alignment: 'right', colSpan: 2 }, { text: '' }]);
    }
  };
  if (view.discountMinor > 0) row(say('discount'), `−${money(view.discountMinor)}`, { notes: view.discountReason ? [view.discountReason] : [] });
  row(say('total'), money(view.totalMinor), { bold: true });
  if (view.depositMinor > 0) {
    const method = input.ticket.depositMethod;
    row(method ? `${say('deposit')} · ${say(`method.${method}`)}` : say('deposit'), `−${money(view.depositMinor)}`);
  }
  // The receipt shows what stands: voided rows are on the ticket's history, not here.
  for (const p of view.payments.filter((x) => !x.voided)) {
    const notes = [formatDateTime(p.at, lang)];
    if (p.tenderedMinor !== null) notes.push(say('tendered', { tendered: money(p.tenderedMinor), change: money(p.changeMinor) }));
    row(paymentLabel(p, say), p.kind === 'refund' ? `+${money(p.amountMinor)}` : `−${money(p.amountMinor)}`, { notes });
  }
  if (view.balanceMinor > 0) row(say('balance'), money(view.balanceMinor), { bold: true });
  else if (view.balanceMinor < 0) row(say('refundDue'), money(-view.balanceMinor), { bold: true });
  // Settled: what was paid in all, or, when nothing was ever owed, no sum at all (never "paid in full 0.00").
  else if (view.paidMinor > 0) row(say('paidInFull'), money(view.paidMinor), { bold: true });
  else row(translate(lang, 'counter.documents.nothingToPay'), '', { bold: true });
  return { table: { widths: [g.mm(labelMm), g.mm(amountMm)], body }, layout: plainLayout(g), margin: [0, g.mm(1), 0, 0] };
}

function warranty(view: CollectionView, g: PageGeometry, style: ReceiptStyle, say: Say, lang: Language): Content[] {
  if (!view.repaired) return [{ text: say('noWarranty'), bold: true, margin: [0, g.mm(1), 0, 0] }];
  const out: Content[] = [];
  if (view.repairWarrantyUntil) {
    out.push({ text: say('warrantyUntil', { date: formatCalendarDate(view.repairWarrantyUntil, lang) }), bold: true, margin: [0, g.mm(1), 0, 0] });
  }
  out.push({ text: say('warrantyDays', { days: view.repairWarrantyDays }), fontSize: g.pt(style.small + 0.5) });
  return out;
}

function returnedItems(view: CollectionView, g: PageGeometry, say: Say, lang: Language): Content {
  const returned = view.collection?.accessoriesReturned ?? [];
  const items: Content = {
    text: [
      { text: `${say('accessoriesReturned')}${say('colon')}`, color: '#333333' },
      returned.length
        ? joinList(
            lang,
            returned.map((item) => accessoryName(lang, item)),
          )
        : say('nothingElse'),
    ],
    margin: [0, g.mm(1.5), 0, 0],
  };
  if (view.oldPartsReturned.length === 0) return items;
  const parts = view.oldPartsReturned.map((p) => `${p.name}${p.specification ? ` (${p.specification})` : ''} × ${p.qty}`);
  return [items, { text: [{ text: `${say('oldPartsReturned')}${say('colon')}`, color: '#333333' }, joinList(lang, parts)], margin: [0, g.mm(0.5), 0, 0] }];
}

/** In warranty: on what grounds (proof of purchase...), and whether the manufacturer did the repair. */
function warrantyBasisText(ticket: DocumentInput['ticket'], lang: Language): string | null {
  const manufacturer = ticket.events.some((event) => event.toStatus === 'at_manufacturer');
  if (ticket.warrantyStatus !== 'in_warranty' && !manufacturer) return null;
  const parts = [vocabulary(lang, 'warrantyStatus', ticket.warrantyStatus), vocabulary(lang, 'warrantyBasis', ticket.warrantyBasis)];
  if (manufacturer) parts.push(translate(lang, 'counter.documents.manufacturerRepair'));
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}

/** The customer's signature for the device and the items returned (a blank line before it is signed). */
function signatureBlock(view: CollectionView, g: PageGeometry, style: ReceiptStyle, say: Say): Content {
  const [w, h] = style.signatureMm;
  const signature: Content = view.collection
    ? { image: view.collection.signaturePng, fit: [g.mm(w), g.mm(h)], margin: [0, g.mm(1), 0, 0] }
    : { text: ' ', margin: [0, g.mm(h), 0, 0] };
  return {
    stack: [
      signature,
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: g.mm(w), y2: 0, lineWidth: g.pt(0.6) }] },
      { text: say('signature'), bold: true, fontSize: g.pt(style.small + 0.5) },
      { text: say('signatureNote'), fontSize: g.pt(style.small) },
    ],
    unbreakable: true,
    margin: [0, g.mm(1), 0, 0],
  };
}

/** A dashed rule across the page, with space above and below. */
function rule(g: PageGeometry, widthMm: number): Content {
  const space = g.mm(1.5);
  return {
    canvas: [{ type: 'line', x1: 0, y1: space, x2: g.mm(widthMm), y2: space, lineWidth: g.pt(0.6), dash: { length: 2, space: 1.5 } }],
    margin: [0, 0, 0, space],
  };
}
