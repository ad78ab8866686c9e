// 维修接件单 — the intake form, made in two copies (一式两份): the customer's
// copy and the shop's copy, each starting on a new page, each with signature
// lines kept on one page with the terms they sign. Long texts wrap and flow
// onto further pages; the passcode is never printed (the ticket does not even
// carry it), only whether one was recorded.
import type { Column, Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { barcodeText } from '../../../shared/ticket-number';
import { code128Canvas, code128Modules, QUIET_ZONE_MODULES } from './barcode';
import { estimateTextWidth, fitModuleWidth, mmToPt, pageGeometry, type PageGeometry, styleOf } from './layout';
import { resolvePreset } from './presets';
import { baseDefinition, formatAmount, formatCalendarDate, formatDateTime, intakeTerms, joinList, vocabulary, wording } from './shared';
import type { DocumentInput } from './types';
import { translate } from '../../../shared/i18n/translate';
import { depositText } from './deposit-text';

interface FormStyle {
  base: number;
  small: number;
  shopName: number;
  title: number;
  number: number;
  labelColumnMm: number;
  barcodeHeightMm: number;
  lineHeight: number;
  cellPaddingMm: number;
  /** Space between the blocks of a copy. */
  gapMm: number;
  signatureSpaceMm: number;
}

const STYLES: Record<string, FormStyle> = {
  a4: {
    base: 9,
    small: 7.5,
    shopName: 13,
    title: 16,
    number: 18,
    labelColumnMm: 27,
    barcodeHeightMm: 12,
    lineHeight: 1.1,
    cellPaddingMm: 0.6,
    gapMm: 3,
    signatureSpaceMm: 11,
  },
  a5: {
    base: 7.5,
    small: 6.2,
    shopName: 11,
    title: 13,
    number: 14,
    labelColumnMm: 22,
    barcodeHeightMm: 9,
    lineHeight: 1,
    cellPaddingMm: 0.3,
    gapMm: 2,
    signatureSpaceMm: 8,
  },
};

export function intakeFormDefinition(input: DocumentInput): TDocumentDefinitions {
  const preset = resolvePreset('intake-form', input.preset);
  const g = pageGeometry(preset, input.calibration);
  const style = styleOf(STYLES, preset.id);
  const t = wording(input.language);
  const copies: Content[] = [
    { section: copyContent(input, g, style, t('customerCopy')), footer: copyFooter(input, g, style, t('customerCopy')) },
    { section: copyContent(input, g, style, t('shopCopy')), footer: copyFooter(input, g, style, t('shopCopy')) },
  ];
  const definition = baseDefinition(g, input, t('intakeTitle'), copies, style.base);
  definition.defaultStyle = { ...definition.defaultStyle, lineHeight: style.lineHeight };
  if (input.shop.logo) definition.images = { logo: input.shop.logo };
  return definition;
}

function copyFooter(input: DocumentInput, g: PageGeometry, style: FormStyle, copy: string) {
  const t = wording(input.language);
  const [left, , right] = g.pageMargins;
  return (currentPage: number, pageCount: number): Content => ({
    text: `${copy} · ${t('continued', { number: input.ticket.displayNumber, page: currentPage, pages: pageCount })}`,
    fontSize: g.pt(style.small),
    color: '#444444',
    alignment: 'center',
    margin: [left, g.mm(3), right, 0],
  });
}

function copyContent(input: DocumentInput, g: PageGeometry, style: FormStyle, copy: string): Content[] {
  // The signatures go with the terms they accept, as one block: when the details
  // run long, both move to the next page of the copy together, so the block is
  // never split and never left alone on a page (the footer names the copy).
  return [
    header(input, g, style, copy),
    ticketBlock(input, g, style),
    details(input, g, style),
    { unbreakable: true, stack: [terms(input, g, style), signatures(input, g, style)] },
  ];
}

function header(input: DocumentInput, g: PageGeometry, style: FormStyle, copy: string): Content {
  const t = wording(input.language);
  const { shop } = input;
  const shopLines: Content[] = [{ text: shop.name, bold: true, fontSize: g.pt(style.shopName) }];
  if (shop.address) shopLines.push({ text: shop.address, fontSize: g.pt(style.small) });
  if (shop.phone) shopLines.push({ text: `${t('shopPhone')}${t('colon')}${shop.phone}`, fontSize: g.pt(style.small) });
  // Fixed column widths: a '*' column would grow to fit an unbreakable word and push the page edge.
  const logoMm = style.title >= 16 ? 18 : 14;
  const gapMm = 3;
  const titleMm = g.contentWidthMm * 0.38;
  const shopMm = g.contentWidthMm - titleMm - gapMm - (shop.logo ? logoMm + gapMm : 0);
  const columns: Column[] = [];
  if (shop.logo) columns.push({ image: 'logo', fit: [g.mm(logoMm), g.mm(logoMm)], width: g.mm(logoMm) });
  columns.push({ width: g.mm(shopMm), stack: shopLines });
  columns.push({
    width: g.mm(titleMm),
    stack: [
      { text: t('intakeTitle'), bold: true, fontSize: g.pt(style.title), alignment: 'right' },
      {
        text: ` ${copy} `,
        bold: true,
        color: '#ffffff',
        background: '#000000',
        alignment: 'right',
        fontSize: g.pt(style.base + 1),
        margin: [0, g.mm(1), 0, 0],
      },
    ],
  });
  return {
    stack: [
      { columns, columnGap: g.mm(gapMm) },
      { canvas: [{ type: 'line', x1: 0, y1: g.mm(1.5), x2: g.mm(g.contentWidthMm), y2: g.mm(1.5), lineWidth: g.pt(1) }] },
    ],
    margin: [0, 0, 0, g.mm(style.gapMm * 0.6)],
  };
}

function ticketBlock(input: DocumentInput, g: PageGeometry, style: FormStyle): Content {
  const t = wording(input.language);
  const { ticket } = input;
  const digits = barcodeText(ticket.number);
  const modules = code128Modules(digits) + 2 * QUIET_ZONE_MODULES;
  const moduleMm = fitModuleWidth(modules, g.contentWidthMm * 0.5);
  const barcodeMm = modules * moduleMm;
  // The number shrinks rather than wraps when the prefix is long.
  const gapMm = 4;
  const numberRoomPt = mmToPt(g.contentWidthMm - barcodeMm - gapMm);
  const numberSize = Math.min(style.number, numberRoomPt / estimateTextWidth(ticket.displayNumber, 1));
  return {
    columns: [
      {
        width: g.mm(g.contentWidthMm - barcodeMm - gapMm),
        stack: [
          { text: t('ticketNumber'), fontSize: g.pt(style.small), color: '#444444' },
          { text: ticket.displayNumber, bold: true, fontSize: g.pt(numberSize) },
          { text: `${t('dateIn')}${t('colon')}${formatDateTime(ticket.createdAt, input.language)}`, margin: [0, g.mm(1), 0, 0] },
          { text: t('printedAt', { date: formatDateTime(input.printedAt, input.language) }), fontSize: g.pt(style.small), color: '#444444' },
        ],
      },
      {
        width: g.mm(barcodeMm),
        stack: [
          code128Canvas(digits, { modulePt: g.mm(moduleMm), heightPt: g.mm(style.barcodeHeightMm) }),
          { text: digits, alignment: 'center', fontSize: g.pt(style.small), characterSpacing: g.pt(1.5), margin: [0, g.mm(0.5), 0, 0] },
        ],
      },
    ],
    columnGap: g.mm(gapMm),
    margin: [0, 0, 0, g.mm(style.gapMm * 0.8)],
  };
}

const CELL_SIDE_PADDING_MM = 1.2;

function details(input: DocumentInput, g: PageGeometry, style: FormStyle): ContentTable {
  const t = wording(input.language);
  const lang = input.language;
  const { ticket } = input;
  const empty: TableCell = { text: '' };

  const sectionRow = (title: string): TableCell[] => [
    { text: title, bold: true, colSpan: 4, fillColor: '#e6e6e6', fontSize: g.pt(style.base + 0.5) },
    empty,
    empty,
    empty,
  ];
  const labelCell = (text: string): TableCell => ({ text, color: '#333333', fillColor: '#f5f5f5' });
  const pair = (l1: string, v1: string, l2: string, v2: string): TableCell[] => [labelCell(l1), { text: v1 }, labelCell(l2), { text: v2 }];
  const wide = (l: string, value: TableCell): TableCell[] => [labelCell(l), { ...(value as object), colSpan: 3 } as TableCell, empty, empty];

  const accessories = [...ticket.accessories.map((id) => vocabulary(lang, 'accessory', id))];
  if (ticket.accessoriesOther.trim()) accessories.push(ticket.accessoriesOther.trim());
  // Only what the clerk recorded: with nothing ticked the note stands alone, and with neither the form says so.
  const condition = ticket.conditionChecks.map((id) => vocabulary(lang, 'condition', id));
  const conditionNotes = ticket.conditionNotes.trim();
  const conditionText = condition.length > 0 ? joinList(lang, condition) : conditionNotes || translate(lang, 'counter.documents.conditionNotRecorded');

  const warrantyParts = [vocabulary(lang, 'warrantyStatus', ticket.warrantyStatus), vocabulary(lang, 'warrantyBasis', ticket.warrantyBasis)];
  if (ticket.purchaseDate) warrantyParts.push(`${t('purchaseDate')} ${formatCalendarDate(ticket.purchaseDate, lang)}`);
  if (ticket.proofOfPurchase && ticket.warrantyBasis !== 'proof_within_period') warrantyParts.push(t('proofShown'));

  const feeText = ticket.feeConsent ? t('feeExplained') : t('feeNotNeeded');
  const passcodeText = ticket.hasPasscode ? t('passcodeRecorded') : t('passcodeNone');

  const body: TableCell[][] = [
    sectionRow(t('customer')),
    pair(t('name'), ticket.customer.name, t('phone'), ticket.customer.phone),
    wide(t('address'), { text: ticket.customer.address || ' ' }),
    sectionRow(t('device')),
    pair(t('deviceType'), vocabulary(lang, 'deviceType', ticket.deviceType), t('brand'), ticket.brand),
    pair(t('model'), ticket.model, t('serial'), ticket.serial || '—'),
    pair(t('colour'), ticket.colour || '—', t('passcode'), passcodeText),
    wide(t('accessories'), { text: accessories.length > 0 ? joinList(lang, accessories) : t('none') }),
    wide(t('condition'), { text: conditionText }),
  ];
  if (condition.length > 0 && conditionNotes) body.push(wide(t('conditionNotes'), { text: ticket.conditionNotes }));
  body.push(
    wide(t('fault'), { text: ticket.fault, bold: true }),
    wide(t('customerRequest'), { text: ticket.customerRequest || '—' }),
    wide(t('warranty'), { text: warrantyParts.join(lang === 'zh-CN' ? '；' : '; ') }),
    wide(t('data'), { text: vocabulary(lang, 'dataAnswer', ticket.dataAnswer) }),
    wide(t('feeStandard'), { text: feeText }),
    sectionRow(t('money')),
    pair(t('estimate'), formatAmount(ticket.estimateMinor, ticket.currency, lang), t('deposit'), depositText(ticket, lang)),
    pair(
      t('promisedDate'),
      ticket.promisedDate ? formatCalendarDate(ticket.promisedDate, lang) : t('toBeConfirmed'),
      t('technician'),
      ticket.technicianName ?? t('notAssigned'),
    ),
    wide(t('clerk'), { text: ticket.clerkName ?? '—' }),
  );

  const layout: CustomTableLayout = {
    hLineWidth: () => g.pt(0.5),
    vLineWidth: () => g.pt(0.5),
    hLineColor: () => '#888888',
    vLineColor: () => '#888888',
    paddingLeft: () => g.mm(CELL_SIDE_PADDING_MM),
    paddingRight: () => g.mm(CELL_SIDE_PADDING_MM),
    paddingTop: () => g.mm(style.cellPaddingMm),
    paddingBottom: () => g.mm(style.cellPaddingMm),
  };
  // Fixed widths, so that a long unbreakable word wraps inside its cell instead of widening the table.
  const label = g.mm(style.labelColumnMm);
  const reserved = 4 * 2 * g.mm(CELL_SIDE_PADDING_MM) + 5 * g.pt(0.5);
  const value = (g.mm(g.contentWidthMm) - 2 * label - reserved) / 2;
  return {
    table: { widths: [label, value, label, value], body, headerRows: 0 },
    layout,
    margin: [0, 0, 0, g.mm(style.gapMm)],
  };
}

function terms(input: DocumentInput, g: PageGeometry, style: FormStyle): Content {
  const t = wording(input.language);
  return {
    stack: [
      { text: t('terms'), bold: true, fontSize: g.pt(style.base), margin: [0, 0, 0, g.mm(0.8)] },
      { ol: intakeTerms(input), fontSize: g.pt(style.small), color: '#222222' },
    ],
    margin: [0, 0, 0, g.mm(style.gapMm + 1)],
  };
}

function signatures(input: DocumentInput, g: PageGeometry, style: FormStyle): Content {
  const t = wording(input.language);
  const gapMm = 10;
  const columnMm = (g.contentWidthMm - gapMm) / 2;
  const line = (labelText: string): Column => ({
    width: g.mm(columnMm),
    stack: [
      { text: labelText, bold: true },
      { canvas: [{ type: 'line', x1: 0, y1: g.mm(style.signatureSpaceMm), x2: g.mm(columnMm), y2: g.mm(style.signatureSpaceMm), lineWidth: g.pt(0.7) }] },
      { text: `${t('signatureDate')}${t('colon').trim()}`, margin: [0, g.mm(1.5), 0, 0], fontSize: g.pt(style.small) },
    ],
  });
  return {
    unbreakable: true,
    stack: [
      { text: t('signatureNote'), fontSize: g.pt(style.small), margin: [0, 0, 0, g.mm(style.gapMm * 0.6)] },
      { columns: [line(t('customerSignature')), line(t('shopSignature'))], columnGap: g.mm(gapMm) },
    ],
  };
}
