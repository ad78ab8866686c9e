// A device's warranty status as the intake form has it so far, by the rule main
// applies at check-in (src/shared/warranty.ts).
import type { WarrantyAssessment } from '../../../shared/contract';
import { calendarDate } from '../../../shared/schema-helpers';
import { assessWarranty } from '../../../shared/warranty';
import type { DeviceDraft } from './draft';

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A date still being typed counts as none; a complete one that is no real day gets no assessment (main refuses it). */
export function deviceWarranty(
  device: Pick<DeviceDraft, 'purchaseDate' | 'proofOfPurchase'>,
  today: string,
  warrantyMonths: number,
): WarrantyAssessment | undefined {
  const typed = CALENDAR_DAY.test(device.purchaseDate) ? device.purchaseDate : null;
  if (typed !== null && !calendarDate.safeParse(typed).success) return undefined;
  return assessWarranty({ purchaseDate: typed, proofOfPurchase: device.proofOfPurchase, today, warrantyMonths });
}
