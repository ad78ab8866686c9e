// Prints a day close or a report: the document is built from what is stored,
// rendered outside any transaction and handed to the print service (which
// archives it first, under prints/day-close-0001/ or prints/report-.../).
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Settings } from '../../../../shared/contract';
import type { FiguresPrintResult } from '../../../../shared/figures-contract';
import { translate } from '../../../../shared/i18n/translate';
import type { DeskContext } from '../../context';
import type { PrintDocument } from '../printing';
import { calibrationFor, pdfPageSize } from '../printing';

export function shopOf(settings: Settings) {
  return { name: settings.shopName, address: settings.shopAddress, phone: settings.shopPhone };
}

export async function printFiguresDocument(
  ctx: DeskContext,
  settings: Settings,
  document: Extract<PrintDocument, 'day-close' | 'report'>,
  archiveName: string,
  build: (calibration: Awaited<ReturnType<typeof calibrationFor>>) => TDocumentDefinitions,
): Promise<FiguresPrintResult> {
  const { printer, copies } = settings.figuresPrinting[document];
  const pdf = await ctx.documents.render(build(await calibrationFor(ctx, settings, printer)));
  const outcome = await ctx.printing.print({ ticketNumber: archiveName, document, pdf, printer, media: pdfPageSize(pdf), copies });
  if (outcome.ok) return { ok: true, archivedPath: outcome.archivedPath, error: null };
  return {
    ok: false,
    archivedPath: outcome.archivedPath,
    error: { code: outcome.error.code, message: translate(settings.language, `errors.print.${outcome.error.code}`), detail: outcome.error.detail },
  };
}
