// Warranty rules line by line: the "software problem more than 15 days after
// purchase" rule charges software labour, never a replaced part; labour is
// software or hardware by its fee item, or by the diagnosis when the item is
// general or the line was typed. The quote service prices its fee items so.
import { describe, expect, it } from 'vitest';
import { priceLine, priceQuote, type PriceLineInput, type PricingFacts } from '../../src/main/core/rules/pricing';
import type { FaultCategory, PricingReason } from '../../src/shared/workflow';
import { openTestDesk } from '../support/desk';
import { setUpCrew, feeItemId, addPart, checkIn } from '../support/workflow';

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
  ];
  it.each(cases)('%s', (_label, overrides, line, charged, reason) => {
    expect(priceLine(facts(overrides), line)).toMatchObject({ chargedMinor: charged, reason });
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
});
