import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';

describe('intake.checkIn', () => {
  let desk: TestDesk;
  const clock = fixedClock('2026-11-23T02:30:00Z');

  beforeEach(async () => {
    desk = await openTestDesk({ clock });
  });
  afterEach(async () => desk.dispose());

  it('stores a ticket with a digits-only number and an audit trail', async () => {
    const result = await desk.call('intake.checkIn', sampleIntake());
    expect(result.tickets).toHaveLength(1);
    const [ticket] = result.tickets;
    expect(ticket.barcode).toMatch(/^\d{10}$/);
    const detail = await desk.call('tickets.get', { number: ticket.displayNumber });
    expect(detail.customer.name).toBe('王小明 Wang');
    expect(detail.fault).toBe('屏幕碎了 screen cracked');
    expect(detail.status).toBe('received');
    expect(detail.estimateMinor).toBe(45000);
    expect(detail.events.map((e) => e.kind)).toEqual(['checked_in', 'estimate', 'deposit']);
  });
});
