import type { MigrationInterface, QueryRunner } from 'typeorm';

// A stock move's note written by the desk itself (a part taken back off a
// cancelled repair) is stored as data, `stock_move.note_data` (a code and its
// parameters, JSON), and worded when read in the shop's language of the day,
// like the history notes. `note` keeps the words of the day it was written;
// what staff typed has no data and is shown as typed.
export class StockNotesAsData1765670400000 implements MigrationInterface {
  name = 'StockNotesAsData1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE stock_move ADD COLUMN note_data TEXT CHECK (note_data IS NULL OR json_valid(note_data))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE stock_move DROP COLUMN note_data`);
  }
}
