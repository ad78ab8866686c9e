// The reports' day totals on a real PostgreSQL server: the same three days of
// counter work replayed on a SQLite file and on the server (check-ins with a
// deposit, a cancellation, a repair with a part fitted and a discount, a
// device found unrepairable and collected for the diagnosis fee, a payment
// voided the next day and paid again, a refund, a follow-up call, a rework,
// moments just before and after local midnight) leave the same day rows in
// both, the report read from them is the same on both, and it is the report
// the SQLite file computes from the tickets themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/main/core/features/figures/reports';
import { POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES } from '../../src/main/core/storage/postgres-migrations/0009-figures-technician-scores';
import { POSTGRES_FILL_FIGURES_DAYS_NOW } from '../../src/main/core/storage/postgres-migrations/0008-figures-bought-parts';
import { addDays } from '../../src/shared/calendar';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { addPart, feeItemId, signInAgain, signaturePng } from '../support/workflow';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { firstItem } from '../support/lists';

const FIRST_DAY = '2026-05-04';
const local = (day: string, hour: number, minute: number) => {
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(y, m - 1, d, hour, minute).toISOString();
};
const DAY_TABLES = [
  'figures_day_intake',
  'figures_day_response',
  'figures_day_finished',
  'figures_day_payment',
  'figures_day_collected',
  'figures_day_parts',
  'figures_day_calls',
  'figures_day_technician_scores',
];

/** Three days of counter work, the same on any desk opened with this clock. */
async function replay(desk: TestDesk, clock: ReturnType<typeof fixedClock>): Promise<void> {
  const at = async (day: number, hour: number, minute: number) => {
    clock.set(local(addDays(FIRST_DAY, day), hour, minute));
    await signInAgain(desk, desk.crew!);
  };
  const technician = () => desk.sessionFor('technician');
  const manager = () => desk.sessionFor('manager');
  const move = (ticketId: number, toStatus: 'diagnosing' | 'awaiting_approval' | 'in_repair' | 'testing' | 'ready' | 'unrepairable' | 'cancelled', note = '') =>
    desk.call('workflow.move', { session: toStatus === 'cancelled' ? manager() : technician(), ticketId, toStatus, note });
  const diagnosisFee = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'diagnosis') };
  const board = { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'board_repair') };

  await at(0, 9, 0);
  const battery = await addPart(desk, desk.crew!, { name: 'Battery', openingQty: 10 });
  const checkIn = async (name: string, depositMinor: number) =>
    firstItem(
      (await desk.call('intake.checkIn', sampleIntake({ customer: { name }, device: { serial: `SN-${name}`, depositMinor, depositMethod: 'cash' } }))).tickets,
    ).id;
  const repaired = await checkIn('Chen Jie', 5000);
  const cancelled = await checkIn('Li Na', 0);
  const unrepairable = await checkIn('Wang Fang', 0);
  await at(0, 9, 20);
  await move(repaired, 'diagnosing');
  await move(cancelled, 'cancelled', 'Customer changed their mind');
  await at(0, 10, 0);
  await desk.call('diagnosis.save', {
    session: technician(),
    ticketId: repaired,
    category: 'hardware',
    cause: 'Battery swollen',
    solution: 'Replace it',
    severity: 2,
    repairClass: 'major',
  });
  await desk.call('quotes.save', {
    session: technician(),
    ticketId: repaired,
    lines: [
      diagnosisFee,
      board,
      { kind: 'part', partId: battery.id, qty: 1 },
      { kind: 'bought_part', description: 'Battery bracket', qty: 2, unitPriceMinor: 2000, unitCostMinor: 1200, supplier: '' },
    ],
    discount: { kind: 'amount', value: 1000, reason: 'Regular customer' },
  });
  await move(repaired, 'awaiting_approval');
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: repaired })).quotes).id;
  await desk.call('approvals.record', {
    session: technician(),
    ticketId: repaired,
    quoteId,
    decision: 'accepted',
    method: 'in_person',
    signaturePng: signaturePng(),
  });
  await move(repaired, 'in_repair');
  await desk.call('parts.use', { session: technician(), ticketId: repaired, partId: battery.id, qty: 1 });
  await at(0, 23, 58);
  await move(unrepairable, 'diagnosing');
  await desk.call('diagnosis.save', {
    session: technician(),
    ticketId: unrepairable,
    category: 'hardware',
    cause: 'Board burnt',
    solution: 'None',
    severity: 3,
    repairClass: 'minor',
  });
  await desk.call('quotes.save', { session: technician(), ticketId: unrepairable, lines: [diagnosisFee], discount: null });
  await move(unrepairable, 'unrepairable', 'Board beyond repair');

  await at(1, 0, 5);
  await move(repaired, 'testing');
  await move(repaired, 'ready');
  const due = (await desk.call('collection.get', { ticketId: repaired })).balanceMinor;
  const card = await desk.call('collection.pay', { session: desk.sessionFor('clerk'), ticketId: repaired, method: 'card', amountMinor: due });
  await at(1, 10, 0);
  const fee = (await desk.call('collection.get', { ticketId: unrepairable })).balanceMinor;
  await desk.call('collection.pay', { session: desk.sessionFor('clerk'), ticketId: unrepairable, method: 'wechat', amountMinor: fee });
  await desk.call('collection.complete', { session: desk.sessionFor('clerk'), ticketId: unrepairable, identity: 'claim_ticket', signaturePng: signaturePng() });

  await at(2, 9, 0);
  await desk.call('collection.voidPayment', { session: manager(), paymentId: card.payments.at(-1)!.id, reason: 'Charged twice by the terminal' });
  await desk.call('collection.pay', { session: desk.sessionFor('clerk'), ticketId: repaired, method: 'wechat', amountMinor: due });
  await desk.call('collection.complete', { session: desk.sessionFor('clerk'), ticketId: repaired, identity: 'claim_ticket', signaturePng: signaturePng() });
  await desk.call('collection.refund', { session: manager(), ticketId: repaired, method: 'cash', amountMinor: 500, reason: 'Goodwill' });
  await at(2, 15, 0);
  await desk.call('followUps.record', { session: desk.sessionFor('clerk'), ticketId: repaired, reached: true, working: true, quality: 5, attitude: 4 });
  await desk.call('workflow.reopen', { session: desk.sessionFor('clerk'), ticketId: repaired, fault: 'No power again' });
}

async function dayRows(desk: TestDesk): Promise<unknown[][]> {
  return desk.context.db.read((tx) => Promise.all(DAY_TABLES.map((t) => tx.query<unknown[]>(`SELECT * FROM ${t} ORDER BY 1, 2, 3`))));
}

async function report(desk: TestDesk, clock: ReturnType<typeof fixedClock>, source: 'stored' | 'live') {
  const settings = await desk.call('settings.get', {});
  return desk.context.db.read((tx) => buildReport(tx, FIRST_DAY, addDays(FIRST_DAY, 2), settings, { withParts: true, now: clock.now(), source }));
}

describe.skipIf(!postgresAvailable())('the day totals on PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('are the rows SQLite keeps for the same work, and give the report the tickets give', { timeout: 300_000 }, async () => {
    const sqliteClock = fixedClock(local(FIRST_DAY, 8, 0));
    const postgresClock = fixedClock(local(FIRST_DAY, 8, 0));
    const sqlite = await openTestDesk({ clock: sqliteClock });
    const postgres = await openTestDesk({ clock: postgresClock, postgres: await server.createDatabase() });
    try {
      expect(postgres.context.db.engine.name).toBe('postgres');
      await replay(sqlite, sqliteClock);
      await replay(postgres, postgresClock);

      const kept = await dayRows(postgres);
      expect(kept).toEqual(await dayRows(sqlite));
      for (const rows of kept) expect(rows.length).toBeGreaterThan(0);

      const fromServer = await report(postgres, postgresClock, 'stored');
      expect(fromServer).toEqual(await report(sqlite, sqliteClock, 'live'));
      expect(fromServer.tickets).toEqual({ in: 4, finished: 1, collected: 2, cancelled: 1 });
      expect(fromServer.revenue.refundsMinor).toBe(500);
      expect(fromServer.revenue.discountsMinor).toBe(1000);
      expect(fromServer.parts!.lines).toHaveLength(1);
      expect(fromServer.parts!.boughtIn).toEqual({ qty: 2, costMinor: 2400, chargedMinor: 4000, marginMinor: 1600 });
      expect(fromServer.satisfaction.calls).toBe(1);
      expect(fromServer.technicians.reduce((n, t) => n + t.reworks, 0)).toBe(1);

      // A refill from the whole history gives the rows the triggers kept.
      const refilled = await postgres.context.db.write(async (tx) => {
        for (const t of DAY_TABLES) await tx.query(`DELETE FROM ${t}`);
        for (const statement of [...POSTGRES_FILL_FIGURES_DAYS_NOW, POSTGRES_FILL_FIGURES_TECHNICIAN_SCORES]) await tx.query(statement);
        return Promise.all(DAY_TABLES.map((t) => tx.query(`SELECT * FROM ${t} ORDER BY 1, 2, 3`)));
      });
      expect(refilled).toEqual(kept);
    } finally {
      await sqlite.dispose();
      await postgres.dispose();
    }
  });
});
