import type { MigrationInterface, QueryRunner } from 'typeorm';

// A quote line may be a part bought in for this one repair (a screen ordered
// from a supplier for this customer): `kind = 'bought_part'`, with what the shop
// paid for it (`unit_cost_minor`) and, when known, who it came from
// (`supplier`). It never touches stock, so it has no part id.
//
// SQLite cannot change a table's CHECK, so quote_line is rebuilt: every
// trigger that names the table (its own append-only and no-replace guards,
// and the day figures' triggers on it and on quote, collection, fee_item) is
// saved, dropped and made again after the rows are copied, so no figure is
// counted twice and no guard is lost. The day figures then count a bought-in
// part's charge as parts, as they count a stocked one.

const COLUMNS = `id, quote_id, position, kind, fee_item_id, part_id, description, qty, unit_price_minor, covered_unit_price_minor,
  line_total_minor, covered_minor, charged_minor, free, reason, name_en, name_zh`;

const tableSql = (name: string, kinds: string, boughtColumns: boolean) => `CREATE TABLE ${name} (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  quote_id INTEGER NOT NULL REFERENCES quote(id),
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN (${kinds})),
  fee_item_id INTEGER REFERENCES fee_item(id),
  part_id INTEGER REFERENCES part(id),
  description TEXT NOT NULL CHECK (length(trim(description)) > 0),
  qty INTEGER NOT NULL CHECK (qty BETWEEN 1 AND 999),
  unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
  covered_unit_price_minor INTEGER CHECK (covered_unit_price_minor >= 0),
  line_total_minor INTEGER NOT NULL CHECK (line_total_minor = qty * unit_price_minor),
  covered_minor INTEGER NOT NULL CHECK (covered_minor BETWEEN 0 AND line_total_minor),
  charged_minor INTEGER NOT NULL CHECK (charged_minor = line_total_minor - covered_minor),
  free BOOLEAN NOT NULL,
  reason TEXT NOT NULL,
  name_en TEXT,
  name_zh TEXT,${
    boughtColumns
      ? `
  unit_cost_minor INTEGER CHECK (unit_cost_minor >= 0),
  supplier TEXT NOT NULL DEFAULT '',
  CHECK ((kind = 'bought_part') = (unit_cost_minor IS NOT NULL)),
  CHECK (kind = 'bought_part' OR supplier = ''),`
      : ''
  }
  UNIQUE (quote_id, position),
  CHECK ((kind = 'part') = (part_id IS NOT NULL)),
  CHECK (kind = 'labour' OR fee_item_id IS NULL)
)`;

/** The day figures' parts value: the stocked parts' lines, and now the bought-in ones. */
const STOCKED_PARTS = `ql.kind = 'part'`;
const ALL_PARTS = `ql.kind IN ('part', 'bought_part')`;

interface SchemaRow {
  type: 'index' | 'trigger';
  name: string;
  sql: string;
}

/** Rebuilds quote_line as `createSql` (a table named quote_line_rebuilt), keeping every row, index and trigger. */
async function rebuildQuoteLine(db: QueryRunner, createSql: string, rewriteTrigger: (sql: string) => string): Promise<void> {
  const dependents: SchemaRow[] = await db.query(
    `SELECT type, name, sql FROM sqlite_master
     WHERE sql IS NOT NULL AND ((type = 'index' AND tbl_name = 'quote_line') OR (type = 'trigger' AND (tbl_name = 'quote_line' OR sql LIKE '%quote_line%')))
     ORDER BY rowid`,
  );
  const sequence: { seq: number }[] = await db.query(`SELECT seq FROM sqlite_sequence WHERE name = 'quote_line'`);
  for (const row of dependents) if (row.type === 'trigger') await db.query(`DROP TRIGGER ${row.name}`);
  await db.query(createSql);
  await db.query(`INSERT INTO quote_line_rebuilt (${COLUMNS}) SELECT ${COLUMNS} FROM quote_line ORDER BY id`);
  await db.query(`DROP TABLE quote_line`);
  await db.query(`ALTER TABLE quote_line_rebuilt RENAME TO quote_line`);
  if (sequence[0]) await db.query(`UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'quote_line'`, [sequence[0].seq]);
  for (const row of dependents) {
    if (row.type === 'index') await db.query(row.sql);
    else await db.query(rewriteTrigger(row.sql));
  }
}

export class BoughtInPartLines1765756800000 implements MigrationInterface {
  name = 'BoughtInPartLines1765756800000';

  async up(db: QueryRunner): Promise<void> {
    await rebuildQuoteLine(db, tableSql('quote_line_rebuilt', `'labour','part','bought_part'`, true), (sql) => sql.replaceAll(STOCKED_PARTS, ALL_PARTS));
  }

  async down(db: QueryRunner): Promise<void> {
    // Quote lines are never deleted: an older desk cannot hold a bought-in part.
    const bought: { n: number }[] = await db.query(`SELECT COUNT(*) AS n FROM quote_line WHERE kind = 'bought_part'`);
    if ((bought[0]?.n ?? 0) > 0) throw new Error('quote lines with bought-in parts cannot be taken back to a schema without them');
    await rebuildQuoteLine(db, tableSql('quote_line_rebuilt', `'labour','part'`, false), (sql) => sql.replaceAll(ALL_PARTS, STOCKED_PARTS));
  }
}
