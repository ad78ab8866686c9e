// The intake screen checks the check-in's rules (dates, deposit, condition,
// fee consent) with the same shared function main applies: for the same intake
// on the desk's day, the screen names the fields and codes main refuses with.
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/shared/calendar';
import { deviceWarranty } from '../../src/renderer/src/intake/device-warranty';
import { emptyDevice, emptyIntake, type DeviceDraft } from '../../src/renderer/src/intake/draft';
import { checkIntakePayload } from '../../src/renderer/src/intake/payload';
import { serverFieldErrors } from '../../src/renderer/src/forms/field-errors';
import { fixedClock, openTestDesk, sampleIntake } from '../support/desk';
import { firstItem } from '../support/lists';

/** One intake case, as main receives it and as the clerk typed it. */
interface Case {
  label: string;
  device: Record<string, unknown>;
  typed: Partial<DeviceDraft>;
}

describe('the intake rules the screen checks', () => {
  it('refuse the same fields with the same codes as main, case by case', async () => {
    const clock = fixedClock('2026-11-23T10:00:00');
    const desk = await openTestDesk({ clock });
    try {
      const today = localIsoDate(clock.now());
      const tomorrow = addDays(today, 1);
      const yesterday = addDays(today, -1);
      const cases: Case[] = [
        { label: 'bought tomorrow', device: { purchaseDate: tomorrow, proofOfPurchase: true }, typed: { purchaseDate: tomorrow, proofOfPurchase: true } },
        { label: 'promised yesterday', device: { promisedDate: yesterday }, typed: { promisedDate: yesterday } },
        { label: 'deposit over the estimate', device: { estimateMinor: 10000, depositMinor: 20000 }, typed: { estimateText: '100', depositText: '200' } },
        { label: 'may be charged, no consent', device: { feeConsent: false }, typed: { feeConsent: false } },
        { label: 'a laptop check on a phone', device: { conditionChecks: ['hinge_loose'] }, typed: { conditionChecks: ['hinge_loose'] } },
        { label: 'all is well', device: {}, typed: {} },
      ];
      const check = async (label: string, settingsChange: Record<string, unknown>, cases: Case[]) => {
        if (Object.keys(settingsChange).length > 0) await desk.call('settings.update', settingsChange);
        const settings = await desk.call('settings.get', {});
        for (const { label: caseLabel, device, typed } of cases) {
          const main = await desk.dispatch('intake.checkIn', { ...sampleIntake({ device }), session: desk.sessionFor('clerk') });
          const mainFields = main.ok ? {} : serverFieldErrors(main.error.fields);
          // The same intake as the clerk types it: text where the form takes text (money, dates).
          const sent = firstItem(sampleIntake().devices);
          const drafted: DeviceDraft = {
            ...emptyDevice(),
            ...sent,
            // What the sample leaves unset is left empty on the form.
            purchaseDate: sent.purchaseDate ?? '',
            promisedDate: sent.promisedDate ?? '',
            estimateText: String(sent.estimateMinor / 100),
            depositText: String(sent.depositMinor / 100),
            ...typed,
          };
          const draft = { ...emptyIntake(), customer: { ...emptyIntake().customer, ...sampleIntake().customer }, devices: [drafted] };
          const warranties = { [drafted.key]: deviceWarranty(drafted, today, settings.warrantyMonths) };
          const screen = checkIntakePayload(draft, { settings, warranties, today });
          expect(screen.ok ? {} : screen.errors, `${label}: ${caseLabel}`).toEqual(mainFields);
          // The cases are refusals but for the two that are well: each says so on both sides.
          expect(main.ok, `${label}: ${caseLabel}`).toBe(caseLabel === 'all is well' || caseLabel === 'only notes');
        }
      };
      await check('as set up', {}, cases);
      // A shop that requires the device's condition: a device with neither checks nor notes is refused on both sides.
      await check('condition required', { conditionRequired: true }, [
        { label: 'no condition recorded', device: { conditionChecks: [], conditionNotes: '' }, typed: { conditionChecks: [], conditionNotes: '  ' } },
        {
          label: 'only notes',
          device: { conditionChecks: [], conditionNotes: 'scuffed corner' },
          typed: { conditionChecks: [], conditionNotes: 'scuffed corner' },
        },
      ]);
    } finally {
      await desk.dispose();
    }
  });
});
