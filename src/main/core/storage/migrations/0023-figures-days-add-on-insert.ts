import type { MigrationInterface, QueryRunner } from 'typeorm';
import { FIGURES_DAY_TRIGGERS } from './0015-figures-days';
import { FIGURES_DAY_MONEY_TRIGGERS } from './0016-figures-days-money';
import { countingBoughtParts, FILL_FIGURES_DAY_MONEY_NOW, FILL_FIGURES_DAYS_NOW } from './0021-figures-bought-parts';
import { FIGURES_TECHNICIAN_SCORE_TRIGGERS, FILL_FIGURES_TECHNICIAN_SCORES } from './0022-figures-technician-scores';

// The day totals' insert triggers recomputed their whole day from its rows:
// each check-in re-read every ticket of the day (and each one's first
// response), so the 800th check-in of a busy day cost three times the first.
// A new ticket, payment, collection, part used or follow-up call only adds its
// own share to its day's totals, so those triggers now add that share to the
// row (an upsert); a change to a stored row still recomputes the days it
// touches. The share is the fill statement's own SELECT over the new row
// alone, so the totals stay exactly what a refill from the history gives.

export interface AddOnInsert {
  trigger: string;
  /** The day table, its primary key and the totals a new row adds to. */
  table: string;
  keys: readonly string[];
  totals: readonly string[];
  /** The source table, as the fill statement names it (`FROM ticket t`), and its alias. */
  source: string;
  alias: string;
}

export const ADD_ON_INSERTS: readonly AddOnInsert[] = [
  {
    trigger: 'figures_day_ticket_insert',
    table: 'figures_day_intake',
    keys: ['day', 'deposit_method'],
    totals: ['tickets', 'deposits', 'deposit_minor'],
    source: 'ticket',
    alias: 't',
  },
  {
    trigger: 'figures_day_ticket_insert',
    table: 'figures_day_response',
    keys: ['day', 'severity'],
    totals: ['tickets', 'responded', 'within_10', 'within_30', 'response_ms'],
    source: 'ticket',
    alias: 't',
  },
  {
    trigger: 'figures_day_payment_insert',
    table: 'figures_day_payment',
    keys: ['day', 'void_day', 'method', 'kind'],
    totals: ['count', 'amount_minor'],
    source: 'payment',
    alias: 'p',
  },
  {
    trigger: 'figures_day_collection_insert',
    table: 'figures_day_collected',
    keys: ['day'],
    totals: ['collected', 'labour_minor', 'parts_minor', 'diagnosis_minor', 'discount_minor'],
    source: 'collection',
    alias: 'c',
  },
  {
    trigger: 'figures_day_parts_insert',
    table: 'figures_day_parts',
    keys: ['day', 'part_id'],
    totals: ['qty', 'cost_minor', 'charged_minor'],
    source: 'stock_move',
    alias: 'm',
  },
  {
    trigger: 'figures_day_calls_insert',
    table: 'figures_day_calls',
    keys: ['day'],
    totals: ['calls', 'reached', 'quality_sum', 'quality_count', 'attitude_sum', 'attitude_count'],
    source: 'follow_up_call',
    alias: 'f',
  },
  {
    trigger: 'figures_day_scores_call_insert',
    table: 'figures_day_technician_scores',
    keys: ['day', 'technician_id'],
    totals: ['quality_sum', 'quality_count'],
    source: 'follow_up_call',
    alias: 'f',
  },
];

/**
 * The upsert that adds the new row's share to its day's totals: `fill` (the
 * table's fill statement from the whole history) read over the row NEW alone.
 * Refuses a fill statement that does not name its source exactly once. Both
 * engines take the same SQL.
 */
export function addNewRowShare(fill: string, add: AddOnInsert): string {
  const from = `FROM ${add.source} ${add.alias}`;
  const at = fill.indexOf(from);
  if (!fill.startsWith(`INSERT INTO ${add.table} (`) || at < 0 || fill.indexOf(from, at + 1) >= 0 || /\w/.test(fill.charAt(at + from.length)))
    throw new Error(`not the fill statement of ${add.table} over ${add.source}`);
  const newRowOnly = `FROM (SELECT * FROM ${add.source} WHERE id = NEW.id) ${add.alias}`;
  const sums = add.totals.map((column) => `${column} = ${add.table}.${column} + excluded.${column}`).join(', ');
  return `${fill.replace(from, newRowOnly)} ON CONFLICT (${add.keys.join(', ')}) DO UPDATE SET ${sums}`;
}

const SQLITE_FILLS = [...FILL_FIGURES_DAYS_NOW, ...FILL_FIGURES_DAY_MONEY_NOW, FILL_FIGURES_TECHNICIAN_SCORES];

/** The fill statement of a day table, among `fills`. */
export function fillOf(fills: readonly string[], table: string): string {
  const fill = fills.find((statement) => statement.startsWith(`INSERT INTO ${table} (`));
  if (!fill) throw new Error(`no fill statement for ${table}`);
  return fill;
}

/** Each trigger's upserts, in the order of ADD_ON_INSERTS. */
export function addOnBodies(fills: readonly string[]): Map<string, string[]> {
  const bodies = new Map<string, string[]>();
  for (const add of ADD_ON_INSERTS) bodies.set(add.trigger, [...(bodies.get(add.trigger) ?? []), addNewRowShare(fillOf(fills, add.table), add)]);
  return bodies;
}

const RECOMPUTING: Record<string, string> = { ...FIGURES_DAY_TRIGGERS, ...FIGURES_DAY_MONEY_TRIGGERS, ...FIGURES_TECHNICIAN_SCORE_TRIGGERS };

/** The trigger's event and WHEN clause, as the recomputing trigger had them (everything before its BEGIN). */
function headOf(trigger: string): string {
  const body = RECOMPUTING[trigger];
  const head = body?.slice(0, body.indexOf(' BEGIN'));
  if (!head) throw new Error(`no trigger ${trigger}`);
  return head;
}

export class FiguresDaysAddOnInsert1766016000000 implements MigrationInterface {
  name = 'FiguresDaysAddOnInsert1766016000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [trigger, statements] of addOnBodies(SQLITE_FILLS)) {
      await db.query(`DROP TRIGGER ${trigger}`);
      await db.query(`CREATE TRIGGER ${trigger} ${headOf(trigger)} BEGIN ${statements.map((s) => `${s};`).join('\n    ')} END`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const trigger of new Set(ADD_ON_INSERTS.map((add) => add.trigger))) {
      await db.query(`DROP TRIGGER ${trigger}`);
      // As the schema stood before: bought-in parts counted with the stocked ones (0020).
      await db.query(countingBoughtParts(`CREATE TRIGGER ${trigger} ${RECOMPUTING[trigger] ?? ''}`));
    }
  }
}
