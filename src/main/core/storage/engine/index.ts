// The few pieces of SQL that differ between the engines the desk stores on:
// SQLite (embedded, the default) and PostgreSQL (one server for several
// counters). Everything else is the same SQL on both. A use case finds its
// engine from its transaction with engineOf(tx).
import type { ReadSql, ReadTx, WriteTx } from '../transactions';
import { postgresEngine } from './postgres';
import { sqliteEngine } from './sqlite';

export type EngineName = 'sqlite' | 'postgres';

/** Where a desk finds its PostgreSQL database. The password is kept sealed with the desk's secret. */
export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: boolean;
}

/** An insert that updates the row already holding its keys. */
export interface Upsert {
  table: string;
  /** Every inserted column, in the order of the statement's `?` parameters. */
  columns: readonly string[];
  /** The unique key the conflict is on. */
  keys: readonly string[];
  /** column = SQL expression; `excluded.<column>` is the value that was to be inserted, a bare column the row's current one. */
  set: Readonly<Record<string, string>>;
  /** Only update when this holds (no row is returned otherwise). */
  where?: string;
  returning?: readonly string[];
}

/** Where a substring search looks: SQLite's FTS5 trigram table over the column, PostgreSQL's pg_trgm index on it. */
export interface SubstringTarget {
  table: string;
  column: string;
  /** The FTS5 table indexing the column (its rowid is the table's id). */
  ftsTable: string;
}

/** Columns a search reads substrings of: SQLite's FTS5 trigram table over them, PostgreSQL's pg_trgm indexes on them. */
export interface TextColumns {
  table: string;
  columns: readonly string[];
  /** The FTS5 table indexing the columns (its rowid is the table's id). */
  ftsTable: string;
}

/** A statement with its parameters. */
export interface Statement {
  sql: ReadSql;
  params: unknown[];
}

export interface StorageEngine {
  readonly name: EngineName;
  /** A statement written with `?` placeholders as the driver takes it (`$1, $2...` on PostgreSQL; `?` in string literals, quoted names and comments stays). */
  placeholders(sql: string): string;
  upsert(upsert: Upsert): string;
  /** Days (fractional) from one ISO-8601 timestamp expression to another. */
  daysBetween(fromIso: string, toIso: string): string;
  /** The calendar date (YYYY-MM-DD) of an ISO-8601 timestamp expression, shifted by a whole number of minutes (the shop's offset). */
  localDate(iso: string, offsetMinutes: number): string;
  /**
   * A condition on `<table>.id` (the table aliased as written in `alias`) holding the rows whose column contains
   * the text (3 characters or more), with its parameter.
   */
  containsText(target: SubstringTarget, alias: string, text: string): { sql: string; params: unknown[] };
  /** A comparison of a column with one `?` that ignores the case of ASCII letters (the NOCASE indexes serve it). */
  compareNoCase(column: string, operator: '=' | '>=' | '<'): string;
  /** An expression to sort by ignoring the case of ASCII letters. */
  sortNoCase(expression: string): string;
  /** `<expression> LIKE ?` (backslash escapes) ignoring the case of ASCII letters, as SQLite's LIKE does. */
  likeNoCase(expression: string): string;
  /**
   * The newest rows (`id` descending, at most `limit`, with the `select` columns) holding each text (3 characters
   * or more, case ignored) in one of the columns.
   */
  newestContaining(target: TextColumns, texts: readonly string[], limit: number, select?: readonly string[]): Statement;
  /** The newest customers (`id` descending) whose name holds a 1-2 character text (no space), at its start or anywhere. */
  newestWithNamePart(text: string, atStart: boolean, limit: number): Statement;
  /** Holds the ticket numbers' lock until the transaction ends, so numbers are unique and gap-free across counters. */
  lockTicketNumbers(tx: WriteTx): Promise<void>;
}

export function engineNamed(name: EngineName): StorageEngine {
  return name === 'postgres' ? postgresEngine : sqliteEngine;
}

/** The engine a transaction runs on. */
export function engineOf(tx: ReadTx): StorageEngine {
  return engineNamed(tx.connection.options.type === 'postgres' ? 'postgres' : 'sqlite');
}
