// SQLite: the desk's embedded default. Its statements are the ones the desk
// has always run; one write transaction at a time holds the file's write lock.
import type { StorageEngine, Upsert } from './index';

export function upsertSql(upsert: Upsert): string {
  const set = Object.entries(upsert.set).map(([column, value]) => `${column} = ${value}`).join(', ');
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
  // BEGIN IMMEDIATE already holds the file's write lock for the whole write transaction.
  lockTicketNumbers: async () => undefined,
};
