// Quote pricing: line totals, what the warranty covers and why, discounts and
// the total the customer is asked to pay. Pure: the quote use case gathers the
// facts and prices from storage and calls this.
//
// The shop's rules (domain brief, "Rules and figures"):
// - A repair returned within the repair warranty (返修) is free, unless the
//   diagnosis says the user caused the new fault.
// - In warranty (在保), a fault not caused by the user is repaired free.
// - Software problems in warranty are free only within 15 days of purchase;
//   after that the software work is charged at the fee standard. The rule is
//   applied line by line: a part (from stock or bought in for the repair) is
//   hardware and stays free under warranty,
//   and labour is software or hardware by its fee item (else by the diagnosis).
// - An upgrade under warranty charges the difference over the covered part.
// - Out of warranty (过保), or caused by the user, everything is charged.
// - A discount (percent or amount, always with a reason) applies to what is
//   charged; above the shop's threshold it needs a manager. The total is never
//   negative. The deposit is not part of the quote: it is settled at collection.
import type { WarrantyStatus } from '../../../shared/domain';
import type { DiscountKind, FaultCategory, PricingReason, QuoteLineKind } from '../../../shared/workflow';
import { daysBetween } from '../../../shared/calendar';
import { SOFTWARE_FREE_DAYS } from '../../../shared/warranty';

export interface PricingFacts {
  warrantyStatus: WarrantyStatus;
  purchaseDate: string | null;
  /** The day the fault was brought in (the intake date), YYYY-MM-DD. */
  faultDate: string;
  faultCategory: FaultCategory;
  /** The diagnosis found the fault caused by the user (drop, liquid, misuse). */
  userCaused: boolean;
  /** This ticket is a repair returned within the repair warranty of an earlier one. */
  reworkWithinRepairWarranty: boolean;
}

export interface PriceLineInput {
  kind: QuoteLineKind;
  qty: number;
  unitPriceMinor: number;
  /**
   * For a part that upgrades the original under warranty: the unit price of the
   * like-for-like part the warranty would cover. Null for a plain part or labour.
   */
  coveredUnitPriceMinor: number | null;
  /** The kind of work a labour line is (its fee item's category); null or absent: the diagnosis's. Parts are hardware. */
  category?: FaultCategory | null;
}

export interface PricedLine {
  /** qty × unit price, before any coverage. */
  lineTotalMinor: number;
  /** The part of the line the warranty covers. */
  coveredMinor: number;
  /** What the customer is charged for this line. */
  chargedMinor: number;
  free: boolean;
  reason: PricingReason;
}

export interface DiscountInput {
  kind: DiscountKind;
  /** Whole percent 1-100, or an amount in minor units. */
  value: number;
  reason: string;
}

export interface QuoteTotals {
  subtotalMinor: number;
  coveredMinor: number;
  /** Subtotal less what the warranty covers: what a discount applies to. */
  chargeableMinor: number;
  discountMinor: number;
  totalMinor: number;
}

export interface PricedQuote {
  lines: PricedLine[];
  totals: QuoteTotals;
  /** The discount asked for was more than what is charged (it was cut down to it). */
  discountExceedsCharge: boolean;
  /** The discount is above the shop's threshold: a manager must approve it. */
  discountNeedsManager: boolean;
}

/** What the warranty covers for this ticket, before looking at single lines. */
export function coverageOf(facts: PricingFacts): { covered: boolean; reason: PricingReason } {
  if (facts.userCaused)
    return { covered: false, reason: facts.warrantyStatus === 'in_warranty' || facts.reworkWithinRepairWarranty ? 'user_caused' : 'out_of_warranty' };
  if (facts.reworkWithinRepairWarranty) return { covered: true, reason: 'rework_within_repair_warranty' };
  if (facts.warrantyStatus !== 'in_warranty') return { covered: false, reason: 'out_of_warranty' };
  if (facts.faultCategory === 'software') {
    const age = facts.purchaseDate === null ? Number.POSITIVE_INFINITY : daysBetween(facts.purchaseDate, facts.faultDate);
    return age > SOFTWARE_FREE_DAYS ? { covered: false, reason: 'software_after_15_days' } : { covered: true, reason: 'software_within_15_days' };
  }
  return { covered: true, reason: 'in_warranty' };
}

export function priceLine(facts: PricingFacts, line: PriceLineInput): PricedLine {
  const lineTotalMinor = line.qty * line.unitPriceMinor;
  const category: FaultCategory = line.kind === 'labour' ? (line.category ?? facts.faultCategory) : 'hardware';
  const coverage = coverageOf({ ...facts, faultCategory: category });
  if (!coverage.covered) return { lineTotalMinor, coveredMinor: 0, chargedMinor: lineTotalMinor, free: false, reason: coverage.reason };
  if (line.kind !== 'labour' && line.coveredUnitPriceMinor !== null && line.coveredUnitPriceMinor < line.unitPriceMinor) {
    const coveredMinor = line.qty * line.coveredUnitPriceMinor;
    return { lineTotalMinor, coveredMinor, chargedMinor: lineTotalMinor - coveredMinor, free: false, reason: 'upgrade_difference' };
  }
  return { lineTotalMinor, coveredMinor: lineTotalMinor, chargedMinor: 0, free: true, reason: coverage.reason };
}

export function discountAmount(chargeableMinor: number, discount: DiscountInput | null): number {
  if (discount === null) return 0;
  if (discount.kind === 'percent') return Math.round((chargeableMinor * discount.value) / 100);
  return discount.value;
}

/**
 * A percent discount is judged by the percent asked: rounding 10% of an odd
 * amount up to the cent must not make it "more than 10%". An amount is judged
 * by its share of what is charged.
 */
function discountNeedsManager(discount: DiscountInput | null, discountMinor: number, chargeableMinor: number, thresholdPercent: number): boolean {
  if (discount === null || discountMinor === 0) return false;
  if (discount.kind === 'percent') return discount.value > thresholdPercent;
  return discountMinor * 100 > chargeableMinor * thresholdPercent;
}

/**
 * Prices a whole quote. `discountThresholdPercent`: a discount of more than this
 * share of the chargeable amount needs a manager.
 */
export function priceQuote(
  facts: PricingFacts,
  lines: readonly PriceLineInput[],
  discount: DiscountInput | null,
  discountThresholdPercent: number,
): PricedQuote {
  const priced = lines.map((line) => priceLine(facts, line));
  const subtotalMinor = priced.reduce((sum, l) => sum + l.lineTotalMinor, 0);
  const coveredMinor = priced.reduce((sum, l) => sum + l.coveredMinor, 0);
  const chargeableMinor = subtotalMinor - coveredMinor;
  const requested = discountAmount(chargeableMinor, discount);
  const discountMinor = Math.min(requested, chargeableMinor);
  return {
    lines: priced,
    totals: { subtotalMinor, coveredMinor, chargeableMinor, discountMinor, totalMinor: chargeableMinor - discountMinor },
    discountExceedsCharge: requested > chargeableMinor,
    discountNeedsManager: discountNeedsManager(discount, discountMinor, chargeableMinor, discountThresholdPercent),
  };
}
