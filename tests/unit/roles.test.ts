// The role table, channel by channel: every channel is called with no session,
// a clerk's, a technician's and a manager's. A role the table refuses gets its
// own translated refusal before the use case runs; a role it allows gets past
// the table (the use case may still refuse the made-up input, but never for
// the role or the sign-in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract';
import type { StaffRole } from '../../src/shared/domain';
import { translate } from '../../src/shared/i18n/translate';
import { ROLE_REFUSALS, ROLE_TABLE, roleMayCall } from '../../src/shared/roles';
import { openTestDesk, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';

const ROLES: StaffRole[] = ['clerk', 'technician', 'manager'];
/** Refusals of the sign-in or the role, as opposed to the use case's own answer to a made-up input. */
const ACCESS_CODES = new Set<string>(['signed_out', 'setup_required', 'setup_done', ...ROLE_REFUSALS]);

function accessRefusal(error: { fields?: { path: string; code: string }[] }): string | null {
  const field = error.fields?.find((f) => (f.path === 'session' || f.path === 'managerApproval' || f.path === 'setup') && ACCESS_CODES.has(f.code));
  return field?.code ?? null;
}

let desk: TestDesk;
beforeAll(async () => {
  desk = await openTestDesk();
});
afterAll(async () => desk.dispose());

describe('the role table', () => {
  it('names every channel of the contract and nothing else', () => {
    expect(Object.keys(ROLE_TABLE).sort()).toEqual([...CHANNELS].sort());
  });

  it('has a message in both languages for every refusal', () => {
    for (const code of ['signed_out', 'setup_required', 'setup_done', 'move_not_for_role', ...ROLE_REFUSALS]) {
      for (const language of ['en', 'zh-CN'] as const) {
        const text = translate(language, `errors.field.${code}`);
        expect(text, `${language} ${code}`).not.toBe(`errors.field.${code}`);
        expect(text.length).toBeGreaterThan(3);
      }
    }
    expect(translate('zh-CN', 'errors.field.role_repair_only')).toMatch(/维修员/);
  });

  describe.each(CHANNELS.map((channel) => [channel] as [Channel]))('%s', (channel) => {
    const access = ROLE_TABLE[channel];
    const hasSession = 'session' in (contract[channel].input as unknown as { shape: Record<string, unknown> }).shape;

    it('with no session', async () => {
      const result = await desk.dispatch(channel, hasSession ? { session: undefined } : {});
      if (access.kind === 'roles') {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(accessRefusal(result.error)).toBe('signed_out');
      } else if (access.kind === 'setup') {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(accessRefusal(result.error)).toBe('setup_done');
      } else if (!result.ok) {
        // Open channels never ask who is calling (only the made-up input may be refused).
        expect(['signed_out', ...ROLE_REFUSALS]).not.toContain(accessRefusal(result.error));
      }
    });

    it('with no input at all', async () => {
      // Read as {} by the schema, so checked as {} by the role table: never let through unchecked.
      const result = await desk.dispatch(channel, undefined);
      if (access.kind === 'roles') {
        expect(result.ok).toBe(false);
        if (!result.ok) expect(accessRefusal(result.error)).toBe('signed_out');
      }
      if (access.kind === 'setup') expect(result.ok).toBe(false);
    });

    it.each(ROLES)('with a %s session', async (role) => {
      // Signing out would end the crew's shared session: that channel gets a session of its own.
      const session =
        channel === 'auth.signOut'
          ? (await desk.call('auth.signIn', { staffId: desk.crew![role].id, pin: desk.crew![role].pin })).token
          : desk.sessionFor(role);
      const result = await desk.dispatch(channel, { session });
      const refusal = result.ok ? null : accessRefusal(result.error);
      if (access.kind === 'setup') expect(refusal).toBe('setup_done');
      else if (roleMayCall(channel, role)) expect(refusal).toBeNull();
      else {
        expect(refusal).toBe(access.kind === 'roles' ? access.refusal : null);
        if (!result.ok) expect(result.error.code).toBe('forbidden');
      }
    });
  });
});

describe('what the table keeps from each role', () => {
  it('keeps the manager-only list from the issue manager-only', () => {
    for (const channel of [
      'settings.update',
      'staff.save',
      'feeStandard.save',
      'parts.save',
      'parts.adjust',
      'collection.refund',
      'collection.voidPayment',
      'printing.testPrint',
      'audit.verify',
    ] as const) {
      expect(ROLE_TABLE[channel], channel).toMatchObject({ kind: 'roles', roles: ['manager'] });
    }
    expect(roleMayCall('diagnosis.save', 'clerk')).toBe(false);
    expect(roleMayCall('intake.checkIn', 'technician')).toBe(false);
    expect(roleMayCall('collection.pay', 'technician')).toBe(false);
  });

  it('gives cost prices to a manager only, in main', async () => {
    await desk.call('parts.save', { name: 'Screen 屏幕', costMinor: 40000, priceMinor: 65000, openingQty: 2 });
    const asManager = await desk.call('parts.list', { session: desk.sessionFor('manager') });
    const asClerk = await desk.call('parts.list', { session: desk.sessionFor('clerk') });
    const anonymous = await desk.call('parts.list', {});
    expect(firstItem(asManager).costMinor).toBe(40000);
    expect(firstItem(asClerk).costMinor).toBeNull();
    expect(firstItem(anonymous).costMinor).toBeNull();
    expect(JSON.stringify(asClerk)).not.toContain('40000');
    const moves = await desk.call('parts.moves', { partId: firstItem(asClerk).id, session: desk.sessionFor('technician') });
    expect(moves.every((move) => move.unitCostMinor === null)).toBe(true);
    // A clerk books a delivery, but not a new cost with it.
    expect(await desk.fail('parts.restock', { partId: firstItem(asClerk).id, qty: 1, unitCostMinor: 1, session: desk.sessionFor('clerk') })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'unitCostMinor', code: 'manager_required' }],
    });
  });

  it('lets a clerk do the counter’s moves but not start a diagnosis', async () => {
    const { tickets } = await desk.call('intake.checkIn', { ...(await import('../support/desk')).sampleIntake(), session: desk.sessionFor('clerk') });
    expect(await desk.fail('workflow.move', { session: desk.sessionFor('clerk'), ticketId: firstItem(tickets).id, toStatus: 'diagnosing' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'toStatus', code: 'move_not_for_role' }],
    });
  });
});
