// Opening the shop's file safely, at start and after a restore: the checks of
// startup.ts first (a backup before any migration), then the database itself
// with its identity settled. A problem puts the desk in recovery instead, on a
// placeholder database in memory, so nothing is ever written to a file that
// might be the only copy of the shop's history.
import type { DeskContext } from '../../context';
import { SecretBox } from '../../security/secret-box';
import type { PostgresConnection } from '../../storage/engine';
import { Database } from '../../storage/database';
import { prepareDataFile, settleIdentity } from './startup';

/** Opens the shop file into the context; false (and the desk in recovery) when it must not be used. */
export async function openShopFile(ctx: DeskContext): Promise<boolean> {
  const { safety } = ctx;
  const prepared = await prepareDataFile(safety.files, safety.destination().folder, ctx.clock.now());
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
 * Opens the shop's PostgreSQL database into the context: the server holds the data
 * (its own backups are the server's, not the desk's file copies); the desk's
 * secret key stays in its data folder.
 */
export async function openShopServer(ctx: DeskContext, connection: PostgresConnection): Promise<void> {
  const { safety } = ctx;
  ctx.secrets = SecretBox.fromKeyFile(safety.files.keyFile);
  ctx.db = await Database.openPostgres(connection);
  safety.problem = null;
  await settleIdentity(ctx.db, safety.files.dataDir, ctx.clock.now());
}
