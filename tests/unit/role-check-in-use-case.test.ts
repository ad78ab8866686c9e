// A handler that starts with `acting` has the role table checked inside its
// own write transaction, on the staff row it acts as, instead of in a read of
// its own first. The refusals stay what they were (before the input rules,
// nothing written), and an allowed call runs in one transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { checkIn, setUpCrew, tableCounts, type Crew } from '../support/workflow';
import { handlers } from '../../src/main/core/handlers';
import { checksRolesInUseCase } from '../../src/main/core/role-check-in-use-case';
import { CHANNELS } from '../../src/shared/contract';
import { accessOf } from '../../src/shared/roles';
import type { DeskContext } from '../../src/main/core/context';

let desk: TestDesk;
let crew: Crew;
beforeAll(async () => {
  desk = await openTestDesk();
  crew = await setUpCrew(desk);
});
afterAll(async () => desk?.dispose());

/** Counts the desk's transactions of each kind while `work` runs. */
async function transactionsDuring(work: () => Promise<unknown>): Promise<{ reads: number; writes: number }> {
  const db = desk.context.db;
  const counts = { reads: 0, writes: 0 };
  const read = db.read.bind(db);
  const write = db.write.bind(db);
  db.read = (w) => {
    counts.reads++;
    return read(w);
  };
  db.write = (w) => {
    counts.writes++;
    return write(w);
  };
  try {
    await work();
  } finally {
    db.read = read;
    db.write = write;
  }
  return counts;
}

describe('the role check inside the use case', () => {
  it('marks only channels the role table limits to roles', () => {
    const marked = CHANNELS.filter((channel) => checksRolesInUseCase(handlers[channel]));
    expect(marked).toContain('intake.checkIn');
    expect(marked).toContain('collection.pay');
    for (const channel of marked) expect(accessOf(channel).kind, channel).toBe('roles');
  });

  it('wraps only handlers whose first step is the write transaction of acting', async () => {
    // Each wrapped handler gets a context where the write refuses at once and anything else touched first fails the test.
    const startedWrite = new Error('the write transaction started');
    const touched: string[] = [];
    const db = new Proxy({} as DeskContext['db'], {
      get: (_target, name) => {
        if (name === 'write') return () => Promise.reject(startedWrite);
        touched.push(`db.${String(name)}`);
        throw new Error(`db.${String(name)} used before acting`);
      },
    });
    const ctx = new Proxy({} as DeskContext, {
      get: (_target, name) => {
        if (name === 'db') return db;
        touched.push(String(name));
        throw new Error(`${String(name)} used before acting`);
      },
    });
    const marked = CHANNELS.filter((channel) => checksRolesInUseCase(handlers[channel]));
    expect(marked.length).toBeGreaterThan(15);
    for (const channel of marked) {
      const handler = handlers[channel] as (input: unknown, ctx: DeskContext) => Promise<unknown>;
      await expect(handler({ session: crew.clerk.session, managerApproval: null, ticketId: 1 }, ctx), channel).rejects.toBe(startedWrite);
    }
    expect(touched).toEqual([]);
  });

  it('checks a clerk in with one write transaction and no read before it', async () => {
    const counts = await transactionsDuring(() => desk.call('intake.checkIn', { ...sampleIntake(), session: crew.clerk.session }));
    expect(counts).toEqual({ reads: 0, writes: 1 });
  });

  it('refuses a technician at check-in with valid input, and writes nothing', async () => {
    const before = await tableCounts(desk);
    const error = await desk.fail('intake.checkIn', { ...sampleIntake(), session: crew.technician.session });
    expect(error.code).toBe('forbidden');
    expect(error.fields).toEqual([{ path: 'session', code: 'role_counter_only' }]);
    expect(await tableCounts(desk)).toEqual(before);
  });

  it('refuses a session that is not signed in, with valid input, and writes nothing', async () => {
    const before = await tableCounts(desk);
    const error = await desk.fail('intake.checkIn', { ...sampleIntake(), session: 'f'.repeat(64) });
    expect(error.fields).toEqual([{ path: 'session', code: 'signed_out' }]);
    expect(await tableCounts(desk)).toEqual(before);
  });

  it('still refuses the role before the input rules when the input is bad', async () => {
    const error = await desk.fail('intake.checkIn', { ...sampleIntake(), devices: [], session: crew.technician.session });
    expect(error.fields).toEqual([{ path: 'session', code: 'role_counter_only' }]);
    const allowed = await desk.fail('intake.checkIn', { ...sampleIntake(), devices: [], session: crew.clerk.session });
    expect(allowed.code).toBe('validation');
  });

  it('refuses a clerk at the bench (diagnosis) with valid input, and writes nothing', async () => {
    const ticket = await checkIn(desk);
    await desk.call('workflow.move', { session: crew.technician.session, ticketId: ticket.id, toStatus: 'diagnosing' });
    const before = await tableCounts(desk);
    const error = await desk.fail('diagnosis.save', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      category: 'hardware',
      cause: 'Cracked screen',
      severity: 2,
    });
    expect(error.fields).toEqual([{ path: 'session', code: 'role_repair_only' }]);
    expect(await tableCounts(desk)).toEqual(before);
    const saved = await desk.call('diagnosis.save', {
      session: crew.technician.session,
      ticketId: ticket.id,
      category: 'hardware',
      cause: 'Cracked screen',
      severity: 2,
    });
    expect(saved.ticketId).toBe(ticket.id);
  });

  it('asks for the manager when a clerk refunds without approval, and writes nothing', async () => {
    const ticket = await checkIn(desk);
    const before = await tableCounts(desk);
    const error = await desk.fail('collection.refund', {
      session: crew.clerk.session,
      ticketId: ticket.id,
      method: 'cash',
      amountMinor: 100,
      reason: 'Overcharged',
    });
    expect(error.fields).toEqual([{ path: 'managerApproval', code: 'manager_required' }]);
    expect(await tableCounts(desk)).toEqual(before);
  });
});
