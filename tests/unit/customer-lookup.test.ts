// The intake's as-you-type lookup of a returning customer: exact matches first,
// then those starting with the text, then the rest, each by the latest visit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';

const clock = fixedClock('2026-11-02T02:30:00Z');

describe('customers.search', () => {
  let desk: TestDesk;

  beforeEach(async () => {
    clock.set('2026-11-02T02:30:00Z');
    desk = await openTestDesk({ clock });
  });
  afterEach(async () => desk.dispose());

  /** Checks in one ticket for a customer at a minute of the morning, so visits have an order. */
  async function visit(minute: number, name: string, phone: string): Promise<number> {
    clock.set(`2026-11-02T02:${String(minute).padStart(2, '0')}:00Z`);
    return (await desk.call('intake.checkIn', sampleIntake({ customer: { name, phone } }))).customerId;
  }

  const names = async (query: string) => (await desk.call('customers.search', { query, limit: 8 })).map((c) => c.name);

  it('finds a phone exactly, by its start and anywhere in it, in that order', async () => {
    await visit(2, 'Exact', '138 0013 8000');
    await visit(3, 'Starts newer', '13800138001');
    await visit(1, 'Starts older', '13800138002');
    await visit(4, 'With country code', '+86 138 0013 8000');
    await visit(5, 'Someone else', '021 1234 5678');
    expect(await names('13800138000')).toEqual(['Exact', 'With country code']);
    expect(await names('1380013800')).toEqual(['Starts newer', 'Exact', 'Starts older', 'With country code']);
    expect(await names('12 34')).toEqual(['Someone else']);
    expect(await names('13')).toEqual([]);
  });

  it('finds a name exactly, by its start and anywhere in it, case ignored, one Chinese character too', async () => {
    await visit(1, '王芳', '13900000001');
    await visit(3, '王芳芳', '13900000002');
    await visit(2, '李王', '13900000003');
    await visit(4, 'Ann Wang', '13900000004');
    await visit(5, 'wang li', '13900000005');
    expect(await names('王')).toEqual(['王芳芳', '王芳', '李王']);
    expect(await names('王芳')).toEqual(['王芳', '王芳芳']);
    expect(await names('WANG')).toEqual(['wang li', 'Ann Wang']);
    expect(await names('ng')).toEqual(['wang li', 'Ann Wang']);
    expect(await names('%')).toEqual([]);
  });

  it('shows at most the limit asked for, the latest visits first', async () => {
    for (let minute = 1; minute <= 12; minute++) await visit(minute, `张${minute}`, `1370000${String(minute).padStart(4, '0')}`);
    const found = await desk.call('customers.search', { query: '张', limit: 8 });
    expect(found.map((c) => c.name)).toEqual(['张12', '张11', '张10', '张9', '张8', '张7', '张6', '张5']);
    expect(found[0]).toMatchObject({ ticketCount: 1, phone: '13700000012' });
  });
});
