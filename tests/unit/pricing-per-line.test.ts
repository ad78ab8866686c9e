// Warranty rules line by line: the "software problem more than 15 days after
// purchase" rule charges software labour, never a replaced part; labour is
// software or hardware by its fee item, or by the diagnosis when the item is
// general or the line was typed. The quote service prices its fee items so.
import { describe, expect, it } from 'vitest';
import { priceLine, priceQuote, type PriceLineInput, type PricingFacts } from '../../src/main/core/rules/pricing';
import type { FaultCategory, PricingReason } from '../../src/shared/workflow';
import { openTestDesk } from '../support/desk';
import { setUpCrew, feeItemId, addPart, checkIn } from '../support/workflow';
import { firstItem, onlyItem } from '../support/lists';

const FAULT_DAY = '2026-11-23';
/** In warranty, bought 40 days before the fault: past the 15 software days. */
const facts = (overrides: Partial<PricingFacts> = {}): PricingFacts => ({
  warrantyStatus: 'in_warranty',
  purchaseDate: '2026-10-14',
  faultDate: FAULT_DAY,
  faultCategory: 'software',
  userCaused: false,
  reworkWithinRepairWarranty: false,
  ...overrides,
});
const labour = (category: FaultCategory | null): PriceLineInput => ({ kind: 'labour', qty: 1, unitPriceMinor: 10000, coveredUnitPriceMinor: null, category });
const part = (): PriceLineInput => ({ kind: 'part', qty: 1, unitPriceMinor: 35000, coveredUnitPriceMinor: null });
/** A screen ordered from a supplier for this one repair. */
const bought = (qty = 1): PriceLineInput => ({ kind: 'bought_part', qty, unitPriceMinor: 68000, coveredUnitPriceMinor: null });

describe('warranty rules per line', () => {
  const cases: [string, Partial<PricingFacts>, PriceLineInput, number, PricingReason][] = [
    ['a replaced SSD on a software diagnosis, in warranty after 15 days: free', {}, part(), 0, 'in_warranty'],
    ['a system reinstall (software item) after 15 days: charged', {}, labour('software'), 10000, 'software_after_15_days'],
    [
      'a system reinstall on a hardware diagnosis after 15 days: still software, charged',
      { faultCategory: 'hardware' },
      labour('software'),
      10000,
      'software_after_15_days',
    ],
    ['a system reinstall within 15 days: free', { purchaseDate: '2026-11-13' }, labour('software'), 0, 'software_within_15_days'],
    ['screen replacement labour (hardware item) on a software diagnosis: free', {}, labour('hardware'), 0, 'in_warranty'],
    ['a typed or general labour line follows the diagnosis (software, after 15 days)', {}, labour(null), 10000, 'software_after_15_days'],
    ['a typed or general labour line follows the diagnosis (hardware)', { faultCategory: 'hardware' }, labour(null), 0, 'in_warranty'],
    ['a part out of warranty: charged', { warrantyStatus: 'out_of_warranty' }, part(), 35000, 'out_of_warranty'],
    ['a part the user broke: charged', { userCaused: true }, part(), 35000, 'user_caused'],
    ['a bought-in screen on a software diagnosis, in warranty after 15 days: hardware, free', {}, bought(), 0, 'in_warranty'],
    ['a bought-in screen within 15 days: free', { purchaseDate: '2026-11-13' }, bought(), 0, 'in_warranty'],
    ['a bought-in screen out of warranty: charged', { warrantyStatus: 'out_of_warranty' }, bought(2), 136000, 'out_of_warranty'],
    ['a bought-in screen the user broke: charged', { userCaused: true }, bought(), 68000, 'user_caused'],
    [
      'a bought-in screen on a rework within the repair warranty: free',
      { warrantyStatus: 'out_of_warranty', reworkWithinRepairWarranty: true },
      bought(),
      0,
      'rework_within_repair_warranty',
    ],
  ];
  it.each(cases)('%s', (_label, overrides, line, charged, reason) => {
    expect(priceLine(facts(overrides), line)).toMatchObject({ chargedMinor: charged, reason });
  });

  it.each([
    ['in warranty after 15 days: the screen and the SSD free, the reinstall charged', {}, { subtotalMinor: 113000, coveredMinor: 103000, totalMinor: 10000 }],
    ['out of warranty: everything charged', { warrantyStatus: 'out_of_warranty' as const }, { subtotalMinor: 113000, coveredMinor: 0, totalMinor: 113000 }],
  ])('totals a quote with a bought-in screen, a stocked SSD and a reinstall %s', (_label, overrides, totals) => {
    expect(priceQuote(facts(overrides), [bought(), part(), labour('software')], null, 10).totals).toMatchObject(totals);
  });

  it('charges only the software labour of a quote with a new SSD and a reinstall', () => {
    const quote = priceQuote(facts(), [part(), labour('software')], null, 10);
    expect(quote.totals).toMatchObject({ subtotalMinor: 45000, coveredMinor: 35000, totalMinor: 10000 });
  });

  it('is how a saved quote prices fee-standard labour and a part from stock', async () => {
    const desk = await openTestDesk({ clock: { now: () => new Date(`${FAULT_DAY}T03:00:00Z`) } });
    try {
      const crew = await setUpCrew(desk);
      const ssd = await addPart(desk, crew, { priceMinor: 35000 });
      const ticket = await checkIn(desk, { device: { purchaseDate: '2026-10-14', proofOfPurchase: true } });
      const session = crew.technician.session;
      await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' });
      await desk.call('diagnosis.save', {
        session,
        ticketId: ticket.id,
        category: 'software',
        cause: 'System will not boot; SSD failing',
        solution: 'New SSD and reinstall',
        severity: 2,
      });
      const preview = await desk.call('quotes.preview', {
        ticketId: ticket.id,
        lines: [
          { kind: 'part', partId: ssd.id },
          { kind: 'labour', feeItemId: await feeItemId(desk, 'system_reinstall') },
        ],
      });
      expect(preview.lines.map((line) => [line.kind, line.chargedMinor, line.reason])).toEqual([
        ['part', 0, 'in_warranty'],
        ['labour', 10000, 'software_after_15_days'],
      ]);
      expect(preview.totalMinor).toBe(10000);
    } finally {
      await desk.dispose();
    }
  });

  it('saves a bought-in part as hardware, keeps its cost off the ticket and leaves stock alone', async () => {
    const desk = await openTestDesk({ clock: { now: () => new Date(`${FAULT_DAY}T03:00:00Z`) } });
    try {
      const crew = await setUpCrew(desk);
      const ssd = await addPart(desk, crew, { priceMinor: 35000 });
      const ticket = await checkIn(desk, { device: { purchaseDate: '2026-10-14', proofOfPurchase: true } });
      const session = crew.technician.session;
      await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'diagnosing' });
      await desk.call('diagnosis.save', { session, ticketId: ticket.id, category: 'software', cause: 'Screen flickers after an update', severity: 2 });
      const lines = [
        { kind: 'bought_part' as const, description: 'OLED screen 6.1"', unitPriceMinor: 68000, unitCostMinor: 45550, supplier: 'Huaqiang Parts' },
        { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'system_reinstall') },
      ];
      await desk.call('quotes.save', { session, ticketId: ticket.id, lines });
      const quote = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes);
      expect(quote.lines.map((l) => [l.kind, l.description, l.chargedMinor, l.reason, l.unitCostMinor, l.supplier])).toEqual([
        ['bought_part', 'OLED screen 6.1"', 0, 'in_warranty', null, 'Huaqiang Parts'],
        ['labour', 'System reinstall', 10000, 'software_after_15_days', null, ''],
      ]);
      expect(quote).toMatchObject({ subtotalMinor: 78000, coveredMinor: 68000, totalMinor: 10000 });
      const stored: { unit_cost_minor: number; supplier: string; part_id: number | null }[] = await desk.context.db.read((tx) =>
        tx.query(`SELECT unit_cost_minor, supplier, part_id FROM quote_line WHERE kind = 'bought_part'`),
      );
      expect(stored).toEqual([{ unit_cost_minor: 45550, supplier: 'Huaqiang Parts', part_id: null }]);
      const parts = await desk.call('parts.list', { session: crew.manager.session });
      expect(parts.find((p) => p.id === ssd.id)?.qtyOnHand).toBe(ssd.qtyOnHand);
      const moves: { n: number }[] = await desk.context.db.read((tx) => tx.query(`SELECT COUNT(*) AS n FROM stock_move WHERE ticket_id = ?`, [ticket.id]));
      expect(Number(onlyItem(moves).n)).toBe(0);
      // A bought-in part needs its description and cost; printable text only.
      const refused = await desk.fail('quotes.save', {
        session,
        ticketId: ticket.id,
        lines: [{ kind: 'bought_part', description: '  ', unitPriceMinor: 100, supplier: 'A\u0007B' }],
      });
      expect(refused.fields).toEqual(
        expect.arrayContaining([
          { path: 'lines.0.description', code: 'required' },
          { path: 'lines.0.unitCostMinor', code: 'money_invalid' },
        ]),
      );
    } finally {
      await desk.dispose();
    }
  });
});
