// Property-based bad input for every contract channel: whatever arrives, the
// answer is a result or a typed refusal, never "internal", and a refusal
// writes nothing (on the SQLite file, and in the unit-postgres run on the
// server). `npm run reliability` runs more inputs (RELIABILITY_FUZZ_RUNS).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/contract';
import { openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { suiteOnPostgres } from '../support/suite-engine';
import { setUpCrew, type Crew } from '../support/workflow';

const RUNS = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 25);

// Sign-in attempts count wrong PINs on purpose (the lock): their refusals write.
const REFUSALS_THAT_WRITE = new Set<Channel>([
  'auth.signIn',
  'auth.setPin',
  'collection.refund',
  'collection.voidPayment',
  'collection.complete',
  'workflow.move',
]);
// Never given a valid session: with one, a random absolute path could send backups anywhere on this machine.
const NO_VALID_SESSION = (channel: Channel) => channel.startsWith('backups.') || channel.startsWith('dataExport.') || channel.startsWith('recovery.');

let desk: TestDesk;
let crew: Crew;
beforeAll(async () => {
  desk = await openTestDesk();
  crew = await setUpCrew(desk);
  await desk.call('intake.checkIn', sampleIntake());
});
afterAll(async () => desk?.dispose());

type Driver = { prepare(sql: string): { all(): Record<string, unknown>[] } };

/**
 * A mark of everything committed: it moves with any insert, update or delete that was kept. SQLite: a hash
 * of every table's rows. PostgreSQL: each table's row count and newest row version (xmin). A write rolled
 * back with its refusal leaves nothing behind, as every write use case's own guard row does.
 */
async function writeMark(): Promise<string> {
  if (!suiteOnPostgres()) {
    const driver = (desk.context.db.dataSource.driver as unknown as { databaseConnection: Driver }).databaseConnection;
    const hash = createHash('sha256');
    for (const { name } of driver.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all()) {
      hash.update(`${String(name)}:${JSON.stringify(driver.prepare(`SELECT * FROM "${String(name)}"`).all())}`);
    }
    return hash.digest('hex');
  }
  markQuery ??= await serverMarkQuery();
  const rows: { mark: string }[] = await desk.context.db.dataSource.query(markQuery);
  return rows.map((row) => row.mark).join(' ');
}

let markQuery: string | null = null;
async function serverMarkQuery(): Promise<string> {
  const tables: { name: string }[] = await desk.context.db.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  return tables.map(({ name }) => `SELECT '${name}:' || COUNT(*) || ':' || COALESCE(MAX(xmin::text::bigint), 0) AS mark FROM "${name}"`).join(' UNION ALL ');
}

const awkwardText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '\u0000Wang',
    '9999-12-31',
    '0000-00-00',
    '2026-02-30',
    '__proto__',
    'constructor',
    'toString',
    '%',
    '../../etc/passwd',
    '1e309',
    '🛠️',
    '王'.repeat(300),
  ),
);
const awkwardNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, Number.NaN));
const leaf = fc.oneof(awkwardText, awkwardNumber, fc.boolean(), fc.constant(null), fc.constant(undefined));
const KEYS = [
  'session',
  'ticketId',
  'number',
  'query',
  'date',
  'purchaseDate',
  'proofOfPurchase',
  'name',
  'id',
  'staffId',
  'pin',
  'newPin',
  'path',
  'jobId',
  'folder',
  'intervalHours',
  'partId',
  'loanerId',
  'loanId',
  'quoteId',
  'amountMinor',
  'method',
  'toStatus',
  'note',
  'limit',
  'document',
  'documents',
  'printer',
  'preset',
  'shopName',
  'language',
  'calibrations',
  'customer',
  'devices',
  'lines',
  'includeInactive',
];

function inputFor(channel: Channel) {
  const session = NO_VALID_SESSION(channel) ? awkwardText : fc.oneof(awkwardText, fc.constant(crew.manager.session), fc.constant(crew.clerk.session));
  const object = fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(fc.constantFrom(...KEYS), leaf)), {
    maxKeys: 6,
  });
  return fc.oneof(
    fc.anything(),
    object.chain((fields) => session.map((s) => ({ ...fields, session: s }))),
    object,
  );
}

describe('the write mark', () => {
  it('moves with a write, so a refusal that wrote would be seen', async () => {
    const before = await writeMark();
    await desk.call('intake.checkIn', sampleIntake({ customer: { name: 'Mark Moves' } }));
    expect(await writeMark()).not.toBe(before);
    const settled = await writeMark();
    await desk.call('tickets.search', { query: 'Mark Moves' });
    expect(await writeMark()).toBe(settled);
  });
});

describe('every channel under bad input', () => {
  for (const channel of CHANNELS) {
    it(
      channel,
      async () => {
        await fc.assert(
          fc.asyncProperty(inputFor(channel), async (input) => {
            const before = await writeMark();
            const result = await desk.dispatch(channel, input);
            if (result.ok) return;
            expect(result.error.code, JSON.stringify(result.error)).not.toBe('internal');
            expect(typeof result.error.message).toBe('string');
            if (!REFUSALS_THAT_WRITE.has(channel)) expect(await writeMark(), 'a refusal wrote to the database').toBe(before);
          }),
          { numRuns: RUNS },
        );
      },
      120_000,
    );
  }
});
