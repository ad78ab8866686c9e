// The full export's reader of a shop kept on a PostgreSQL server: a client of
// its own in one REPEATABLE READ, READ ONLY transaction (one snapshot of every
// table, as the SQLite file's), each table read through a cursor in primary
// key order, a batch per FETCH. Ids and money come back as text here (this
// client parses nothing): in a CSV they read the same.
import pg from 'pg';
import type { PostgresConnection } from '../../storage/engine';
import { BATCH_ROWS, exportedColumns, isExportedTable, quoted, type ExportSource } from './export-source';

const CONNECT_TIMEOUT_MS = 10_000;
/** Each statement: a count of the largest table, or one batch's FETCH. */
const STATEMENT_TIMEOUT_MS = 120_000;
export const EXPORT_APPLICATION_NAME = 'repair-desk-export';

export async function openPostgresExport(connection: PostgresConnection): Promise<ExportSource> {
  const client = new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.tls,
    // Raw text for every type: the file's CSV and the server's then agree cell for cell.
    types: { getTypeParser: () => (value: string) => value },
    // A server that does not answer fails the export instead of leaving it running for ever.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS,
    // Named in the server's pg_stat_activity, so whoever looks after the server sees what this connection is.
    application_name: EXPORT_APPLICATION_NAME,
  });
  // A connection lost between two statements (the server restarted, the network dropped) fails the export's
  // next statement; without a listener it would be thrown at the desk itself.
  let lost: Error | null = null;
  client.on('error', (error) => {
    lost = error;
  });
  /** The lost connection's own error, rather than pg's "not queryable" on the statement after it. */
  const stillConnected = (): void => {
    if (lost) throw lost;
  };
  try {
    await client.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  const keyOf = async (table: string): Promise<string[]> => {
    const found = await client.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
      [quoted(table)],
    );
    return found.rows.map((row) => row.name);
  };
  return {
    async tables() {
      stillConnected();
      const found = await client.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
      );
      return found.rows.map((row) => row.name).filter(isExportedTable);
    },
    async count(table) {
      stillConnected();
      const found = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${quoted(table)}`);
      return Number(found.rows[0]?.n ?? 0);
    },
    async columns(table) {
      stillConnected();
      // A generated column (customer.phone_digits_reversed) is the search's, as on the file, where table_info leaves it out.
      const found = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table],
      );
      return exportedColumns(
        table,
        found.rows.map((row) => row.name),
      );
    },
    async *batches(table, columns) {
      const key = await keyOf(table);
      const order = key.length > 0 ? ` ORDER BY ${key.map(quoted).join(', ')}` : '';
      await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR SELECT ${columns.map(quoted).join(', ')} FROM ${quoted(table)}${order}`);
      try {
        for (;;) {
          stillConnected();
          const fetched = await client.query<unknown[]>({ text: `FETCH ${BATCH_ROWS} FROM export_rows`, rowMode: 'array' });
          if (fetched.rows.length > 0) yield { rows: fetched.rows, from: 0 };
          if (fetched.rows.length < BATCH_ROWS) return;
        }
      } finally {
        // Not on a lost connection: the error that stopped the loop is the one to report.
        if (!lost) await client.query('CLOSE export_rows');
      }
    },
    async close() {
      // Read-only: nothing to keep. The export's own error, if any, is what its caller reports.
      if (!lost) await client.query('ROLLBACK').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}
