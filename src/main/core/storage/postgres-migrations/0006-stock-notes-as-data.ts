// SQLite migration 0019 in PostgreSQL: a stock move's desk-written note stored
// as data (a code and its parameters), worded when read.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PostgresStockNotesAsData1765670400000 implements MigrationInterface {
  name = 'PostgresStockNotesAsData1765670400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE stock_move ADD COLUMN note_data text CHECK (note_data IS NULL OR note_data::jsonb IS NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE stock_move DROP COLUMN note_data`);
  }
}
