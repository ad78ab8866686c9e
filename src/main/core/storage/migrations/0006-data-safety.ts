import type { MigrationInterface, QueryRunner } from 'typeorm';

// Data safety: the shop's identity inside its own file (so a file from another
// shop, or an empty one, is recognised at start), and the history of every
// backup attempt with its verification result. Both are append-only.
export class DataSafety1764547200000 implements MigrationInterface {
  name = 'DataSafety1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE desk_meta (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    await db.query(`CREATE TRIGGER desk_meta_no_update BEFORE UPDATE ON desk_meta
      BEGIN SELECT RAISE(ABORT, 'desk identity is never changed'); END`);
    await db.query(`CREATE TRIGGER desk_meta_no_delete BEFORE DELETE ON desk_meta
      BEGIN SELECT RAISE(ABORT, 'desk identity is never deleted'); END`);
    await db.query(`CREATE TABLE backup_run (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      started_at TEXT NOT NULL,
      finished_at TEXT NOT NULL,
      reason TEXT NOT NULL CHECK (reason IN ('start','interval','close','migration','manual','restore')),
      ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
      folder TEXT NOT NULL,
      size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
      tickets INTEGER NOT NULL CHECK (tickets >= 0),
      last_ticket_number INTEGER,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      detail TEXT NOT NULL DEFAULT ''
    )`);
    await db.query(`CREATE INDEX backup_run_started_at ON backup_run(started_at)`);
    await db.query(`CREATE TRIGGER backup_run_no_update BEFORE UPDATE ON backup_run
      BEGIN SELECT RAISE(ABORT, 'backup history is never changed'); END`);
    await db.query(`CREATE TRIGGER backup_run_no_delete BEFORE DELETE ON backup_run
      BEGIN SELECT RAISE(ABORT, 'backup history is never deleted'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE backup_run`);
    await db.query(`DROP TABLE desk_meta`);
  }
}
