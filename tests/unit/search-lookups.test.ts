// The counter's lookups: exact ones stop the search, a short number is today's
// ticket, and one or two characters of a name find customers from the whole
// history through the name gram index.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSearchHit } from '../../src/shared/tickets-contract';
import { fixedClock, openTestDesk, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { runOnAnotherConnection } from '../support/suite-engine';
import { checkIn } from '../support/workflow';

const clock = fixedClock('2026-11-23T02:30:00Z');
const how = (hits: TicketSearchHit[]) => hits.map((h) => `${h.ticketId}:${h.matchedOn}:${h.match}`);

interface CheckedIn {
  id: number;
  number: number;
  barcode: string;
}

describe('exact lookups and short numbers', () => {
  let desk: TestDesk;
  // Filled once by beforeAll: every test reads the same eight tickets.
  let t: Record<'first' | 'second' | 'third' | 'phone0003' | 'extension' | 'intl' | 'onlyIntl' | 'startsLikeIntl', CheckedIn>;

  beforeAll(async () => {
    desk = await openTestDesk({ clock });
    const first = await checkIn(desk, { customer: { name: '周杰', phone: '135 0000 1111' }, device: { serial: 'SN-ALPHA-01' } });
    const second = await checkIn(desk, { customer: { name: '吴磊', phone: '135 0000 2222' }, device: { serial: 'SN-ALPHA-0199' } });
    const third = await checkIn(desk, { customer: { name: '郑爽', phone: '135 0000 3333' }, device: { serial: 'XY123' } });
    // Newer than today's 0003 and matching "0003" as a part of a phone number.
    const phone0003 = await checkIn(desk, { customer: { name: '冯伦', phone: '135 0003 4444' }, device: { serial: 'ZZ9' } });
    // A phone starting with the first customer's number (an extension written after it).
    const extension = await checkIn(desk, { customer: { name: '陈奕', phone: '135 0000 1111 2' }, device: { serial: 'QQ7' } });
    // The first customer's number with the country code.
    const intl = await checkIn(desk, { customer: { name: '王菲', phone: '+86 135 0000 1111' }, device: { serial: 'RR8' } });
    // A number stored only with its country code.
    const onlyIntl = await checkIn(desk, { customer: { name: '刘洋', phone: '+86 138 0013 8000' }, device: { serial: 'TT5' } });
    // ...and a longer number that starts with the same eleven digits: only a partial match of them.
    const startsLikeIntl = await checkIn(desk, { customer: { name: '孙丽', phone: '138 0013 8000 7' }, device: { serial: 'UU6' } });
    t = { first, second, third, phone0003, extension, intl, onlyIntl, startsLikeIntl };
  });
  afterAll(async () => desk.dispose());

  const search = (query: string, more?: boolean) => desk.call('tickets.search', { query, more });

  it("reads a short number as today's ticket of that sequence, before partial matches", async () => {
    expect(t.third.barcode.endsWith('0003')).toBe(true);
    const hits = await search('0003');
    expect(how(hits)[0]).toBe(`${t.third.id}:number:exact`);
    expect(how(hits)).toContain(`${t.phone0003.id}:phone:contains`);
    expect(how(await search('3'))[0]).toBe(`${t.third.id}:number:exact`);
    // Tomorrow, "0003" is no longer that ticket.
    clock.set('2026-11-24T02:30:00Z');
    try {
      expect(how(await search('0003'))).not.toContain(`${t.third.id}:number:exact`);
    } finally {
      clock.set('2026-11-23T02:30:00Z');
    }
  });

  it('stops at an exact phone, keeping the same number with a country code; more brings the partial ones', async () => {
    const exact = await search('13500001111');
    expect(how(exact)).toEqual([`${t.first.id}:phone:exact`, `${t.intl.id}:phone:contains`]);
    expect(how(await search('13500001111', true))).toEqual([`${t.first.id}:phone:exact`, `${t.extension.id}:phone:prefix`, `${t.intl.id}:phone:contains`]);
  });

  it('stops at a whole mobile number stored only with its country code; its shorter end is found as a part of it', async () => {
    expect(how(await search('13800138000'))).toEqual([`${t.onlyIntl.id}:phone:contains`]);
    expect(how(await search('13800138000', true))).toContain(`${t.startsLikeIntl.id}:phone:prefix`);
    expect(how(await search('138000'))).toContain(`${t.onlyIntl.id}:phone:contains`);
  });

  it('stops at an exact serial; more brings the serials that start with it', async () => {
    expect(how(await search('sn-alpha-01'))).toEqual([`${t.first.id}:serial:exact`]);
    expect(how(await search('SN-ALPHA-01', true))).toEqual([`${t.first.id}:serial:exact`, `${t.second.id}:serial:prefix`]);
  });

  it('stops at an exact ticket number, scanned or typed with its prefix', async () => {
    expect(how(await search(t.second.barcode))).toEqual([`${t.second.id}:number:exact`]);
    expect(how(await search(`RD-${t.second.barcode.slice(0, 6)}-${t.second.barcode.slice(6)}`))).toEqual([`${t.second.id}:number:exact`]);
  });

  it('shows the ticket prefix the settings have now, changed here or by another connection to the file', async () => {
    const display = async () => firstItem(await search(t.second.barcode)).displayNumber;
    const body = `${t.second.barcode.slice(0, 6)}-${t.second.barcode.slice(6)}`;
    expect(await display()).toBe(`RD-${body}`);
    await desk.call('settings.update', { ticketPrefix: 'FX' });
    expect(await display()).toBe(`FX-${body}`);
    await runOnAnotherConnection(desk, `UPDATE setting SET value = ? WHERE key = 'ticketPrefix'`, [JSON.stringify('QF')]);
    expect(await display()).toBe(`QF-${body}`);
    await desk.call('settings.update', { ticketPrefix: 'RD' });
    expect(await display()).toBe(`RD-${body}`);
  });

  it('finds a ticket by its number, its phone and its serial at once, each ticket once at its best rank', async () => {
    // The second ticket's number read as digits is also looked up as a phone and a serial: nothing else matches.
    expect(how(await search(t.second.barcode))).toEqual([`${t.second.id}:number:exact`]);
    // A customer with the scanned number as their phone: the scan stops at the ticket; more brings the phone after it.
    const namesake = await checkIn(desk, { customer: { name: '林俊', phone: t.third.barcode }, device: { serial: t.third.barcode } });
    expect(how(await search(t.third.barcode))).toEqual([`${t.third.id}:number:exact`]);
    expect(how(await search(t.third.barcode, true))).toEqual([`${t.third.id}:number:exact`, `${namesake.id}:phone:exact`]);
  });
});

describe('short names over the whole history', () => {
  let desk: TestDesk;

  beforeAll(async () => {
    desk = await openTestDesk({ clock });
  });
  afterAll(async () => desk.dispose());

  it('finds an old customer by a two-character given name behind more than 50,000 newer customers', async () => {
    const old = await checkIn(desk, { customer: { name: '司马光明', phone: '137 1234 0000' } });
    // More customers after it than the search used to read for short names (the newest 50,000).
    await desk.context.db.dataSource.query(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 50001)
       INSERT INTO customer (name, phone, phone_digits, created_at, updated_at)
       SELECT '顾客' || i, '139' || (10000000 + i), '139' || (10000000 + i), '2026-11-23T02:30:00.000Z', '2026-11-23T02:30:00.000Z' FROM seq`,
    );
    for (const query of ['光明', '明', '司马', '司']) {
      const hits = await desk.call('tickets.search', { query });
      expect(
        hits.map((h) => h.ticketId),
        query,
      ).toEqual([old.id]);
    }
    expect((await desk.call('tickets.search', { query: '光明' }))[0]).toMatchObject({ matchedOn: 'name', match: 'contains' });
    expect((await desk.call('tickets.search', { query: '司马' }))[0]).toMatchObject({ matchedOn: 'name', match: 'prefix' });
  });

  it('finds an old device by a model typed as short words behind more than 50,000 newer devices', async () => {
    const old = await checkIn(desk, {
      customer: { name: 'Chen', phone: '137 5555 0000' },
      device: { brand: 'Lenovo', model: 'ThinkPad X1', serial: 'PF-OLD-1' },
    });
    await desk.context.db.dataSource.query(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < 50001)
       INSERT INTO device (customer_id, type, brand, model, serial, created_at)
       SELECT 1, 'phone', 'Huawei', 'Mate ' || (i % 7 + 60), 'HW' || i, '2026-11-23T02:30:00.000Z' FROM seq`,
    );
    for (const query of ['x1', 'X1', 'lenovo x1']) {
      const hits = await desk.call('tickets.search', { query });
      expect(
        hits.map((h) => `${h.ticketId}:${h.matchedOn}:${h.match}`),
        query,
      ).toEqual([`${old.id}:model:contains`]);
    }
  });

  it('keeps the name index right when a customer is renamed or removed', async () => {
    const db = desk.context.db.dataSource;
    const grams = async (id: number) =>
      (
        (await db.query(`SELECT gram, at_start FROM customer_name_gram WHERE customer_id = ? ORDER BY gram, at_start`, [id])) as {
          gram: string;
          at_start: number;
        }[]
      )
        .map((r) => `${r.gram}${r.at_start ? '^' : ''}`)
        .sort(); // in code point order whatever the server's collation
    await db.query(`INSERT INTO customer (name, phone, phone_digits, created_at, updated_at) VALUES ('Li Na', '1', '1', 'x', 'x')`);
    const { id } = firstItem((await db.query(`SELECT max(id) AS id FROM customer`)) as { id: number }[]);
    expect(await grams(id)).toEqual(['a', 'i', 'l', 'l^', 'li', 'li^', 'n', 'na'].sort());
    await db.query(`UPDATE customer SET name = '李娜' WHERE id = ?`, [id]);
    expect(await grams(id)).toEqual(['娜', '李', '李^', '李娜', '李娜^'].sort());
    await db.query(`DELETE FROM customer WHERE id = ?`, [id]);
    expect(await grams(id)).toEqual([]);
  });
});
