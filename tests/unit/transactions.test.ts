// Read and write transactions are different types: these checks are compiled by
// `npm run typecheck` (tsconfig.test.json covers the tests), so a read use case
// that writes fails the build, not a customer's day.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/main/core/storage/database';
import { SettingEntity } from '../../src/main/core/storage/entities/settings';
import type { ReadTx, WriteTx } from '../../src/main/core/storage/transactions';
import { appendTicketEvent } from '../../src/main/core/record/tickets';
import { loadSettings } from '../../src/main/core/features/settings/settings';
import { openTestDesk, type TestDesk } from '../support/desk';

/** Never called: it exists for the compiler. Each marked line must fail to compile. */
export function writesInsideARead(db: Database): Promise<void> {
  return db.read(async (tx) => {
    // @ts-expect-error a read hands out a ReadTx, and every writer takes a WriteTx
    await appendTicketEvent(tx, { ticketId: 1, kind: 'note', staffId: null, at: '2026-01-01T00:00:00.000Z' });
    // @ts-expect-error a ReadTx has no ORM write methods
    await tx.insert(SettingEntity, { key: 'language', value: '"en"' });
    // @ts-expect-error nor may it be widened back into a WriteTx
    const widened: WriteTx = tx;
    void widened;
  });
}

/** A write transaction is also a read one: readers serve both. */
export function readsInsideAWrite(db: Database): Promise<string> {
  return db.write(async (tx) => {
    const asRead: ReadTx = tx;
    return (await loadSettings(asRead)).language;
  });
}

describe('read and write transactions', () => {
  let desk: TestDesk | undefined;
  afterEach(async () => {
    await desk?.dispose();
    desk = undefined;
  });

  it('run readers in either kind and writers only in a write', async () => {
    desk = await openTestDesk({ setup: false });
    const { db } = desk.context;
    expect(await readsInsideAWrite(db)).toBe(await db.read(async (tx) => (await loadSettings(tx)).language));
  });
});
