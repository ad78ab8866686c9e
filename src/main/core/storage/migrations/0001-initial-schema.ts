import type { MigrationInterface, QueryRunner } from 'typeorm';

// First schema of a shop's database. Money is integer minor units; timestamps
// are ISO-8601 UTC text; calendar dates (purchase, promised) are YYYY-MM-DD.
// Tickets and their audit trail are never deleted: triggers refuse it.
export class InitialSchema1763856000000 implements MigrationInterface {
  name = 'InitialSchema1763856000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE staff (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('clerk','technician','manager')),
      active BOOLEAN NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`);
    await db.query(`CREATE TABLE customer (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      phone TEXT NOT NULL,
      phone_digits TEXT NOT NULL,
      address TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      owner_technician_id INTEGER REFERENCES staff(id),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX customer_phone_digits ON customer(phone_digits)`);
    await db.query(`CREATE INDEX customer_name ON customer(name)`);
    await db.query(`CREATE TABLE device (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      customer_id INTEGER NOT NULL REFERENCES customer(id),
      type TEXT NOT NULL,
      brand TEXT NOT NULL,
      model TEXT NOT NULL,
      serial TEXT NOT NULL DEFAULT '',
      colour TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX device_customer ON device(customer_id)`);
    await db.query(`CREATE INDEX device_serial ON device(serial)`);
    await db.query(`CREATE TABLE ticket_day_counter (
      day TEXT PRIMARY KEY,
      last_sequence INTEGER NOT NULL CHECK (last_sequence BETWEEN 1 AND 9999)
    )`);
    await db.query(`CREATE TABLE ticket (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      number INTEGER NOT NULL UNIQUE,
      status TEXT NOT NULL,
      customer_id INTEGER NOT NULL REFERENCES customer(id),
      device_id INTEGER NOT NULL REFERENCES device(id),
      intake_batch TEXT NOT NULL,
      fault TEXT NOT NULL,
      customer_request TEXT NOT NULL DEFAULT '',
      accessories TEXT NOT NULL DEFAULT '[]',
      accessories_other TEXT NOT NULL DEFAULT '',
      condition_checks TEXT NOT NULL DEFAULT '[]',
      condition_notes TEXT NOT NULL DEFAULT '',
      purchase_date TEXT,
      proof_of_purchase BOOLEAN NOT NULL DEFAULT 0,
      warranty_status TEXT NOT NULL CHECK (warranty_status IN ('in_warranty','out_of_warranty')),
      warranty_basis TEXT NOT NULL,
      fee_consent BOOLEAN NOT NULL DEFAULT 0,
      data_answer TEXT NOT NULL CHECK (data_answer IN ('has_backup','nothing_to_keep','shop_backup','accepts_loss')),
      estimate_minor INTEGER NOT NULL CHECK (estimate_minor >= 0),
      deposit_minor INTEGER NOT NULL CHECK (deposit_minor >= 0),
      currency TEXT NOT NULL,
      promised_date TEXT,
      technician_id INTEGER REFERENCES staff(id),
      clerk_id INTEGER REFERENCES staff(id),
      passcode_kind TEXT CHECK (passcode_kind IN ('pin','pattern')),
      passcode_sealed TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX ticket_customer ON ticket(customer_id)`);
    await db.query(`CREATE INDEX ticket_status ON ticket(status)`);
    await db.query(`CREATE TABLE ticket_event (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      kind TEXT NOT NULL,
      from_status TEXT,
      to_status TEXT,
      amount_minor INTEGER,
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX ticket_event_ticket ON ticket_event(ticket_id)`);
    await db.query(`CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);

    // The audit trail is append-only and tickets are voided, never deleted.
    await db.query(`CREATE TRIGGER ticket_no_delete BEFORE DELETE ON ticket
      BEGIN SELECT RAISE(ABORT, 'tickets are never deleted'); END`);
    await db.query(`CREATE TRIGGER ticket_event_no_delete BEFORE DELETE ON ticket_event
      BEGIN SELECT RAISE(ABORT, 'ticket events are never deleted'); END`);
    await db.query(`CREATE TRIGGER ticket_event_no_update BEFORE UPDATE ON ticket_event
      BEGIN SELECT RAISE(ABORT, 'ticket events are never changed'); END`);

    // A fresh shop needs someone to sign as; renamed in Settings.
    await db.query(`INSERT INTO staff (name, role, active, created_at) VALUES ('Manager', 'manager', 1, strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['ticket_event_no_update', 'ticket_event_no_delete', 'ticket_no_delete']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    for (const table of ['setting', 'ticket_event', 'ticket', 'ticket_day_counter', 'device', 'customer', 'staff']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
