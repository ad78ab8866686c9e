import { describe, expect, it } from 'vitest';
import { coverageOf, priceLine, priceQuote, type DiscountInput, type PriceLineInput, type PricingFacts } from '../../src/main/core/rules/pricing';
import type { PricingReason } from '../../src/shared/workflow';

// The fault was brought in on 2026-11-23.
const FAULT_DAY = '2026-11-23';

function facts(overrides: Partial<PricingFacts> = {}): PricingFacts {
  return {
    warrantyStatus: 'in_warranty',
    purchaseDate: '2026-06-01',
    faultDate: FAULT_DAY,
    faultCategory: 'hardware',
    userCaused: false,
    reworkWithinRepairWarranty: false,
    ...overrides,
  };
}

/** Days before the fault day, as a purchase date. */
function boughtDaysBefore(days: number): string {
  const d = new Date(`${FAULT_DAY}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const labour = (unitPriceMinor: number, qty = 1): PriceLineInput => ({ kind: 'labour', qty, unitPriceMinor, coveredUnitPriceMinor: null });
const part = (unitPriceMinor: number, coveredUnitPriceMinor: number | null = null, qty = 1): PriceLineInput => ({
  kind: 'part',
  qty,
  unitPriceMinor,
  coveredUnitPriceMinor,
});

describe('what the warranty covers (coverageOf)', () => {
  const cases: [string, Partial<PricingFacts>, boolean, PricingReason][] = [
    ['in warranty, hardware, not caused by the user: free', {}, true, 'in_warranty'],
    ['in warranty, hardware, caused by the user (drop, liquid): charged', { userCaused: true }, false, 'user_caused'],
    ['out of warranty, hardware: charged', { warrantyStatus: 'out_of_warranty' }, false, 'out_of_warranty'],
    ['out of warranty, caused by the user: charged as out of warranty', { warrantyStatus: 'out_of_warranty', userCaused: true }, false, 'out_of_warranty'],
    ['out of warranty without a purchase date: charged', { warrantyStatus: 'out_of_warranty', purchaseDate: null }, false, 'out_of_warranty'],
    // The shop's software-problem rule: in warranty, software problems more than 15 days after purchase are charged.
    ['in warranty, software, bought the same day: free', { faultCategory: 'software', purchaseDate: boughtDaysBefore(0) }, true, 'software_within_15_days'],
    ['in warranty, software, 14 days after purchase: free', { faultCategory: 'software', purchaseDate: boughtDaysBefore(14) }, true, 'software_within_15_days'],
    ['in warranty, software, 15 days after purchase: free', { faultCategory: 'software', purchaseDate: boughtDaysBefore(15) }, true, 'software_within_15_days'],
    [
      'in warranty, software, 16 days after purchase: charged',
      { faultCategory: 'software', purchaseDate: boughtDaysBefore(16) },
      false,
      'software_after_15_days',
    ],
    ['in warranty, software, 11 months after purchase: charged', { faultCategory: 'software', purchaseDate: '2026-01-02' }, false, 'software_after_15_days'],
    ['in warranty, hardware, 16 days after purchase: still free', { purchaseDate: boughtDaysBefore(16) }, true, 'in_warranty'],
    [
      'out of warranty, software within 15 days (no proof): charged',
      { warrantyStatus: 'out_of_warranty', faultCategory: 'software', purchaseDate: boughtDaysBefore(3) },
      false,
      'out_of_warranty',
    ],
    // 返修: a repair returned within the repair warranty is free, even out of warranty and for software.
    [
      'rework within the repair warranty, out of warranty: free',
      { reworkWithinRepairWarranty: true, warrantyStatus: 'out_of_warranty' },
      true,
      'rework_within_repair_warranty',
    ],
    [
      'rework within the repair warranty, software months after purchase: free',
      { reworkWithinRepairWarranty: true, faultCategory: 'software', purchaseDate: '2026-01-02' },
      true,
      'rework_within_repair_warranty',
    ],
    ['rework within the repair warranty, in warranty: free as rework', { reworkWithinRepairWarranty: true }, true, 'rework_within_repair_warranty'],
    [
      'rework, but the new fault was caused by the user: charged',
      { reworkWithinRepairWarranty: true, warrantyStatus: 'out_of_warranty', userCaused: true },
      false,
      'user_caused',
    ],
  ];

  it.each(cases)('%s', (_label, overrides, covered, reason) => {
    expect(coverageOf(facts(overrides))).toEqual({ covered, reason });
  });
});

describe('pricing a line (priceLine)', () => {
  const cases: [
    string,
    Partial<PricingFacts>,
    PriceLineInput,
    { lineTotalMinor: number; coveredMinor: number; chargedMinor: number; free: boolean; reason: PricingReason },
  ][] = [
    ['labour in warranty', {}, labour(8000), { lineTotalMinor: 8000, coveredMinor: 8000, chargedMinor: 0, free: true, reason: 'in_warranty' }],
    ['two parts in warranty', {}, part(30000, null, 2), { lineTotalMinor: 60000, coveredMinor: 60000, chargedMinor: 0, free: true, reason: 'in_warranty' }],
    [
      'a part out of warranty, at the price list',
      { warrantyStatus: 'out_of_warranty' },
      part(60000),
      { lineTotalMinor: 60000, coveredMinor: 0, chargedMinor: 60000, free: false, reason: 'out_of_warranty' },
    ],
    // Upgrades under warranty charge the difference.
    [
      'an upgrade under warranty: the difference',
      {},
      part(80000, 50000),
      { lineTotalMinor: 80000, coveredMinor: 50000, chargedMinor: 30000, free: false, reason: 'upgrade_difference' },
    ],
    [
      'two upgrades under warranty',
      {},
      part(80000, 50000, 2),
      { lineTotalMinor: 160000, coveredMinor: 100000, chargedMinor: 60000, free: false, reason: 'upgrade_difference' },
    ],
    [
      'a "covered" price not below the part: free',
      {},
      part(50000, 50000),
      { lineTotalMinor: 50000, coveredMinor: 50000, chargedMinor: 0, free: true, reason: 'in_warranty' },
    ],
    [
      'an upgrade on a rework: the difference',
      { reworkWithinRepairWarranty: true, warrantyStatus: 'out_of_warranty' },
      part(80000, 50000),
      { lineTotalMinor: 80000, coveredMinor: 50000, chargedMinor: 30000, free: false, reason: 'upgrade_difference' },
    ],
    [
      'an upgrade out of warranty: everything',
      { warrantyStatus: 'out_of_warranty' },
      part(80000, 50000),
      { lineTotalMinor: 80000, coveredMinor: 0, chargedMinor: 80000, free: false, reason: 'out_of_warranty' },
    ],
    [
      'an upgrade the user caused: everything',
      { userCaused: true },
      part(80000, 50000),
      { lineTotalMinor: 80000, coveredMinor: 0, chargedMinor: 80000, free: false, reason: 'user_caused' },
    ],
  ];

  it.each(cases)('%s', (_label, overrides, line, expected) => {
    expect(priceLine(facts(overrides), line)).toEqual(expected);
  });
});

describe('the fee standard examples of the domain brief', () => {
  // 电脑收费标准: in warranty, software problems more than 15 days after purchase are
  // charged; simple handling 50 yuan, a system reinstall 100 yuan.
  const SIMPLE = 5000;
  const REINSTALL = 10000;
  const cases: [string, Partial<PricingFacts>, number, number][] = [
    ['simple handling, in warranty, 10 days after purchase', { faultCategory: 'software', purchaseDate: boughtDaysBefore(10) }, SIMPLE, 0],
    ['simple handling, in warranty, 20 days after purchase', { faultCategory: 'software', purchaseDate: boughtDaysBefore(20) }, SIMPLE, 5000],
    ['system reinstall, in warranty, 15 days after purchase', { faultCategory: 'software', purchaseDate: boughtDaysBefore(15) }, REINSTALL, 0],
    ['system reinstall, in warranty, 16 days after purchase', { faultCategory: 'software', purchaseDate: boughtDaysBefore(16) }, REINSTALL, 10000],
    ['system reinstall, out of warranty', { faultCategory: 'software', warrantyStatus: 'out_of_warranty' }, REINSTALL, 10000],
    [
      'system reinstall returned within the repair warranty',
      { faultCategory: 'software', reworkWithinRepairWarranty: true, purchaseDate: boughtDaysBefore(200) },
      REINSTALL,
      0,
    ],
  ];

  it.each(cases)('%s', (_label, overrides, price, total) => {
    const quote = priceQuote(facts(overrides), [labour(price)], null, 10);
    expect(quote.totals.totalMinor).toBe(total);
    expect(quote.totals.subtotalMinor).toBe(price);
  });
});

describe('discounts and totals (priceQuote)', () => {
  const OUT: Partial<PricingFacts> = { warrantyStatus: 'out_of_warranty' };
  const discount = (kind: 'percent' | 'amount', value: number): DiscountInput => ({ kind, value, reason: 'regular customer' });

  const cases: [
    string,
    PriceLineInput[],
    DiscountInput | null,
    number,
    { discountMinor: number; totalMinor: number; needsManager: boolean; exceeds: boolean },
  ][] = [
    ['no discount', [labour(8000), part(60000)], null, 10, { discountMinor: 0, totalMinor: 68000, needsManager: false, exceeds: false }],
    [
      '10% at a 10% threshold: no manager',
      [labour(20000)],
      discount('percent', 10),
      10,
      { discountMinor: 2000, totalMinor: 18000, needsManager: false, exceeds: false },
    ],
    [
      '11% at a 10% threshold: manager',
      [labour(20000)],
      discount('percent', 11),
      10,
      { discountMinor: 2200, totalMinor: 17800, needsManager: true, exceeds: false },
    ],
    [
      '10% of an odd amount at a 10% threshold: no manager',
      [labour(5005)],
      discount('percent', 10),
      10,
      { discountMinor: 501, totalMinor: 4504, needsManager: false, exceeds: false },
    ],
    [
      'an amount at the threshold: no manager',
      [labour(20000)],
      discount('amount', 2000),
      10,
      { discountMinor: 2000, totalMinor: 18000, needsManager: false, exceeds: false },
    ],
    [
      'an amount one cent over the threshold: manager',
      [labour(20000)],
      discount('amount', 2001),
      10,
      { discountMinor: 2001, totalMinor: 17999, needsManager: true, exceeds: false },
    ],
    [
      'a threshold of 0: every discount needs a manager',
      [labour(20000)],
      discount('amount', 1),
      0,
      { discountMinor: 1, totalMinor: 19999, needsManager: true, exceeds: false },
    ],
    [
      'a threshold of 100: even 100% needs none',
      [labour(20000)],
      discount('percent', 100),
      100,
      { discountMinor: 20000, totalMinor: 0, needsManager: false, exceeds: false },
    ],
    [
      'more than is charged: cut down, never negative',
      [labour(1000)],
      discount('amount', 5000),
      10,
      { discountMinor: 1000, totalMinor: 0, needsManager: true, exceeds: true },
    ],
  ];

  it.each(cases)('%s', (_label, lines, asked, threshold, expected) => {
    const quote = priceQuote(facts(OUT), lines, asked, threshold);
    expect(quote.totals.discountMinor).toBe(expected.discountMinor);
    expect(quote.totals.totalMinor).toBe(expected.totalMinor);
    expect(quote.discountNeedsManager).toBe(expected.needsManager);
    expect(quote.discountExceedsCharge).toBe(expected.exceeds);
    expect(quote.totals.totalMinor).toBeGreaterThanOrEqual(0);
  });

  it('applies the discount to what is charged, not to what the warranty covers', () => {
    // In warranty: the labour is free, the upgrade difference (30000) is charged.
    const quote = priceQuote(facts(), [labour(8000), part(80000, 50000)], discount('percent', 10), 10);
    expect(quote.totals).toEqual({ subtotalMinor: 88000, coveredMinor: 58000, chargeableMinor: 30000, discountMinor: 3000, totalMinor: 27000 });
    expect(quote.discountNeedsManager).toBe(false);
  });

  it('has nothing to discount on a free repair', () => {
    const quote = priceQuote(facts(), [labour(8000)], discount('amount', 100), 10);
    expect(quote.totals.totalMinor).toBe(0);
    expect(quote.discountExceedsCharge).toBe(true);
  });

  it('adds up mixed lines', () => {
    const quote = priceQuote(
      facts({ faultCategory: 'software', purchaseDate: boughtDaysBefore(40) }),
      [labour(5000), labour(10000), part(3000, null, 3)],
      null,
      10,
    );
    // The software rule charges the labour; the parts are hardware, free in warranty.
    expect(quote.lines.map((l) => l.reason)).toEqual(['software_after_15_days', 'software_after_15_days', 'in_warranty']);
    expect(quote.totals).toEqual({ subtotalMinor: 24000, coveredMinor: 9000, chargeableMinor: 15000, discountMinor: 0, totalMinor: 15000 });
  });
});
