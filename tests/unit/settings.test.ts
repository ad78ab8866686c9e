import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk';

describe('settings', () => {
  let desk: TestDesk;
  beforeEach(async () => {
    desk = await openTestDesk();
  });
  afterEach(async () => desk.dispose());

  it('start from sensible defaults for a new shop', async () => {
    expect(await desk.call('settings.get', {})).toMatchObject({
      ticketPrefix: 'RD',
      warrantyMonths: 12,
      currency: 'CNY',
      language: 'en',
      printing: {
        'intake-form': { enabled: true, printer: null, preset: 'a4', copies: 1 },
        'claim-ticket': { preset: 'roll-80' },
        'device-label': { preset: 'label-62x29' },
      },
      calibrations: {},
    });
  });

  it('change only what is given and survive a restart', async () => {
    await desk.call('settings.update', { shopName: '快修电脑 QuickFix', language: 'zh-CN' });
    await desk.call('settings.update', { calibrations: { 'Brother QL-800': { offsetXmm: 1.5, offsetYmm: -0.5, scale: 0.97 } } });
    await desk.close();
    const reopened = await openTestDesk({ dir: desk.dir });
    try {
      expect(await reopened.call('settings.get', {})).toMatchObject({
        shopName: '快修电脑 QuickFix',
        language: 'zh-CN',
        ticketPrefix: 'RD',
        calibrations: { 'Brother QL-800': { offsetXmm: 1.5, offsetYmm: -0.5, scale: 0.97 } },
      });
    } finally {
      await reopened.close();
    }
    desk = await openTestDesk({ dir: desk.dir });
  });

  it.each([
    [{ ticketPrefix: 'R-D' }, 'ticketPrefix'],
    [{ warrantyMonths: -1 }, 'warrantyMonths'],
    [{ currency: 'yuan' }, 'currency'],
    [{ language: 'fr' }, 'language'],
    [{ calibrations: { QL: { offsetXmm: 50, offsetYmm: 0, scale: 1 } } }, 'calibrations.QL.offsetXmm'],
  ])('refuse %j', async (input, path) => {
    const error = await desk.fail('settings.update', input);
    expect(error.code).toBe('validation');
    expect(error.fields?.map((f) => f.path)).toContain(path);
    expect((await desk.call('settings.get', {})).ticketPrefix).toBe('RD');
  });
});
