import type { MigrationInterface, QueryRunner } from 'typeorm';

// A record the shop can trust.
// - REPLACE: an `INSERT OR REPLACE` deletes the old row without firing delete
//   triggers unless recursive triggers are on (they are, at every connection);
//   these insert triggers refuse a row whose id is taken even when they are not.
// - Ticket money, status and people columns change only inside the desk's own
//   write path, which keeps a row in `desk_write` for the length of its
//   transaction (never committed, so no other connection ever sees it).
// - `audit_entry`: settings, customer, staff and cost changes with old and new values.
// - `history_link`: a hash chain over ticket events, payments and audit entries;
//   a row changed or removed behind the desk's back breaks it (audit.verify).
// - Setup: a desk that already has tickets was set up by hand before this version.
const NO_REPLACE = [
  ['payment', 'payments'],
  ['collection', 'collection records'],
  ['approval', 'approvals'],
  ['ticket_event', 'ticket events'],
  ['quote', 'quotes'],
  ['quote_line', 'quote lines'],
  ['stock_move', 'stock moves'],
  ['notification', 'notification records'],
  ['ticket', 'tickets'],
  ['audit_entry', 'audit entries'],
  ['history_link', 'history links'],
] as const;

const TICKET_GUARDED_COLUMNS = [
  'number',
  'status',
  'customer_id',
  'device_id',
  'estimate_minor',
  'deposit_minor',
  'deposit_method',
  'currency',
  'technician_id',
  'clerk_id',
  'warranty_status',
  'collected_at',
  'repair_warranty_until',
];

export class TrustedRecord1764979200000 implements MigrationInterface {
  name = 'TrustedRecord1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE desk_write (id INTEGER PRIMARY KEY CHECK (id = 1))`);
    await db.query(`CREATE TABLE audit_entry (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL CHECK (kind IN ('settings','customer','staff','part_cost','setup')),
      subject_id INTEGER,
      old_value TEXT NOT NULL,
      new_value TEXT NOT NULL,
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX audit_entry_subject ON audit_entry(kind, subject_id)`);
    await db.query(`CREATE TABLE history_link (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      source TEXT NOT NULL CHECK (source IN ('ticket_event','payment','audit_entry')),
      row_id INTEGER NOT NULL,
      row_hash TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (source, row_id)
    )`);
    for (const table of ['audit_entry', 'history_link']) {
      await db.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are never deleted'); END`);
      await db.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are never changed'); END`);
    }
    for (const [table, what] of NO_REPLACE) {
      await db.query(`CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
        WHEN EXISTS (SELECT 1 FROM ${table} WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, '${what} are never replaced'); END`);
    }
    await db.query(`CREATE TRIGGER ticket_guarded_columns BEFORE UPDATE OF ${TICKET_GUARDED_COLUMNS.join(', ')} ON ticket
      WHEN NOT EXISTS (SELECT 1 FROM desk_write)
      BEGIN SELECT RAISE(ABORT, 'ticket money, status and people change only through the desk'); END`);
    await db.query(`INSERT INTO setting (key, value)
      SELECT 'setup.completedAt', json_quote(strftime('%Y-%m-%dT%H:%M:%fZ','now')) WHERE EXISTS (SELECT 1 FROM ticket)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM setting WHERE key = 'setup.completedAt'`);
    await db.query(`DROP TRIGGER ticket_guarded_columns`);
    for (const [table] of NO_REPLACE) await db.query(`DROP TRIGGER ${table}_no_replace`);
    for (const table of ['audit_entry', 'history_link']) {
      await db.query(`DROP TRIGGER ${table}_no_delete`);
      await db.query(`DROP TRIGGER ${table}_no_update`);
    }
    await db.query(`DROP TABLE history_link`);
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`DROP TABLE desk_write`);
  }
}
