// SQLite: the desk's embedded default. Its statements are the ones the desk
// has always run; one write transaction at a time holds the file's write lock.
import { rowLimit } from '../row-limit';
import type { StorageEngine, Upsert } from './index';

export function upsertSql(upsert: Upsert): string {
  const set = Object.entries(upsert.set)
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ');
  return [
    `INSERT INTO ${upsert.table} (${upsert.columns.join(', ')}) VALUES (${upsert.columns.map(() => '?').join(', ')})`,
    `ON CONFLICT(${upsert.keys.join(', ')}) DO UPDATE SET ${set}`,
    ...(upsert.where ? [`WHERE ${upsert.where}`] : []),
    ...(upsert.returning ? [`RETURNING ${upsert.returning.join(', ')}`] : []),
  ].join('\n');
}

/** An FTS5 phrase: the text in double quotes, its own quotes doubled. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** ASCII letters to lower case, as SQLite's lower(), LIKE and NOCASE fold them (and nothing else). */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export const sqliteEngine: StorageEngine = {
  name: 'sqlite',
  placeholders: (sql) => sql,
  upsert: upsertSql,
  daysBetween: (fromIso, toIso) => `(julianday(${toIso}) - julianday(${fromIso}))`,
  localDate: (iso, offsetMinutes) => `date(${iso}, '${offsetMinutes >= 0 ? '+' : '-'}${Math.abs(offsetMinutes)} minutes')`,
  containsText: (target, alias, text) => ({
    sql: `${alias}.id IN (SELECT rowid FROM ${target.ftsTable} WHERE ${target.ftsTable} MATCH ?)`,
    params: [`${target.column} : ${ftsPhrase(text)}`],
  }),
  compareNoCase: (column, operator) => `${column} ${operator} ? COLLATE NOCASE`,
  sortNoCase: (expression) => `${expression} COLLATE NOCASE`,
  likeNoCase: (expression) => `${expression} LIKE ? ESCAPE '\\'`,
  newestContaining: (target, texts, limit, select = []) => {
    const columns = target.columns.length === 1 ? target.columns.join('') : `{${target.columns.join(' ')}}`;
    const phrases = texts.length === 1 ? texts.map(ftsPhrase).join('') : `(${texts.map(ftsPhrase).join(' AND ')})`;
    return {
      sql: `SELECT rowid AS id${select.map((column) => `, ${column}`).join('')} FROM ${target.ftsTable} WHERE ${target.ftsTable} MATCH ? ORDER BY rowid DESC ${rowLimit(limit)}`,
      params: [`${columns} : ${phrases}`],
    };
  },
  // The name gram index: every character and pair of a name, its first ones marked at_start.
  newestWithNamePart: (text, atStart, limit) => ({
    sql: `SELECT customer_id AS id FROM customer_name_gram WHERE gram = ? AND at_start = ? ORDER BY customer_id DESC ${rowLimit(limit)}`,
    params: [foldAscii(text), atStart ? 1 : 0],
  }),
  // BEGIN IMMEDIATE already holds the file's write lock for the whole write transaction.
  lockTicketNumbers: async () => undefined,
};
