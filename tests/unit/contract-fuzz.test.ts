// Property-based bad input for every contract channel: whatever arrives, the
// answer is a result or a typed refusal, never "internal", and a refusal
// writes nothing. `npm run reliability` runs more inputs (RELIABILITY_FUZZ_RUNS).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/contract';
import { openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
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

type Driver = { prepare(sql: string): { get(): { n: number } } };
function totalChanges(): number {
  const driver = (desk.context.db.dataSource.driver as unknown as { databaseConnection: Driver }).databaseConnection;
  return driver.prepare('SELECT total_changes() AS n').get().n;
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

describe('every channel under bad input', () => {
  for (const channel of CHANNELS) {
    it(
      channel,
      async () => {
        await fc.assert(
          fc.asyncProperty(inputFor(channel), async (input) => {
            const before = totalChanges();
            const result = await desk.dispatch(channel, input);
            if (result.ok) return;
            expect(result.error.code, JSON.stringify(result.error)).not.toBe('internal');
            expect(typeof result.error.message).toBe('string');
            if (!REFUSALS_THAT_WRITE.has(channel)) expect(totalChanges(), 'a refusal wrote to the database').toBe(before);
          }),
          { numRuns: RUNS },
        );
      },
      120_000,
    );
  }
});
