import type { MigrationInterface, QueryRunner } from 'typeorm';

// Lookups at the counter without scanning:
// - customer_name_gram: every character and every pair of characters of each
//   customer's name (ASCII folded to lower case, as LIKE and NOCASE compare),
//   plus the name's first one and two characters marked at_start. A Chinese
//   surname or given name of one or two characters is found in the whole
//   history, newest first, by one index range. Triggers on customer keep it
//   right whatever changes a name (intake, edits, merges).
// - device_model: every brand and model pair in use (a few hundred in a shop),
//   kept by triggers on device: a model typed as short words only ("X1",
//   "Mi 10") is matched against it, then each matching model's newest devices
//   are read from the model index.
// - customer.phone_digits_reversed: the digits backwards, indexed, so a full
//   phone number also finds the same number written with a country code (the
//   phones ending with it) by one range.
const POSITIONS = 100; // the longest name the desk accepts

/**
 * The grams of names as rows (gram, at_start, customer_id): `name` and `id` are
 * SQL expressions over `from` (one customer in a trigger, every one in the backfill).
 */
function gramsOf(name: string, id: string, from = 'search_position'): string {
  return `SELECT lower(substr(${name}, n, 1)), 0, ${id} FROM ${from}
      WHERE n <= length(${name}) AND substr(${name}, n, 1) <> ' '
    UNION ALL SELECT lower(substr(${name}, n, 2)), 0, ${id} FROM ${from}
      WHERE n < length(${name}) AND instr(substr(${name}, n, 2), ' ') = 0
    UNION ALL SELECT lower(substr(${name}, 1, n)), 1, ${id} FROM ${from}
      WHERE n <= 2 AND n <= length(${name})`;
}

/** The digits of phone_digits backwards (phone numbers are at most 15 digits; a margin kept). */
function reversedDigits(): string {
  return Array.from({ length: 24 }, (_, i) => `substr(phone_digits, ${24 - i}, 1)`).join(' || ');
}

/** Fills customer_name_gram from every stored customer (as the insert trigger would, one customer at a time). */
export const CUSTOMER_NAME_GRAM_FILL = `INSERT OR IGNORE INTO customer_name_gram (gram, at_start, customer_id)
      ${gramsOf('c.name', 'c.id', 'customer c, search_position')}`;
/** Fills device_model from every stored device. */
export const DEVICE_MODEL_FILL = `INSERT OR IGNORE INTO device_model (brand, model) SELECT DISTINCT brand, model FROM device`;

export class FastLookups1764892800000 implements MigrationInterface {
  name = 'FastLookups1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE search_position (n INTEGER PRIMARY KEY)`);
    await db.query(`INSERT INTO search_position (n) VALUES ${Array.from({ length: POSITIONS }, (_, i) => `(${i + 1})`).join(',')}`);
    await db.query(`CREATE TABLE customer_name_gram (
      gram TEXT NOT NULL,
      at_start INTEGER NOT NULL,
      customer_id INTEGER NOT NULL,
      PRIMARY KEY (gram, at_start, customer_id)
    ) WITHOUT ROWID`);
    await db.query(CUSTOMER_NAME_GRAM_FILL);
    await db.query(`CREATE TRIGGER customer_name_gram_insert AFTER INSERT ON customer BEGIN
      INSERT OR IGNORE INTO customer_name_gram (gram, at_start, customer_id) ${gramsOf('NEW.name', 'NEW.id')}; END`);
    await db.query(`CREATE TRIGGER customer_name_gram_delete AFTER DELETE ON customer BEGIN
      DELETE FROM customer_name_gram WHERE (gram, at_start, customer_id) IN (${gramsOf('OLD.name', 'OLD.id')}); END`);
    await db.query(`CREATE TRIGGER customer_name_gram_update AFTER UPDATE OF id, name ON customer BEGIN
      DELETE FROM customer_name_gram WHERE (gram, at_start, customer_id) IN (${gramsOf('OLD.name', 'OLD.id')});
      INSERT OR IGNORE INTO customer_name_gram (gram, at_start, customer_id) ${gramsOf('NEW.name', 'NEW.id')}; END`);

    await db.query(`CREATE TABLE device_model (brand TEXT NOT NULL, model TEXT NOT NULL, PRIMARY KEY (brand, model)) WITHOUT ROWID`);
    await db.query(DEVICE_MODEL_FILL);
    await db.query(`CREATE TRIGGER device_model_insert AFTER INSERT ON device BEGIN
      INSERT OR IGNORE INTO device_model (brand, model) VALUES (NEW.brand, NEW.model); END`);
    // A pair no device uses any more stays: matching it finds no device, which costs one index probe.
    await db.query(`CREATE TRIGGER device_model_update AFTER UPDATE OF brand, model ON device BEGIN
      INSERT OR IGNORE INTO device_model (brand, model) VALUES (NEW.brand, NEW.model); END`);

    await db.query(`ALTER TABLE customer ADD COLUMN phone_digits_reversed TEXT GENERATED ALWAYS AS (${reversedDigits()}) VIRTUAL`);
    await db.query(`CREATE INDEX customer_phone_digits_reversed ON customer(phone_digits_reversed)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customer_phone_digits_reversed`);
    await db.query(`ALTER TABLE customer DROP COLUMN phone_digits_reversed`);
    for (const trigger of ['device_model_update', 'device_model_insert']) await db.query(`DROP TRIGGER ${trigger}`);
    await db.query(`DROP TABLE device_model`);
    for (const trigger of ['customer_name_gram_update', 'customer_name_gram_delete', 'customer_name_gram_insert']) await db.query(`DROP TRIGGER ${trigger}`);
    await db.query(`DROP TABLE customer_name_gram`);
    await db.query(`DROP TABLE search_position`);
  }
}
