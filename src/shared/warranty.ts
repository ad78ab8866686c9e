// The shop's warranty rule at intake.
// - In warranty: the purchase date is known, proof of purchase or the warranty
//   card was shown, and today is within the warranty months (one year usually).
// - Out of warranty otherwise; the basis says why, for the intake form.
// - The fee standard must be read out whenever the repair may be charged: out of
//   warranty, or in warranty but more than 15 days after purchase (software
//   problems are then charged under the fee standard).
// - Within 7 days of purchase a product with a quality problem may be returned
//   or exchanged instead of repaired.
import type { WarrantyAssessment } from './contract';
import { addDays, addMonths, daysBetween } from './calendar';

export const SOFTWARE_FREE_DAYS = 15;
export const RETURN_WINDOW_DAYS = 7;

export interface WarrantyFacts {
  purchaseDate: string | null;
  proofOfPurchase: boolean;
  today: string;
  warrantyMonths: number;
}

export function assessWarranty({ purchaseDate, proofOfPurchase, today, warrantyMonths }: WarrantyFacts): WarrantyAssessment {
  if (purchaseDate === null) {
    return { status: 'out_of_warranty', basis: 'no_purchase_date', coveredUntil: null, mayBeCharged: true, withinReturnWindow: false };
  }
  // The last covered day is the day before the same date N months later.
  const coveredUntil = addDays(addMonths(purchaseDate, warrantyMonths), -1);
  const age = daysBetween(purchaseDate, today);
  const withinReturnWindow = proofOfPurchase && age >= 0 && age <= RETURN_WINDOW_DAYS;
  if (!proofOfPurchase) {
    return { status: 'out_of_warranty', basis: 'no_proof', coveredUntil, mayBeCharged: true, withinReturnWindow: false };
  }
  if (today > coveredUntil) {
    return { status: 'out_of_warranty', basis: 'proof_expired', coveredUntil, mayBeCharged: true, withinReturnWindow: false };
  }
  return {
    status: 'in_warranty',
    basis: 'proof_within_period',
    coveredUntil,
    mayBeCharged: age > SOFTWARE_FREE_DAYS,
    withinReturnWindow,
  };
}
