import type { MigrationInterface, QueryRunner } from 'typeorm';

// The replaced part handed back to the customer (旧件退还客户): the old part of
// a repair leaves with its owner instead of going to the stores. One row per
// hand-back, on the ticket and its receipt; never changed or deleted. It is
// not a stock move: the shop's shelves do not change.
export class OldPartHandback1765152000000 implements MigrationInterface {
  name = 'OldPartHandback1765152000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE old_part_handback (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER NOT NULL REFERENCES ticket(id),
      part_id INTEGER NOT NULL REFERENCES part(id),
      qty INTEGER NOT NULL CHECK (qty > 0),
      note TEXT NOT NULL DEFAULT '',
      staff_id INTEGER REFERENCES staff(id),
      at TEXT NOT NULL
    )`);
    await db.query(`CREATE INDEX old_part_handback_ticket ON old_part_handback(ticket_id, id)`);
    await db.query(`CREATE TRIGGER old_part_handback_no_delete BEFORE DELETE ON old_part_handback
      BEGIN SELECT RAISE(ABORT, 'old part hand-backs are never deleted'); END`);
    await db.query(`CREATE TRIGGER old_part_handback_no_update BEFORE UPDATE ON old_part_handback
      BEGIN SELECT RAISE(ABORT, 'old part hand-backs are never changed'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER old_part_handback_no_update`);
    await db.query(`DROP TRIGGER old_part_handback_no_delete`);
    await db.query(`DROP TABLE old_part_handback`);
  }
}
