import type { MigrationInterface, QueryRunner } from 'typeorm';

// Words as data: what the desk writes is shown in the shop's language of the
// day it is read, not of the day it was written.
// - `ticket_event.note_data`: a history note's code and parameters (JSON); its
//   text is rendered when shown. `note` keeps the words of the day it was
//   written. Rows from before have no data and are shown as written.
// - `quote_line.name_en` / `name_zh`: the fee item's names when a labour line is
//   named by the fee standard (not typed), so the quote and the receipt name it
//   in either language. Lines from before keep their one description.
export class WordsAsData1765238400000 implements MigrationInterface {
  name = 'WordsAsData1765238400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket_event ADD COLUMN note_data TEXT CHECK (note_data IS NULL OR json_valid(note_data))`);
    await db.query(`ALTER TABLE quote_line ADD COLUMN name_en TEXT`);
    await db.query(`ALTER TABLE quote_line ADD COLUMN name_zh TEXT`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE quote_line DROP COLUMN name_zh`);
    await db.query(`ALTER TABLE quote_line DROP COLUMN name_en`);
    await db.query(`ALTER TABLE ticket_event DROP COLUMN note_data`);
  }
}
