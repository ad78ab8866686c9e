import { describe, expect, it } from 'vitest';
import { addMonths, addDays, daysBetween } from '../../src/shared/calendar';
import { assessWarranty } from '../../src/shared/warranty';

describe('calendar arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-23', 12, '2026-11-23'],
    ['2025-12-15', 2, '2026-02-15'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it('adds days and counts them across months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-11-08', '2026-11-23')).toBe(15);
  });
});

describe('warranty at intake (12 months, today 2026-11-23)', () => {
  const today = '2026-11-23';
  const assess = (purchaseDate: string | null, proofOfPurchase: boolean, warrantyMonths = 12) =>
    assessWarranty({ purchaseDate, proofOfPurchase, today, warrantyMonths });

  it.each([
    // purchase, proof, status, basis, may be charged, return window
    [null, false, 'out_of_warranty', 'no_purchase_date', true, false],
    [null, true, 'out_of_warranty', 'no_purchase_date', true, false],
    ['2026-06-01', false, 'out_of_warranty', 'no_proof', true, false],
    ['2026-06-01', true, 'in_warranty', 'proof_within_period', true, false],
    ['2025-11-24', true, 'in_warranty', 'proof_within_period', true, false], // last covered day is today
    ['2025-11-23', true, 'out_of_warranty', 'proof_expired', true, false], // covered until yesterday
    ['2026-11-08', true, 'in_warranty', 'proof_within_period', false, false], // day 15: software still free
    ['2026-11-07', true, 'in_warranty', 'proof_within_period', true, false], // day 16: software charged
    ['2026-11-16', true, 'in_warranty', 'proof_within_period', false, true], // day 7: may return or exchange
    ['2026-11-15', true, 'in_warranty', 'proof_within_period', false, false], // day 8
    ['2026-11-23', true, 'in_warranty', 'proof_within_period', false, true], // bought today
  ] as const)('bought %s, proof %s → %s (%s)', (purchaseDate, proof, status, basis, mayBeCharged, withinReturnWindow) => {
    expect(assess(purchaseDate, proof)).toMatchObject({ status, basis, mayBeCharged, withinReturnWindow });
  });

  it('reports the last covered day', () => {
    expect(assess('2026-06-01', true).coveredUntil).toBe('2027-05-31');
    expect(assess('2026-06-01', true, 24).coveredUntil).toBe('2028-05-31');
  });

  it('a shop with no warranty months covers nothing', () => {
    expect(assess('2026-11-23', true, 0)).toMatchObject({ status: 'out_of_warranty', basis: 'proof_expired' });
  });
});
