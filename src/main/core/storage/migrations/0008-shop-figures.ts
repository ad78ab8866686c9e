import type { MigrationInterface, QueryRunner } from 'typeorm';

// The shop's figures (日结 / 日报 / 月报): the day close record, the repair
// class set at diagnosis, and the indexes the reports read so that a month or
// a year never scans the whole history.
//
// Guarantees kept by the database itself, whatever the code does:
// - a day close is never changed, deleted or replaced; closes are numbered
//   1, 2, 3... in order, one per business day, each period starting where the
//   last one ended (an INSERT trigger refuses anything else, INSERT OR REPLACE
//   included: it fires before the conflict would delete the old row);
// - its cash figures add up: expected = float + cash in − cash out and
//   difference = counted − expected.
export class ShopFigures1764720000000 implements MigrationInterface {
  name = 'ShopFigures1764720000000';

  async up(db: QueryRunner): Promise<void> {
    // 大中小修及保养: set with the diagnosis; NULL on tickets diagnosed before it was asked.
    await db.query(
      `ALTER TABLE diagnosis ADD COLUMN repair_class TEXT CHECK (repair_class IS NULL OR repair_class IN ('major','medium','minor','maintenance'))`,
    );

    await db.query(`CREATE TABLE day_close (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      number INTEGER NOT NULL UNIQUE CHECK (number >= 1),
      business_date TEXT NOT NULL UNIQUE CHECK (business_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      period_from TEXT NOT NULL,
      period_to TEXT NOT NULL CHECK (period_to >= period_from),
      currency TEXT NOT NULL,
      opening_float_minor INTEGER NOT NULL CHECK (opening_float_minor >= 0),
      cash_in_minor INTEGER NOT NULL CHECK (cash_in_minor >= 0),
      cash_out_minor INTEGER NOT NULL CHECK (cash_out_minor >= 0),
      expected_cash_minor INTEGER NOT NULL,
      counted_cash_minor INTEGER NOT NULL CHECK (counted_cash_minor >= 0),
      difference_minor INTEGER NOT NULL,
      denominations TEXT,
      takings_minor INTEGER NOT NULL,
      figures TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      closed_by INTEGER NOT NULL REFERENCES staff(id),
      recorded_by INTEGER NOT NULL REFERENCES staff(id),
      closed_at TEXT NOT NULL,
      CHECK (expected_cash_minor = opening_float_minor + cash_in_minor - cash_out_minor),
      CHECK (difference_minor = counted_cash_minor - expected_cash_minor),
      CHECK (closed_at = period_to)
    )`);
    await db.query(`CREATE TRIGGER day_close_in_order BEFORE INSERT ON day_close
      WHEN NEW.number IS NOT (SELECT COALESCE(MAX(number), 0) + 1 FROM day_close)
        OR EXISTS (SELECT 1 FROM day_close WHERE business_date >= NEW.business_date)
        OR NEW.period_from IS NOT COALESCE((SELECT period_to FROM day_close ORDER BY number DESC LIMIT 1), NEW.period_from)
      BEGIN SELECT RAISE(ABORT, 'day closes are numbered in order, one a day, and never replaced'); END`);
    await db.query(`CREATE TRIGGER day_close_no_update BEFORE UPDATE ON day_close
      BEGIN SELECT RAISE(ABORT, 'a day close is never changed'); END`);
    await db.query(`CREATE TRIGGER day_close_no_delete BEFORE DELETE ON day_close
      BEGIN SELECT RAISE(ABORT, 'a day close is never deleted'); END`);

    // What the reports read, by time.
    await db.query(`CREATE INDEX ticket_created ON ticket(created_at)`);
    await db.query(`CREATE INDEX ticket_collected ON ticket(collected_at) WHERE collected_at IS NOT NULL`);
    await db.query(`CREATE INDEX ticket_event_to_status_at ON ticket_event(to_status, at, ticket_id) WHERE to_status IS NOT NULL`);
    // First response: a ticket's first status change is one seek.
    await db.query(`CREATE INDEX ticket_event_ticket_kind_at ON ticket_event(ticket_id, kind, at)`);
    await db.query(`CREATE INDEX payment_voided_at ON payment(voided_at) WHERE voided_at IS NOT NULL`);
    await db.query(`CREATE INDEX collection_at ON collection(at)`);
    await db.query(`CREATE INDEX stock_move_reason_at ON stock_move(reason, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const index of [
      'stock_move_reason_at',
      'collection_at',
      'payment_voided_at',
      'ticket_event_ticket_kind_at',
      'ticket_event_to_status_at',
      'ticket_collected',
      'ticket_created',
    ]) {
      await db.query(`DROP INDEX ${index}`);
    }
    for (const trigger of ['day_close_no_delete', 'day_close_no_update', 'day_close_in_order']) await db.query(`DROP TRIGGER ${trigger}`);
    await db.query(`DROP TABLE day_close`);
    await db.query(`ALTER TABLE diagnosis DROP COLUMN repair_class`);
  }
}
