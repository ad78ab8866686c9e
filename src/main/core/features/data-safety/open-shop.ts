// Opening the shop's file safely, at start and after a restore: the checks of
// startup.ts first (a backup before any migration), then the database itself
// with its identity settled. A problem puts the desk in recovery instead, on a
// placeholder database in memory, so nothing is ever written to a file that
// might be the only copy of the shop's history.
import type { DeskContext } from '../../context';
import { SecretBox } from '../../security/secret-box';
import { openShopKey, SHOP_KEY_META } from '../../security/shop-key';
import type { PostgresConnection } from '../../storage/engine';
import { Database } from '../../storage/database';
import { prepareDataFile, settleIdentity } from './startup';
import { selectMetaValue } from './queries/desk-meta';

/** Opens the shop file into the context; false (and the desk in recovery) when it must not be used. */
export async function openShopFile(ctx: DeskContext): Promise<boolean> {
  const { safety } = ctx;
  const prepared = await prepareDataFile(safety.files, safety.destination().folder, ctx.clock.now());
  safety.startCheck = prepared.startCheck;
  if (prepared.problem || !prepared.secrets) {
    safety.problem = prepared.problem;
    ctx.db = await Database.open(':memory:');
    return false;
  }
  ctx.db = await Database.open(safety.files.databaseFile);
  ctx.secrets = prepared.secrets;
  safety.problem = null;
  await settleIdentity(ctx.db, safety.files.dataDir, ctx.clock.now());
  if (prepared.migrationBackup) await safety.record(prepared.migrationBackup);
  return true;
}

/**
 * The shop's database on its server and the key its passcodes are sealed under:
 * the one kept in the server (sealed under the connection password, see
 * security/shop-key.ts), or this counter's own key file while the server keeps
 * none (a shop started on the server directly).
 */
export async function openServerDesk(
  connection: PostgresConnection,
  keyFile: string,
): Promise<{ db: Database; secrets: SecretBox; connection: PostgresConnection }> {
  const db = await Database.openPostgres(connection);
  try {
    const stored = await db.read((tx) => selectMetaValue(tx, SHOP_KEY_META));
    const secrets = stored !== undefined ? openShopKey(stored, connection.password) : SecretBox.fromKeyFile(keyFile);
    return { db, secrets, connection };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Puts an opened server desk into the context: the server holds the data, and backups become pg_dump's of it. */
export async function settleShopServer(ctx: DeskContext, opened: { db: Database; secrets: SecretBox; connection: PostgresConnection }): Promise<void> {
  ctx.db = opened.db;
  ctx.safety.server = opened.connection;
  ctx.secrets = opened.secrets;
  ctx.safety.problem = null;
  await settleIdentity(ctx.db, ctx.safety.files.dataDir, ctx.clock.now());
}

/** Opens the shop's PostgreSQL database into the context. */
export async function openShopServer(ctx: DeskContext, connection: PostgresConnection): Promise<void> {
  await settleShopServer(ctx, await openServerDesk(connection, ctx.safety.files.keyFile));
}
