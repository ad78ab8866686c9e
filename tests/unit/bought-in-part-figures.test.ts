// A part bought in for one repair counts as parts in the figures: the parts
// value of the work a technician finished, what was charged for parts on the
// tickets collected, and its cost and margin in the managers' parts figures,
// the same from the stored day rows as from the tickets.
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/main/core/features/figures/reports';
import { reportTables } from '../../src/main/core/documents/report-tables';
import { fixedClock, openTestDesk } from '../support/desk';
import { checkIn, diagnoseAndQuote, feeItemId, setUpCrew, signaturePng } from '../support/workflow';
import { firstItem } from '../support/lists';

const DAY = '2026-11-23';

describe('a bought-in part in the figures', () => {
  it('counts its charge as parts, stored as live', async () => {
    const clock = fixedClock(`${DAY}T03:00:00Z`);
    const desk = await openTestDesk({ clock });
    try {
      const crew = await setUpCrew(desk);
      const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
      const session = crew.technician.session;
      const lines = [
        { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'screen_replacement') },
        { kind: 'bought_part' as const, description: 'OLED screen', qty: 2, unitPriceMinor: 30000, unitCostMinor: 21000, supplier: '' },
      ];
      await diagnoseAndQuote(desk, session, ticket.id, { lines });
      await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
      const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
      await desk.call('approvals.record', { session, ticketId: ticket.id, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
      for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus });
      const due = (await desk.call('collection.get', { ticketId: ticket.id })).balanceMinor;
      await desk.call('collection.pay', { session: crew.clerk.session, ticketId: ticket.id, method: 'cash', amountMinor: due, tenderedMinor: due });
      await desk.call('collection.complete', {
        session: crew.clerk.session,
        ticketId: ticket.id,
        identity: 'claim_ticket',
        signaturePng: signaturePng(120, 40),
        accessoriesReturned: [],
      });

      const settings = await desk.call('settings.get', {});
      const report = (source: 'stored' | 'live') =>
        desk.context.db.read((tx) => buildReport(tx, DAY, DAY, settings, { withParts: true, now: clock.now(), source }));
      const stored = await report('stored');
      expect(stored).toEqual(await report('live'));
      expect(stored.revenue).toMatchObject({ labourMinor: 8000, partsMinor: 60000 });
      expect(stored.technicians.find((t) => t.finished === 1)).toMatchObject({ labourMinor: 8000, partsMinor: 60000 });
      // The managers' parts figures show what the shop paid for it and the margin, in the totals too.
      expect(stored.parts?.boughtIn).toEqual({ qty: 2, costMinor: 42000, chargedMinor: 60000, marginMinor: 18000 });
      expect(stored.parts).toMatchObject({ lines: [], costMinor: 42000, chargedMinor: 60000, marginMinor: 18000 });
      // The exported and printed parts table has its own row for them, in each language.
      const partsRows = (language: 'en' | 'zh-CN') => reportTables(stored, language).find((t) => t.sheet === 'parts')?.rows;
      expect(partsRows('en')).toEqual([
        ['Bought in for single repairs (finished in the period)', 2, { money: 42000 }, { money: 60000 }, { money: 18000 }],
        ['Total', null, { money: 42000 }, { money: 60000 }, { money: 18000 }],
      ]);
      expect(partsRows('zh-CN')?.[0]?.[0]).toBe('单次维修外购件（本期完成的维修）');
      // Every cell is worded (the turnaround's day rows once printed their bare key).
      for (const language of ['en', 'zh-CN'] as const) expect(JSON.stringify(reportTables(stored, language))).not.toMatch(/figures\.reports\./);
    } finally {
      await desk.dispose();
    }
  });
});
