// Channels of Settings > Storage / Shared database (a manager only): this
// counter's database (its own SQLite file or the shop's PostgreSQL server),
// a test of a server's connection details, the one-time move of this counter's
// data into an empty server, and connecting another counter to a server that
// already holds the shop. The password goes one way: typed in, kept sealed in
// main, never sent back (the status only says whether one is saved).
import { z } from 'zod';
import type { FieldErrorCode } from './errors';
import { code, requiredText } from './schema-helpers';
import { sessionSchema } from './staff-contract';

/** What can be wrong with a server's connection details; each is translated under errors.field.<code>. */
export const SERVER_PROBLEMS = [
  'server_refused',
  'server_wrong_password',
  'server_no_database',
  'server_missing_extension',
  'server_old_version',
  'server_timeout',
  'server_host_unknown',
  'server_tls',
  'server_failed',
] as const satisfies readonly FieldErrorCode[];
export type ServerProblem = (typeof SERVER_PROBLEMS)[number];

/** The oldest PostgreSQL the desk's schema is written for. */
export const MIN_SERVER_VERSION = 15;

export const connectionInput = z.object({
  session: sessionSchema,
  host: requiredText(255).refine((v) => !/\s/.test(v), code('invalid')),
  port: z.number(code('invalid')).int(code('invalid')).min(1, code('invalid')).max(65535, code('invalid')),
  database: requiredText(63),
  user: requiredText(63),
  /** null keeps the password saved on this counter. */
  password: z.string(code('invalid')).max(1000, code('too_long')).nullable(),
  tls: z.boolean(code('invalid')),
});

/** The details as the form shows them again: never the password itself. */
export interface SavedConnectionView {
  host: string;
  port: number;
  database: string;
  user: string;
  tls: boolean;
  passwordSaved: boolean;
}

export interface SharedDatabaseStatus {
  engine: 'sqlite' | 'postgres';
  saved: SavedConnectionView | null;
}

export interface ConnectionCheck {
  ok: boolean;
  problem: ServerProblem | null;
  /** e.g. "16.4", when the server answered. */
  serverVersion: string | null;
  /** The server already holds a shop: connect to it, do not move another one in. */
  holdsShop: boolean;
  /** The server's own words, for the manager who calls for help. */
  detail: string;
}

export interface MoveProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed';
  /** The table being copied (its export name in the UI). */
  table: string;
  tablesDone: number;
  tablesTotal: number;
  rowsDone: number;
  rowsTotal: number;
  /** Why it failed, translated under errors.field.<code>; null while running or done. */
  problem: FieldErrorCode | null;
  detail: string;
}

function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as O });
}

export const sharedDatabaseChannels = {
  'sharedDatabase.status': channel<SharedDatabaseStatus>()(z.object({ session: sessionSchema })),
  /** Tries the details with a short timeout: version, pg_trgm, whether a shop is there. Saves nothing. */
  'sharedDatabase.test': channel<ConnectionCheck>()(connectionInput),
  /** Starts copying this counter's data into an empty server; refused when the server holds a shop. */
  'sharedDatabase.move': channel<MoveProgress>()(connectionInput),
  /** Asked by the job's id alone (unguessable, known only to the manager who started it): see roles.ts. */
  'sharedDatabase.moveProgress': channel<MoveProgress>()(z.object({ jobId: z.string().min(1).max(64) })),
  /** Switches this counter to a server already holding the shop, copying nothing. */
  'sharedDatabase.connect': channel<SharedDatabaseStatus>()(connectionInput),
};
