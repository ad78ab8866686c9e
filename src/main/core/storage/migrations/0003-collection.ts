import type { MigrationInterface, QueryRunner } from 'typeorm';

// Collection (取机): payments and refunds at the counter, and the hand-over
// record with the customer's signature.
//
// Guarantees kept by the database itself, whatever the code does:
// - a payment row is never deleted and its amounts never change; a mistake is
//   voided once (who, which manager, why), which only sets the void columns;
// - a refund and a void name the approving manager and a reason;
// - cash records what was tendered and the change (tendered − amount); other
//   methods have neither;
// - one hand-over record per ticket, never changed or deleted.
export class Collection1764288000000 implements MigrationInterface {
  name = 'Collection1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE payment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      kind TEXT NOT NULL CHECK (kind IN ('payment','refund')),
      method TEXT NOT NULL CHECK (method IN ('cash','card','wechat','alipay')),
      amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
      tendered_minor INTEGER,
      change_minor INTEGER NOT NULL DEFAULT 0,
      reference TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      approved_by INTEGER REFERENCES staff(id),
      at TEXT NOT NULL,
      voided_at TEXT,
      voided_by INTEGER REFERENCES staff(id),
      void_approved_by INTEGER REFERENCES staff(id),
      void_reason TEXT,
      CHECK (
        (kind = 'payment' AND method = 'cash' AND tendered_minor >= amount_minor AND change_minor = tendered_minor - amount_minor) OR
        (kind = 'payment' AND method <> 'cash' AND tendered_minor IS NULL AND change_minor = 0) OR
        (kind = 'refund' AND tendered_minor IS NULL AND change_minor = 0 AND approved_by IS NOT NULL AND length(trim(reason)) > 0)
      ),
      CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_approved_by IS NULL AND void_reason IS NULL) OR
        (voided_at IS NOT NULL AND void_approved_by IS NOT NULL AND length(trim(void_reason)) > 0)
      )
    )`);
    await db.query(`CREATE INDEX payment_ticket ON payment(ticket_id)`);
    await db.query(`CREATE INDEX payment_at ON payment(at)`);
    await db.query(`CREATE TRIGGER payment_no_delete BEFORE DELETE ON payment
      BEGIN SELECT RAISE(ABORT, 'payments are never deleted (void them)'); END`);
    // The only change a payment row ever sees: voided once.
    await db.query(`CREATE TRIGGER payment_void_only BEFORE UPDATE ON payment
      WHEN OLD.voided_at IS NOT NULL
        OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.kind IS NOT OLD.kind OR NEW.method IS NOT OLD.method
        OR NEW.amount_minor IS NOT OLD.amount_minor OR NEW.tendered_minor IS NOT OLD.tendered_minor
        OR NEW.change_minor IS NOT OLD.change_minor OR NEW.reference IS NOT OLD.reference OR NEW.reason IS NOT OLD.reason
        OR NEW.staff_id IS NOT OLD.staff_id OR NEW.approved_by IS NOT OLD.approved_by OR NEW.at IS NOT OLD.at
      BEGIN SELECT RAISE(ABORT, 'payments are never changed; a mistake is voided once'); END`);

    await db.query(`CREATE TABLE collection (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL UNIQUE REFERENCES ticket(id),
      identity TEXT NOT NULL CHECK (identity IN ('claim_ticket','phone_and_name')),
      identity_note TEXT NOT NULL DEFAULT '',
      signature_png TEXT NOT NULL CHECK (signature_png LIKE 'data:image/png;base64,%'),
      accessories_returned TEXT NOT NULL DEFAULT '[]',
      repaired BOOLEAN NOT NULL,
      total_minor INTEGER NOT NULL CHECK (total_minor >= 0),
      loaner_override_reason TEXT,
      staff_id INTEGER REFERENCES staff(id),
      approved_by INTEGER REFERENCES staff(id),
      at TEXT NOT NULL,
      CHECK (identity <> 'phone_and_name' OR length(trim(identity_note)) > 0),
      CHECK (loaner_override_reason IS NULL OR (length(trim(loaner_override_reason)) > 0 AND approved_by IS NOT NULL))
    )`);
    await db.query(`CREATE TRIGGER collection_no_delete BEFORE DELETE ON collection
      BEGIN SELECT RAISE(ABORT, 'collection records are never deleted'); END`);
    await db.query(`CREATE TRIGGER collection_no_update BEFORE UPDATE ON collection
      BEGIN SELECT RAISE(ABORT, 'collection records are never changed'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of ['collection_no_update', 'collection_no_delete', 'payment_void_only', 'payment_no_delete']) {
      await db.query(`DROP TRIGGER ${trigger}`);
    }
    await db.query(`DROP TABLE collection`);
    await db.query(`DROP TABLE payment`);
  }
}
