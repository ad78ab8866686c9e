import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import type { TicketSearchHit } from '../../src/shared/tickets-contract';
import { fixedClock, openTestDesk, type TestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { onSqliteFile } from '../support/sqlite-only';
import { checkIn } from '../support/workflow';

const clock = fixedClock('2026-11-23T02:30:00Z');

interface CheckedIn {
  id: number;
  number: number;
  displayNumber: string;
  barcode: string;
}

describe('searching tickets', () => {
  let desk: TestDesk;
  // Filled once by beforeAll: every test reads the same seven tickets.
  let t: Record<'mate' | 'thinkpad' | 'iphone' | 'galaxy' | 'matepad' | 'lookalike' | 'intl', CheckedIn>;

  beforeAll(async () => {
    desk = await openTestDesk({ clock });
    const wang = { name: '王小明 Wang', phone: '138 0013 8000' };
    const mate = await checkIn(desk, { customer: wang, device: { brand: 'Huawei', model: 'Mate 60', serial: '861234567890123' } });
    const wangId = firstItem(await desk.call('customers.search', { query: '13800138000' })).id;
    const thinkpad = await checkIn(desk, {
      customer: { ...wang, id: wangId },
      device: { type: 'laptop', brand: 'Lenovo', model: 'ThinkPad X1', serial: 'PF3ABC12', conditionChecks: [] },
    });
    const iphone = await checkIn(desk, {
      customer: { name: '张伟 Zhang Wei', phone: '139 1234 5678' },
      device: { brand: 'Apple', model: 'iPhone 15 Pro', serial: 'F2LXK9AB1234' },
    });
    const galaxy = await checkIn(desk, {
      customer: { name: 'Wangari Maathai', phone: '150 0000 1380' },
      device: { brand: 'Samsung', model: 'Galaxy S24', serial: 'R5CT123456' },
    });
    const matepad = await checkIn(desk, {
      customer: { name: '李娜 Li Na', phone: '186 8000 0013' },
      device: { type: 'tablet', brand: 'Huawei', model: 'MatePad 11', serial: 'HW-MP-7788' },
    });
    // A phone number that is, digit for digit, the first ticket's number; and one containing Wang's phone.
    const lookalike = await checkIn(desk, {
      customer: { name: 'Chen', phone: mate.barcode },
      device: { brand: 'Xiaomi', model: 'Redmi Note 13', serial: 'XM13' },
    });
    const intl = await checkIn(desk, { customer: { name: 'Zhou', phone: '+86 138 0013 8000' }, device: { brand: 'OPPO', model: 'Find X7', serial: 'OP7' } });
    t = { mate, thinkpad, iphone, galaxy, matepad, lookalike, intl };
  });
  afterAll(async () => desk.dispose());

  async function search(query: string, limit?: number): Promise<TicketSearchHit[]> {
    return desk.call('tickets.search', { query, limit });
  }
  const ids = (hits: TicketSearchHit[]) => hits.map((h) => h.ticketId);
  const how = (hits: TicketSearchHit[]) => hits.map((h) => `${h.ticketId}:${h.matchedOn}:${h.match}`);

  it('finds a ticket by its number, with or without the prefix, as typed or scanned', async () => {
    for (const typed of [
      t.iphone.displayNumber,
      t.iphone.barcode,
      t.iphone.displayNumber.toLowerCase(),
      t.iphone.displayNumber.replace(/-/g, ''),
      `${t.iphone.barcode.slice(0, 6)} ${t.iphone.barcode.slice(6)}`,
      ` ${t.iphone.barcode} `,
    ]) {
      const hits = await search(typed);
      expect(hits[0], typed).toMatchObject({ ticketId: t.iphone.id, matchedOn: 'number', match: 'exact', displayNumber: t.iphone.displayNumber });
    }
    // Full-width digits from a Chinese input method.
    const fullWidth = t.iphone.barcode.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(firstItem(await search(fullWidth)).ticketId).toBe(t.iphone.id);
    // The first digits (the day) find the day's tickets, newest first.
    const day = await search(t.iphone.barcode.slice(0, 6));
    expect(ids(day)).toEqual([t.intl.id, t.lookalike.id, t.matepad.id, t.galaxy.id, t.iphone.id, t.thinkpad.id, t.mate.id]);
    expect(day.every((h) => h.matchedOn === 'number' && h.match === 'prefix')).toBe(true);
  });

  it('stops at the exact ticket number; more puts a phone number made of the same digits after it', async () => {
    expect(how(await search(t.mate.barcode))).toEqual([`${t.mate.id}:number:exact`]);
    const more = await desk.call('tickets.search', { query: t.mate.barcode, more: true });
    expect(how(more).slice(0, 2)).toEqual([`${t.mate.id}:number:exact`, `${t.lookalike.id}:phone:exact`]);
  });

  it('finds by phone, whole or any part, with an exact phone before partial ones', async () => {
    const exact = await search('13800138000');
    expect(how(exact)).toEqual([`${t.thinkpad.id}:phone:exact`, `${t.mate.id}:phone:exact`, `${t.intl.id}:phone:contains`]);
    expect(ids(await search('138 0013 8000'))).toEqual(ids(exact));
    expect(ids(await search('138-0013-8000'))).toEqual(ids(exact));
    expect(how(await search('139'))).toEqual([`${t.iphone.id}:phone:prefix`]);
    // The last four digits, as a clerk asks for them.
    // (The Mate's IMEI contains 5678 too.)
    expect(how(await search('5678'))).toEqual([`${t.iphone.id}:phone:contains`, `${t.mate.id}:serial:contains`]);
    expect(new Set(ids(await search('0013')))).toEqual(new Set([t.mate.id, t.thinkpad.id, t.galaxy.id, t.matepad.id, t.intl.id]));
  });

  it('finds by customer name, Chinese or Latin, any part, any case', async () => {
    expect(ids(await search('王小明'))).toEqual([t.thinkpad.id, t.mate.id]);
    expect(ids(await search('小明'))).toEqual([t.thinkpad.id, t.mate.id]);
    expect(ids(await search('王'))).toEqual([t.thinkpad.id, t.mate.id]);
    expect(ids(await search('明'))).toEqual([t.thinkpad.id, t.mate.id]);
    expect(ids(await search('张伟'))).toEqual([t.iphone.id]);
    expect(ids(await search('伟'))).toEqual([t.iphone.id]);
    expect(ids(await search('zhang'))).toEqual([t.iphone.id]);
    expect(ids(await search('ZHANG WEI'))).toEqual([t.iphone.id]);
    expect(ids(await search('maathai'))).toEqual([t.galaxy.id]);
    // "wang": a name starting with it comes before names that merely contain it.
    const wang = await search('Wang');
    expect(how(wang)).toEqual([`${t.galaxy.id}:name:prefix`, `${t.thinkpad.id}:name:contains`, `${t.mate.id}:name:contains`]);
    expect(ids(await search('wAnG'))).toEqual(ids(wang));
  });

  it('finds by serial or IMEI, whole or part, the exact one first', async () => {
    expect(how(await search('861234567890123'))).toEqual([`${t.mate.id}:serial:exact`]);
    expect(how(await search('f2lxk9ab1234'))).toEqual([`${t.iphone.id}:serial:exact`]);
    expect(how(await search('F2LX'))).toEqual([`${t.iphone.id}:serial:prefix`]);
    expect(ids(await search('XK9AB'))).toEqual([t.iphone.id]);
    expect(ids(await search('7890123'))).toEqual([t.mate.id]);
    expect(ids(await search('HW-MP-7788'))).toEqual([t.matepad.id]);
  });

  it('finds by brand and model, the best match first', async () => {
    expect(how(await search('Mate 60'))).toEqual([`${t.mate.id}:model:prefix`]);
    expect(ids(await search('mate'))).toEqual([t.matepad.id, t.mate.id]);
    expect(ids(await search('iphone 15'))).toEqual([t.iphone.id]);
    expect(ids(await search('Huawei Mate'))).toEqual([t.matepad.id, t.mate.id]);
    expect(ids(await search('Apple 15 Pro'))).toEqual([t.iphone.id]);
    expect(ids(await search('galaxy'))).toEqual([t.galaxy.id]);
    expect(ids(await search('thinkpad'))).toEqual([t.thinkpad.id]);
    // Words too short for the trigram index.
    expect(how(await search('x1'))).toEqual([`${t.thinkpad.id}:model:contains`]);
    expect(ids(await search('X7'))).toEqual([t.intl.id]);
    expect(ids(await search('Note 13'))).toEqual([t.lookalike.id]);
    expect(await search('Nokia 3310')).toEqual([]);
  });

  it('answers with what the result list shows', async () => {
    const [hit] = await search(t.iphone.barcode);
    expect(hit).toEqual({
      ticketId: t.iphone.id,
      number: t.iphone.number,
      displayNumber: t.iphone.displayNumber,
      status: 'received',
      customerName: '张伟 Zhang Wei',
      customerPhone: '139 1234 5678',
      deviceType: 'phone',
      brand: 'Apple',
      model: 'iPhone 15 Pro',
      serial: 'F2LXK9AB1234',
      createdAt: '2026-11-23T02:30:00.000Z',
      matchedOn: 'number',
      match: 'exact',
    });
  });

  it('keeps to the limit and copes with empty, odd and too long queries', async () => {
    expect(await search('0013', 2)).toHaveLength(2);
    for (const query of ['', '   ', '%', '_', '"', `'`, '\\', '*', 'a"b', 'NEAR(', '王"']) {
      expect(Array.isArray(await search(query)), query).toBe(true);
    }
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect((await desk.fail('tickets.search', { query: 'x'.repeat(101) })).code).toBe('validation');
  });

  it('follows a customer renamed or a device corrected after intake', async () => {
    await desk.context.db.dataSource.query(`UPDATE customer SET name = '王大明 Wang' WHERE phone_digits = '13800138000'`);
    expect(ids(await search('大明'))).toEqual([t.thinkpad.id, t.mate.id]);
    expect(await search('小明')).toEqual([]);
    expect(ids(await search('Wang Da'))).toEqual([]);
    await desk.context.db.dataSource.query(`UPDATE customer SET name = '王小明 Wang' WHERE phone_digits = '13800138000'`);
    expect(ids(await search('王小明 Wang'))).toEqual([t.thinkpad.id, t.mate.id]);
  });
});

describe('an exact phone or IMEI answers the search', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk({ clock });
  });
  afterAll(async () => desk.dispose());
  const how = async (query: string, more = false) =>
    (await desk.call('tickets.search', { query, more })).map((h: TicketSearchHit) => `${h.ticketId}:${h.matchedOn}:${h.match}`);

  it('a whole phone that found its tickets leaves a serial of the same digits for "more"', async () => {
    const wang = await checkIn(desk, { customer: { name: '王小明', phone: '138 0013 8000' }, device: { serial: 'C02XK1' } });
    const owner = await checkIn(desk, { customer: { name: 'Serial Owner', phone: '139 5555 6666' }, device: { serial: '13800138000' } });
    expect(await how('13800138000')).toEqual([`${wang.id}:phone:exact`]);
    expect(await how('13800138000', true)).toEqual([`${owner.id}:serial:exact`, `${wang.id}:phone:exact`]);
    // Digits that are nobody's phone still find the serial at once.
    const second = await checkIn(desk, { customer: { name: 'Second Owner', phone: '139 5555 7777' }, device: { serial: '13700000000' } });
    expect(await how('13700000000')).toEqual([`${second.id}:serial:exact`]);
  });

  it('a whole IMEI that found its device leaves a phone of the same fifteen digits for "more"', async () => {
    const mate = await checkIn(desk, { customer: { name: 'Li Lei', phone: '186 1111 2222' }, device: { serial: '861234567890123' } });
    const abroad = await checkIn(desk, { customer: { name: 'Far Away', phone: '861234567890123' }, device: { serial: 'FA1' } });
    expect(await how('861234567890123')).toEqual([`${mate.id}:serial:exact`]);
    // Both exact: the newer ticket first.
    expect(await how('861234567890123', true)).toEqual([`${abroad.id}:phone:exact`, `${mate.id}:serial:exact`]);
    // Fifteen digits that are no device's serial still find the phone.
    const other = await checkIn(desk, { customer: { name: 'Other Abroad', phone: '008613912340000' }, device: { serial: 'OA2' } });
    expect(await how('008613912340000')).toEqual([`${other.id}:phone:exact`]);
  });
});

describe('a shop upgrading from the intake release', () => {
  onSqliteFile('finds the tickets checked in before the repair-workflow migration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repair-desk-upgrade-'));
    try {
      // The database as the intake release left it: migration 0001 only, with data.
      const old = new DataSource({
        type: 'better-sqlite3',
        database: join(dir, DATABASE_FILE),
        migrations: [firstItem(MIGRATIONS)],
        migrationsRun: true,
        logging: false,
      });
      await old.initialize();
      const stamp = '2026-11-20T02:30:00.000Z';
      await old.query(`INSERT INTO customer (name, phone, phone_digits, created_at, updated_at) VALUES ('刘德华 Lau', '137 0000 1111', '13700001111', ?, ?)`, [
        stamp,
        stamp,
      ]);
      await old.query(`INSERT INTO device (customer_id, type, brand, model, serial, created_at) VALUES (1, 'laptop', 'Dell', 'XPS 13', 'DL-XPS-0042', ?)`, [
        stamp,
      ]);
      await old.query(
        `INSERT INTO ticket (number, status, customer_id, device_id, intake_batch, fault, warranty_status, warranty_basis, data_answer, estimate_minor, deposit_minor, currency, created_at, updated_at)
         VALUES (2611200001, 'received', 1, 1, 'b1', 'no power', 'out_of_warranty', 'no_purchase_date', 'has_backup', 0, 0, 'CNY', ?, ?)`,
        [stamp, stamp],
      );
      await old.destroy();

      const desk = await openTestDesk({ dir, clock });
      try {
        for (const query of ['德华', 'lau', '0000 111', 'XPS-00', 'xps', '2611200001', 'RD-261120-0001']) {
          const hits = await desk.call('tickets.search', { query });
          expect(
            hits.map((h) => h.number),
            query,
          ).toEqual([2611200001]);
        }
        const board = await desk.call('tickets.board', {});
        expect(board.items.map((i) => [i.number, i.severity, i.technicianName])).toEqual([[2611200001, null, null]]);
        expect((await desk.call('tickets.getWorkflow', { ticketId: 1 })).nextMoves.map((m) => m.to)).toEqual(['diagnosing', 'cancelled']);
      } finally {
        await desk.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
