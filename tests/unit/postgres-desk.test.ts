// The first slice of the desk on a real PostgreSQL server: setup, sign-in,
// check-in with ticket numbers, lookup by number and collection with payment;
// and two counters checking in at once on one server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDayCode } from '../../src/shared/ticket-number';
import { fixedClock, openTestDesk, sampleIntake, type TestDesk } from '../support/desk';
import { diagnoseAndQuote, feeItemId, signaturePng } from '../support/workflow';
import { postgresAvailable, startTestPostgres, type TestPostgres } from '../support/postgres';
import { firstItem } from '../support/lists';

const START = '2026-11-23T06:30:00Z';

describe.skipIf(!postgresAvailable())('the desk on PostgreSQL', () => {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startTestPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function ticketRows(desk: TestDesk): Promise<{ id: number; number: number; status: string }[]> {
    return desk.context.db.read((tx) => tx.query(`SELECT id, number, status FROM ticket ORDER BY number`));
  }

  it('sets up, signs in, checks in, looks a ticket up by number and collects it with payment', async () => {
    const clock = fixedClock(START);
    const desk = await openTestDesk({ clock, postgres: await server.createDatabase() });
    try {
      expect(desk.context.db.engine.name).toBe('postgres');
      expect(desk.crew?.clerk.session).toBeTruthy();
      const checkedIn = await desk.call('intake.checkIn', sampleIntake());
      const second = await desk.call('intake.checkIn', sampleIntake({ device: { serial: 'SN-2', depositMinor: 0 } }));
      const firstTicket = firstItem(checkedIn.tickets);
      const day = Number(localDayCode(clock.now()));
      expect([firstTicket.number, firstItem(second.tickets).number]).toEqual([day * 10_000 + 1, day * 10_000 + 2]);
      expect(second.customerId).toBe(checkedIn.customerId);

      const ticket = await desk.call('tickets.get', { number: String(firstTicket.number) });
      expect(ticket).toMatchObject({ id: firstTicket.id, number: firstTicket.number, status: 'received', depositMinor: 10000 });

      // The repair up to ready: diagnosis, a quote of 180.00, the customer's signature, the moves.
      const technician = desk.sessionFor('technician');
      const lines = [
        { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'diagnosis') },
        { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'board_repair') },
      ];
      await diagnoseAndQuote(desk, technician, ticket.id, { lines });
      await desk.call('workflow.move', { session: technician, ticketId: ticket.id, toStatus: 'awaiting_approval' });
      const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
      await desk.call('approvals.record', {
        session: technician,
        ticketId: ticket.id,
        quoteId,
        decision: 'accepted',
        method: 'in_person',
        signaturePng: signaturePng(),
      });
      for (const toStatus of ['in_repair', 'testing', 'ready'] as const)
        await desk.call('workflow.move', { session: technician, ticketId: ticket.id, toStatus });
      const before = await desk.call('collection.get', { ticketId: ticket.id });
      expect(before).toMatchObject({ status: 'ready', collectable: true, totalMinor: 18000, depositMinor: 10000, balanceMinor: 8000 });
      const paid = await desk.call('collection.pay', { ticketId: ticket.id, method: 'cash', amountMinor: 8000, tenderedMinor: 10000 });
      expect(paid.payments.at(-1)).toMatchObject({ kind: 'payment', method: 'cash', amountMinor: 8000, changeMinor: 2000 });
      expect(paid.balanceMinor).toBe(0);
      const collected = await desk.call('collection.complete', {
        ticketId: ticket.id,
        identity: 'claim_ticket',
        signaturePng: signaturePng(),
        accessoriesReturned: ['charger'],
      });
      expect(collected).toMatchObject({ ticketId: ticket.id, status: 'collected' });
      expect(await desk.call('audit.verify', {})).toMatchObject({ ok: true });

      // The append-only rules hold on the server as on the file.
      await expect(desk.context.db.write((tx) => tx.query(`DELETE FROM ticket WHERE id = ?`, [ticket.id]))).rejects.toThrow('tickets are never deleted');
      await expect(desk.context.db.write((tx) => tx.query(`UPDATE payment SET amount_minor = 1`))).rejects.toThrow('payments are never changed');
      // A write in a read use case does not compile, and the server refuses it if it ever ran.
      // @ts-expect-error -- an UPDATE is not ReadSql
      await expect(desk.context.db.read((tx) => tx.query(`UPDATE ticket SET fault = 'x'`))).rejects.toThrow(/read-only/);
    } finally {
      await desk.dispose();
    }
  });

  it('holds a part bought in for the repair: its kind, cost and supplier, and its charge counted as parts', async () => {
    const clock = fixedClock(START);
    const desk = await openTestDesk({ clock, postgres: await server.createDatabase() });
    try {
      const checkedIn = await desk.call('intake.checkIn', sampleIntake());
      const ticketId = firstItem(checkedIn.tickets).id;
      const technician = desk.sessionFor('technician');
      const lines = [
        { kind: 'labour' as const, feeItemId: await feeItemId(desk, 'screen_replacement') },
        { kind: 'bought_part' as const, description: 'OLED screen', qty: 2, unitPriceMinor: 30000, unitCostMinor: 21000, supplier: 'Huaqiang Parts' },
      ];
      await diagnoseAndQuote(desk, technician, ticketId, { lines });
      await desk.call('workflow.move', { session: technician, ticketId, toStatus: 'awaiting_approval' });
      const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId })).quotes).id;
      await desk.call('approvals.record', { session: technician, ticketId, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
      for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: technician, ticketId, toStatus });

      const stored: Record<string, unknown>[] = await desk.context.db.read((tx) =>
        tx.query(`SELECT kind, part_id, qty, unit_cost_minor, supplier, charged_minor FROM quote_line WHERE quote_id = ? ORDER BY position`, [quoteId]),
      );
      expect(stored).toEqual([
        { kind: 'labour', part_id: null, qty: 1, unit_cost_minor: null, supplier: '', charged_minor: 8000 },
        { kind: 'bought_part', part_id: null, qty: 2, unit_cost_minor: 21000, supplier: 'Huaqiang Parts', charged_minor: 60000 },
      ]);
      const finished: { labour: number; parts: number }[] = await desk.context.db.read((tx) =>
        tx.query(`SELECT SUM(labour_minor) AS labour, SUM(parts_minor) AS parts FROM figures_day_finished`),
      );
      expect(finished).toEqual([{ labour: 8000, parts: 60000 }]);
      // The schema itself refuses a bought-in part without its cost, and a supplier on any other line.
      const insert = (kind: string, cost: number | null, supplier: string) =>
        desk.context.db.write((tx) =>
          tx.query(
            `INSERT INTO quote_line (quote_id, position, kind, description, qty, unit_price_minor, unit_cost_minor, supplier,
               line_total_minor, covered_minor, charged_minor, free, reason) VALUES (?, 9, ?, 'x', 1, 100, ?, ?, 100, 0, 100, 0, 'out_of_warranty')`,
            [quoteId, kind, cost, supplier],
          ),
        );
      await expect(insert('bought_part', null, '')).rejects.toThrow(/quote_line_bought_cost/);
      await expect(insert('labour', null, 'Huaqiang Parts')).rejects.toThrow(/quote_line_bought_supplier/);
      await expect(insert('stolen_part', null, '')).rejects.toThrow(/quote_line_kind_check/);
    } finally {
      await desk.dispose();
    }
  });

  it('gives two counters checking in at once unique, gap-free ticket numbers', async () => {
    const connection = await server.createDatabase();
    const clock = fixedClock(START);
    const first = await openTestDesk({ clock, postgres: connection });
    // The second counter: the same server and shop, its own desk (setup done, its crew signs in again).
    const secondCounter = await openTestDesk({ clock, postgres: connection });
    try {
      expect(secondCounter.crew?.clerk.id).toBe(first.crew?.clerk.id);
      const round = (desk: TestDesk, counter: number) =>
        Array.from({ length: 25 }, (_, i) =>
          desk.call(
            'intake.checkIn',
            sampleIntake({ customer: { name: `Counter ${counter} #${i}`, phone: `138 0000 ${String(counter * 100 + i).padStart(4, '0')}` } }),
          ),
        );
      const results = await Promise.all([...round(first, 1), ...round(secondCounter, 2)]);
      const numbers = results.map((r) => firstItem(r.tickets).number).sort((a, b) => a - b);
      const day = Number(localDayCode(clock.now()));
      expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => day * 10_000 + i + 1));
      expect((await ticketRows(secondCounter)).map((t) => t.number)).toEqual(numbers);
    } finally {
      await first.dispose();
      await secondCounter.dispose();
    }
  });
});
