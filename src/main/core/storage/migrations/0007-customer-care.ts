import type { MigrationInterface, QueryRunner } from 'typeorm';

// Customer care: the archive's edit history and merges, after-sales follow-up
// calls (回访), complaints (投诉) with their steps, the messages copied for
// the customer, trips to the manufacturer (返厂) with their RMA numbers, and
// what the test after the repair (试机通检) checked.
//
// Guarantees kept by the database itself:
// - a merged customer is kept (marked merged into the other), never deleted;
// - edit history, merges, calls, complaint steps and messages are never
//   changed or deleted;
// - a complaint is never deleted; a closed complaint names the manager who
//   closed it and stays closed.
//
// The follow-up list reads collected tickets by collection time through
// ticket_collected_at, so it stays an index range at any number of tickets.
export class CustomerCare1764633600000 implements MigrationInterface {
  name = 'CustomerCare1764633600000';

  async up(db: QueryRunner): Promise<void> {
    // ---- the archive ----------------------------------------------------------
    await db.query(`ALTER TABLE customer ADD COLUMN merged_into_id INTEGER REFERENCES customer(id)`);
    await db.query(`CREATE TABLE customer_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer(id),
      field TEXT NOT NULL CHECK (field IN ('name','phone','address','notes','merged')),
      old_value TEXT NOT NULL,
      new_value TEXT NOT NULL,
      staff_id INTEGER REFERENCES staff(id),
      approved_by INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX customer_change_customer ON customer_change(customer_id, id)`);
    await db.query(`CREATE TABLE customer_merge (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kept_customer_id INTEGER NOT NULL REFERENCES customer(id),
      merged_customer_id INTEGER NOT NULL UNIQUE REFERENCES customer(id),
      tickets_moved INTEGER NOT NULL CHECK (tickets_moved >= 0),
      devices_moved INTEGER NOT NULL CHECK (devices_moved >= 0),
      staff_id INTEGER REFERENCES staff(id),
      approved_by INTEGER NOT NULL REFERENCES staff(id),
      at TEXT NOT NULL,
      CHECK (kept_customer_id <> merged_customer_id)
    )`);

    // ---- follow-up calls (回访) -------------------------------------------------
    await db.query(`CREATE INDEX ticket_collected_at ON ticket(collected_at) WHERE collected_at IS NOT NULL`);
    await db.query(`CREATE TABLE follow_up_call (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      reached BOOLEAN NOT NULL,
      working BOOLEAN,
      quality INTEGER CHECK (quality BETWEEN 1 AND 5),
      attitude INTEGER CHECK (attitude BETWEEN 1 AND 5),
      remarks TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL,
      CHECK (reached OR (working IS NULL AND quality IS NULL AND attitude IS NULL)),
      CHECK (NOT reached OR (working IS NOT NULL AND quality IS NOT NULL AND attitude IS NOT NULL))
    )`);
    await db.query(`CREATE INDEX follow_up_call_ticket ON follow_up_call(ticket_id, id)`);
    await db.query(`CREATE INDEX follow_up_call_at ON follow_up_call(at)`);

    // ---- complaints (投诉) ------------------------------------------------------
    await db.query(`CREATE TABLE complaint (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer(id),
      ticket_id INTEGER REFERENCES ticket(id),
      follow_up_call_id INTEGER REFERENCES follow_up_call(id),
      category TEXT NOT NULL CHECK (category IN ('quality','attitude','delay','price','damage','other')),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      severity TEXT NOT NULL CHECK (severity IN ('low','medium','high')),
      owner_id INTEGER NOT NULL REFERENCES staff(id),
      due_date TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open','resolved','closed')),
      rework_ticket_id INTEGER REFERENCES ticket(id),
      outcome TEXT NOT NULL DEFAULT '',
      customer_accepted BOOLEAN,
      opened_by INTEGER REFERENCES staff(id),
      opened_at TEXT NOT NULL,
      resolved_at TEXT,
      closed_by INTEGER REFERENCES staff(id),
      closed_at TEXT,
      CHECK (status = 'open' OR (length(trim(outcome)) > 0 AND customer_accepted IS NOT NULL AND resolved_at IS NOT NULL)),
      CHECK ((status = 'closed') = (closed_at IS NOT NULL AND closed_by IS NOT NULL))
    )`);
    await db.query(`CREATE INDEX complaint_open ON complaint(status, opened_at) WHERE status <> 'closed'`);
    await db.query(`CREATE INDEX complaint_customer ON complaint(customer_id)`);
    await db.query(`CREATE INDEX complaint_ticket ON complaint(ticket_id) WHERE ticket_id IS NOT NULL`);
    await db.query(`CREATE INDEX complaint_opened_at ON complaint(opened_at)`);
    await db.query(`CREATE INDEX complaint_closed_at ON complaint(closed_at) WHERE closed_at IS NOT NULL`);
    await db.query(`CREATE TRIGGER complaint_closed_final BEFORE UPDATE ON complaint WHEN OLD.status = 'closed'
      BEGIN SELECT RAISE(ABORT, 'a closed complaint is never changed'); END`);
    await db.query(`CREATE TABLE complaint_step (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      complaint_id INTEGER NOT NULL REFERENCES complaint(id),
      kind TEXT NOT NULL CHECK (kind IN ('opened','step','rework','resolved','closed')),
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX complaint_step_complaint ON complaint_step(complaint_id, id)`);

    // ---- messages copied for the customer ---------------------------------------
    await db.query(`CREATE TABLE contact_message (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      template TEXT NOT NULL CHECK (template IN ('ready','quote','follow_up','unclaimed')),
      language TEXT NOT NULL CHECK (language IN ('en','zh-CN')),
      text TEXT NOT NULL CHECK (length(trim(text)) > 0),
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX contact_message_ticket ON contact_message(ticket_id, id)`);

    // ---- trips to the manufacturer (返厂) ----------------------------------------
    await db.query(`CREATE TABLE manufacturer_trip (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      rma_number TEXT NOT NULL CHECK (length(trim(rma_number)) > 0),
      manufacturer TEXT NOT NULL CHECK (length(trim(manufacturer)) > 0),
      expected_back TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      sent_by INTEGER REFERENCES staff(id),
      sent_at TEXT NOT NULL,
      back_by INTEGER REFERENCES staff(id),
      back_at TEXT,
      CHECK (back_at IS NULL OR back_at >= sent_at)
    )`);
    await db.query(`CREATE UNIQUE INDEX manufacturer_trip_one_open ON manufacturer_trip(ticket_id) WHERE back_at IS NULL`);
    await db.query(`CREATE INDEX manufacturer_trip_open ON manufacturer_trip(expected_back) WHERE back_at IS NULL`);
    await db.query(`CREATE INDEX manufacturer_trip_ticket ON manufacturer_trip(ticket_id)`);
    await db.query(`CREATE TRIGGER manufacturer_trip_no_delete BEFORE DELETE ON manufacturer_trip
      BEGIN SELECT RAISE(ABORT, 'manufacturer trips are never deleted'); END`);
    await db.query(`CREATE TRIGGER manufacturer_trip_back_once BEFORE UPDATE ON manufacturer_trip
      WHEN OLD.back_at IS NOT NULL OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.rma_number IS NOT OLD.rma_number
        OR NEW.manufacturer IS NOT OLD.manufacturer OR NEW.sent_at IS NOT OLD.sent_at OR NEW.sent_by IS NOT OLD.sent_by
      BEGIN SELECT RAISE(ABORT, 'a manufacturer trip is only ever completed by its return'); END`);

    // ---- the test after the repair (试机通检) -------------------------------------
    await db.query(`CREATE TABLE repair_test (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      tested TEXT NOT NULL CHECK (length(trim(tested)) > 0),
      passed BOOLEAN NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX repair_test_ticket ON repair_test(ticket_id, id)`);

    for (const [table, what] of [
      ['repair_test', 'repair tests'],
      ['customer_change', 'customer changes'],
      ['customer_merge', 'customer merges'],
      ['follow_up_call', 'follow-up calls'],
      ['complaint_step', 'complaint steps'],
      ['contact_message', 'contact messages'],
    ]) {
      await db.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END`);
      await db.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
        BEGIN SELECT RAISE(ABORT, '${what} are never changed'); END`);
    }
    await db.query(`CREATE TRIGGER complaint_no_delete BEFORE DELETE ON complaint
      BEGIN SELECT RAISE(ABORT, 'complaints are never deleted'); END`);
    await db.query(`CREATE TRIGGER customer_merged_no_delete BEFORE DELETE ON customer WHEN OLD.merged_into_id IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'merged customers are kept'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    const triggers = [
      'manufacturer_trip_no_delete',
      'manufacturer_trip_back_once',
      'complaint_no_delete',
      'customer_merged_no_delete',
      'complaint_closed_final',
    ];
    for (const table of ['repair_test', 'customer_change', 'customer_merge', 'follow_up_call', 'complaint_step', 'contact_message']) {
      triggers.push(`${table}_no_delete`, `${table}_no_update`);
    }
    for (const trigger of triggers) await db.query(`DROP TRIGGER ${trigger}`);
    for (const table of [
      'repair_test',
      'manufacturer_trip',
      'contact_message',
      'complaint_step',
      'complaint',
      'follow_up_call',
      'customer_merge',
      'customer_change',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX ticket_collected_at`);
    await db.query(`ALTER TABLE customer DROP COLUMN merged_into_id`);
  }
}
