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
import { fixedClock, openTestDesk } from '../support/desk';
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
    const quoteId = (await desk.call('tickets.getWorkflow', { ticketId: ticket.id })).quotes[0].id;
    await desk.call('approvals.record', { session, ticketId: ticket.id, quoteId, decision: 'accepted', method: 'in_person', signaturePng: signaturePng() });
    for (const toStatus of ['in_repair', 'testing', 'ready'] as const) await desk.call('workflow.move', { session, ticketId: ticket.id, toStatus });
    await desk.dispose();

    // Back to the schema before 0020, as an older desk left the file.
    const old = fileAt(dir);
    await old.initialize();
    await old.undoLastMigration({ transaction: 'all' });
    const oldTable: { sql: string }[] = await old.query(`SELECT sql FROM sqlite_master WHERE name = 'quote_line'`);
    expect(oldTable[0].sql).toContain(`kind IN ('labour','part')`);
    expect(oldTable[0].sql).not.toContain('unit_cost_minor');
    const lines: Rows = await old.query(`SELECT * FROM quote_line ORDER BY id`);
    const sequence: Rows = await old.query(`SELECT seq FROM sqlite_sequence WHERE name = 'quote_line'`);
    const figures: Rows = await old.query(`SELECT * FROM figures_day_finished ORDER BY day_out`);
    const schema = await schemaOf(old);
    await old.destroy();
    expect(lines).toHaveLength(3);
    expect(figures).toEqual([expect.objectContaining({ finished: 1, parts_minor: 84000 })]);

    // The desk opens it and runs 0020.
    const upgraded = await openTestDesk({ dir, clock: fixedClock('2026-11-23T09:00:00Z') });
    const db = upgraded.context.db.dataSource;
    const applied: { name: string }[] = await db.query(`SELECT name FROM migrations ORDER BY id`);
    expect(applied.at(-1)?.name).toBe('BoughtInPartLines1765756800000');
    const after: Rows = await db.query(`SELECT * FROM quote_line ORDER BY id`);
    expect(after).toEqual(lines.map((line) => ({ ...line, unit_cost_minor: null, supplier: '' })));
    expect(await db.query(`SELECT seq FROM sqlite_sequence WHERE name = 'quote_line'`)).toEqual(sequence);
    expect(await db.query(`SELECT * FROM figures_day_finished ORDER BY day_out`)).toEqual(figures);
    // Every index and trigger is back; only the day figures now count bought-in parts as parts.
    const partsAsBefore = (rows: Rows) =>
      rows.map((row) => (typeof row.sql === 'string' ? { ...row, sql: row.sql.replaceAll(`ql.kind IN ('part', 'bought_part')`, `ql.kind = 'part'`) } : row));
    expect(partsAsBefore(await schemaOf(db))).toEqual(schema);
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
    expect(ticketView.quotes[0].lines.map((l) => [l.kind, l.qty, l.chargedMinor])).toEqual(lines.map((l) => [l.kind, l.qty, l.charged_minor]));
    await upgraded.dispose();
  });
});
