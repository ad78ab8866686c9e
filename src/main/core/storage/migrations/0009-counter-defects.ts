import type { MigrationInterface, QueryRunner } from 'typeorm';

// The intake a counter is typing, kept until it is checked in or discarded on
// purpose: one row per counter, the draft as JSON (checked against the
// contract's schema when read). A draft carries no money taken and no
// signature, so dropping it is allowed.
export class CounterDefects1764806400000 implements MigrationInterface {
  name = 'CounterDefects1764806400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE TABLE intake_draft (
        counter_key TEXT PRIMARY KEY NOT NULL,
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL
      )`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE intake_draft`);
  }
}
