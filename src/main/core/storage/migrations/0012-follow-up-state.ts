import type { MigrationInterface, QueryRunner } from 'typeorm';

// The follow-up list (回访) reads only the calls that are due.
//
// follow_up_state keeps, per collected ticket, what decides its call: the local
// day it was collected, whether it is called back the same day (returned not
// fully fixed, or a rework), the calls that missed the customer and whether one
// reached them. Collection inserts the row, recording a call updates it.
//
// A call is due from a fixed number of days after collection (0 for same-day
// ones, the settings' window start for the others) until it lapses, so the
// calls due on a day are one index range per kind over collected_on:
//   same_day = 1 AND collected_on BETWEEN day - lapse AND day
//   same_day = 0 AND collected_on BETWEEN day - lapse AND day - window start
// and the window stays a setting (no stored date goes stale when it changes).
// Reached calls leave the index.
export const FOLLOW_UP_STATE_FILL = `INSERT INTO follow_up_state (ticket_id, collected_on, same_day, failed_attempts, last_failed_on, reached)
  SELECT t.id, date(t.collected_at, 'localtime'),
    CASE WHEN t.rework_of_ticket_id IS NOT NULL OR k.repaired = 0 THEN 1 ELSE 0 END,
    (SELECT COUNT(*) FROM follow_up_call f WHERE f.ticket_id = t.id AND NOT f.reached),
    (SELECT date(MAX(f.at), 'localtime') FROM follow_up_call f WHERE f.ticket_id = t.id AND NOT f.reached),
    EXISTS (SELECT 1 FROM follow_up_call f WHERE f.ticket_id = t.id AND f.reached)
  FROM ticket t LEFT JOIN collection k ON k.ticket_id = t.id
  WHERE t.status = 'collected' AND t.collected_at IS NOT NULL`;

export class FollowUpState1765065600000 implements MigrationInterface {
  name = 'FollowUpState1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE follow_up_state (
      ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id),
      collected_on TEXT NOT NULL,
      same_day INTEGER NOT NULL CHECK (same_day IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      last_failed_on TEXT,
      reached INTEGER NOT NULL DEFAULT 0 CHECK (reached IN (0, 1)),
      CHECK ((failed_attempts = 0) = (last_failed_on IS NULL))
    )`);
    await db.query(FOLLOW_UP_STATE_FILL);
    await db.query(`CREATE INDEX follow_up_state_due ON follow_up_state(same_day, collected_on) WHERE reached = 0`);
    await db.query(`CREATE TRIGGER follow_up_state_no_delete BEFORE DELETE ON follow_up_state
      BEGIN SELECT RAISE(ABORT, 'follow-up states are never deleted'); END`);
    // Calls only add up: a miss counts once more, a reached call closes it for good.
    await db.query(`CREATE TRIGGER follow_up_state_forward BEFORE UPDATE ON follow_up_state
      WHEN NEW.ticket_id IS NOT OLD.ticket_id OR NEW.collected_on IS NOT OLD.collected_on OR NEW.same_day IS NOT OLD.same_day
        OR OLD.reached = 1 OR NEW.failed_attempts < OLD.failed_attempts
      BEGIN SELECT RAISE(ABORT, 'a follow-up state only moves forward'); END`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER follow_up_state_forward`);
    await db.query(`DROP TRIGGER follow_up_state_no_delete`);
    await db.query(`DROP TABLE follow_up_state`);
  }
}
