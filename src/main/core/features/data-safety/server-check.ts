// Trying a shared server's connection details before anything depends on them:
// a short timeout, the server's version, pg_trgm available, and whether it
// already holds a shop. The driver's failure is turned into what the manager
// can act on (refused, wrong password, no such database...).
import pg from 'pg';
import { MIN_SERVER_VERSION, type ConnectionCheck, type ServerProblem } from '../../../../shared/shared-database-contract';
import type { PostgresConnection } from '../../storage/engine';
import { selectServerVersion, serverHoldsShop, trigramAvailable } from './queries/server-facts';

export const CHECK_TIMEOUT_MS = 5000;

/** A client for the details, its connecting and each statement bounded by the timeout. */
export function serverClient(connection: PostgresConnection, timeoutMs = CHECK_TIMEOUT_MS): pg.Client {
  return new pg.Client({
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password: connection.password,
    ssl: connection.tls,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
}

/** What the driver's error means for the manager. */
export function serverProblemOf(error: unknown): ServerProblem {
  const e = error as { code?: string; message?: string };
  const message = e.message ?? '';
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'server_refused';
    case '28P01': // invalid_password
    case '28000': // invalid_authorization_specification (no pg_hba entry, unknown role)
      return 'server_wrong_password';
    case '3D000':
      return 'server_no_database';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'server_host_unknown';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'server_timeout';
  }
  if (/timeout|timed out/i.test(message)) return 'server_timeout';
  if (/password|SASL|SCRAM/i.test(message)) return 'server_wrong_password';
  if (/SSL|TLS|certificate/i.test(message)) return 'server_tls';
  return 'server_failed';
}

export async function checkServer(connection: PostgresConnection, timeoutMs = CHECK_TIMEOUT_MS): Promise<ConnectionCheck> {
  const failed = (problem: ServerProblem, detail: string, serverVersion: string | null = null): ConnectionCheck => ({
    ok: false,
    problem,
    serverVersion,
    holdsShop: false,
    detail,
  });
  const client = serverClient(connection, timeoutMs);
  // An unreachable host must not keep the manager waiting on the operating system's own timeout.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })), timeoutMs + 500);
  });
  client.on('error', () => undefined); // a connection dropped after the check is not the desk's concern
  try {
    const work = (async () => {
      await client.connect();
      const version = await selectServerVersion(client);
      const serverVersion = version?.text ?? null;
      if (Number(version?.num ?? 0) < MIN_SERVER_VERSION * 10_000) {
        return failed('server_old_version', `PostgreSQL ${serverVersion ?? '?'}; ${MIN_SERVER_VERSION} or newer is needed`, serverVersion);
      }
      if (!(await trigramAvailable(client)))
        return failed('server_missing_extension', 'pg_trgm is not installed on the server (postgresql-contrib)', serverVersion);
      return { ok: true, problem: null, serverVersion, holdsShop: await serverHoldsShop(client), detail: '' };
    })();
    return await Promise.race([work, deadline]);
  } catch (error) {
    return failed(serverProblemOf(error), error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
    await client.end().catch(() => undefined);
  }
}
