// Migration 0020 rebuilds quote_line on SQLite so a line may be a part bought in
// for the repair. A file from before it, with quote lines and day figures, must
// upgrade keeping every line (ids and all), every index and trigger (the
// append-only guards above all), the id sequence and the figures as they were.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core/desk';
import { ALL_ENTITIES } from '../../src/main/core/storage/entities';
import { MIGRATIONS } from '../../src/main/core/storage/migrations';
import { BOUGHT_SUMS } from '../../src/main/core/storage/migrations/0021-figures-bought-parts';
import { FIGURES_TECHNICIAN_SCORE_TRIGGERS } from '../../src/main/core/storage/migrations/0022-figures-technician-scores';
import { ADD_ON_INSERTS } from '../../src/main/core/storage/migrations/0023-figures-days-add-on-insert';
import { fixedClock, openTestDesk } from '../support/desk';
import { firstItem } from '../support/lists';
import { onSqliteFile } from '../support/sqlite-only';
import { addPart, checkIn, diagnoseAndQuote, feeItemId, setUpCrew, signaturePng } from '../support/workflow';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The desk's file, opened with the migrations but without running them, to step one back. */
function fileAt(dir: string): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: join(dir, DATABASE_FILE),
    entities: ALL_ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('recursive_triggers = ON');
    },
  });
}

type Rows = Record<string, unknown>[];

/** Steps the file back, newest first, until the migration `name` is undone too. */
async function undoThrough(ds: DataSource, name: string): Promise<void> {
  for (;;) {
    const last: { name: string }[] = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    await ds.undoLastMigration({ transaction: 'all' });
    if (last[0]?.name === name) return;
  }
}

/** A trigger's SQL as it was before 0021 added the bought-in columns to the finished work. */
const withoutBoughtColumns = (sql: string) =>
  sql.replaceAll(`, ${BOUGHT_SUMS}`, '').replaceAll('parts_minor, bought_qty, bought_cost_minor, bought_charged_minor)', 'parts_minor)');
const schemaOf = (ds: DataSource): Promise<Rows> =>
  ds.query(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY type, name`);

describe('migration 0020 (bought-in part lines)', () => {
  onSqliteFile('upgrades a file with quote lines, keeping its lines, indexes, triggers, sequence and figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bought-in-migration-'));
    dirs.push(dir);
    const desk = await openTestDesk({ dir, clock: fixedClock('2026-11-23T06:30:00Z') });
    const crew = await setUpCrew(desk);
    const screen = await addPart(desk, crew, { priceMinor: 42000 });
    const ticket = await checkIn(desk);
    const session = crew.technician.session;
    await diagnoseAndQuote(desk, session, ticket.id, {
      lines: [
        { kind: 'labour', feeItemId: await feeItemId(desk, 'screen_replacement') },
        { kind: 'part', partId: screen.id, qty: 2 },
        { kind: 'labour', description: 'Hinge re-glue', unitPriceMinor: 1500 },
      ],
    });
    await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
    const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
    await desk.call('approvals.record', { session, ticketId: ticket.id, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus });
    await desk.dispose();

    // Back to the schema before 0020, as an older desk left the file (0021, which came after it, first).
    const old = fileAt(dir);
    await old.initialize();
    await undoThrough(old, 'BoughtInPartLines1765756800000');
    const oldTable: { sql: string }[] = await old.query(`SELECT sql FROM sqlite_master WHERE name = 'quote_line'`);
    expect(firstItem(oldTable).sql).toContain(`kind IN ('labour','part')`);
    expect(firstItem(oldTable).sql).not.toContain('unit_cost_minor');
    const lines: Rows = await old.query(`SELECT * FROM quote_line ORDER BY id`);
    const sequence: Rows = await old.query(`SELECT seq FROM sqlite_sequence WHERE name = 'quote_line'`);
    const figures: Rows = await old.query(`SELECT * FROM figures_day_finished ORDER BY day_out`);
    const schema = await schemaOf(old);
    await old.destroy();
    expect(lines).toHaveLength(3);
    expect(figures).toEqual([expect.objectContaining({ finished: 1, parts_minor: 84000 })]);

    // The desk opens it and runs 0020 (and 0021).
    const upgraded = await openTestDesk({ dir, clock: fixedClock('2026-11-23T09:00:00Z') });
    const db = upgraded.context.db.dataSource;
    const applied: { name: string }[] = await db.query(`SELECT name FROM migrations ORDER BY id`);
    // Every migration has run again, 0020 among them.
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(applied.map((m) => m.name)).toContain('BoughtInPartLines1765756800000');
    const after: Rows = await db.query(`SELECT * FROM quote_line ORDER BY id`);
    expect(after).toEqual(lines.map((line) => ({ ...line, unit_cost_minor: null, supplier: '' })));
    expect(await db.query(`SELECT seq FROM sqlite_sequence WHERE name = 'quote_line'`)).toEqual(sequence);
    const noneBought = { bought_qty: 0, bought_cost_minor: 0, bought_charged_minor: 0 };
    expect(await db.query(`SELECT * FROM figures_day_finished ORDER BY day_out`)).toEqual(figures.map((row) => ({ ...row, ...noneBought })));
    // Every index and trigger is back; only the day figures now count bought-in parts as parts (and, since 0021, apart).
    const partsAsBefore = (rows: Rows) =>
      rows.map((row) =>
        typeof row.sql === 'string' ? { ...row, sql: withoutBoughtColumns(row.sql).replaceAll(`ql.kind IN ('part', 'bought_part')`, `ql.kind = 'part'`) } : row,
      );
    // (Later migrations, run again on opening, add their own triggers (those of 0022) and make the insert ones add to their day (0023).)
    const upgradedSchema = await schemaOf(db);
    const oldNames = new Set(schema.map((row) => row.name));
    expect(upgradedSchema.filter((row) => !oldNames.has(row.name)).map((row) => row.name)).toEqual(Object.keys(FIGURES_TECHNICIAN_SCORE_TRIGGERS).sort());
    const addingOn = new Set(ADD_ON_INSERTS.map((add) => add.trigger));
    const rewritten = upgradedSchema.filter((row) => addingOn.has(String(row.name)));
    expect(rewritten.map((row) => row.name)).toEqual([...addingOn].sort());
    for (const row of rewritten) expect(row.sql).toContain('ON CONFLICT');
    expect(partsAsBefore(upgradedSchema.filter((row) => oldNames.has(row.name) && !addingOn.has(String(row.name))))).toEqual(
      schema.filter((row) => !addingOn.has(String(row.name))),
    );
    const countingBought: Rows = await db.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%''bought_part''%' ORDER BY name`);
    expect(countingBought.length).toBeGreaterThan(0);
    const triggers: { name: string }[] = await db.query(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quote_line' ORDER BY name`);
    expect(triggers.map((t) => t.name)).toEqual(expect.arrayContaining(['quote_line_no_delete', 'quote_line_no_update', 'quote_line_no_replace']));
    await expect(db.query(`DELETE FROM quote_line`)).rejects.toThrow(/never deleted/);
    await expect(db.query(`UPDATE quote_line SET description = 'changed'`)).rejects.toThrow(/never changed/);
    const integrity: { integrity_check: string }[] = await db.query(`PRAGMA integrity_check`);
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);
    expect(await db.query(`PRAGMA foreign_key_check`)).toEqual([]);

    // The upgraded file takes a bought-in part, and the ticket reads its lines as before.
    const ticketView = await upgraded.call('tickets.getWorkflow', { ticketId: ticket.id });
    expect(firstItem(ticketView.quotes).lines.map((l) => [l.kind, l.qty, l.chargedMinor])).toEqual(lines.map((l) => [l.kind, l.qty, l.charged_minor]));
    await upgraded.dispose();
  });
});

describe('migration 0021 (bought-in parts in the finished work)', () => {
  onSqliteFile('fills the bought-in columns of the days that hold one, and its triggers keep them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bought-in-figures-migration-'));
    dirs.push(dir);
    const desk = await openTestDesk({ dir, clock: fixedClock('2026-11-23T06:30:00Z') });
    const crew = await setUpCrew(desk);
    /** Checks a repair in on `on`, quotes `lines`, has them accepted and takes it to ready. */
    const finish = async (on: typeof desk, session: string, lines: NonNullable<Parameters<typeof diagnoseAndQuote>[3]>['lines']) => {
      const desk = on;
      const ticket = await checkIn(desk);
      await diagnoseAndQuote(desk, session, ticket.id, { lines });
      await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus: 'awaiting_approval' });
      const quoteId = firstItem((await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes).id;
      await desk.call('approvals.record', { session, ticketId: ticket.id, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
      for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus });
    };
    await finish(desk, crew.technician.session, [
      { kind: 'labour', feeItemId: await feeItemId(desk, 'screen_replacement') },
      { kind: 'bought_part', description: 'OLED screen', qty: 2, unitPriceMinor: 30000, unitCostMinor: 21000, supplier: 'Huaqiang' },
    ]);
    const live: Rows = await desk.context.db.dataSource.query(`SELECT * FROM figures_day_finished ORDER BY day_out, day_in`);
    expect(live).toEqual([expect.objectContaining({ finished: 1, parts_minor: 60000, bought_qty: 2, bought_cost_minor: 42000, bought_charged_minor: 60000 })]);
    await desk.dispose();

    // Before 0021 the rows had no bought-in columns.
    const old = fileAt(dir);
    await old.initialize();
    await undoThrough(old, 'FiguresBoughtParts1765843200000');
    const columns: { name: string }[] = await old.query(`SELECT name FROM pragma_table_info('figures_day_finished')`);
    expect(columns.map((c) => c.name)).not.toContain('bought_qty');
    await old.destroy();

    // Opened again, the migration fills them as the triggers did, and the next bought-in repair is counted on top.
    const upgraded = await openTestDesk({ dir, clock: fixedClock('2026-11-23T07:30:00Z') });
    const db = upgraded.context.db.dataSource;
    expect(await db.query(`SELECT * FROM figures_day_finished ORDER BY day_out, day_in`)).toEqual(live);
    const again = await setUpCrew(upgraded);
    await finish(upgraded, again.technician.session, [
      { kind: 'bought_part', description: 'Hinge', qty: 1, unitPriceMinor: 5000, unitCostMinor: 2000, supplier: '' },
    ]);
    const totals: Rows = await db.query(
      `SELECT SUM(bought_qty) AS qty, SUM(bought_cost_minor) AS cost, SUM(bought_charged_minor) AS charged FROM figures_day_finished`,
    );
    expect(totals).toEqual([{ qty: 3, cost: 44000, charged: 65000 }]);
    await upgraded.dispose();
  });
});
