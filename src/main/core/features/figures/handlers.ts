// Handlers of the figures channels: the day close
// and the reports. Day closes are a manager's (their own session, or a clerk's
// session with a manager's PIN for closing); reports are for anyone signed in,
// with part costs and margins for managers only.
import type { FeatureHandlers } from '../../handler-map';
import type { figuresChannels } from '../../../../shared/figures-contract';
import { acting } from '../../acting';
import { dayCloseDefinition } from '../../documents/day-close';
import { requireActor, requireManagerApproval, requireManagerRole } from '../staff';
import { closeDay, getDayClose, listDayCloses, openDayFigures } from './day-close';
import { printFiguresDocument, shopOf } from './figures-printing';
import { loadSettings } from '../settings';
import { reportHandlers } from './report-handlers';

export const figuresHandlers: FeatureHandlers<typeof figuresChannels> = {
  'dayClose.preview': (input, ctx) =>
    ctx.db.read(async (tx) => {
      requireManagerRole(await requireActor(tx, ctx, input.session));
      return openDayFigures(tx, await loadSettings(tx), ctx.clock.now(), input.openingFloatMinor);
    }),
  'dayClose.close': (input, ctx) =>
    acting(ctx, input.session, input.managerApproval, async ({ tx, actor, approver, settings, now }) =>
      closeDay(tx, actor, await requireManagerApproval(tx, actor, approver), input, settings, now),
    ),
  'dayClose.list': (input, ctx) =>
    ctx.db.read(async (tx) => {
      requireManagerRole(await requireActor(tx, ctx, input.session));
      return listDayCloses(tx, input.limit);
    }),
  'dayClose.get': (input, ctx) =>
    ctx.db.read(async (tx) => {
      requireManagerRole(await requireActor(tx, ctx, input.session));
      return getDayClose(tx, input.number);
    }),
  'dayClose.print': async (input, ctx) => {
    const { record, settings } = await ctx.db.read(async (tx) => {
      requireManagerRole(await requireActor(tx, ctx, input.session));
      return { record: await getDayClose(tx, input.number), settings: await loadSettings(tx) };
    });
    const now = ctx.clock.now();
    return printFiguresDocument(ctx, settings, 'day-close', `day-close-${String(record.number).padStart(4, '0')}`, (calibration) =>
      dayCloseDefinition({
        record,
        shop: shopOf(settings),
        language: settings.language,
        printedAt: now,
        preset: settings.figuresPrinting['day-close'].preset,
        calibration,
      }),
    );
  },
  ...reportHandlers,
};
