// A shop's ten years of tickets for the search bench: customers (Chinese names,
// Latin names and both), their phones, devices (brands, models, serials and
// IMEIs), tickets spread over ten years (most collected, a few hundred open)
// with their events, and the follow-up calls (回访) a shop makes on days 3 to 7
// after collection (most reach the customer, some take a few tries, some are
// never made). The schema, indexes and triggers (FTS included) come from
// the desk's own migrations: the file is opened once through openDesk, closed,
// then filled with raw better-sqlite3 inserts in large transactions, with the
// triggers and secondary indexes set aside during the load and the tables they
// keep filled at the end (bulk-load.ts). The same rows can be written with the
// triggers live, which the tests use to check the bulk load gives the same file.
//
// The file is cached under the temp folder keyed by the ticket count and the
// generator version, so a rerun reuses it.
//
//   npx tsx bench/generate-data.ts [--tickets 200000] [--force]
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE } from '../src/main/core/desk';
import { OPEN_STATUSES } from '../src/main/core/rules/status-machine';
import type { DeviceType, TicketStatus } from '../src/shared/domain';
import { composeTicketNumber, localDayCode } from '../src/shared/ticket-number';
import { openBenchDesk } from './checkin';
import { USE_CASE_FILLS, resumeAfterBulkLoad, suspendForBulkLoad } from './bulk-load';
import { itemAt } from '../src/shared/lists';
import { chainGeneratedHistory } from './chain-history';

/** Bump when the generated data changes shape or how it is written, so cached files are not reused. */
const GENERATOR_VERSION = 6;
/** The shop's "today" in the generated data (local time), and the ten years before it. */
export const DATA_NOW = new Date(2026, 10, 23, 18, 0, 0);
const YEARS = 10;
const DAY_MS = 86_400_000;

export interface GeneratedData {
  dir: string;
  file: string;
  tickets: number;
  customers: number;
  devices: number;
  events: number;
  openTickets: number;
  technicianIds: number[];
  generatedMs: number;
  bytes: number;
  reused: boolean;
}

// ---- a small seeded random source ---------------------------------------------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return itemAt(items, Math.floor(this.next() * items.length));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
  chars(alphabet: string, n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }
}

// ---- names, phones, devices -------------------------------------------------

// The most common surnames first, so 王, 李, 张 and 刘 are as frequent as in a real shop.
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲斌辉鹏宇浩然子涵欣怡梓轩雨泽晨曦思远嘉诚俊杰文博天佑一鸣小明小红建国建华国强海燕春梅志强晓东晓燕丹丹婷婷佳琪家豪宏伟雪梅秀兰';
const LATIN_FIRST = [
  'James',
  'Maria',
  'David',
  'Anna',
  'Michael',
  'Sophie',
  'Daniel',
  'Laura',
  'Thomas',
  'Emma',
  'Peter',
  'Julia',
  'Mark',
  'Olga',
  'Ivan',
  'Kevin',
  'Grace',
  'Lucas',
  'Sarah',
  'Ahmed',
  'Fatima',
  'Yuki',
  'Kenji',
  'Minh',
  'Linh',
  'Carlos',
  'Elena',
  'John',
  'Wangari',
  'Chloe',
];
const LATIN_LAST = [
  'Smith',
  'Johnson',
  'Brown',
  'Miller',
  'Garcia',
  'Martin',
  'Müller',
  'Schmidt',
  'Rossi',
  'Dubois',
  'Ivanov',
  'Kowalski',
  'Nguyen',
  'Tanaka',
  'Sato',
  'Kim',
  'Park',
  'Silva',
  'Santos',
  'Wilson',
  'Taylor',
  'Anderson',
  'Lopez',
  'Hassan',
  'Khan',
  'Novak',
  'Maathai',
  'Okafor',
  'Jensen',
  'Moreau',
];
const PINYIN: Record<string, string> = { 王: 'Wang', 李: 'Li', 张: 'Zhang', 刘: 'Liu', 陈: 'Chen', 杨: 'Yang', 黄: 'Huang', 赵: 'Zhao', 吴: 'Wu', 周: 'Zhou' };
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '147',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

interface ModelSpec {
  type: DeviceType;
  brand: string;
  models: string[];
  serial: 'imei' | 'apple' | 'lenovo' | 'alnum' | 'none';
  weight: number;
}

const CATALOGUE: ModelSpec[] = [
  {
    type: 'phone',
    brand: 'Apple',
    models: [
      'iPhone 8',
      'iPhone X',
      'iPhone XR',
      'iPhone 11',
      'iPhone 12',
      'iPhone 13',
      'iPhone 13 Pro',
      'iPhone 14',
      'iPhone 14 Pro Max',
      'iPhone 15',
      'iPhone 15 Pro',
      'iPhone 16',
    ],
    serial: 'imei',
    weight: 16,
  },
  {
    type: 'phone',
    brand: 'Huawei',
    models: ['Mate 20', 'Mate 30 Pro', 'Mate 40', 'Mate 60', 'Mate 60 Pro', 'P30', 'P40 Pro', 'P60', 'nova 9', 'nova 11'],
    serial: 'imei',
    weight: 14,
  },
  {
    type: 'phone',
    brand: 'Xiaomi',
    models: ['Redmi Note 8', 'Redmi Note 10', 'Redmi Note 12', 'Redmi Note 13', 'Redmi K60', 'Mi 10', 'Xiaomi 12', 'Xiaomi 13', 'Xiaomi 14'],
    serial: 'imei',
    weight: 12,
  },
  { type: 'phone', brand: 'OPPO', models: ['Reno 6', 'Reno 8', 'Reno 10', 'Find X5', 'Find X7', 'A57', 'A96'], serial: 'imei', weight: 7 },
  { type: 'phone', brand: 'vivo', models: ['X70', 'X90', 'X100', 'S16', 'Y76s', 'iQOO 11'], serial: 'imei', weight: 7 },
  { type: 'phone', brand: 'Honor', models: ['Honor 50', 'Honor 70', 'Honor 90', 'Magic5 Pro', 'X40'], serial: 'imei', weight: 5 },
  {
    type: 'phone',
    brand: 'Samsung',
    models: ['Galaxy S21', 'Galaxy S22', 'Galaxy S23', 'Galaxy S24', 'Galaxy A54', 'Galaxy Note 20'],
    serial: 'imei',
    weight: 4,
  },
  { type: 'tablet', brand: 'Apple', models: ['iPad 9', 'iPad Air 4', 'iPad Air 5', 'iPad Pro 11', 'iPad mini 6'], serial: 'apple', weight: 4 },
  { type: 'tablet', brand: 'Huawei', models: ['MatePad 11', 'MatePad Pro', 'MatePad SE'], serial: 'alnum', weight: 2 },
  {
    type: 'laptop',
    brand: 'Lenovo',
    models: [
      'ThinkPad X1 Carbon',
      'ThinkPad X1',
      'ThinkPad T14',
      'ThinkPad E14',
      'ThinkBook 14',
      'Legion Y7000',
      'Legion R9000P',
      'Xiaoxin Pro 14',
      'IdeaPad 5',
    ],
    serial: 'lenovo',
    weight: 8,
  },
  {
    type: 'laptop',
    brand: 'Apple',
    models: ['MacBook Air M1', 'MacBook Air M2', 'MacBook Pro 13', 'MacBook Pro 14', 'MacBook Pro 16'],
    serial: 'apple',
    weight: 4,
  },
  { type: 'laptop', brand: 'Dell', models: ['XPS 13', 'XPS 15', 'Inspiron 14', 'Latitude 5420', 'Vostro 3500'], serial: 'alnum', weight: 3 },
  { type: 'laptop', brand: 'HP', models: ['Pavilion 14', 'EliteBook 840', 'ProBook 450', 'Envy 13', 'OMEN 16'], serial: 'alnum', weight: 3 },
  { type: 'laptop', brand: 'ASUS', models: ['VivoBook 15', 'ZenBook 14', 'ROG Zephyrus G14', 'TUF Gaming F15'], serial: 'alnum', weight: 2 },
  { type: 'laptop', brand: 'Huawei', models: ['MateBook 14', 'MateBook D 15', 'MateBook X Pro'], serial: 'alnum', weight: 2 },
  { type: 'desktop', brand: 'Lenovo', models: ['ThinkCentre M720', 'Qitian M430', 'Legion Blade 7000K'], serial: 'lenovo', weight: 1.5 },
  { type: 'desktop', brand: 'Dell', models: ['OptiPlex 3080', 'Vostro 3888'], serial: 'alnum', weight: 1 },
  { type: 'desktop', brand: 'Assembled', models: ['DIY PC', 'Gaming PC'], serial: 'none', weight: 1.5 },
  { type: 'monitor', brand: 'Dell', models: ['U2720Q', 'P2422H', 'S2721DGF'], serial: 'alnum', weight: 0.7 },
  { type: 'monitor', brand: 'AOC', models: ['24G2', 'Q27P1', '27G2'], serial: 'alnum', weight: 0.5 },
  { type: 'printer', brand: 'HP', models: ['LaserJet Pro M126a', 'DeskJet 2720', 'LaserJet M1136'], serial: 'alnum', weight: 1 },
  { type: 'printer', brand: 'Canon', models: ['PIXMA G3810', 'LBP2900', 'imageCLASS MF3010'], serial: 'alnum', weight: 0.8 },
  { type: 'printer', brand: 'Epson', models: ['L3150', 'L805', 'WF-2930'], serial: 'alnum', weight: 0.6 },
  { type: 'console', brand: 'Nintendo', models: ['Switch', 'Switch OLED', 'Switch Lite'], serial: 'alnum', weight: 1 },
  { type: 'console', brand: 'Sony', models: ['PlayStation 4', 'PlayStation 5'], serial: 'alnum', weight: 0.7 },
  { type: 'other', brand: 'DJI', models: ['Mini 3', 'Osmo Pocket 3'], serial: 'alnum', weight: 0.4 },
  { type: 'other', brand: 'Apple', models: ['AirPods Pro', 'Apple Watch S8'], serial: 'apple', weight: 0.6 },
];
const CATALOGUE_WEIGHT = CATALOGUE.reduce((sum, c) => sum + c.weight, 0);
const COLOURS = ['black', 'white', 'silver', 'grey', 'blue', 'gold', 'green', 'purple', 'red', '', ''];
const FAULTS = [
  '屏幕碎了',
  '不开机',
  '充电慢',
  '电池鼓包',
  '进水',
  '系统卡顿',
  'Screen cracked',
  'No power',
  'Battery drains fast',
  'Keyboard not working',
  '无法联网',
  '摄像头模糊',
  '卡纸',
  'Overheating',
  '蓝屏',
  '听筒无声音',
];

function customerName(random: Random): string {
  const roll = random.float();
  const chinese = () => random.pick([...SURNAMES]) + random.chars(GIVEN, random.chance(0.3) ? 1 : 2);
  if (roll < 0.72) return chinese();
  if (roll < 0.8) {
    const name = chinese();
    const pinyin = PINYIN[name.charAt(0)];
    return pinyin ? `${name} ${pinyin}` : name;
  }
  return `${random.pick(LATIN_FIRST)} ${random.pick(LATIN_LAST)}`;
}

function phone(random: Random): { phone: string; digits: string } {
  const digits = random.pick(MOBILE_PREFIXES) + random.digits(8);
  const roll = random.float();
  const phoneText = roll < 0.6 ? digits : roll < 0.9 ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}` : `+86 ${digits}`;
  return { phone: phoneText, digits: roll < 0.9 ? digits : `86${digits}` };
}

function serial(random: Random, kind: ModelSpec['serial']): string {
  switch (kind) {
    case 'imei':
      return random.pick(['35', '86', '35', '86', '01']) + random.digits(13);
    case 'apple':
      return random.pick(['F', 'C', 'D', 'G']) + random.chars('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 11);
    case 'lenovo':
      return random.pick(['PF', 'PC', 'R9', 'MP']) + random.chars('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 6);
    case 'alnum':
      return random.chars('0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', random.int(8, 12));
    case 'none':
      return '';
  }
}

function pickModel(random: Random): { spec: ModelSpec; model: string } {
  let roll = random.float() * CATALOGUE_WEIGHT;
  for (const spec of CATALOGUE) {
    roll -= spec.weight;
    if (roll <= 0) return { spec, model: random.pick(spec.models) };
  }
  const spec = itemAt(CATALOGUE, 0);
  return { spec, model: itemAt(spec.models, 0) };
}

// ---- ticket paths -------------------------------------------------------------

const FULL_PATH: TicketStatus[] = ['received', 'diagnosing', 'in_repair', 'ready', 'collected'];
const CLOSED_PATHS: [number, TicketStatus[]][] = [
  [0.8, FULL_PATH],
  [0.06, ['received', 'diagnosing', 'awaiting_approval', 'approved', 'in_repair', 'testing', 'ready', 'collected']],
  [0.04, ['received', 'diagnosing', 'awaiting_approval', 'declined', 'collected']],
  [0.03, ['received', 'diagnosing', 'unrepairable', 'collected']],
  [0.03, ['received', 'diagnosing', 'at_manufacturer', 'back_from_manufacturer', 'testing', 'ready', 'collected']],
  [0.04, ['received', 'cancelled']],
];
const OPEN_PATHS: [number, TicketStatus[]][] = [
  [0.14, ['received']],
  [0.16, ['received', 'diagnosing']],
  [0.1, ['received', 'diagnosing', 'awaiting_approval']],
  [0.04, ['received', 'diagnosing', 'awaiting_approval', 'approved']],
  [0.1, ['received', 'diagnosing', 'awaiting_parts']],
  [0.16, ['received', 'diagnosing', 'in_repair']],
  [0.05, ['received', 'diagnosing', 'at_manufacturer']],
  [0.02, ['received', 'diagnosing', 'at_manufacturer', 'back_from_manufacturer']],
  [0.06, ['received', 'diagnosing', 'in_repair', 'testing']],
  [0.13, ['received', 'diagnosing', 'in_repair', 'ready']],
  [0.02, ['received', 'diagnosing', 'awaiting_approval', 'declined']],
  [0.02, ['received', 'diagnosing', 'unrepairable']],
];

function pickPath(random: Random, paths: [number, TicketStatus[]][]): TicketStatus[] {
  let roll = random.float();
  for (const [p, path] of paths) {
    roll -= p;
    if (roll <= 0) return path;
  }
  return itemAt(paths, 0)[1];
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// ---- the file -----------------------------------------------------------------

export function dataDirFor(tickets: number): string {
  return join(tmpdir(), 'repair-desk-bench-data', `v${GENERATOR_VERSION}-${tickets}-tickets`);
}

/** Generates (or reuses) the file with `tickets` tickets and returns where it is. */
export async function ensureBenchData(tickets: number, options: { force?: boolean; log?: (text: string) => void } = {}): Promise<GeneratedData> {
  const log = options.log ?? (() => undefined);
  const dir = dataDirFor(tickets);
  const marker = join(dir, 'generated.json');
  if (!options.force && existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as GeneratedData;
    return { ...saved, dir, file: join(dir, DATABASE_FILE), reused: true };
  }
  const result = await generateBenchFile(dir, tickets, { bulk: true, log });
  writeFileSync(marker, JSON.stringify(result, null, 2));
  return result;
}

/**
 * Writes a new shop file with `tickets` tickets into `dir` (emptied first). `bulk`
 * sets the triggers and indexes aside during the load (fast); without it every
 * row goes through the live triggers, as the desk's own writes do (slow, for checks).
 */
export async function generateBenchFile(dir: string, tickets: number, options: { bulk: boolean; log?: (text: string) => void }): Promise<GeneratedData> {
  const log = options.log ?? (() => undefined);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  log(`generating ${tickets.toLocaleString('en')} tickets in ${dir}${options.bulk ? '' : ' (triggers live)'}`);

  // The schema from the desk's own migrations.
  await (await openBenchDesk(dir)).close();

  const file = join(dir, DATABASE_FILE);
  const db = new BetterSqlite3(file);
  // Bulk load: no journal, no sync; put back to WAL at the end as the desk expects.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');
  const suspended = options.bulk ? suspendForBulkLoad(db) : null;

  const random = new Random(20261123 + tickets);
  const nowMs = DATA_NOW.getTime();
  const startMs = nowMs - YEARS * 365.25 * DAY_MS;

  // Staff: the migration's manager, plus technicians and clerks who came and went.
  const insertStaff = db.prepare(`INSERT INTO staff (name, role, active, created_at) VALUES (?, ?, ?, ?)`);
  const technicianIds: number[] = [];
  const clerkIds: number[] = [1];
  db.transaction(() => {
    for (const [name, role, active] of [
      ['李师傅', 'technician', 1],
      ['Wang Tech', 'technician', 1],
      ['陈工', 'technician', 1],
      ['赵师傅', 'technician', 0],
      ['Alex', 'technician', 1],
      ['小周', 'clerk', 1],
      ['Mia', 'clerk', 1],
    ] as const) {
      const id = Number(insertStaff.run(name, role, active, iso(startMs)).lastInsertRowid);
      (role === 'technician' ? technicianIds : clerkIds).push(id);
    }
  })();

  // Tickets per day: the shop grows over the years and is busier at weekends.
  const days = Math.round((nowMs - startMs) / DAY_MS);
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const date = new Date(startMs + (d + 1) * DAY_MS);
    const weekend = date.getDay() === 0 || date.getDay() === 6;
    weights.push((0.6 + (0.8 * d) / days) * (weekend ? 1.25 : 1));
  }
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const perDay = weights.map((w) => Math.floor((w / totalWeight) * tickets));
  let missing = tickets - perDay.reduce((s, n) => s + n, 0);
  for (let d = days - 1; missing > 0; d = (d - 1 + days) % days, missing--) perDay[d] = itemAt(perDay, d) + 1;

  const insertCustomer = db.prepare(
    `INSERT INTO customer (name, phone, phone_digits, address, notes, owner_technician_id, created_at, updated_at) VALUES (?, ?, ?, ?, '', NULL, ?, ?)`,
  );
  const insertDevice = db.prepare(`INSERT INTO device (customer_id, type, brand, model, serial, colour, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertCounter = db.prepare(`INSERT INTO ticket_day_counter (day, last_sequence) VALUES (?, ?)`);
  const insertTicket = db.prepare(
    `INSERT INTO ticket (number, status, customer_id, device_id, intake_batch, fault, customer_request, accessories, accessories_other,
       condition_checks, condition_notes, purchase_date, proof_of_purchase, warranty_status, warranty_basis, fee_consent, data_answer,
       estimate_minor, deposit_minor, currency, promised_date, technician_id, clerk_id, passcode_kind, passcode_sealed, created_at, updated_at,
       severity, repair_warranty_until, rework_of_ticket_id, collected_at)
     VALUES (?, ?, ?, ?, ?, ?, '', ?, '', '[]', '', NULL, 0, ?, ?, 1, ?, ?, ?, 'CNY', ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, ?)`,
  );
  const insertCall = db.prepare(
    `INSERT INTO follow_up_call (ticket_id, reached, working, quality, attitude, remarks, staff_id, at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  );
  // The calls have a random source of their own: the tickets are the same as without them.
  const callRandom = new Random(77 + tickets);
  let calls = 0;
  const insertEvent = db.prepare(
    `INSERT INTO ticket_event (ticket_id, kind, from_status, to_status, amount_minor, note, staff_id, at) VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  );

  // Customers: each ticket is a walk-in, a third of them returning customers.
  const customerDevices: number[][] = [null as unknown as number[]]; // by customer id (1-based)
  const deviceCount = { n: 0 };
  let customers = 0;
  let events = 0;
  let openTickets = 0;
  let ticketId = 0;
  const addresses = ['', '', '', '海淀区中关村大街1号', '朝阳区建国路88号', 'Dongcheng, Beijing', '天河区体育西路'];

  const batchDays = Math.max(1, Math.floor(days / 40));
  for (let from = 0; from < days; from += batchDays) {
    db.transaction(() => {
      for (let d = from; d < Math.min(days, from + batchDays); d++) {
        const count = itemAt(perDay, d);
        if (count === 0) continue;
        const dayStart = new Date(startMs + (d + 1) * DAY_MS);
        dayStart.setHours(9, 0, 0, 0);
        const dayCode = localDayCode(dayStart);
        const ageDays = days - 1 - d;
        for (let seq = 1; seq <= count; seq++) {
          const createdMs = dayStart.getTime() + Math.floor(((seq - 0.5) / count) * 10 * 3_600_000);
          const created = iso(createdMs);
          // Customer: returning (any earlier customer, recent ones more likely) or new.
          let customerId: number;
          if (customers > 0 && random.chance(0.35)) {
            const back = Math.floor(customers * random.float() ** 2);
            customerId = customers - back;
          } else {
            const name = customerName(random);
            const p = phone(random);
            customerId = Number(insertCustomer.run(name, p.phone, p.digits, random.pick(addresses), created, created).lastInsertRowid);
            customers = customerId;
            customerDevices.push([]);
          }
          // Device: the customer's earlier device again, or a new one.
          const owned = itemAt(customerDevices, customerId);
          let deviceId: number;
          if (owned.length > 0 && random.chance(0.3)) {
            deviceId = random.pick(owned);
          } else {
            const { spec, model } = pickModel(random);
            const s = random.chance(0.08) ? '' : serial(random, spec.serial);
            deviceId = Number(insertDevice.run(customerId, spec.type, spec.brand, model, s, random.pick(COLOURS), created).lastInsertRowid);
            deviceCount.n = deviceId;
            owned.push(deviceId);
          }
          // Status: open tickets are the recent ones, plus a few forgotten older ones.
          const openChance = ageDays < 10 ? 0.5 : ageDays < 60 ? 0.03 : 0.0002;
          const open = random.chance(openChance);
          const path = pickPath(random, open ? OPEN_PATHS : CLOSED_PATHS);
          if (open) openTickets++;
          const status = path[path.length - 1];
          const diagnosed = path.includes('diagnosing') && path.length > 2;
          const technician = path.length > 1 ? random.pick(technicianIds) : random.chance(0.5) ? random.pick(technicianIds) : null;
          const clerk = random.pick(clerkIds);
          const estimate = random.int(0, 60) * 1000;
          const deposit = random.chance(0.3) ? Math.min(estimate, 10_000) : 0;
          const promisedMs = createdMs + random.int(2, 10) * DAY_MS;
          // Each step a few hours to a few days after the last, the open ones not past today.
          const stepMs: number[] = [createdMs];
          for (let i = 1; i < path.length; i++) {
            const next = itemAt(stepMs, i - 1) + random.int(2, 60) * 3_600_000;
            stepMs.push(open ? Math.min(next, nowMs - (path.length - i) * 60_000) : next);
          }
          const lastMs = itemAt(stepMs, stepMs.length - 1);
          const collectedAt = status === 'collected' ? iso(lastMs) : null;
          const warrantyUntil = status === 'collected' && path.includes('ready') ? isoDate(lastMs + 90 * DAY_MS) : null;
          const inWarranty = random.chance(0.15);
          ticketId = Number(
            insertTicket.run(
              composeTicketNumber(dayCode, seq),
              status,
              customerId,
              deviceId,
              `gen-${d}-${seq}`,
              random.pick(FAULTS),
              random.chance(0.5) ? '["charger"]' : '[]',
              inWarranty ? 'in_warranty' : 'out_of_warranty',
              inWarranty ? 'proof_within_period' : random.pick(['no_proof', 'no_purchase_date', 'proof_expired']),
              random.pick(['has_backup', 'nothing_to_keep', 'shop_backup', 'accepts_loss']),
              estimate,
              deposit,
              isoDate(promisedMs),
              technician,
              clerk,
              created,
              iso(lastMs),
              diagnosed ? random.int(1, 3) : null,
              warrantyUntil,
              collectedAt,
            ).lastInsertRowid,
          );
          insertEvent.run(ticketId, 'checked_in', null, 'received', null, clerk, created);
          insertEvent.run(ticketId, 'estimate', null, null, estimate, clerk, created);
          events += 2;
          for (let i = 1; i < path.length; i++) {
            const by = path[i] === 'collected' || path[i] === 'cancelled' ? clerk : (technician ?? clerk);
            insertEvent.run(
              ticketId,
              path[i] === 'diagnosing' && random.chance(0.2) ? 'diagnosis_saved' : 'status_changed',
              itemAt(path, i - 1),
              itemAt(path, i),
              null,
              by,
              iso(itemAt(stepMs, i)),
            );
            events++;
          }
          // The follow-up call, on day 3 to 7 after collection, retried the next day when nobody answers.
          if (status === 'collected' && callRandom.chance(0.85)) {
            let callMs = lastMs + callRandom.int(3, 7) * DAY_MS;
            for (let attempt = 0; attempt < 3 && callMs < nowMs; attempt++, callMs += DAY_MS) {
              const reached = callRandom.chance(0.8);
              insertCall.run(
                ticketId,
                reached ? 1 : 0,
                reached ? 1 : null,
                reached ? callRandom.int(3, 5) : null,
                reached ? callRandom.int(3, 5) : null,
                clerk,
                iso(callMs),
              );
              calls++;
              if (reached) break;
            }
          }
        }
        insertCounter.run(dayCode, count);
      }
    })();
    log(`  ${Math.min(days, from + batchDays)}/${days} days, ${ticketId.toLocaleString('en')} tickets, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  log(`  ${calls.toLocaleString('en')} follow-up calls, rows loaded, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (suspended) {
    resumeAfterBulkLoad(db, suspended, log);
  } else {
    // What the collection and call use cases keep per ticket, as the migration fills it.
    for (const statement of USE_CASE_FILLS) db.exec(statement);
  }
  const linked = chainGeneratedHistory(db);
  log(`  ${linked.toLocaleString('en')} rows sealed in the history chain, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  db.pragma('journal_mode = WAL');
  db.close();

  const generatedMs = performance.now() - started;
  const result: GeneratedData = {
    dir,
    file,
    tickets: ticketId,
    customers,
    devices: deviceCount.n,
    events,
    openTickets,
    technicianIds,
    generatedMs,
    bytes: statSync(file).size,
    reused: false,
  };
  if (ticketId !== tickets) throw new Error(`generated ${ticketId} tickets, expected ${tickets}`);
  log(`  done: ${Math.round(tickets / (generatedMs / 1000)).toLocaleString('en')} tickets/s`);
  return result;
}

/** How many of the generated tickets are open: every status but collected and cancelled. */
export function countOpen(db: BetterSqlite3.Database): number {
  const row = db.prepare(`SELECT COUNT(*) AS n FROM ticket WHERE status IN (${OPEN_STATUSES.map(() => '?').join(',')})`).get(...OPEN_STATUSES) as { n: number };
  return row.n;
}

if (require.main === module) {
  const at = process.argv.indexOf('--tickets');
  const tickets = at > 0 ? Number(process.argv[at + 1]) : 200_000;
  ensureBenchData(tickets, { force: process.argv.includes('--force'), log: (t) => process.stderr.write(`${t}\n`) })
    .then((data) => console.log(JSON.stringify(data)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
