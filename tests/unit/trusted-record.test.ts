// The record the shop can trust, checked against the database itself (the
// SQLite file, or in the unit-postgres run the server): REPLACE (an upsert on
// PostgreSQL), UPDATE and DELETE behind the desk's back are refused; a row changed anyway
// (the triggers dropped, as a tool could) is found by the history check; the
// first-run setup gates check-in; settings and customer changes are audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, openTestDesk, sampleIntake, TEST_SHOP, type TestDesk } from '../support/desk';
import { checkIn, diagnoseAndQuote, signaturePng } from '../support/workflow';
import { firstItem, itemAt } from '../support/lists';
import { suiteOnPostgres } from '../support/suite-engine';

/** A repair taken through the counter and the bench to a paid, signed collection. */
async function collectedTicket(): Promise<{ id: number }> {
  const technician = desk.sessionFor('technician');
  const clerk = desk.sessionFor('clerk');
  const ticket = await checkIn(desk, { device: { depositMinor: 0 } });
  await diagnoseAndQuote(desk, technician, ticket.id);
  await desk.call('workflow.move', { session: technician, ticketId: ticket.id, toStatus: 'awaiting_approval' });
  const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
  await desk.call('approvals.record', {
    session: clerk,
    ticketId: ticket.id,
    quoteId,
    decision: 'accepted',
    method: 'in_person',
    signaturePng: signaturePng(),
  });
  for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session: technician, ticketId: ticket.id, toStatus });
  const view = await desk.call('collection.get', { ticketId: ticket.id });
  await desk.call('collection.pay', { session: clerk, ticketId: ticket.id, method: 'card', amountMinor: view.balanceMinor });
  await desk.call('collection.complete', {
    session: clerk,
    ticketId: ticket.id,
    identity: 'claim_ticket',
    signaturePng: signaturePng(),
    accessoriesReturned: ['charger'],
  });
  return ticket;
}

const clock = fixedClock('2026-11-23T02:30:00Z');
let desk: TestDesk;
beforeEach(async () => {
  clock.set('2026-11-23T02:30:00Z');
  desk = await openTestDesk({ clock });
});
afterEach(async () => desk.dispose());

const raw = (sql: string, params: unknown[] = []) => desk.context.db.dataSource.query(sql, params);

describe('the database refuses rewriting the record', () => {
  it('refuses REPLACE, UPDATE and DELETE on payments, signatures, approvals, events, quotes and ticket money', async () => {
    const ticket = await collectedTicket();
    const one = async (table: string) => (await raw(`SELECT * FROM ${table} LIMIT 1`))[0] as Record<string, unknown>;
    for (const table of ['payment', 'collection', 'approval', 'ticket_event', 'quote', 'quote_line']) {
      const row = await one(table);
      expect(row, table).toBeDefined();
      for (const statement of replacing(table, row)) await expect(raw(statement.sql, statement.values), `${table} replace`).rejects.toThrow();
      await expect(raw(`DELETE FROM ${table} WHERE id = ?`, [row.id]), `${table} delete`).rejects.toThrow(/never deleted/);
    }
    await expect(raw(`UPDATE payment SET amount_minor = 1`)).rejects.toThrow();
    await expect(raw(`UPDATE ticket_event SET note = 'x'`)).rejects.toThrow(/never changed/);
    await expect(raw(`UPDATE approval SET decision = 'declined'`)).rejects.toThrow(/never changed/);
    await expect(raw(`UPDATE quote SET total_minor = 1`)).rejects.toThrow();
    await expect(raw(`UPDATE collection SET identity = 'phone_and_name'`)).rejects.toThrow(/never changed/);
    for (const column of ['deposit_minor', 'estimate_minor', 'status', 'technician_id']) {
      await expect(raw(`UPDATE ticket SET ${column} = ${column} WHERE id = ?`, [ticket.id]), column).rejects.toThrow(/only through the desk/);
    }
    for (const statement of replacing('ticket', await one('ticket'))) {
      await expect(raw(statement.sql, statement.values)).rejects.toThrow(suiteOnPostgres() ? /only through the desk/ : /never replaced|never deleted/);
    }
  });

  it('names the rule a replaced row breaks', async () => {
    const ticket = await collectedTicket();
    const row = (await raw(`SELECT * FROM ticket_event WHERE ticket_id = ? LIMIT 1`, [ticket.id]))[0] as Record<string, unknown>;
    // SQLite's REPLACE deletes the old row first; PostgreSQL's upsert changes it.
    for (const statement of replacing('ticket_event', row)) {
      await expect(raw(statement.sql, statement.values)).rejects.toThrow(suiteOnPostgres() ? /never changed/ : /never replaced|never deleted/);
    }
  });
});

/**
 * On PostgreSQL, what an upsert over a row would slip in: the money of a payment, a quote or a ticket (their
 * guards let a row through unchanged, as a void or a decision leaves the amounts), or a note of the history.
 */
const UPSERT_CHANGES: Record<string, Record<string, unknown>> = {
  payment: { amount_minor: 1 },
  quote: { total_minor: 1 },
  ticket: { deposit_minor: 1 },
  ticket_event: { note: 'rewritten' },
};

/** The statements that would put a row back over itself, as each engine spells them. */
function replacing(table: string, row: Record<string, unknown>): { sql: string; values: unknown[] }[] {
  const columns = Object.keys(row);
  const values = columns.map((c) => row[c]);
  const placeholders = columns.map(() => '?').join(', ');
  if (suiteOnPostgres()) {
    const changed = { ...row, ...UPSERT_CHANGES[table] };
    const sets = columns.filter((c) => c !== 'id').map((c) => `${c} = EXCLUDED.${c}`);
    return [
      {
        sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders}) ON CONFLICT (id) DO UPDATE SET ${sets.join(', ')}`,
        values: columns.map((c) => changed[c]),
      },
    ];
  }
  return [
    { sql: `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`, values },
    { sql: `REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${placeholders})`, values },
  ];
}

describe('the history check', () => {
  it('passes an untouched history and reports the first row changed behind the desk’s back', async () => {
    await desk.call('intake.checkIn', sampleIntake());
    await desk.call('intake.checkIn', sampleIntake({ customer: { name: '李四', phone: '139 0000 0000' } }));
    const good = await desk.call('audit.verify', { session: desk.sessionFor('manager') });
    expect(good).toMatchObject({ ok: true, firstBroken: null });
    expect(good.checked).toBeGreaterThanOrEqual(6);

    // A tool that drops the guard can change a row; the chain still tells.
    await raw(suiteOnPostgres() ? `DROP TRIGGER ticket_event_no_update ON ticket_event` : `DROP TRIGGER ticket_event_no_update`);
    const events: { id: number }[] = await raw(`SELECT id FROM ticket_event WHERE kind = 'deposit' ORDER BY id`);
    await raw(`UPDATE ticket_event SET amount_minor = 1 WHERE id = ?`, [itemAt(events, 1).id]);
    const broken = await desk.call('audit.verify', { session: desk.sessionFor('manager') });
    expect(broken).toMatchObject({ ok: false, firstBroken: { source: 'ticket_event', rowId: itemAt(events, 1).id, reason: 'row_changed' } });
    expect((await desk.fail('audit.verify', { session: desk.sessionFor('clerk') })).fields).toEqual([{ path: 'session', code: 'manager_required' }]);
  });
});

describe('first run', () => {
  it('refuses check-in until the shop is set up, then names the first manager', async () => {
    const fresh = await openTestDesk({ setup: false });
    try {
      expect(await fresh.call('setup.status', {})).toMatchObject({ done: false });
      const session = (await fresh.call('auth.setPin', { staffId: 1, newPin: '4826' }), (await fresh.call('auth.signIn', { staffId: 1, pin: '4826' })).token);
      expect((await fresh.fail('intake.checkIn', { ...sampleIntake(), session })).fields).toEqual([{ path: 'setup', code: 'setup_required' }]);
      // A manager chose a PIN before setup existed: setup cannot hand the shop to someone else.
      expect((await fresh.fail('setup.complete', { ...TEST_SHOP, language: 'zh-CN', managerName: '老板', managerPin: '1111' })).code).toBe('forbidden');
    } finally {
      await fresh.dispose();
    }
    const blank = await openTestDesk({ setup: false });
    try {
      expect(
        (await blank.fail('setup.complete', { shopName: '', shopAddress: '', shopPhone: 'abc', language: 'en', managerName: '', managerPin: '12' })).fields,
      ).toEqual(
        expect.arrayContaining([
          { path: 'shopName', code: 'required' },
          { path: 'shopPhone', code: 'phone_invalid' },
          { path: 'managerPin', code: 'pin_format' },
        ]),
      );
      const manager = await blank.call('setup.complete', { ...TEST_SHOP, language: 'zh-CN', managerName: '老板 Boss', managerPin: '4826' });
      expect(manager.staff).toMatchObject({ id: 1, name: '老板 Boss', role: 'manager' });
      expect(await blank.call('settings.get', {})).toMatchObject({ ...TEST_SHOP, language: 'zh-CN' });
      const checkedIn = await blank.call('intake.checkIn', { ...sampleIntake(), session: manager.token });
      const ticket = await blank.call('tickets.get', { number: firstItem(checkedIn.tickets).displayNumber });
      expect(ticket.clerkName).toBe('老板 Boss');
      expect((await blank.fail('setup.complete', { ...TEST_SHOP, language: 'en', managerName: 'X', managerPin: '1234' })).fields).toEqual([
        { path: 'setup', code: 'setup_done' },
      ]);
    } finally {
      await blank.dispose();
    }
  });
});

describe('audit of settings, staff, customers and costs', () => {
  it('keeps who changed what, with old and new values, in the chained history', async () => {
    await desk.call('settings.update', { discountApprovalPercent: 100 });
    const { customerId } = await desk.call('intake.checkIn', sampleIntake());
    await desk.call('customers.update', { id: customerId, name: '别人 Someone', phone: '139 1111 2222', session: desk.sessionFor('clerk') });
    const entries: { kind: string; old_value: string; new_value: string; staff_id: number }[] = await raw(
      `SELECT kind, old_value, new_value, staff_id FROM audit_entry WHERE kind IN ('settings', 'customer') ORDER BY id`,
    );
    expect(entries.map((e) => [e.kind, JSON.parse(e.old_value), JSON.parse(e.new_value), e.staff_id])).toEqual([
      ['settings', { discountApprovalPercent: 10 }, { discountApprovalPercent: 100 }, desk.crew!.manager.id],
      ['customer', { name: '王小明 Wang', phone: '138 0013 8000' }, { name: '别人 Someone', phone: '139 1111 2222' }, desk.crew!.clerk.id],
    ]);
    expect((await desk.fail('settings.update', { discountApprovalPercent: 0, session: desk.sessionFor('clerk') })).fields).toEqual([
      { path: 'session', code: 'manager_required' },
    ]);
    expect(await desk.call('audit.verify', { session: desk.sessionFor('manager') })).toMatchObject({ ok: true });
  });
});
