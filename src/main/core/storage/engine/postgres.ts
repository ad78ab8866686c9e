// PostgreSQL: one server for every counter of a shop. Statements take `$n`
// parameters; substring search uses pg_trgm indexes (a one- or two-character
// name part the name gram index, as on SQLite); ticket numbers are taken
// under a transaction-scoped advisory lock, so two counters never share or skip one.
import { rowLimit } from '../row-limit';
import type { StorageEngine } from './index';
import { upsertSql } from './sqlite';

/** The advisory lock key of ticket numbers (any constant the desk uses for nothing else). */
export const TICKET_NUMBER_LOCK = 7_301_001;
/** The advisory lock key every write transaction takes first: the history's hash chain links one write after another. */
export const DESK_WRITE_LOCK = 7_301_002;

/** `?` to `$1, $2...`, leaving string literals, quoted names, dollar-quoted bodies and comments alone. */
export function toDollarParameters(sql: string): string {
  let out = '';
  let n = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end = -1;
    if (c === "'" || c === '"') {
      end = i + 1;
      while (end < sql.length) {
        if (sql[end] === c && sql[end + 1] === c) end += 2;
        else if (sql[end] === c) break;
        else end += 1;
      }
      end += 1;
    } else if (c === '-' && next === '-') {
      end = sql.indexOf('\n', i);
      if (end === -1) end = sql.length;
    } else if (c === '/' && next === '*') {
      end = sql.indexOf('*/', i + 2);
      end = end === -1 ? sql.length : end + 2;
    } else if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        end = close === -1 ? sql.length : close + tag[0].length;
      }
    }
    if (end !== -1) {
      out += sql.slice(i, end);
      i = end;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** The text with LIKE's wildcards taken literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** A LIKE pattern matching the text anywhere, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${likeLiteral(text)}%`;
}

export const postgresEngine: StorageEngine = {
  name: 'postgres',
  placeholders: toDollarParameters,
  upsert: (upsert) =>
    upsertSql({
      ...upsert,
      // A bare column in SET or WHERE is the existing row's: PostgreSQL wants it named with its table.
      set: Object.fromEntries(Object.entries(upsert.set).map(([column, value]) => [column, qualify(value, upsert.table, upsert.columns)])),
      where: upsert.where ? qualify(upsert.where, upsert.table, upsert.columns) : undefined,
    }),
  daysBetween: (fromIso, toIso) => `(EXTRACT(EPOCH FROM ((${toIso})::timestamptz - (${fromIso})::timestamptz)) / 86400.0)`,
  localDate: (iso, offsetMinutes) => `to_char(((${iso})::timestamptz AT TIME ZONE 'UTC') + interval '${offsetMinutes} minutes', 'YYYY-MM-DD')`,
  containsText: (target, alias, text) => ({
    sql: `${alias}.${target.column} ILIKE ?`,
    params: [containsPattern(text)],
  }),
  // The lower(column) indexes serve these, as NOCASE indexes do on SQLite.
  compareNoCase: (column, operator) => `lower(${column}) ${operator} lower(?)`,
  sortNoCase: (expression) => `lower(${expression})`,
  likeNoCase: (expression) => `${expression} ILIKE ?`,
  newestContaining: (target, texts, limit, select = []) => {
    const eachText = `(${target.columns.map((column) => `${column} ILIKE ?`).join(' OR ')})`;
    return {
      sql: `SELECT id${select.map((column) => `, ${column}`).join('')} FROM ${target.table} WHERE ${texts.map(() => eachText).join(' AND ')} ORDER BY id DESC ${rowLimit(limit)}`,
      params: texts.flatMap((text) => target.columns.map(() => containsPattern(text))),
    };
  },
  // The name gram index (postgres-migrations/0011), newest customer first along its key.
  newestWithNamePart: (text, atStart, limit) => ({
    sql: `SELECT customer_id AS id FROM customer_name_gram WHERE gram = lower(?) AND at_start = ? ORDER BY customer_id DESC ${rowLimit(limit)}`,
    params: [text, atStart ? 1 : 0],
  }),
  async lockTicketNumbers(tx) {
    await tx.query(`SELECT pg_advisory_xact_lock(${TICKET_NUMBER_LOCK})`);
  },
};

/** Prefixes bare references to the table's columns (not `excluded.x`, not already qualified) with the table. */
function qualify(expression: string, table: string, columns: readonly string[]): string {
  return expression.replace(/(?<![.\w])([a-z_][a-z0-9_]*)\b(?!\s*\()/g, (word: string) => (columns.includes(word) ? `${table}.${word}` : word));
}
