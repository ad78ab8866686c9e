import { describe, expect, it } from 'vitest';
import { hashPin, isWellFormedPin, lockSecondsAfter, verifyPin } from '../../src/main/core/security/pin';
import { fixedClock, openTestDesk, type TestDesk } from '../support/desk';
import { addPart, checkIn, freshDeskWithCrewEachTest, PINS, type Crew } from '../support/workflow';
import { firstItem } from '../support/lists';

const START = '2026-11-23T02:30:00Z';
const clock = fixedClock(START);

function secondsLater(seconds: number): string {
  return new Date(clock.now().getTime() + seconds * 1000).toISOString();
}

describe('PIN hashing', () => {
  it('stores a salted scrypt hash that verifies only the right PIN', async () => {
    const a = await hashPin('4826');
    const b = await hashPin('4826');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('4826');
    expect(await verifyPin('4826', a)).toBe(true);
    expect(await verifyPin('4826', b)).toBe(true);
    expect(await verifyPin('4827', a)).toBe(false);
    expect(await verifyPin('04826', a)).toBe(false);
    // Full-width digits typed under a Chinese input method are the same PIN.
    expect(await verifyPin('４８２６', a)).toBe(true);
    expect(await verifyPin('4826', '4826')).toBe(false);
    expect(await verifyPin('4826', 'md5$abc')).toBe(false);
  });

  it.each([
    ['4826', true],
    ['12345678', true],
    ['123', false],
    ['123456789', false],
    ['12a4', false],
    ['', false],
  ])('takes %j as a PIN: %s', (pin, ok) => {
    expect(isWellFormedPin(pin)).toBe(ok);
  });

  it.each([
    [0, 0],
    [4, 0],
    [5, 30],
    [6, 60],
    [7, 120],
    [9, 480],
    [10, 900],
    [50, 900],
  ])('locks for the right time after %i wrong PINs in a row', (failures, seconds) => {
    expect(lockSecondsAfter(failures)).toBe(seconds);
  });
});

describe('signing in at the counter', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  async function staffRow(id: number): Promise<{ pin_hash: string | null; pin_failed_count: number; pin_locked_until: string | null }> {
    const rows = await desk.context.db.dataSource.query(`SELECT pin_hash, pin_failed_count, pin_locked_until FROM staff WHERE id = ?`, [id]);
    return rows[0];
  }

  it('keeps PINs hashed, never plain, and never shows the hash', async () => {
    for (const person of [crew.manager, crew.technician, crew.clerk]) {
      const row = await staffRow(person.id);
      expect(row.pin_hash).toMatch(/^scrypt\$/);
      expect(row.pin_hash).not.toContain(person.pin);
    }
    // The same PIN for two people gives two different hashes.
    await desk.call('auth.setPin', { session: crew.manager.session, staffId: crew.clerk.id, newPin: PINS.technician });
    expect((await staffRow(crew.clerk.id)).pin_hash).not.toBe((await staffRow(crew.technician.id)).pin_hash);
    const roster = await desk.call('auth.roster', {});
    expect(roster.setupNeeded).toBe(false);
    expect(roster.staff.map((s) => [s.name, s.role, s.hasPin])).toEqual(
      expect.arrayContaining([
        ['Manager', 'manager', true],
        ['李工 Li', 'technician', true],
        ['前台 Zhou', 'clerk', true],
      ]),
    );
    const visible = JSON.stringify([roster, await desk.call('staff.list', {}), await desk.call('auth.session', { session: crew.clerk.session })]);
    expect(visible).not.toMatch(/scrypt|pin_hash|pinHash/);
    for (const pin of Object.values(PINS)) expect(visible).not.toContain(pin);
  });

  it('signs in with the right PIN and tells who is signed in; signing out ends the session', async () => {
    const signedIn = await desk.call('auth.signIn', { staffId: crew.technician.id, pin: PINS.technician });
    expect(signedIn.staff).toEqual({ id: crew.technician.id, name: '李工 Li', role: 'technician' });
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await desk.call('auth.session', { session: signedIn.token })).toMatchObject({ staff: { role: 'technician' } });
    expect(await desk.call('auth.signOut', { session: signedIn.token })).toEqual({ signedOut: true });
    expect(await desk.call('auth.session', { session: signedIn.token })).toEqual({ staff: null, expiresAt: null });
    const ticket = await checkIn(desk);
    expect(await desk.fail('workflow.move', { session: signedIn.token, ticketId: ticket.id, toStatus: 'diagnosing' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
  });

  it('refuses a wrong PIN, badly formed PINs, unknown and deactivated staff', async () => {
    expect(await desk.fail('auth.signIn', { staffId: crew.clerk.id, pin: '9999' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'pin', code: 'pin_wrong' }],
    });
    expect((await staffRow(crew.clerk.id)).pin_failed_count).toBe(1);
    for (const pin of ['12', 'abcd', '123456789', '']) {
      expect(await desk.fail('auth.signIn', { staffId: crew.clerk.id, pin })).toMatchObject({ code: 'validation', fields: [{ path: 'pin' }] });
    }
    expect(await desk.fail('auth.signIn', { staffId: 999, pin: '1234' })).toMatchObject({ fields: [{ path: 'staffId', code: 'not_found' }] });
    const noPin = await desk.call('staff.save', { session: crew.manager.session, name: 'New', role: 'technician' });
    expect(await desk.fail('auth.signIn', { staffId: noPin.id, pin: '1234' })).toMatchObject({ fields: [{ path: 'pin', code: 'pin_not_set' }] });
    // The right PIN resets the count of wrong ones.
    await desk.call('auth.signIn', { staffId: crew.clerk.id, pin: PINS.clerk });
    expect((await staffRow(crew.clerk.id)).pin_failed_count).toBe(0);

    await desk.call('staff.save', { session: crew.manager.session, id: crew.clerk.id, name: '前台 Zhou', role: 'clerk', active: false });
    expect(await desk.fail('auth.signIn', { staffId: crew.clerk.id, pin: PINS.clerk })).toMatchObject({ fields: [{ path: 'staffId', code: 'not_found' }] });
    // Their open session ends at once.
    const ticket = await checkIn(desk);
    expect((await desk.fail('workflow.move', { session: crew.clerk.session, ticketId: ticket.id, toStatus: 'diagnosing' })).fields).toEqual([
      { path: 'session', code: 'signed_out' },
    ]);
  });

  it('locks sign-in after five wrong PINs in a row, also against the right PIN, for 30 s then doubling', async () => {
    for (let i = 1; i <= 4; i++) {
      expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: '0000' })).fields).toEqual([{ path: 'pin', code: 'pin_wrong' }]);
      expect(await staffRow(crew.technician.id)).toMatchObject({ pin_failed_count: i, pin_locked_until: null });
    }
    expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: '0000' })).fields).toEqual([{ path: 'pin', code: 'pin_wrong' }]);
    expect(await staffRow(crew.technician.id)).toMatchObject({ pin_failed_count: 5, pin_locked_until: '2026-11-23T02:30:30.000Z' });
    expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: PINS.technician })).fields).toEqual([{ path: 'pin', code: 'pin_locked' }]);
    expect((await desk.call('auth.roster', {})).staff.find((s) => s.id === crew.technician.id)?.lockedUntil).toBe('2026-11-23T02:30:30.000Z');
    // Locked attempts are not counted and do not extend the lock.
    expect((await staffRow(crew.technician.id)).pin_failed_count).toBe(5);

    // The lock is kept in the database: a restarted desk (or the second counter PC) still refuses.
    await desk.close();
    const reopened = await openTestDesk({ dir: desk.dir, clock });
    const removeDir = desk.dispose;
    desk = { ...reopened, dispose: async () => (await reopened.close(), await removeDir()) };
    expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: PINS.technician })).fields).toEqual([{ path: 'pin', code: 'pin_locked' }]);

    // After the lock, one more wrong PIN locks for twice as long.
    clock.set(secondsLater(30));
    expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: '0000' })).fields).toEqual([{ path: 'pin', code: 'pin_wrong' }]);
    expect(await staffRow(crew.technician.id)).toMatchObject({ pin_failed_count: 6, pin_locked_until: secondsLater(60) });
    clock.set(secondsLater(60));
    await desk.call('auth.signIn', { staffId: crew.technician.id, pin: PINS.technician });
    expect(await staffRow(crew.technician.id)).toMatchObject({ pin_failed_count: 0, pin_locked_until: null });
    // Other staff were never locked.
    await desk.call('auth.signIn', { staffId: crew.clerk.id, pin: PINS.clerk });
  });

  it('checks no more than five guesses sent all at once before the lock holds', async () => {
    const guesses = Array.from({ length: 20 }, (_, i) => String(2000 + i));
    const results = await Promise.all(guesses.map((pin) => desk.dispatch('auth.signIn', { staffId: crew.clerk.id, pin })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.fields?.[0]?.code));
    expect(codes.filter((c) => c === 'pin_wrong')).toHaveLength(5);
    expect(codes.filter((c) => c === 'pin_locked')).toHaveLength(15);
    expect(await staffRow(crew.clerk.id)).toMatchObject({ pin_failed_count: 5, pin_locked_until: '2026-11-23T02:30:30.000Z' });
    expect((await desk.fail('auth.signIn', { staffId: crew.clerk.id, pin: PINS.clerk })).fields).toEqual([{ path: 'pin', code: 'pin_locked' }]);
  });

  it('lets the right PIN in even when it is the fifth attempt', async () => {
    for (let i = 0; i < 4; i++) await desk.fail('auth.signIn', { staffId: crew.clerk.id, pin: '0000' });
    await desk.call('auth.signIn', { staffId: crew.clerk.id, pin: PINS.clerk });
    expect(await staffRow(crew.clerk.id)).toMatchObject({ pin_failed_count: 0, pin_locked_until: null });
  });

  it('counts a wrong manager PIN typed for an approval towards the manager’s lock', async () => {
    const part = await addPart(desk, crew);
    for (let i = 0; i < 5; i++) {
      const error = await desk.fail('parts.adjust', {
        session: crew.clerk.session,
        partId: part.id,
        countedQty: 1,
        note: 'stocktake',
        managerApproval: { staffId: crew.manager.id, pin: '0000' },
      });
      expect(error.fields).toEqual([{ path: 'managerApproval.pin', code: 'pin_wrong' }]);
    }
    expect((await desk.fail('auth.signIn', { staffId: crew.manager.id, pin: PINS.manager })).fields).toEqual([{ path: 'pin', code: 'pin_locked' }]);
  });

  it('ends an idle session after four hours', async () => {
    clock.set(secondsLater(3 * 3600));
    expect(await desk.call('auth.session', { session: crew.clerk.session })).toMatchObject({ staff: { id: crew.clerk.id } });
    const ticket = await checkIn(desk);
    // Use keeps it alive.
    await desk.call('notifications.log', { session: crew.clerk.session, ticketId: ticket.id, outcome: 'no_answer' });
    clock.set(secondsLater(3 * 3600));
    await desk.call('notifications.log', { session: crew.clerk.session, ticketId: ticket.id, outcome: 'reached' });
    clock.set(secondsLater(4 * 3600 + 1));
    expect((await desk.fail('notifications.log', { session: crew.clerk.session, ticketId: ticket.id, outcome: 'reached' })).fields).toEqual([
      { path: 'session', code: 'signed_out' },
    ]);
  });

  it('sets PINs: first run without sign-in only, own PIN with the current one, others only by a manager', async () => {
    // The first run is over: no one sets a PIN without signing in.
    expect(await desk.fail('auth.setPin', { staffId: 1, newPin: '1111' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    // Changing one's own PIN needs the current one, and the right one.
    expect((await desk.fail('auth.setPin', { session: crew.clerk.session, staffId: crew.clerk.id, newPin: '2468' })).fields).toEqual([
      { path: 'currentPin', code: 'required' },
    ]);
    expect((await desk.fail('auth.setPin', { session: crew.clerk.session, staffId: crew.clerk.id, currentPin: '9999', newPin: '2468' })).fields).toEqual([
      { path: 'current.pin', code: 'pin_wrong' },
    ]);
    await desk.call('auth.setPin', { session: crew.clerk.session, staffId: crew.clerk.id, currentPin: PINS.clerk, newPin: '2468' });
    await desk.call('auth.signIn', { staffId: crew.clerk.id, pin: '2468' });
    // A clerk or technician cannot set someone else's PIN.
    for (const person of [crew.clerk, crew.technician]) {
      const target = person === crew.clerk ? crew.technician : crew.clerk;
      expect(await desk.fail('auth.setPin', { session: person.session, staffId: target.id, newPin: '1111' })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'session', code: 'manager_required' }],
      });
    }
    expect(await desk.fail('auth.setPin', { session: crew.technician.session, staffId: 1, newPin: '1111' })).toMatchObject({ code: 'forbidden' });
    // A manager resets a technician's PIN: the technician's sessions end.
    await desk.call('auth.setPin', { session: crew.manager.session, staffId: crew.technician.id, newPin: '5555' });
    expect(await desk.call('auth.session', { session: crew.technician.session })).toEqual({ staff: null, expiresAt: null });
    expect((await desk.fail('auth.signIn', { staffId: crew.technician.id, pin: PINS.technician })).fields).toEqual([{ path: 'pin', code: 'pin_wrong' }]);
    await desk.call('auth.signIn', { staffId: crew.technician.id, pin: '5555' });
  });
});

describe('roles', () => {
  let desk: TestDesk;
  let crew: Crew;
  freshDeskWithCrewEachTest(clock, START, (opened) => ({ desk, crew } = opened));

  it('lets only a manager change the fee standard and the parts list', async () => {
    const fee = { code: 'screen_glass', nameEn: 'Glass only', nameZh: '换玻璃', category: 'hardware', priceMinor: 4000 } as const;
    const part = { name: 'Battery', costMinor: 5000, priceMinor: 9000 };
    for (const person of [crew.clerk, crew.technician]) {
      expect(await desk.fail('feeStandard.save', { ...fee, session: person.session })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'session', code: 'manager_required' }],
      });
      expect(await desk.fail('parts.save', { ...part, session: person.session })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'session', code: 'manager_required' }],
      });
    }
    expect((await desk.call('feeStandard.list', {})).some((i) => i.code === 'screen_glass')).toBe(false);
    expect(await desk.call('parts.list', {})).toEqual([]);
    const saved = await desk.call('feeStandard.save', { ...fee, session: crew.manager.session });
    expect(saved).toMatchObject({ code: 'screen_glass', priceMinor: 4000, active: true });
    // Editable: the price changes, the code stays unique.
    expect(await desk.call('feeStandard.save', { ...fee, id: saved.id, priceMinor: 4500, session: crew.manager.session })).toMatchObject({ priceMinor: 4500 });
    expect((await desk.fail('feeStandard.save', { ...fee, session: crew.manager.session })).fields).toEqual([{ path: 'code', code: 'duplicate' }]);
    expect(await desk.call('parts.save', { ...part, session: crew.manager.session })).toMatchObject({ name: 'Battery', qtyOnHand: 0 });
  });

  it('lets only a manager correct stock (stocktake), in person or by PIN', async () => {
    const part = await addPart(desk, crew, { openingQty: 5 });
    for (const person of [crew.clerk, crew.technician]) {
      expect(await desk.fail('parts.adjust', { session: person.session, partId: part.id, countedQty: 2, note: 'stocktake' })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'managerApproval', code: 'manager_required' }],
      });
    }
    expect(firstItem(await desk.call('parts.list', {})).qtyOnHand).toBe(5);
    const approved = await desk.call('parts.adjust', {
      session: crew.clerk.session,
      partId: part.id,
      countedQty: 4,
      note: 'stocktake',
      managerApproval: { staffId: crew.manager.id, pin: PINS.manager },
    });
    expect(approved.qtyOnHand).toBe(4);
    expect((await desk.call('parts.adjust', { session: crew.manager.session, partId: part.id, countedQty: 6, note: 'found two' })).qtyOnHand).toBe(6);
    const moves = await desk.call('parts.moves', { partId: part.id });
    expect(moves.map((m) => [m.reason, m.qtyDelta, m.staffName, m.approvedByName])).toEqual([
      ['override', 2, 'Manager', 'Manager'],
      ['override', -1, '前台 Zhou', 'Manager'],
      ['restock', 5, 'Manager', null],
    ]);
  });

  it('lets only a signed-in manager add staff or change roles once a manager has a PIN', async () => {
    // Nobody signed in, a clerk or a technician: no new staff, no promotion to manager.
    const promote = { id: crew.clerk.id, name: '前台 Zhou', role: 'manager' } as const;
    expect(await desk.fail('staff.save', { ...promote, session: undefined })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    expect(await desk.fail('staff.save', { ...promote, session: 'forged' })).toMatchObject({
      code: 'forbidden',
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    for (const person of [crew.clerk, crew.technician]) {
      expect(await desk.fail('staff.save', { ...promote, session: person.session })).toMatchObject({
        code: 'forbidden',
        fields: [{ path: 'session', code: 'manager_required' }],
      });
      expect((await desk.fail('staff.save', { name: 'Boss 2', role: 'manager', session: person.session })).code).toBe('forbidden');
      expect((await desk.fail('staff.save', { id: 1, name: 'Manager', role: 'manager', active: false, session: person.session })).code).toBe('forbidden');
    }
    const staff = await desk.call('staff.list', { includeInactive: true });
    expect(staff.map((s) => [s.name, s.role, s.active]).sort()).toEqual([
      ['Manager', 'manager', true],
      ['前台 Zhou', 'clerk', true],
      ['李工 Li', 'technician', true],
    ]);
    // The manager cannot leave the shop without a manager who can sign in.
    expect((await desk.fail('staff.save', { id: 1, name: 'Manager', role: 'technician', session: crew.manager.session })).fields).toEqual([
      { path: 'role', code: 'manager_required' },
    ]);
    expect((await desk.fail('staff.save', { id: 1, name: 'Manager', role: 'manager', active: false, session: crew.manager.session })).fields).toEqual([
      { path: 'active', code: 'manager_required' },
    ]);
    // A manager may: rename, add, promote.
    expect(await desk.call('staff.save', { id: 1, name: '老板 Boss', role: 'manager', session: crew.manager.session })).toMatchObject({ name: '老板 Boss' });
    expect(await desk.call('staff.save', { ...promote, session: crew.manager.session })).toMatchObject({ role: 'manager' });
  });

  it('takes a changed role into account at once', async () => {
    const ticket = await checkIn(desk);
    const cancel = { session: crew.technician.session, ticketId: ticket.id, toStatus: 'cancelled', note: 'void' } as const;
    expect((await desk.fail('workflow.move', cancel)).code).toBe('forbidden');
    await desk.call('staff.save', { session: crew.manager.session, id: crew.technician.id, name: '李工 Li', role: 'manager' });
    expect((await desk.call('workflow.move', cancel)).status).toBe('cancelled');
  });
});
