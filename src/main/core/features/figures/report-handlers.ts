// Handlers of the report channels (joined into the figures feature through
// its handlers.ts): anyone signed in may see and export a report; part
// costs and margins are included for managers only.
import type { Handlers } from '../../handler-map';
import type { figuresChannels } from '../../../../shared/figures-contract';
import type { DeskContext } from '../../context';
import { reportDefinition } from '../../documents/report';
import { requireActor } from '../staff';
import { printFiguresDocument, shopOf } from './figures-printing';
import { buildReport } from './reports';
import { reportCsv, reportFile, reportXlsx } from './report-export';
import { loadSettings } from '../settings';

/** The figures' report channels (the day close has its own handlers). */
type ReportChannel = Extract<keyof typeof figuresChannels, `reports.${string}`>;

async function readReport(ctx: DeskContext, input: { session: string; from: string; to: string }) {
  return ctx.db.read(async (tx) => {
    const actor = await requireActor(tx, ctx, input.session);
    const settings = await loadSettings(tx);
    const report = await buildReport(tx, input.from, input.to, settings, { withParts: actor.role === 'manager', now: ctx.clock.now() });
    return { report, settings };
  });
}

export const reportHandlers: Pick<Handlers, ReportChannel> = {
  'reports.get': async (input, ctx) => (await readReport(ctx, input)).report,
  'reports.export': async (input, ctx) => {
    const { report, settings } = await readReport(ctx, input);
    if (input.format === 'csv') return reportFile(report, 'csv', reportCsv(report, settings.language));
    if (input.format === 'xlsx') return reportFile(report, 'xlsx', await reportXlsx(report, settings.language));
    const pdf = await ctx.documents.render(reportDefinition({ report, shop: shopOf(settings), language: settings.language, printedAt: ctx.clock.now() }));
    return reportFile(report, 'pdf', pdf);
  },
  'reports.print': async (input, ctx) => {
    const { report, settings } = await readReport(ctx, input);
    const now = ctx.clock.now();
    return printFiguresDocument(ctx, settings, 'report', `report-${report.from}-${report.to}`, (calibration) =>
      reportDefinition({ report, shop: shopOf(settings), language: settings.language, printedAt: now, calibration }),
    );
  },
};
