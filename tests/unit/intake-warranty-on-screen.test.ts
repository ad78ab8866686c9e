// The intake screen works the warranty out itself, by the shared rule: for the
// same device on the desk's day it must say what main answers (warranty.assess)
// and applies at check-in.
import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/calendar';
import { deviceWarranty } from '../../src/renderer/src/intake/device-warranty';
import { fixedClock, openTestDesk } from '../support/desk';

describe('the warranty the intake screen shows', () => {
  it('is what main answers for the same device on the desk’s day', async () => {
    const clock = fixedClock('2026-11-23T10:00:00');
    const desk = await openTestDesk({ clock });
    try {
      const { warrantyMonths } = await desk.call('settings.get', {});
      const today = localIsoDate(clock.now());
      const devices = [
        [null, false],
        ['2026-06-01', false],
        ['2026-06-01', true],
        ['2025-11-24', true],
        ['2025-11-23', true],
        ['2026-11-07', true],
        ['2026-11-16', true],
        ['2026-11-23', true],
      ] as const;
      for (const [purchaseDate, proofOfPurchase] of devices) {
        const main = await desk.call('warranty.assess', { purchaseDate, proofOfPurchase });
        expect(
          deviceWarranty({ purchaseDate: purchaseDate ?? '', proofOfPurchase }, today, warrantyMonths),
          `bought ${purchaseDate}, proof ${proofOfPurchase}`,
        ).toEqual(main);
      }
    } finally {
      await desk.dispose();
    }
  });

  it('counts a date still being typed as none, and gives no answer for a day that does not exist', () => {
    expect(deviceWarranty({ purchaseDate: '2026-06', proofOfPurchase: true }, '2026-11-23', 12)).toMatchObject({
      status: 'out_of_warranty',
      basis: 'no_purchase_date',
    });
    expect(deviceWarranty({ purchaseDate: '2026-02-30', proofOfPurchase: true }, '2026-11-23', 12)).toBeUndefined();
    expect(deviceWarranty({ purchaseDate: '2026-06-01', proofOfPurchase: true }, '2026-11-23', 12)).toMatchObject({ status: 'in_warranty' });
  });
});
