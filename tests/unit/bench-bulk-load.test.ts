// The bench's generated shop file is loaded with the triggers and indexes set
// aside and the derived tables filled at the end. It must be the file a desk
// would have: the same rows, search tables, day totals, indexes and triggers as
// when every row goes through the live triggers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBenchFile, type GeneratedData } from '../../bench/generate-data';
import { openBenchDesk } from '../../bench/checkin';
import { SAMPLE_MANAGER_PIN } from '../../src/main/core/sample-desk';

const TICKETS = 1500;
let work: string;
let bulkData: GeneratedData;
let bulk: BetterSqlite3.Database;
let live: BetterSqlite3.Database;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'repair-desk-bulk-load-'));
  const bulkFile = await generateBenchFile(join(work, 'bulk'), TICKETS, { bulk: true });
  bulkData = bulkFile;
  const liveFile = await generateBenchFile(join(work, 'live'), TICKETS, { bulk: false });
  bulk = new BetterSqlite3(bulkFile.file);
  live = new BetterSqlite3(liveFile.file, { readonly: true });
}, 180_000);

afterAll(() => {
  bulk?.close();
  live?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every row of a table, in a stable order. */
function rowsOf(db: BetterSqlite3.Database, table: string): unknown[] {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);
  return db
    .prepare(`SELECT * FROM ${table} ORDER BY ${columns.map((_, i) => i + 1).join(', ')}`)
    .raw()
    .all();
}

const schema = (db: BetterSqlite3.Database, type: string) =>
  db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name`).all(type);

describe('bench data bulk load', () => {
  it('writes the same rows as the live triggers, derived tables included', () => {
    const tables = [
      'customer',
      'device',
      'ticket_day_counter',
      'ticket',
      'ticket_event',
      'follow_up_call',
      'follow_up_state',
      'customer_name_gram',
      'device_model',
      'figures_day_intake',
      'figures_day_response',
      'figures_day_finished',
      'figures_day_technician_scores',
      'history_link',
    ];
    for (const table of tables) {
      const rows = rowsOf(bulk, table);
      expect(rows.length, table).toBeGreaterThan(0);
      expect(rows, table).toEqual(rowsOf(live, table));
    }
    // The setup's own manager carries the time of setup and a salted password: the rest must match.
    const staff = `SELECT id, name, role, active FROM staff ORDER BY id`;
    expect(bulk.prepare(staff).all()).toEqual(live.prepare(staff).all());
  });

  it('puts back every trigger and index exactly as the migrations made them', () => {
    expect(schema(bulk, 'trigger').length).toBeGreaterThan(50);
    expect(schema(bulk, 'trigger')).toEqual(schema(live, 'trigger'));
    expect(schema(bulk, 'index')).toEqual(schema(live, 'index'));
    expect(bulk.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('has full-text search tables that match their content and answer as the live ones do', () => {
    // With rank 1 FTS5 also compares the index with the content table, and throws when they differ.
    for (const fts of ['customer_fts', 'device_fts']) {
      expect(() => bulk.prepare(`INSERT INTO ${fts}(${fts}, rank) VALUES ('integrity-check', 1)`).run(), fts).not.toThrow();
    }
    const probes: [string, string][] = [
      ['customer_fts', 'Smith'],
      ['customer_fts', 'Zhang'],
      ['customer_fts', '1380'],
      ['device_fts', 'iPhone'],
      ['device_fts', 'ThinkPad'],
      ['device_fts', 'Galaxy'],
    ];
    for (const [fts, text] of probes) {
      const query = `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid`;
      const found = bulk.prepare(query).raw().all(`"${text}"`);
      expect(found.length, `${fts} ${text}`).toBeGreaterThan(0);
      expect(found, `${fts} ${text}`).toEqual(live.prepare(query).raw().all(`"${text}"`));
    }
  });

  it('seals every generated row in the history chain, so a desk opened on it links only its own writes', async () => {
    const count = (sql: string) => (bulk.prepare(sql).get() as { n: number }).n;
    const events = count(`SELECT COUNT(*) AS n FROM ticket_event`);
    expect(events).toBe(bulkData.events);
    expect(count(`SELECT COUNT(*) AS n FROM history_link WHERE source = 'ticket_event'`)).toBe(events);
    const linksBefore = count(`SELECT COUNT(*) AS n FROM history_link`);
    const auditBefore = count(`SELECT COUNT(*) AS n FROM audit_entry`);

    const desk = await openBenchDesk(bulkData.dir);
    try {
      const signIn = await desk.dispatch('auth.signIn', { staffId: 1, pin: SAMPLE_MANAGER_PIN });
      if (!signIn.ok) throw new Error(JSON.stringify(signIn.error));
      const session = (signIn.data as { token: string }).token;
      const verified = await desk.dispatch('audit.verify', { session });
      // The sign-in's own audit entries are the only rows the desk had to link.
      const written = count(`SELECT COUNT(*) AS n FROM audit_entry`) - auditBefore;
      expect(verified).toEqual({ ok: true, data: { ok: true, checked: linksBefore + written, firstBroken: null } });
      expect(count(`SELECT COUNT(*) AS n FROM history_link`)).toBe(linksBefore + written);
    } finally {
      await desk.close();
    }
  });
});
