// SQLite migration 0010's name gram index in PostgreSQL: every character and
// every pair of characters of each customer's name (lower case), plus its
// first one and two characters marked at_start, kept by triggers on customer.
// pg_trgm's indexes need three characters, so a one- or two-character Chinese
// surname or given name otherwise read the customers newest first until enough
// matched (about 100 ms on 200,000 tickets); here it is one index range.
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Fills customer_name_gram from every stored customer (the move to a server runs it too, its triggers being off). */
export const POSTGRES_CUSTOMER_NAME_GRAM_FILL = `INSERT INTO customer_name_gram (gram, at_start, customer_id)
  SELECT g.gram, g.at_start, g.customer_id FROM customer c, LATERAL customer_name_grams(c.name, c.id) g
  ON CONFLICT DO NOTHING`;

export class PostgresCustomerNameGrams1766102400000 implements MigrationInterface {
  name = 'PostgresCustomerNameGrams1766102400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE customer_name_gram (
      gram text NOT NULL,
      at_start smallint NOT NULL,
      customer_id bigint NOT NULL,
      PRIMARY KEY (gram, at_start, customer_id)
    )`);
    // Spaces split words: no gram holds one, as on SQLite.
    await runner.query(`CREATE FUNCTION customer_name_grams(full_name text, customer bigint)
      RETURNS TABLE (gram text, at_start smallint, customer_id bigint) LANGUAGE sql IMMUTABLE AS $fn$
        SELECT lower(substr(full_name, n, 1)), 0::smallint, customer FROM generate_series(1, length(full_name)) AS n
          WHERE substr(full_name, n, 1) <> ' '
        UNION SELECT lower(substr(full_name, n, 2)), 0::smallint, customer FROM generate_series(1, length(full_name) - 1) AS n
          WHERE position(' ' IN substr(full_name, n, 2)) = 0
        UNION SELECT lower(substr(full_name, 1, n)), 1::smallint, customer FROM generate_series(1, least(2, length(full_name))) AS n
      $fn$`);
    await runner.query(`CREATE FUNCTION customer_name_gram_keep() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM customer_name_gram kept USING customer_name_grams(OLD.name, OLD.id) old_gram
            WHERE kept.gram = old_gram.gram AND kept.at_start = old_gram.at_start AND kept.customer_id = old_gram.customer_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO customer_name_gram (gram, at_start, customer_id)
            SELECT new_gram.gram, new_gram.at_start, new_gram.customer_id FROM customer_name_grams(NEW.name, NEW.id) new_gram
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await runner.query(`CREATE TRIGGER customer_name_gram_insert AFTER INSERT ON customer FOR EACH ROW EXECUTE FUNCTION customer_name_gram_keep()`);
    await runner.query(`CREATE TRIGGER customer_name_gram_update AFTER UPDATE OF id, name ON customer FOR EACH ROW EXECUTE FUNCTION customer_name_gram_keep()`);
    await runner.query(`CREATE TRIGGER customer_name_gram_delete AFTER DELETE ON customer FOR EACH ROW EXECUTE FUNCTION customer_name_gram_keep()`);
    await runner.query(POSTGRES_CUSTOMER_NAME_GRAM_FILL);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const trigger of ['customer_name_gram_delete', 'customer_name_gram_update', 'customer_name_gram_insert']) {
      await runner.query(`DROP TRIGGER ${trigger} ON customer`);
    }
    await runner.query(`DROP FUNCTION customer_name_gram_keep()`);
    await runner.query(`DROP FUNCTION customer_name_grams(text, bigint)`);
    await runner.query(`DROP TABLE customer_name_gram`);
  }
}
