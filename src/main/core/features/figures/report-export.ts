// A report as a file: CSV (UTF-8 with a byte-order mark, so Excel opens the
// Chinese right), XLSX (one sheet per part, money as numbers in yuan) or the
// printable A4 PDF. All three are made from the same tables (report-tables).
import ExcelJS from 'exceljs';
import type { Language } from '../../../../shared/domain';
import type { Report, ReportFile } from '../../../../shared/figures-contract';
import { translate } from '../../../../shared/i18n/translate';
import { reportTables, type Cell } from '../../documents/report-tables';

function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return cell;
  if ('money' in cell) return (cell.money / 100).toFixed(2);
  return `${(cell.share * 100).toFixed(1)}%`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function reportCsv(report: Report, language: Language): Buffer {
  const lines: string[] = [csvField(translate(language, 'figures.reports.rangeValue', { from: report.from, to: report.to }))];
  for (const table of reportTables(report, language)) {
    lines.push('', csvField(table.title), table.columns.map(csvField).join(','));
    for (const row of table.rows) lines.push(row.map((cell) => csvField(csvText(cell))).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

export async function reportXlsx(report: Report, language: Language): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Repair Desk';
  const tables = reportTables(report, language);
  const sheets = new Map<string, ExcelJS.Worksheet>();
  for (const table of tables) {
    let sheet = sheets.get(table.sheet);
    if (!sheet) {
      sheet = workbook.addWorksheet(translate(language, `figures.reports.sheet.${table.sheet}`));
      sheet.addRow([translate(language, 'figures.reports.rangeValue', { from: report.from, to: report.to })]).font = { bold: true };
      sheet.getColumn(1).width = 28;
      for (let c = 2; c <= 6; c += 1) sheet.getColumn(c).width = 16;
      sheets.set(table.sheet, sheet);
    } else {
      sheet.addRow([]);
    }
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) {
      const added = sheet.addRow(
        row.map((cell) => (cell === null ? null : typeof cell === 'object' ? ('money' in cell ? cell.money / 100 : cell.share) : cell)),
      );
      row.forEach((cell, index) => {
        if (cell !== null && typeof cell === 'object') added.getCell(index + 1).numFmt = 'money' in cell ? '#,##0.00' : '0.0%';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reportFileName(report: Report, extension: string): string {
  return `report-${report.from}-${report.to}.${extension}`;
}

export const REPORT_MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export function reportFile(report: Report, format: keyof typeof REPORT_MIME, content: Buffer): ReportFile {
  return { fileName: reportFileName(report, format), mimeType: REPORT_MIME[format], base64: content.toString('base64') };
}
