// 经营报表 — a report on A4: the shop, the range, then each table of the
// report (report-tables) in the report's language.
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Language } from '../../../shared/domain';
import type { Report } from '../../../shared/figures-contract';
import { translate } from '../../../shared/i18n/translate';
import { pageGeometry } from './layout';
import { resolvePreset } from './presets';
import { reportTables, type Cell } from './report-tables';
import { FONT_FAMILY, formatAmount, formatCalendarDate, formatDateTime } from './shared';
import type { Calibration, ShopInfo } from './types';

export interface ReportDocumentInput {
  report: Report;
  shop: ShopInfo;
  language: Language;
  printedAt: Date;
  calibration?: Calibration;
}

export function reportDefinition(input: ReportDocumentInput): TDocumentDefinitions {
  const g = pageGeometry(resolvePreset('receipt', 'a4'), input.calibration);
  const lang = input.language;
  const say = (key: string, vars?: Record<string, string | number>) => translate(lang, `figures.reports.${key}`, vars);
  const { report } = input;
  const text = (cell: Cell): TableCell => {
    if (cell === null) return { text: '' };
    if (typeof cell === 'string') return { text: cell };
    if (typeof cell === 'number') return { text: String(cell), alignment: 'right' };
    if ('money' in cell) return { text: formatAmount(cell.money, report.currency, lang), alignment: 'right' };
    return { text: `${(cell.share * 100).toFixed(1)}%`, alignment: 'right' };
  };
  const content: Content[] = [];
  if (input.shop.name) content.push({ text: input.shop.name, bold: true, fontSize: g.pt(11) });
  content.push({ text: say('documentTitle'), bold: true, fontSize: g.pt(16) });
  content.push({
    text: say('rangeValue', { from: formatCalendarDate(report.from, lang), to: formatCalendarDate(report.to, lang) }),
    margin: [0, 0, 0, g.mm(2)],
  });
  for (const table of reportTables(report, lang)) {
    const widths = table.columns.map((_, i) => (i === 0 ? '*' : 'auto'));
    content.push({ text: table.title, bold: true, fontSize: g.pt(11), margin: [0, g.mm(3), 0, g.mm(1)] });
    content.push({
      table: {
        headerRows: 1,
        widths,
        body: [
          table.columns.map((c, i): TableCell => ({ text: c, bold: true, alignment: i === 0 ? 'left' : 'right' })),
          ...table.rows.map((row) => row.map(text)),
        ],
      },
      layout: 'lightHorizontalLines',
    });
  }
  content.push({ text: say('printedAt', { date: formatDateTime(input.printedAt, lang) }), fontSize: g.pt(8), color: '#444444', margin: [0, g.mm(4), 0, 0] });
  return {
    pageSize: g.pageSize,
    pageMargins: g.pageMargins,
    info: {
      title: `${say('documentTitle')} ${report.from} ${report.to}`,
      author: input.shop.name || undefined,
      creator: 'Repair Desk',
      producer: 'Repair Desk',
      creationDate: input.printedAt,
    },
    language: lang,
    defaultStyle: { font: FONT_FAMILY, fontSize: g.pt(9), lineHeight: 1.15 },
    content,
  };
}
