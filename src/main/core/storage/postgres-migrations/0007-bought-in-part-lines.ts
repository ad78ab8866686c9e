// SQLite migration 0020 in PostgreSQL: a quote line may be a part bought in for
// this one repair, with its unit cost and, when known, its supplier. PostgreSQL
// changes the CHECK in place; the day figures' recompute functions then count a
// bought-in part's charge as parts, as they count a stocked one.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const STOCKED_PARTS = `ql.kind = 'part'`;
const ALL_PARTS = `ql.kind IN ('part', 'bought_part')`;

/** Re-creates every function of this schema whose body has `from`, with `to` in its place. */
async function rewriteFunctions(runner: QueryRunner, from: string, to: string): Promise<void> {
  const functions: { definition: string }[] = await runner.query(
    `SELECT pg_get_functiondef(p.oid) AS definition FROM pg_proc p
     WHERE p.pronamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND p.prokind = 'f' AND strpos(p.prosrc, $1) > 0`,
    [from],
  );
  for (const { definition } of functions) await runner.query(definition.replaceAll(from, to));
}

export class PostgresBoughtInPartLines1765756800000 implements MigrationInterface {
  name = 'PostgresBoughtInPartLines1765756800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE quote_line DROP CONSTRAINT quote_line_kind_check;
      ALTER TABLE quote_line ADD CONSTRAINT quote_line_kind_check CHECK (kind IN ('labour','part','bought_part'));
      ALTER TABLE quote_line ADD COLUMN unit_cost_minor bigint CHECK (unit_cost_minor >= 0);
      ALTER TABLE quote_line ADD COLUMN supplier text NOT NULL DEFAULT '';
      ALTER TABLE quote_line ADD CONSTRAINT quote_line_bought_cost CHECK ((kind = 'bought_part') = (unit_cost_minor IS NOT NULL));
      ALTER TABLE quote_line ADD CONSTRAINT quote_line_bought_supplier CHECK (kind = 'bought_part' OR supplier = '');
    `);
    await rewriteFunctions(runner, STOCKED_PARTS, ALL_PARTS);
  }

  async down(runner: QueryRunner): Promise<void> {
    const bought: { n: number }[] = await runner.query(`SELECT COUNT(*)::int AS n FROM quote_line WHERE kind = 'bought_part'`);
    if ((bought[0]?.n ?? 0) > 0) throw new Error('quote lines with bought-in parts cannot be taken back to a schema without them');
    await rewriteFunctions(runner, ALL_PARTS, STOCKED_PARTS);
    await runner.query(`
      ALTER TABLE quote_line DROP CONSTRAINT quote_line_bought_supplier;
      ALTER TABLE quote_line DROP CONSTRAINT quote_line_bought_cost;
      ALTER TABLE quote_line DROP COLUMN supplier;
      ALTER TABLE quote_line DROP COLUMN unit_cost_minor;
      ALTER TABLE quote_line DROP CONSTRAINT quote_line_kind_check;
      ALTER TABLE quote_line ADD CONSTRAINT quote_line_kind_check CHECK (kind IN ('labour','part'));
    `);
  }
}
