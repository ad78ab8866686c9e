// What the shared-database check asks a PostgreSQL server, on a connection of
// its own: its version, whether pg_trgm can be installed, and whether a shop lives there.
import type pg from 'pg';

export interface ServerVersionRow {
  /** e.g. 160004 for 16.4 */
  num: string;
  text: string;
}

export async function selectServerVersion(client: pg.ClientBase): Promise<ServerVersionRow | undefined> {
  const version = await client.query<ServerVersionRow>(`SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS text`);
  return version.rows[0];
}

/** Whether the server has pg_trgm to install (postgresql-contrib). */
export async function trigramAvailable(client: pg.ClientBase): Promise<boolean> {
  const trgm = await client.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
  return trgm.rowCount !== 0;
}

/** Whether the schema the desk migrates says a shop lives there (its identity was given, or setup was done). */
export async function serverHoldsShop(client: pg.ClientBase): Promise<boolean> {
  const tables = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('desk_meta', 'setting', 'ticket')`,
  );
  if (Number(tables.rows[0]?.n) < 3) return false;
  const held = await client.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM desk_meta WHERE key = 'shop_id') OR EXISTS (SELECT 1 FROM setting WHERE key = 'setup.completedAt') OR EXISTS (SELECT 1 FROM ticket) AS held`,
  );
  return held.rows[0]?.held === true;
}
