import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { firstItem, onlyItem } from '../support/lists';

// 10:30 in Shanghai: the shop's local day is 2026-11-23 in any test time zone from UTC-2 to UTC+13.
const clock = fixedClock('2026-11-23T02:30:00Z');

describe('intake.checkIn', () => {
  let desk: TestDesk;

  beforeEach(async () => {
    clock.set('2026-11-23T02:30:00Z');
    desk = await openTestDesk({ clock });
  });
  afterEach(async () => desk.dispose());

  async function countRows(table: string): Promise<number> {
    const rows: { n: number }[] = await desk.context.db.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    return firstItem(rows).n;
  }

  it('stores a ticket with a digits-only number and an audit trail', async () => {
    const result = await desk.call('intake.checkIn', sampleIntake());
    expect(result.tickets).toHaveLength(1);
    const ticket = onlyItem(result.tickets);
    expect(ticket.barcode).toMatch(/^\d{10}$/);
    expect(ticket.displayNumber).toBe(`RD-${ticket.barcode.slice(0, 6)}-${ticket.barcode.slice(6)}`);
    const detail = await desk.call('tickets.get', { number: ticket.displayNumber });
    expect(detail).toMatchObject({
      status: 'received',
      customer: { name: '王小明 Wang', phone: '138 0013 8000' },
      brand: 'Huawei',
      model: 'Mate 60',
      serial: '861234567890123',
      fault: '屏幕碎了 screen cracked',
      accessories: ['charger'],
      conditionChecks: ['screen_cracked'],
      dataAnswer: 'has_backup',
      estimateMinor: 45000,
      depositMinor: 10000,
      currency: 'CNY',
      warrantyStatus: 'out_of_warranty',
      warrantyBasis: 'no_purchase_date',
      clerkName: 'Manager',
      hasPasscode: false,
    });
    expect(detail.events.map((e) => [e.kind, e.toStatus, e.amountMinor, e.staffName])).toEqual([
      ['checked_in', 'received', null, 'Manager'],
      ['estimate', null, 45000, 'Manager'],
      ['deposit', null, 10000, 'Manager'],
    ]);
    expect(detail.createdAt).toBe('2026-11-23T02:30:00.000Z');
  });

  it('finds the ticket by the number with or without its prefix', async () => {
    const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake())).tickets);
    for (const typed of [ticket.barcode, ticket.displayNumber, ticket.displayNumber.toLowerCase(), ticket.displayNumber.replace(/-/g, '')]) {
      expect((await desk.call('tickets.get', { number: typed })).id).toBe(ticket.id);
    }
    expect((await desk.fail('tickets.get', { number: 'RD-000000-0001' })).code).toBe('not_found');
  });

  it('makes one ticket per device for the same customer, numbered in sequence', async () => {
    const input = sampleIntake();
    input.devices.push({ ...firstItem(input.devices), type: 'laptop', brand: 'Lenovo', model: 'ThinkPad X1', conditionChecks: ['hinge_loose'] });
    const result = await desk.call('intake.checkIn', input);
    expect(result.tickets.map((t) => t.number % 10_000)).toEqual([1, 2]);
    const customer = await desk.call('customers.get', { id: result.customerId });
    expect(customer.tickets.map((t) => t.model).sort()).toEqual(['Mate 60', 'ThinkPad X1']);
  });

  it("hands out the day's last number (9999), then refuses the day's next check-in and keeps nothing of it", async () => {
    const first = onlyItem((await desk.call('intake.checkIn', sampleIntake())).tickets);
    const day = first.barcode.slice(0, 6);
    await desk.context.db.dataSource.query(`UPDATE ticket_day_counter SET last_sequence = 9998`);
    const last = onlyItem((await desk.call('intake.checkIn', sampleIntake())).tickets);
    expect(last.barcode).toBe(`${day}9999`);
    const refused = await desk.fail('intake.checkIn', sampleIntake());
    expect(refused.code).toBe('conflict');
    expect(await countRows('ticket')).toBe(2);
    expect(await countRows('device')).toBe(2);
  });

  it('recognises a returning customer and keeps their technician as owner', async () => {
    const technician = await desk.call('staff.save', { name: '李工 Li', role: 'technician' });
    const first = await desk.call('intake.checkIn', sampleIntake({ technicianId: technician.id }));
    const matches = await desk.call('customers.search', { query: '0013 8000' });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: first.customerId, ownerTechnicianId: technician.id, ticketCount: 1 });
    expect(firstItem(await desk.call('customers.search', { query: '王小' })).id).toBe(first.customerId);

    const second = await desk.call('intake.checkIn', sampleIntake({ customer: { id: first.customerId, name: '王小明 Wang', phone: '13800138000' } }));
    expect(second.customerId).toBe(first.customerId);
    // Picking the customer at intake does not rewrite their record; updating it is its own act.
    expect((await desk.call('customers.get', { id: first.customerId })).phone).toBe('138 0013 8000');
    await desk.call('customers.update', { id: first.customerId, name: '王小明 Wang', phone: '13800138000' });
    const detail = await desk.call('customers.get', { id: first.customerId });
    expect(detail.ticketCount).toBe(2);
    expect(detail.phone).toBe('13800138000');
  });

  it('does not create a duplicate customer when the same name and phone are typed again', async () => {
    const first = await desk.call('intake.checkIn', sampleIntake());
    const again = await desk.call('intake.checkIn', sampleIntake({ customer: { name: ' 王小明 wang ', phone: '+138-0013-8000' } }));
    expect(again.customerId).toBe(first.customerId);
    expect(await countRows('customer')).toBe(1);
  });

  it('stores emoji, quotes and SQL-looking text verbatim', async () => {
    const name = `O'Brien "Bob" 😀 Robert'); DROP TABLE ticket;--`;
    const fault = `won't charge 🔋; SELECT * FROM customer WHERE '1'='1'; \\ % _`;
    const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake({ customer: { name }, device: { fault, model: 'iPhone 15 "Pro"' } }))).tickets);
    const detail = await desk.call('tickets.get', { number: ticket.barcode });
    expect(detail.customer.name).toBe(name);
    expect(detail.fault).toBe(fault);
    expect(detail.model).toBe('iPhone 15 "Pro"');
    expect(firstItem(await desk.call('customers.search', { query: "O'Brien" })).name).toBe(name);
    expect(await desk.call('customers.search', { query: '%' })).toEqual([]);
  });

  it('records how the deposit was paid, cash unless said, and nothing without a deposit', async () => {
    const check = async (device: Record<string, unknown>) => {
      const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake({ device }))).tickets);
      return (await desk.call('tickets.get', { number: ticket.barcode })).depositMethod;
    };
    expect(await check({ depositMinor: 5000, depositMethod: 'wechat' })).toBe('wechat');
    expect(await check({ depositMinor: 5000 })).toBe('cash');
    expect(await check({ depositMinor: 0, depositMethod: 'card' })).toBeNull();
    const refused = await desk.fail('intake.checkIn', sampleIntake({ device: { depositMinor: 5000, depositMethod: 'cheque' } }));
    expect(refused.fields).toEqual([{ path: 'devices.0.depositMethod', code: 'required' }]);
  });

  it('seals the passcode and reveals it only on request, logging who looked', async () => {
    const ticket = firstItem((await desk.call('intake.checkIn', sampleIntake({ device: { passcode: { kind: 'pattern', value: '1-2-3-6-9' } } }))).tickets);
    const stored: { passcode_sealed: string }[] = await desk.context.db.dataSource.query('SELECT passcode_sealed FROM ticket');
    expect(firstItem(stored).passcode_sealed).toMatch(/^v2:/);
    expect(firstItem(stored).passcode_sealed).not.toContain('1-2-3-6-9');
    const detail = await desk.call('tickets.get', { number: ticket.barcode });
    expect(detail).toMatchObject({ hasPasscode: true, passcodeKind: 'pattern' });
    expect(JSON.stringify(detail)).not.toContain('1-2-3-6-9');
    // Only someone signed in with their PIN may look.
    expect(await desk.fail('tickets.revealPasscode', { ticketId: ticket.id, session: 'not-a-session' })).toMatchObject({
      fields: [{ path: 'session', code: 'signed_out' }],
    });
    const token = desk.sessionFor('manager');
    expect(await desk.call('tickets.revealPasscode', { ticketId: ticket.id, session: token })).toEqual({ kind: 'pattern', value: '1-2-3-6-9' });
    const after = await desk.call('tickets.get', { number: ticket.barcode });
    expect(after.events.filter((e) => e.kind === 'passcode_viewed')).toEqual([expect.objectContaining({ staffName: 'Manager' })]);
  });

  it('computes the warranty status in main from the purchase date and proof', async () => {
    const ticket = firstItem(
      (await desk.call('intake.checkIn', sampleIntake({ device: { purchaseDate: '2026-11-20', proofOfPurchase: true, feeConsent: false } }))).tickets,
    );
    const detail = await desk.call('tickets.get', { number: ticket.barcode });
    expect(detail).toMatchObject({ warrantyStatus: 'in_warranty', warrantyBasis: 'proof_within_period', feeConsent: false });
  });
});

describe('intake.checkIn refuses bad input and leaves nothing behind', () => {
  let desk: TestDesk;

  beforeEach(async () => {
    clock.set('2026-11-23T02:30:00Z');
    desk = await openTestDesk({ clock });
  });
  afterEach(async () => desk.dispose());

  async function expectNothingStored(): Promise<void> {
    const rows: { customers: number; devices: number; tickets: number; events: number; counters: number }[] = await desk.context.db.dataSource.query(`SELECT
        (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM device) AS devices,
        (SELECT COUNT(*) FROM ticket) AS tickets, (SELECT COUNT(*) FROM ticket_event) AS events,
        (SELECT COUNT(*) FROM ticket_day_counter) AS counters`);
    expect(rows[0]).toEqual({ customers: 0, devices: 0, tickets: 0, events: 0, counters: 0 });
  }

  const cases: [string, Parameters<typeof sampleIntake>[0], string, string][] = [
    ['an empty name', { customer: { name: '' } }, 'customer.name', 'required'],
    ['a whitespace name', { customer: { name: '  \t ' } }, 'customer.name', 'required'],
    ['a 101-character name', { customer: { name: 'x'.repeat(101) } }, 'customer.name', 'too_long'],
    ['letters in the phone', { customer: { phone: '138abc8000' } }, 'customer.phone', 'phone_invalid'],
    ['a 3-digit phone', { customer: { phone: '123' } }, 'customer.phone', 'phone_invalid'],
    ['a missing phone', { customer: { phone: '' } }, 'customer.phone', 'required'],
    ['a 10,000-character fault', { device: { fault: 'f'.repeat(10_000) } }, 'devices.0.fault', 'too_long'],
    ['an empty fault', { device: { fault: '   ' } }, 'devices.0.fault', 'required'],
    ['a negative deposit', { device: { depositMinor: -100 } }, 'devices.0.depositMinor', 'money_negative'],
    ['an absurd estimate', { device: { estimateMinor: 1e12 } }, 'devices.0.estimateMinor', 'money_too_large'],
    ['a fractional amount', { device: { estimateMinor: 10.5 } }, 'devices.0.estimateMinor', 'money_too_precise'],
    ['money as text', { device: { estimateMinor: '100' } }, 'devices.0.estimateMinor', 'money_invalid'],
    ['a deposit over the estimate', { device: { depositMinor: 50000 } }, 'devices.0.depositMinor', 'deposit_over_estimate'],
    ['a purchase date in the future', { device: { purchaseDate: '2026-11-24' } }, 'devices.0.purchaseDate', 'date_in_future'],
    ['an impossible date', { device: { purchaseDate: '2026-02-30' } }, 'devices.0.purchaseDate', 'date_invalid'],
    ['a promised date in the past', { device: { promisedDate: '2026-11-22' } }, 'devices.0.promisedDate', 'date_in_past'],
    ['an unanswered data question', { device: { dataAnswer: undefined } }, 'devices.0.dataAnswer', 'required'],
    ['a chargeable repair without consent', { device: { feeConsent: false } }, 'devices.0.feeConsent', 'consent_required'],
    ['a condition check of another device type', { device: { conditionChecks: ['hinge_loose'] } }, 'devices.0.conditionChecks', 'invalid'],
    ['a 3-dot unlock pattern', { device: { passcode: { kind: 'pattern', value: '1-2-3' } } }, 'devices.0.passcode.value', 'pattern_too_short'],
    ['an unknown technician', { technicianId: 999 }, 'technicianId', 'not_found'],
    ['an unknown returning customer', { customer: { id: 999 } }, 'customer.id', 'not_found'],
    ['no devices', { devices: [] }, 'devices', 'required'],
  ];

  it.each(cases)('%s', async (_label, overrides, path, code) => {
    const error = await desk.fail('intake.checkIn', sampleIntake(overrides));
    expect(error.code).toBe('validation');
    expect(error.message).toBe('Please correct the highlighted fields.');
    expect(error.fields).toContainEqual({ path, code });
    await expectNothingStored();
  });

  it('reports every bad field at once', async () => {
    const error = await desk.fail('intake.checkIn', sampleIntake({ customer: { name: '', phone: 'x' }, device: { brand: '', depositMinor: -1 } }));
    expect(error.fields?.map((f) => f.path).sort()).toEqual(['customer.name', 'customer.phone', 'devices.0.brand', 'devices.0.depositMinor']);
  });

  it('rolls back everything when a later device fails inside the transaction', async () => {
    const input = sampleIntake();
    input.devices.push({ ...firstItem(input.devices), purchaseDate: '2030-01-01' });
    const error = await desk.fail('intake.checkIn', input);
    expect(error.fields).toContainEqual({ path: 'devices.1.purchaseDate', code: 'date_in_future' });
    await expectNothingStored();
  });

  it('answers in Chinese when the shop works in Chinese', async () => {
    const settings = await desk.call('settings.get', {});
    await desk.call('settings.update', { ...settings, language: 'zh-CN' });
    const error = await desk.fail('intake.checkIn', sampleIntake({ customer: { name: '' } }));
    expect(error.message).toBe('请修改标出的字段。');
  });

  it('requires the visible condition when the shop says so', async () => {
    const settings = await desk.call('settings.get', {});
    await desk.call('settings.update', { ...settings, conditionRequired: true });
    const error = await desk.fail('intake.checkIn', sampleIntake({ device: { conditionChecks: [], conditionNotes: '' } }));
    expect(error.fields).toContainEqual({ path: 'devices.0.conditionChecks', code: 'condition_required' });
    await desk.call('intake.checkIn', sampleIntake({ device: { conditionChecks: [], conditionNotes: 'like new' } }));
  });

  it('refuses unknown channels and non-object input without a stack trace', async () => {
    expect(await desk.fail('tickets.delete', {})).toMatchObject({ code: 'not_found' });
    const error = await desk.fail('intake.checkIn', 'DROP TABLE ticket');
    expect(error.code).toBe('validation');
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
  });
});
