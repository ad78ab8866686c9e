// Loading a generated history fast: SQLite keeps every index and trigger-kept
// table (full-text search, name grams, device models, day totals) current at
// each insert, which makes a row cost more the larger the file grows. For a bulk
// load the triggers and the secondary indexes of the loaded tables are taken
// away, the rows inserted, then the indexes built once from sorted data, the
// derived tables filled in one statement each (the same fills the migrations
// use for an existing history) and the triggers put back with their exact SQL.
import type BetterSqlite3 from 'better-sqlite3';
import { CUSTOMER_NAME_GRAM_FILL, DEVICE_MODEL_FILL } from '../src/main/core/storage/migrations/0010-fast-lookups';
import { FOLLOW_UP_STATE_FILL } from '../src/main/core/storage/migrations/0012-follow-up-state';
import { FILL_FIGURES_DAYS_NOW, FILL_FIGURES_DAY_MONEY_NOW } from '../src/main/core/storage/migrations/0021-figures-bought-parts';
import { FILL_FIGURES_TECHNICIAN_SCORES } from '../src/main/core/storage/migrations/0022-figures-technician-scores';
import { FIGURES_DAY_MONEY_TABLES } from '../src/main/core/storage/migrations/0016-figures-days-money';

/** The tables a generated history writes rows into directly. */
export const LOADED_TABLES = ['staff', 'customer', 'device', 'ticket_day_counter', 'ticket', 'ticket_event', 'follow_up_call'] as const;

/**
 * The triggers that write other tables when a loaded table gets a row, and the
 * statements that fill those tables from the whole history instead. A trigger
 * of this kind missing here stops the load: its table would come out empty.
 */
const INSERT_SIDE_EFFECTS: Record<string, { fills: string }> = {
  customer_fts_insert: { fills: 'customer_fts' },
  customer_name_gram_insert: { fills: 'customer_name_gram' },
  device_fts_insert: { fills: 'device_fts' },
  device_model_insert: { fills: 'device_model' },
  figures_day_ticket_insert: { fills: 'figures_day' },
  figures_day_event_response: { fills: 'figures_day' },
  figures_day_event_ready: { fills: 'figures_day' },
  figures_day_payment_insert: { fills: 'figures_day_money' },
  figures_day_collection_insert: { fills: 'figures_day_money' },
  figures_day_collected_quote_insert: { fills: 'figures_day_money' },
  figures_day_collected_line_insert: { fills: 'figures_day_money' },
  figures_day_parts_insert: { fills: 'figures_day_money' },
  figures_day_calls_insert: { fills: 'figures_day_money' },
  figures_day_scores_call_insert: { fills: 'figures_day_technician_scores' },
};

/** Fills every derived table from the whole stored history. */
export const DERIVED_FILLS: Record<string, string[]> = {
  customer_fts: [`INSERT INTO customer_fts(customer_fts) VALUES ('rebuild')`],
  device_fts: [`INSERT INTO device_fts(device_fts) VALUES ('rebuild')`],
  customer_name_gram: [CUSTOMER_NAME_GRAM_FILL],
  device_model: [DEVICE_MODEL_FILL],
  figures_day: [...['figures_day_intake', 'figures_day_response', 'figures_day_finished'].map((table) => `DELETE FROM ${table}`), ...FILL_FIGURES_DAYS_NOW],
  figures_day_money: [...FIGURES_DAY_MONEY_TABLES.map((table) => `DELETE FROM ${table}`), ...FILL_FIGURES_DAY_MONEY_NOW],
  figures_day_technician_scores: ['DELETE FROM figures_day_technician_scores', FILL_FIGURES_TECHNICIAN_SCORES],
};

/** The follow-up state is kept by the collection and call use cases, not a trigger: the load fills it at the end as the migration did. */
export const USE_CASE_FILLS = [FOLLOW_UP_STATE_FILL];

interface SchemaObject {
  type: 'trigger' | 'index';
  name: string;
  tbl_name: string;
  sql: string;
}

export interface SuspendedSchema {
  triggers: SchemaObject[];
  indexes: SchemaObject[];
}

/** Drops every trigger and the loaded tables' secondary indexes, returning their SQL to put back. */
export function suspendForBulkLoad(db: BetterSqlite3.Database): SuspendedSchema {
  const objects = db
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY rowid`)
    .all() as SchemaObject[];
  const loaded = new Set<string>(LOADED_TABLES);
  const triggers = objects.filter((o) => o.type === 'trigger');
  const indexes = objects.filter((o) => o.type === 'index' && loaded.has(o.tbl_name));
  for (const trigger of triggers) {
    const writesOnInsert = loaded.has(trigger.tbl_name) && /\bAFTER\s+INSERT\b/i.test(trigger.sql);
    if (writesOnInsert && !INSERT_SIDE_EFFECTS[trigger.name]) {
      throw new Error(`trigger ${trigger.name} on ${trigger.tbl_name} writes on insert: add the fill of what it keeps to bench/bulk-load.ts`);
    }
  }
  db.transaction(() => {
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger.name}`);
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  })();
  return { triggers, indexes };
}

/** Builds the indexes, fills the derived tables, and puts the triggers back exactly as they were. */
export function resumeAfterBulkLoad(db: BetterSqlite3.Database, suspended: SuspendedSchema, log: (text: string) => void = () => undefined): void {
  const started = performance.now();
  const step = (what: string) => log(`  ${what}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const index of suspended.indexes) db.exec(index.sql);
  step(`${suspended.indexes.length} indexes built`);
  for (const [table, statements] of Object.entries(DERIVED_FILLS)) {
    db.transaction(() => {
      for (const statement of statements) db.exec(statement);
    })();
    step(`${table} filled`);
  }
  db.transaction(() => {
    for (const statement of USE_CASE_FILLS) db.exec(statement);
  })();
  db.transaction(() => {
    for (const trigger of suspended.triggers) db.exec(trigger.sql);
  })();
  step(`follow-up state filled, ${suspended.triggers.length} triggers back`);
}
