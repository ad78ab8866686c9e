// 日结单 — the day close as it was stored: period, takings by method, deposits,
// refunds, voids, discounts, tickets, and the cash count with its difference,
// with a line for the manager's signature. On an 80 mm roll or on A4. Prints
// only what the record holds.
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Language } from '../../../shared/domain';
import type { DayCloseRecord } from '../../../shared/figures-contract';
import { translate } from '../../../shared/i18n/translate';
import { pageGeometry, type PageGeometry } from './layout';
import { resolvePreset } from './presets';
import { FONT_FAMILY, formatAmount, formatCalendarDate, formatDateTime } from './shared';
import type { Calibration, ShopInfo } from './types';

export interface DayCloseDocumentInput {
  record: DayCloseRecord;
  shop: ShopInfo;
  language: Language;
  printedAt: Date;
  /** 'roll-80' (default) or 'a4'. */
  preset?: 'roll-80' | 'a4';
  calibration?: Calibration;
}

const SIZES = { 'roll-80': { base: 8.5, small: 7, title: 12 }, a4: { base: 10, small: 8.5, title: 16 } } as const;

function table(g: PageGeometry, rows: TableCell[][], widths: (string | number)[]): Content {
  const layout: CustomTableLayout = {
    hLineWidth: () => 0,
    vLineWidth: () => 0,
    paddingLeft: (i) => (i === 0 ? 0 : g.mm(1.5)),
    paddingRight: () => 0,
    paddingTop: () => g.mm(0.3),
    paddingBottom: () => g.mm(0.3),
  };
  return { table: { widths, body: rows }, layout, margin: [0, g.mm(1), 0, 0] };
}

export function dayCloseDefinition(input: DayCloseDocumentInput): TDocumentDefinitions {
  const presetId = input.preset ?? 'roll-80';
  // The day close prints on the receipt's paper: the counter's roll or an A4 sheet.
  const g = pageGeometry(resolvePreset('receipt', presetId), input.calibration);
  const size = SIZES[presetId];
  const lang = input.language;
  const say = (key: string, vars?: Record<string, string | number>) => translate(lang, `figures.dayClose.${key}`, vars);
  const { record } = input;
  const f = record.figures;
  const money = (minor: number) => formatAmount(minor, f.currency, lang);
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold });
  const label = (text: string): TableCell => ({ text, noWrap: true });
  const rule: Content = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: g.mm(g.contentWidthMm), y2: 0, lineWidth: 0.5 }], margin: [0, g.mm(1.5), 0, g.mm(0.5)] };
  const heading = (text: string): Content => ({ text, bold: true, margin: [0, g.mm(1.5), 0, 0] });

  const content: Content[] = [];
  if (input.shop.name) content.push({ text: input.shop.name, bold: true, alignment: 'center', fontSize: g.pt(size.base + 2) });
  if (input.shop.address) content.push({ text: input.shop.address, alignment: 'center', fontSize: g.pt(size.small) });
  content.push({ text: say('documentTitle'), bold: true, alignment: 'center', fontSize: g.pt(size.title), margin: [0, g.mm(1), 0, 0] });
  content.push({ text: say('number', { number: record.number }), alignment: 'center', bold: true });
  content.push(
    table(
      g,
      [
        [label(say('businessDate')), right(formatCalendarDate(f.businessDate, lang))],
        // The span on two lines, so a roll never breaks a date in half.
        [label(say('period')), right(`${formatDateTime(f.periodFrom, lang)} –\n${formatDateTime(f.periodTo, lang)}`)],
        [label(say('closedBy')), right(record.closedBy.name)],
        [label(say('recordedBy')), right(record.recordedBy.name)],
      ],
      ['auto', '*'],
    ),
  );
  content.push(rule, heading(say('takings')));
  const methodRows: TableCell[][] = [[{ text: '' }, right(say('payments')), right(say('refundsColumn')), right(say('amount'))]];
  for (const m of f.byMethod) {
    methodRows.push([translate(lang, `figures.method.${m.method}`), right(String(m.count)), right(String(m.refundCount)), right(money(m.amountMinor))]);
  }
  if (f.depositsWithoutMethodMinor > 0) methodRows.push([translate(lang, 'figures.noMethod'), '', '', right(money(f.depositsWithoutMethodMinor))]);
  methodRows.push([{ text: say('total'), bold: true }, '', '', right(money(f.takingsMinor), true)]);
  content.push(table(g, methodRows, ['*', 'auto', 'auto', 'auto']));

  content.push(rule);
  const countRow = (label: string, c: { count: number; amountMinor: number }): TableCell[] => [label, right(String(c.count)), right(money(c.amountMinor))];
  content.push(
    table(
      g,
      [
        countRow(say('deposits'), f.deposits),
        countRow(say('refunds'), f.refunds),
        countRow(say('voids'), f.voids),
        countRow(say('discounts'), f.discounts),
        [say('ticketsIn'), right(String(f.tickets.in)), ''],
        [say('collected'), right(String(f.tickets.collected)), ''],
        [say('cancelled'), right(String(f.tickets.cancelled)), ''],
      ],
      ['*', 'auto', 'auto'],
    ),
  );

  content.push(rule, heading(say('cash')));
  const cashRows: TableCell[][] = [
    [say('openingFloat'), right(money(f.cash.openingFloatMinor))],
    [say('cashIn'), right(money(f.cash.inMinor))],
    [say('cashOut'), right(money(f.cash.outMinor))],
    [{ text: say('expected'), bold: true }, right(money(f.cash.expectedMinor), true)],
    [{ text: say('counted'), bold: true }, right(money(record.countedCashMinor), true)],
  ];
  const diffLabel = record.differenceMinor === 0 ? say('difference') : `${say('difference')} (${say(record.differenceMinor > 0 ? 'over' : 'short')})`;
  cashRows.push([{ text: diffLabel, bold: true }, right(money(record.differenceMinor), true)]);
  content.push(table(g, cashRows, ['*', 'auto']));
  if (record.denominations && record.denominations.length > 0) {
    const rows: TableCell[][] = record.denominations.map((d) => [money(d.faceMinor), right(`× ${d.count}`), right(money(d.faceMinor * d.count))]);
    content.push(table(g, rows, ['*', 'auto', 'auto']));
  }
  if (record.note.trim()) content.push({ text: `${say('note')}: ${record.note}`, margin: [0, g.mm(1.5), 0, 0] });
  content.push({ text: say('signature'), margin: [0, g.mm(6), 0, 0], fontSize: g.pt(size.small) });
  content.push({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: g.mm(Math.min(60, g.contentWidthMm)), y2: 0, lineWidth: 0.5 }], margin: [0, g.mm(6), 0, 0] });
  content.push({
    text: say('printedAt', { date: formatDateTime(input.printedAt, lang) }),
    fontSize: g.pt(size.small),
    color: '#444444',
    alignment: 'center',
    margin: [0, g.mm(2), 0, 0],
  });
  return {
    pageSize: g.pageSize,
    pageMargins: g.pageMargins,
    info: {
      title: `${say('documentTitle')} ${record.number}`,
      author: input.shop.name || undefined,
      creator: 'Repair Desk',
      producer: 'Repair Desk',
      creationDate: input.printedAt,
    },
    language: lang,
    defaultStyle: { font: FONT_FAMILY, fontSize: g.pt(size.base), lineHeight: 1.15 },
    content,
  };
}
