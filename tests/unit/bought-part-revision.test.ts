// A quote revised while the customer decides carries its bought-in parts over.
// Their cost is recorded on the quote but never shown on the ticket page, so
// the revision sends no cost for them (null) and the desk keeps the one quoted;
// a part new to the quote still needs its cost.
import { describe, expect, it } from 'vitest';
import { openTestDesk } from '../support/desk';
import { checkIn, setUpCrew } from '../support/workflow';
import { firstItem } from '../support/lists';

const SCREEN = { kind: 'bought_part' as const, description: 'OLED screen 6.1"', unitPriceMinor: 68000, supplier: 'Huaqiang Parts', qty: 1 };

describe('revising a quote with a bought-in part', () => {
  it('keeps the quoted cost of a carried-over part, says it back to no one, and asks for the cost of a new one', async () => {
    const desk = await openTestDesk({ clock: { now: () => new Date('2026-11-23T03:00:00Z') } });
    try {
      const crew = await setUpCrew(desk);
      const ticket = await checkIn(desk);
      const session = crew.technician.session;
      await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' });
      await desk.call('diagnosis.save', { session, ticketId: ticket.id, category: 'hardware', cause: 'Cracked screen', severity: 2 });
      await desk.call('quotes.save', { session, ticketId: ticket.id, lines: [{ ...SCREEN, unitCostMinor: 45550 }] });

      // The revision as the ticket page sends it: the same part, its cost left to the desk.
      const preview = await desk.call('quotes.preview', { ticketId: ticket.id, lines: [{ ...SCREEN, qty: 2, unitCostMinor: null }] });
      expect(firstItem(preview.lines)).toMatchObject({ kind: 'bought_part', qty: 2, unitCostMinor: null });
      await desk.call('quotes.save', { session, ticketId: ticket.id, lines: [{ ...SCREEN, qty: 2, unitCostMinor: null }] });
      const stored: { version: number; status: string; unit_cost_minor: number; qty: number }[] = await desk.context.db.read((tx) =>
        tx.query(`SELECT q.version, q.status, ql.unit_cost_minor, ql.qty FROM quote_line ql JOIN quote q ON q.id = ql.quote_id ORDER BY q.version`),
      );
      expect(stored).toEqual([
        { version: 1, status: 'superseded', unit_cost_minor: 45550, qty: 1 },
        { version: 2, status: 'draft', unit_cost_minor: 45550, qty: 2 },
      ]);

      // A cost typed over it is the new cost; a part not on the quote before has none to keep.
      await desk.call('quotes.save', { session, ticketId: ticket.id, lines: [{ ...SCREEN, unitCostMinor: 43000 }] });
      const latest: { unit_cost_minor: number }[] = await desk.context.db.read((tx) =>
        tx.query(`SELECT ql.unit_cost_minor FROM quote_line ql JOIN quote q ON q.id = ql.quote_id WHERE q.version = 3`),
      );
      expect(latest).toEqual([{ unit_cost_minor: 43000 }]);
      const refused = await desk.fail('quotes.save', {
        session,
        ticketId: ticket.id,
        lines: [{ ...SCREEN, description: 'Battery 4000 mAh', unitCostMinor: null }],
      });
      expect(refused.fields).toEqual([{ path: 'lines.0.unitCostMinor', code: 'required' }]);
    } finally {
      await desk.dispose();
    }
  });
});
