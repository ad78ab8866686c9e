import type { MigrationInterface, QueryRunner } from 'typeorm';

// How the deposit taken at intake was paid (cash, card, WeChat Pay, Alipay), so
// the day's takings count it under its method. Tickets checked in before this
// version keep NULL: their method was never asked.
export class DepositMethod1764374400000 implements MigrationInterface {
  name = 'DepositMethod1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ticket ADD COLUMN deposit_method TEXT CHECK (deposit_method IS NULL OR deposit_method IN ('cash','card','wechat','alipay'))`);
    await db.query(`CREATE INDEX ticket_created_at ON ticket(created_at) WHERE deposit_minor > 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ticket_created_at`);
    await db.query(`ALTER TABLE ticket DROP COLUMN deposit_method`);
  }
}
