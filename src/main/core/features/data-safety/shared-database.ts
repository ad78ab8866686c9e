// Settings > Storage / Shared database: which database this counter uses, the
// server's details (the password sealed with this counter's key, never handed
// back), the one-time move of this counter's shop into an empty server, and
// connecting another counter to a server that already holds the shop. Either
// way the counter's choice is written only once the server is ready, and the
// desk switches to it without a restart; the SQLite file stays as it was.
import { randomBytes } from 'node:crypto';
import { DeskError } from '../../../../shared/errors';
import type { ConnectionCheck, MoveProgress, SharedDatabaseStatus } from '../../../../shared/shared-database-contract';
import type { ChannelParsedInput } from '../../../../shared/contract';
import type { DeskContext } from '../../context';
import { SecretBox } from '../../security/secret-box';
import type { PostgresConnection } from '../../storage/engine';
import { readEngineChoice, writeEngineChoice } from '../../storage/engine-choice';
import { checkServer } from './server-check';
import { copyShopToServer, MoveFailure } from './move-to-server';
import { openServerDesk, openShopServer, settleShopServer } from './open-shop';
import { sealShopKey, SHOP_KEY_META } from '../../security/shop-key';
import { updateMetaValue } from './queries/desk-meta';

type ConnectionForm = ChannelParsedInput<'sharedDatabase.test'>;

/** This counter's own key: it seals the saved password (the shop's key may be another counter's). */
function counterKey(ctx: DeskContext): SecretBox {
  return SecretBox.fromKeyFile(ctx.safety.files.keyFile);
}

export function sharedDatabaseStatus(ctx: DeskContext): SharedDatabaseStatus {
  const choice = readEngineChoice(ctx.dataDir);
  const saved = choice.postgres;
  return {
    engine: ctx.db.engine.name,
    saved: saved && {
      host: saved.host,
      port: saved.port,
      database: saved.database,
      user: saved.user,
      tls: saved.tls,
      passwordSaved: saved.passwordSealed !== '',
    },
  };
}

/** The form's details, the saved password standing in when none was typed (only for the same server and user). */
export function connectionOf(ctx: DeskContext, form: ConnectionForm): PostgresConnection {
  const { host, port, database, user, tls } = form;
  if (form.password !== null) return { host, port, database, user, tls, password: form.password };
  const saved = readEngineChoice(ctx.dataDir).postgres;
  if (!saved || saved.host !== host || saved.port !== port || saved.user !== user) throw DeskError.field('password', 'password_not_saved');
  return { host, port, database, user, tls, password: saved.passwordSealed === '' ? '' : counterKey(ctx).open(saved.passwordSealed) };
}

function saveChoice(ctx: DeskContext, engine: 'sqlite' | 'postgres', connection: PostgresConnection): void {
  const { password, ...details } = connection;
  writeEngineChoice(ctx.dataDir, { engine, postgres: { ...details, passwordSealed: password === '' ? '' : counterKey(ctx).seal(password) } });
}

export function testServer(ctx: DeskContext, form: ConnectionForm): Promise<ConnectionCheck> {
  return checkServer(connectionOf(ctx, form));
}

/** Checks the server before a move or a connect; a failed check is the field error naming what is wrong. */
async function requireServer(connection: PostgresConnection): Promise<ConnectionCheck> {
  const check = await checkServer(connection);
  if (!check.ok && check.problem) throw new DeskError('unavailable', [{ path: 'connection', code: check.problem }], check.detail);
  return check;
}

/** A queued use case that reaches the old file after the switch: told to try again (it lands on the server then). */
function movedAway(): DeskError {
  return new DeskError('unavailable', [{ path: 'connection', code: 'already_shared' }], 'the shop moved to the shared database; try again');
}

/** Closes the SQLite file (no more backups of it: the server is the shop now) and opens the server in its place. */
async function switchToServer(ctx: DeskContext, connection: PostgresConnection): Promise<void> {
  const old = ctx.db;
  await ctx.safety.settle();
  old.retire(movedAway());
  await old.close();
  await openShopServer(ctx, connection);
  // The backup schedule goes on, now with pg_dump of the server.
  ctx.safety.start({ backupNow: false });
}

/** Moves by job id (unguessable): their progress is polled while the copy holds the desk's queue. */
const moves = new Map<string, MoveProgress>();

export function moveProgress(jobId: string): MoveProgress | null {
  const progress = moves.get(jobId);
  return progress ? { ...progress } : null;
}

/**
 * Starts the move: the server is checked first (a shop already there is refused,
 * with the offer to connect instead); the copy runs in the background, the
 * manager polls its progress.
 */
export async function startMove(ctx: DeskContext, form: ConnectionForm): Promise<MoveProgress> {
  if (ctx.db.engine.name !== 'sqlite') throw DeskError.field('connection', 'already_shared');
  const connection = connectionOf(ctx, form);
  const check = await requireServer(connection);
  if (check.holdsShop) throw new DeskError('conflict', [{ path: 'connection', code: 'shop_exists' }]);
  if ([...moves.values()].some((m) => m.state === 'running'))
    throw new DeskError('conflict', [{ path: 'connection', code: 'already_shared' }], 'a move is running');
  const progress: MoveProgress = {
    jobId: randomBytes(16).toString('hex'),
    state: 'running',
    table: '',
    tablesDone: 0,
    tablesTotal: 0,
    rowsDone: 0,
    rowsTotal: 0,
    problem: null,
    detail: '',
  };
  moves.set(progress.jobId, progress);
  const finished = moveShop(ctx, connection, (report) => Object.assign(progress, report));
  finished.then(
    () => Object.assign(progress, { state: 'done', table: '' }),
    (error: unknown) =>
      Object.assign(progress, {
        state: 'failed',
        problem: error instanceof MoveFailure ? error.problem : 'server_failed',
        detail: error instanceof Error ? error.message : String(error),
      }),
  );
  return { ...progress };
}

/** The move itself (startMove runs it in the background; tests await it). */
export async function moveShop(ctx: DeskContext, connection: PostgresConnection, onProgress: (report: Partial<MoveProgress>) => void): Promise<void> {
  if (ctx.db.engine.name !== 'sqlite') throw new MoveFailure('already_shared', 'this counter already uses the shared database');
  // The desk's queue is held: nothing is written to the file between the snapshot and the switch.
  await ctx.db.read(async (source) => {
    await copyShopToServer({ source, connection, shopKey: ctx.secrets, now: ctx.clock.now(), onProgress });
    saveChoice(ctx, 'postgres', connection);
    ctx.db.retire(movedAway());
  });
  await switchToServer(ctx, connection);
}

/**
 * Another counter joins the shop on the server: nothing is copied; its own file
 * stays as it was. On a counter already there, new details (a changed password)
 * are saved and the shop's key sealed again under the new password.
 */
export async function connectToServer(ctx: DeskContext, form: ConnectionForm): Promise<SharedDatabaseStatus> {
  const connection = connectionOf(ctx, form);
  const check = await requireServer(connection);
  if (!check.holdsShop) throw new DeskError('conflict', [{ path: 'connection', code: 'no_shop_on_server' }]);
  const onServer = ctx.db.engine.name === 'postgres';
  const current = readEngineChoice(ctx.dataDir).postgres;
  const sameDatabase = current?.host === connection.host && current.port === connection.port && current.database === connection.database;
  if (onServer && sameDatabase) {
    await ctx.db.write((tx) => updateMetaValue(tx, SHOP_KEY_META, sealShopKey(ctx.secrets, connection.password)));
  }
  // Opened before anything changes here: a password that cannot open the shop's key leaves this counter as it was.
  const opened = await openServerDesk(connection, ctx.safety.files.keyFile);
  saveChoice(ctx, 'postgres', connection);
  const old = ctx.db;
  if (!onServer) await ctx.safety.settle();
  old.retire(movedAway());
  await old.close();
  await settleShopServer(ctx, opened);
  ctx.safety.start({ backupNow: false });
  return sharedDatabaseStatus(ctx);
}
